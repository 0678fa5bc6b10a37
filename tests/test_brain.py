"""The brain: coordinates checked against nilearn's MNI152 mask and the hemisphere a region's names state;
the glass brain drawn for the paper's map, nothing for a map without regions; the command line."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from components.analysis import brain
from components.cli import main
from components.model import load, mni
from components.model.errors import MapError

ROOT = Path(__file__).parents[1]
MINIMAL = ROOT / "tests" / "data" / "valid" / "minimal.yaml"


@pytest.fixture(scope="module")
def paper():
    return load.load_concepts(ROOT / "concepts.yaml")


def with_region(**fields) -> str:
    data = yaml.safe_load(MINIMAL.read_text())
    region = next(concept for concept in data["concepts"] if concept["kind"] == "region")
    region.update(fields)
    return yaml.safe_dump(data, sort_keys=False)


def test_the_stored_mask_is_nilearns_mni152_brain_mask():
    from nilearn import datasets

    template = datasets.load_mni152_brain_mask(resolution=2)
    inside, to_voxel = mni._mask()
    assert np.array_equal(inside, np.asarray(template.get_fdata() > 0))
    assert np.allclose(np.linalg.inv(to_voxel), template.affine)


def test_every_region_of_the_paper_lies_inside_the_brain(paper):
    placed = brain.placed(paper)
    assert len(placed) == 16
    assert all(mni.distance_outside(point) <= mni.TOLERANCE_MM for region in placed for point in region.points)


@pytest.mark.parametrize(
    ("point", "inside"),
    [((52, -56, 24), True), ((0, 0, 0), True), ((-36, 20, 2), True), ((88, 0, 0), False), ((0, -120, 60), False),
     ((0, 80, -60), False)],
)  # fmt: skip
def test_a_point_is_inside_the_template_or_not(point, inside):
    assert (mni.distance_outside(point) <= mni.TOLERANCE_MM) is inside


def test_a_coordinate_outside_the_brain_is_an_error_at_its_line():
    with pytest.raises(MapError) as raised:
        load.parse(with_region(mni=[85, -10, 60]), "map.yaml")
    (problem,) = raised.value.problems
    assert "lies outside the MNI152 brain" in problem.message
    assert problem.path == ("concepts", 2, "mni")
    assert problem.line is not None


def test_a_hemisphere_in_the_name_must_agree_with_the_sign_of_x():
    with pytest.raises(MapError, match="the right hemisphere but x = -36"):
        load.parse(with_region(label="Right anterior insula"), "map.yaml")
    with pytest.raises(MapError, match="the left hemisphere but x = 36"):
        load.parse(with_region(aliases=["lAI"], mni=[36, 20, 2]), "map.yaml")
    load.parse(with_region(aliases=["left AI", "right AI"]), "map.yaml")  # both named: either sign


def test_an_area_named_for_one_hemisphere_must_lie_in_it():
    """Broca's area is the left inferior frontal gyrus: a right-hemisphere point may be its homologue only."""
    with pytest.raises(MapError, match="the left hemisphere but x = 50"):
        load.parse(with_region(aliases=["Broca's area"], mni=[50, 12, 16]), "map.yaml")
    load.parse(with_region(aliases=["right homologue of Broca's area"], mni=[50, 12, 16]), "map.yaml")
    load.parse(with_region(label="Broca's area", mni=[-50, 14, 12]), "map.yaml")


def test_a_region_may_carry_one_point_per_hemisphere():
    concept_map = load.parse(with_region(mni=[[-36, 20, 2], [38, 20, 2]]), "map.yaml")
    (region,) = brain.placed(concept_map)
    assert region.points == ((-36.0, 20.0, 2.0), (38.0, 20.0, 2.0))
    with pytest.raises(MapError, match="outside the MNI152 brain"):
        load.parse(with_region(mni=[[-36, 20, 2], [88, 20, 2]]), "map.yaml")


def test_a_region_without_coordinates_is_listed_not_drawn(paper):
    data = paper.model_dump(mode="json", exclude_defaults=True)
    edited = copy.deepcopy(data)
    for concept in edited["concepts"]:
        if concept["id"] == "tpj":
            concept.pop("mni")
            concept.pop("mni_source")
    concept_map = load.parse(yaml.safe_dump(edited), "map.yaml")
    assert brain.unplaced(concept_map) == ["tpj"]
    assert "tpj" not in {region.id for region in brain.placed(concept_map)}


def test_regions_are_coloured_by_the_facet_they_serve(paper):
    groups = {region.id: region.group for region in brain.placed(paper)}
    assert groups["tpj"] == "Mentalizing"
    assert groups["anterior_insula"] == "Experience sharing"
    colours = {region.group: region.colour for region in brain.placed(paper)}
    assert len(set(colours.values())) == len(colours)


def test_the_glass_brain_of_the_paper_is_a_picture_and_of_a_map_without_regions_nothing(paper):
    png = brain.figure(paper, lit={"tpj"})
    assert png is not None
    assert png.startswith(b"\x89PNG")
    svg = brain.figure(paper, lit={"tpj"}, kind="svg")
    assert svg is not None
    assert b"TPJ" in svg
    data = yaml.safe_load(MINIMAL.read_text())
    data["concepts"] = [concept for concept in data["concepts"] if concept["kind"] != "region"]
    data["relations"] = [r for r in data["relations"] if "anterior_insula" not in (r["source"], r["target"])]
    assert brain.figure(load.parse(yaml.safe_dump(data), "map.yaml")) is None


def test_the_glass_brain_of_characters_xml_forbids_is_well_formed_svg():
    """The hostile exports map's region is named `'\\r=2`; one named with a C0 control and U+FFFE as well."""
    import xml.etree.ElementTree as ElementTree

    concept_map = load.parse(with_region(label="TPJ \x01 \ufffe \uffff \r=2", abbrev=None), "map.yaml")
    svg = brain.figure(concept_map, kind="svg")
    assert svg is not None
    ElementTree.fromstring(svg)  # raises on a file that is not well-formed
    assert "TPJ \ufffd \ufffd \ufffd \ufffd=2" in svg.decode()


def test_the_3d_view_asks_no_host_for_anything(paper):
    page = brain.view_3d(paper, {"tpj"})
    assert page is not None
    assert "Content-Security-Policy" in page
    assert "raw.githubusercontent.com" not in page
    assert "default-src 'none'" in page


def test_brain_writes_a_png_or_svg(tmp_path, capsys):
    assert main(["brain", str(ROOT / "concepts.yaml"), "-o", str(tmp_path / "b.png"), "--view", "selected=tpj"]) == 0
    assert (tmp_path / "b.png").read_bytes().startswith(b"\x89PNG")
    assert "16 regions" in capsys.readouterr().out
    assert main(["brain", str(ROOT / "concepts.yaml"), "-o", str(tmp_path / "b.gif")]) == 2


def test_the_stage_figure_names_every_region_large_with_a_legend_of_the_facets(paper):
    """On the stage, nothing lit: every region named in 11-point type at 100 dpi (15 px where it is shown at
    its size), and a legend of the facets' colours."""
    svg = brain.figure(paper, kind="svg", stage=True)
    assert svg is not None
    text = svg.decode()
    sizes = {name: float(size) for size, name in re.findall(r"font-size: ([\d.]+)px[^>]*>([^<]+)</text>", text)}
    for region in brain.placed(paper):  # sizes in points (the SVG's px are 1/72 in): 11 pt is 15 px at 100 dpi
        assert sizes.get(region.name, 0) >= 11, region.name
    for group, _ in brain.legend(brain.placed(paper)):
        assert f">{group}<" in text
    assert [group for group, _ in brain.legend(brain.placed(paper))] == [
        "Experience sharing", "Mentalizing", "Prosocial concern"
    ]  # fmt: skip
    png = brain.figure(paper, stage=True)
    assert png is not None
    width = int.from_bytes(png[16:20], "big")
    assert width == brain.STAGE_SIZE[0] * brain.STAGE_DPI  # drawn at the size it is shown
