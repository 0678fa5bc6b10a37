"""A script that fails the way a bug would, to see what the page shows of an unexpected error."""

raise RuntimeError("internal detail: /secret/path and a stack the user should not see")
