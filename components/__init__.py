"""Empathy Atlas's code: the map model, its loading and graph, the views' data, and the Streamlit UI.

Not only Streamlit components: everything but `ui/` is plain Python with no Streamlit and no disk
writes. Imports flow one way: vocabulary/errors -> model -> load/graph -> filters/view_data/stats ->
cli and ui -> app.py.
"""
