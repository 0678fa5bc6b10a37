"""The closed vocabularies of a map: kinds of concept and types of relation, each with its words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a concept is. Every concept has exactly one kind."""

    FACET = "facet"
    PROCESS = "process"
    REGION = "region"
    SYSTEM = "system"
    METHOD = "method"
    PARADIGM = "paradigm"
    POPULATION = "population"
    BEHAVIOR = "behavior"
    MEASURE = "measure"
    PITFALL = "pitfall"
    TREND = "trend"
    DIRECTION = "direction"
    THEORY = "theory"
    CONSTRUCT = "construct"


@dataclass(frozen=True)
class KindInfo:
    label: str
    plural: str
    description: str


KINDS: dict[Kind, KindInfo] = {
    Kind.FACET: KindInfo("Facet", "Facets", "One of the main parts of the map's subject: where a reader starts."),
    Kind.PROCESS: KindInfo("Process", "Processes", "A psychological sub-process through which a facet works."),
    Kind.REGION: KindInfo("Brain region", "Brain regions", "A brain region, with approximate MNI coordinates."),
    Kind.SYSTEM: KindInfo("Neural system", "Neural systems", "A network of brain regions that work together."),
    Kind.METHOD: KindInfo("Method", "Methods", "A research method or level of analysis."),
    Kind.PARADIGM: KindInfo("Paradigm", "Paradigms", "An experimental design or task."),
    Kind.POPULATION: KindInfo("Population", "Populations", "A group of people studied, often clinical."),
    Kind.BEHAVIOR: KindInfo("Behaviour", "Behaviours", "Something people do toward others."),
    Kind.MEASURE: KindInfo("Measure", "Measures", "An outcome or individual difference that is measured."),
    Kind.PITFALL: KindInfo("Pitfall", "Pitfalls", "A methodological or conceptual pitfall the paper names."),
    Kind.TREND: KindInfo("Trend", "Trends", "A research trend that overcomes a pitfall."),
    Kind.DIRECTION: KindInfo("Future direction", "Future directions", "Where the paper says the field could go."),
    Kind.THEORY: KindInfo("Theory", "Theories", "A theory, model or account of how something works."),
    Kind.CONSTRUCT: KindInfo("Construct", "Constructs", "A general idea the paper builds on."),
}


class RelationType(StrEnum):
    """How two concepts are related. Read as: source <label> target."""

    PART_OF = "part_of"
    ENGAGES = "engages"
    STUDIED_WITH = "studied_with"
    DISSOCIATES_FROM = "dissociates_from"
    DISTINCT_FROM = "distinct_from"
    INTERACTS_WITH = "interacts_with"
    CONNECTS_WITH = "connects_with"
    FEEDS_INTO = "feeds_into"
    OVERLAPS_WITH = "overlaps_with"
    PREDICTS = "predicts"
    CORRELATES_WITH = "correlates_with"
    MODULATES = "modulates"
    IMPAIRED_IN = "impaired_in"
    MEASURES = "measures"
    SUPPORTS = "supports"
    CHALLENGES = "challenges"
    EXEMPLIFIES = "exemplifies"
    ADDRESSES = "addresses"
    IMPROVES = "improves"
    LEADS_TO = "leads_to"
    EXPLAINS = "explains"
    ROLE_IN = "role_in"


class Sign(StrEnum):
    """Which way a relation runs: more of the source goes with more of the target, or with less."""

    POSITIVE = "positive"
    NEGATIVE = "negative"


@dataclass(frozen=True)
class RelationInfo:
    label: str  # source <label> target
    inverse: str  # target <inverse> source
    description: str
    symmetric: bool = False
    negative: tuple[str, str] | None = None  # (label, inverse) of a relation whose sign is negative, if it may have one

    def words(self, sign: Sign = Sign.POSITIVE) -> tuple[str, str]:
        """How a relation of this type reads from its source and from its target, given its sign."""
        if sign == Sign.NEGATIVE and self.negative:
            return self.negative
        return self.label, self.inverse


RELATIONS: dict[RelationType, RelationInfo] = {
    RelationType.PART_OF: RelationInfo(
        "is part of", "includes", "A facet of a construct, a process of a facet, a region of a system."
    ),
    RelationType.ENGAGES: RelationInfo(
        "engages", "is engaged by", "A facet, process, paradigm or behaviour recruits a brain region or system."
    ),
    RelationType.STUDIED_WITH: RelationInfo(
        "is studied with", "is used to study", "A facet or process is investigated with a paradigm or method."
    ),
    RelationType.DISSOCIATES_FROM: RelationInfo(
        "dissociates from",
        "dissociates from",
        "Evidence (lesions, meta-analysis, clinical groups) that two things can come apart.",
        symmetric=True,
    ),
    RelationType.DISTINCT_FROM: RelationInfo(
        "is distinct from", "is distinct from", "A conceptual distinction between two ideas.", symmetric=True
    ),
    RelationType.INTERACTS_WITH: RelationInfo(
        "interacts with", "interacts with", "Two facets or systems work together.", symmetric=True
    ),
    RelationType.CONNECTS_WITH: RelationInfo(
        "is functionally connected with",
        "is functionally connected with",
        "Activity in two regions or systems is coupled (connectivity analyses).",
        symmetric=True,
    ),
    RelationType.FEEDS_INTO: RelationInfo(
        "feeds into", "receives input from", "One system passes its output to another."
    ),
    RelationType.OVERLAPS_WITH: RelationInfo(
        "overlaps with", "overlaps with", "Two networks or constructs share regions or parts.", symmetric=True
    ),
    RelationType.PREDICTS: RelationInfo(
        "predicts",
        "is predicted by",
        "Activity or a measure forecasts a later behaviour or outcome.",
        negative=("predicts less", "is inversely predicted by"),
    ),
    RelationType.CORRELATES_WITH: RelationInfo(
        "correlates with",
        "correlates with",
        "Two measures vary together, across people or from moment to moment within them.",
        symmetric=True,
        negative=("correlates negatively with", "correlates negatively with"),
    ),
    RelationType.MODULATES: RelationInfo(
        "modulates",
        "is modulated by",
        "A context or factor changes the strength of a response.",
        negative=("reduces", "is reduced by"),
    ),
    RelationType.IMPAIRED_IN: RelationInfo(
        "is impaired in", "shows impaired", "A facet, process or region works atypically in a population."
    ),
    RelationType.MEASURES: RelationInfo("measures", "is measured by", "A paradigm or method yields a measure."),
    RelationType.SUPPORTS: RelationInfo(
        "supports", "is supported by", "Evidence or argument in favour of a theory or claim."
    ),
    RelationType.CHALLENGES: RelationInfo(
        "challenges", "is challenged by", "Evidence or argument against a theory or claim."
    ),
    RelationType.EXEMPLIFIES: RelationInfo(
        "exemplifies", "is exemplified by", "A paradigm or approach is an instance of a pitfall or trend."
    ),
    RelationType.ADDRESSES: RelationInfo("addresses", "is addressed by", "A trend or method overcomes a pitfall."),
    RelationType.IMPROVES: RelationInfo("improves", "is improved by", "An intervention improves an ability."),
    RelationType.LEADS_TO: RelationInfo(
        "leads to", "follows from", "One gives rise to another: a trend opens a direction, a pitfall fosters a debate."
    ),
    RelationType.EXPLAINS: RelationInfo(
        "explains", "is explained by", "A theory or account proposes how something works."
    ),
    RelationType.ROLE_IN: RelationInfo(
        "is a role in",
        "involves the role of",
        "A participant's role in a process or construct (the one who perceives, the one perceived), not a part of it.",
    ),
}
SIGNED = frozenset(kind for kind, info in RELATIONS.items() if info.negative)  # types that may say `sign: negative`


class EvidenceKind(StrEnum):
    """What kind of work a reference is: the evidence it can give."""

    META_ANALYSIS = "meta_analysis"
    LESION = "lesion"
    FMRI = "fmri"
    TMS = "tms"
    EEG_MEG = "eeg_meg"
    BEHAVIOURAL = "behavioural"
    DEVELOPMENTAL = "developmental"
    CLINICAL = "clinical"
    REVIEW = "review"
    THEORY = "theory"
    BOOK = "book"


EVIDENCE: dict[EvidenceKind, str] = {
    EvidenceKind.META_ANALYSIS: "meta-analysis",
    EvidenceKind.LESION: "lesion study",
    EvidenceKind.FMRI: "fMRI study",
    EvidenceKind.TMS: "TMS study",
    EvidenceKind.EEG_MEG: "EEG/MEG study",
    EvidenceKind.BEHAVIOURAL: "behavioural study",
    EvidenceKind.DEVELOPMENTAL: "developmental study",
    EvidenceKind.CLINICAL: "clinical study",
    EvidenceKind.REVIEW: "review",
    EvidenceKind.THEORY: "theoretical paper",
    EvidenceKind.BOOK: "book",
}
# Kinds that report data (a review or meta-analysis pools data, a theory or book argues).
EMPIRICAL = frozenset(
    {EvidenceKind.LESION, EvidenceKind.FMRI, EvidenceKind.TMS, EvidenceKind.EEG_MEG, EvidenceKind.BEHAVIOURAL,
     EvidenceKind.DEVELOPMENTAL, EvidenceKind.CLINICAL}
)  # fmt: skip
POOLED = frozenset({EvidenceKind.META_ANALYSIS, EvidenceKind.REVIEW})


class Standing(StrEnum):
    """How firmly a relation stands: drawn as a solid, dashed or dotted line."""

    ESTABLISHED = "established"
    TENTATIVE = "tentative"
    INTERPRETIVE = "interpretive"


STANDINGS: dict[Standing, str] = {
    Standing.ESTABLISHED: "Established: several studies, a meta-analysis or a review report it.",
    Standing.TENTATIVE: "Tentative: a single study reports it.",
    Standing.INTERPRETIVE: "Interpretive: the map's authors' reading of the works cited, not a finding itself.",
}
# Relation types that report a finding; the others place concepts in the argument (the map's reading).
FINDINGS = frozenset(
    {RelationType.ENGAGES, RelationType.DISSOCIATES_FROM, RelationType.CONNECTS_WITH, RelationType.PREDICTS,
     RelationType.CORRELATES_WITH, RelationType.MODULATES, RelationType.IMPAIRED_IN, RelationType.MEASURES,
     RelationType.IMPROVES, RelationType.OVERLAPS_WITH}
)  # fmt: skip
