"""The side panel's views."""
