"""Baseline for `make bench`: the same map drawn the plain way, pyvis HTML in an iframe.

Selecting a concept re-renders the whole HTML with it highlighted (pyvis cannot send a click back to
Python), so every selection reloads vis-network in the iframe and runs the physics again.
"""

from __future__ import annotations

import os

import streamlit as st
from pyvis.network import Network

from components.model import load
from components.view.drawing import STYLES

concept_map = load.load_concepts(os.environ.get("EMPATHY_ATLAS_CONCEPTS", "concepts.yaml"))
selected = st.selectbox("Select", [c.id for c in concept_map.concepts], index=None, key="selected")
net = Network(height="680px", width="100%", directed=True, cdn_resources="in_line")
for concept in concept_map.concepts:
    style = STYLES[concept.kind]
    color = "#000000" if concept.id == selected else style.color
    net.add_node(concept.id, label=concept.label, title=concept.summary, color=color, shape=style.shape)
for relation in concept_map.relations:
    net.add_edge(relation.source, relation.target, title=relation.note)
html = net.generate_html()
st.iframe(html, height=720)
st.caption(f"html bytes: {len(html.encode())}")
