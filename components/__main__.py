"""Run the command line: `python -m components validate|stats|schema`."""

import sys

from components.cli import main

sys.exit(main())
