"""The map itself: its typed model and closed vocabularies, the loader that reads a file into it (every
problem as file:line:col), its brain coordinates, the JSON Schema for editors, and generated maps."""
