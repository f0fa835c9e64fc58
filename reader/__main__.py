"""`python -m reader` is the same as the `reader` command."""
from __future__ import annotations

import sys

from reader.cli import main

if __name__ == "__main__":  # importing it (the import-hygiene test does) runs nothing
    sys.exit(main())
