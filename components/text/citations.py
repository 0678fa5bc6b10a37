"""References as citations (authors, year, title, journal) and their one safe https link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from components.model.concepts import Reference, Source
from components.model.vocabulary import EVIDENCE

DOI_SAFE = "/:;()._-"


@dataclass(frozen=True)
class Citation:
    key: str
    n: int
    authors: str
    year: int
    title: str
    source: str  # journal with volume and pages, or publisher and city for a book
    url: str | None  # https only
    evidence: str | None = None  # what kind of work it is, in words ("fMRI study")
    short: str = ""  # "Zaki & Ochsner 2012"
    itself: bool = False  # the paper the map models, cited for its own claims (`authors` holds its citation)

    @property
    def text(self) -> str:
        if self.itself:
            return self.authors
        return f"{self.authors} ({self.year}). {self.title}. {self.source}".rstrip(". ") + "."


def cite(reference: Reference) -> Citation:
    return Citation(
        key=reference.key,
        n=reference.n,
        authors=format_authors(reference.authors, reference.authors_complete),
        year=reference.year,
        title=reference.title.rstrip("."),
        source=_source(reference),
        url=link(reference),
        evidence=EVIDENCE[reference.evidence] if reference.evidence else None,
        short=short_citation(reference),
    )


def cite_source(source: Source) -> Citation:
    """The paper the map models, cited for a claim it makes itself."""
    return Citation(
        source.key or "", 0, source.citation, 0, "", "", source_link(source), None, "the paper itself", itself=True
    )


def format_authors(authors: tuple[str, ...], complete: bool = True) -> str:
    """'Zaki, J.', 'Zaki, J. & Ochsner, K.', 'Singer, T. et al.' (more than five, or an incomplete list)."""
    if not complete or len(authors) > 5:
        return f"{authors[0]} et al."
    if len(authors) == 1:
        return authors[0]
    return ", ".join(authors[:-1]) + " & " + authors[-1]


def short_citation(reference: Reference) -> str:
    """'Singer 2004', 'Zaki & Ochsner 2012', 'Singer et al. 2004': surnames and year."""
    return short_form(reference.authors, reference.year, reference.authors_complete)


def short_form(authors: Sequence[str], year: int, complete: bool = True) -> str:
    """As a paper cites in its text: one author 'Saxe 2003', two 'Saxe & Kanwisher 2003', three or more
    (or a list that is not complete) 'Saxe et al. 2003'; `authors` as 'Surname, I.' or a bare surname."""
    surnames = [author.split(",")[0].strip() for author in authors]
    if len(surnames) > 2 or not complete:
        return f"{surnames[0]} et al. {year}"
    return f"{' & '.join(surnames)} {year}"


def doi_url(doi: str) -> str:
    """A DOI's https address, with every character a URL may not hold unescaped %-encoded."""
    return "https://doi.org/" + quote(doi, safe=DOI_SAFE)


def source_link(source: Source) -> str | None:
    """The https address of the paper a map models: its DOI, else its url."""
    return doi_url(source.doi) if source.doi else source.url


def link(reference: Reference) -> str | None:
    """The reference's https address: its DOI, else PubMed Central, else PubMed, else its url."""
    if reference.doi:
        return doi_url(reference.doi)
    if reference.pmcid:
        return f"https://pmc.ncbi.nlm.nih.gov/articles/{reference.pmcid}/"
    if reference.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{reference.pmid}/"
    return reference.url


def _source(reference: Reference) -> str:
    if reference.type == "book":
        return ", ".join(part for part in (reference.publisher or reference.journal, reference.city) if part)
    source = reference.journal or ""
    if reference.volume:
        source += f" {reference.volume}"
    if reference.pages:
        source += f", {reference.pages}"
    return source
