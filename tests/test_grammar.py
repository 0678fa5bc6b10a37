"""English for a map's names: plural or not, the verb that agrees, the article, the telling words."""

from __future__ import annotations

import pytest

from components.text import grammar


@pytest.mark.parametrize(
    "name",
    ["Temporal poles", "Lesion studies", "Animated shapes", "Outgroup members", "Motor-evoked potentials",
     "False-belief and other mentalizing tasks", "Children", "Visual stimuli", "Mirror neurons"],
)  # fmt: skip
def test_plural_names(name):
    assert grammar.is_plural(name)


@pytest.mark.parametrize(
    "name",
    ["Anterior insula", "Superior temporal sulcus", "Genetics", "Analysis", "Trend 1: naturalistic paradigms",
     "Pitfall 2: neglect of brain-behaviour links", "Inferior frontal gyrus (pars opercularis)", "TMS",
     "Prosocial behaviour toward the excluded", "EEG / event-related potentials", "Empathy in non-human animals",
     "Class", "Capacity of about four", "Broca's area"],
)  # fmt: skip
def test_singular_names(name):
    assert not grammar.is_plural(name)


@pytest.mark.parametrize(
    ("verb", "plural"),
    [("is part of", "are part of"), ("engages", "engage"), ("addresses", "address"), ("exemplifies", "exemplify"),
     ("is functionally connected with", "are functionally connected with"), ("does", "do"),
     ("challenges", "challenge"), ("feeds into", "feed into"), ("leads to", "lead to"), ("reaches", "reach")],
)  # fmt: skip
def test_a_verb_agrees_with_a_plural_subject(verb, plural):
    assert grammar.agree(verb, "Temporal poles") == plural
    assert grammar.agree(verb, "Anterior insula") == verb


@pytest.mark.parametrize(
    ("name", "with_article"),
    [("Anterior insula", "the anterior insula"), ("TPJ", "the TPJ"), ("Broca's area", "Broca's area"),
     ("Temporal poles", "the temporal poles"), ("fMRI", "the fMRI")],
)  # fmt: skip
def test_the(name, with_article):
    assert grammar.the(name) == with_article


def test_telling_words_fold_case_accents_punctuation_and_plurals():
    assert grammar.telling_words("Pitfall 2: neglect of Brain-behaviour LINKS") == {
        "pitfall", "2", "neglect", "brain", "behaviour", "link"
    }  # fmt: skip
    assert grammar.telling_words("Théorie des études") == {"theorie", "des", "etude"}
