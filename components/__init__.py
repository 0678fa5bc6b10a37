"""Empathy Atlas's code, in folders by job; imports flow one way, down this list (tests/test_architecture.py):

- `model/`: the map itself, its vocabulary, and the loader that reads a file into it;
- `text/`: map text written out safely for each place it goes (Markdown, XML, CSV, the terminal);
- `analysis/`: what the map says (its graph, filters, paths, comparisons, evidence, details, outline);
- `teaching/`: tours, quizzes and scores;
- `view/`: a view of the map (its address, what it shows and lights, what the map view draws);
- `exchange/`: the map in and out (exports, the standalone explorer, starter maps, bounded reading);
- `cli.py` (the command line) and `ui/` (the Streamlit page), which use all of the above and not each other.

Not only Streamlit components: everything but `ui/` is plain Python with no Streamlit and no disk writes
(except `exchange/files.py`, which the command line writes with).
"""
