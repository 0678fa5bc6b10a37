"""English for a map's own names, which any map may choose: whether a name is plural, the verb that agrees
with it, the article before it, and the words that tell one name from another.

Plurality is read from the name's head noun, as English does: the words before a colon ("Trend 1: ...")
or a slash ("Ventral striatum / nucleus accumbens"), brackets dropped, cut at the first preposition
("Prosocial behaviour toward the excluded"); its last word is plural if it ends in "s" but not "ss",
"us", "is" or "ics" ("Temporal poles", "Lesion studies"; not "Superior temporal sulcus", "Genetics"),
or is one of English's few irregular plurals ("children", "stimuli"). An abbreviation ("TMS") is not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PREPOSITIONS = frozenset(
    "of in on for to with by from about between among toward towards into during under over across after before "
    "at as via vs versus".split()
)  # fmt: skip
IRREGULAR_PLURALS = frozenset(
    "people children men women mice feet teeth criteria phenomena stimuli nuclei ganglia cortices loci "
    "foci bacteria".split()
)  # fmt: skip
# Words that say nothing of which concept is meant (for `telling_words`).
STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or other s the their this to vs with".split()
)


def head(name: str) -> str:
    """The head noun of a name: "poles" in "Temporal poles", "Trend 1" → "1", "gyrus" in
    "Inferior frontal gyrus (pars opercularis)"."""
    text = re.sub(r"\([^)]*\)", " ", name).split(":")[0].split("/")[0]
    words: list[str] = []
    for word in text.split():
        if word.lower() in PREPOSITIONS and words:
            break
        words.append(word)
    return words[-1] if words else name


@lru_cache(maxsize=4096)
def is_plural(name: str) -> bool:
    """Whether a name is grammatically plural ("Temporal poles" is, "Anterior insula" is not)."""
    word = head(name).split("-")[-1]
    if word.isupper() or not word.isalpha():  # an abbreviation (TMS, ACC) or a number (Trend 1)
        return False
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ics")) and len(lower) > 2


def agree(verb_phrase: str, subject: str) -> str:
    """A verb phrase written for a singular subject ("is part of", "engages", "addresses") made to agree
    with `subject`: "are part of", "engage", "address" after "Temporal poles"."""
    if not is_plural(subject):
        return verb_phrase
    verb, _, rest = verb_phrase.partition(" ")
    plural = {"is": "are", "has": "have", "was": "were", "does": "do"}.get(verb)
    if plural is None:
        if verb.endswith("ies"):
            plural = verb[:-3] + "y"
        elif verb.endswith(("sses", "shes", "ches", "xes", "zes")):
            plural = verb[:-2]
        elif verb.endswith("s"):
            plural = verb[:-1]
        else:
            plural = verb
    return f"{plural} {rest}".rstrip()


def sentence(source: str, verb_phrase: str, target: str) -> str:
    """The subject, its verb made to agree, the object: "Temporal poles are part of ..."."""
    return f"{source} {agree(verb_phrase, source)} {target}"


def the(name: str) -> str:
    """A name after "the", in running text: "the anterior insula", "the TPJ"; a name whose first word is a
    possessive ("Broca's area") takes no article."""
    first = name.split()[0] if name.split() else name
    if first.endswith(("'s", "’s")):
        return name
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return f"the {name[0].lower()}{name[1:]}"
    return f"the {name}"


def telling_words(text: str) -> set[str]:
    """The words of a text that could tell one name from another: folded (case, accents), split at
    punctuation and hyphens, without the commonest words, a plural made singular ("links" → "link").
    Numbers count ("Trend 1" and "Pitfall 1" share "1")."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    return {_singular(word) for word in re.findall(r"[a-z0-9]+", folded)} - STOPWORDS


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
