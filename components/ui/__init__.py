"""The Streamlit UI: the only modules besides app.py that import streamlit. Each draws one area."""
