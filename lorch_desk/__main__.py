"""`python -m lorch_desk` and the `lorch-desk` command."""

from __future__ import annotations

import sys

from lorch_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
