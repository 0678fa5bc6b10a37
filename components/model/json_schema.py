"""The JSON Schema of a map file, generated from the model, for editors (yaml-language-server)."""

from __future__ import annotations

import json
from typing import Any

from components.model.concepts import ConceptMap
from components.model.vocabulary import KINDS, RELATIONS

SCHEMA_FILE = "concepts.schema.json"


def json_schema() -> dict[str, Any]:
    """The model's JSON Schema, with a description for every kind and relation type."""
    schema = ConceptMap.model_json_schema(mode="validation")
    definitions = schema["$defs"]
    definitions["Kind"]["markdownEnumDescriptions"] = [
        f"**{info.label}**: {info.description}" for info in KINDS.values()
    ]
    definitions["RelationType"]["markdownEnumDescriptions"] = [
        f"**{info.label}** ({'symmetric' if info.symmetric else 'inverse: ' + info.inverse}): {info.description}"
        + (f" With `sign: negative`: **{info.negative[0]}**." if info.negative else "")
        for info in RELATIONS.values()
    ]
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Empathy Atlas concept map",
        "description": "A concept map: meta, concepts, relations (each backed by references) and references.",
    }


def to_json() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
