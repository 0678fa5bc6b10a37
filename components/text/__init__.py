"""Map text written out for each place it goes, safely: Markdown, XML, spreadsheets, the terminal,
English grammar for a map's own names, and citations."""
