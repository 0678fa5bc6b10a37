"""What the map says: its graph and the questions asked of it (filters, the selection, paths, facets
compared, evidence and standings, the details of a concept or relation, the outline, counts, the brain)."""
