"""What a view of the map shows: its state as one typed object read from and written to its address, the
part of the map it shows (scope), what it lights up (highlight), and what the map view draws (drawing,
layout). The page, the export and the command line all read a view here."""
