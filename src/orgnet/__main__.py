"""``python -m orgnet``: the same as the ``orgnet`` command."""

import sys

from .cli import main

sys.exit(main())
