"""The map in and out: exports to other tools, the standalone explorer, starter maps from bibliographies,
files written whole, and untrusted input read in a bounded child process."""
