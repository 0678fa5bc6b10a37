"""Run the command line: `python -m components validate|stats|schema`."""

import sys

from .cli import main

sys.exit(main())
