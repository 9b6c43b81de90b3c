"""``python -m orgnet.cli``: the same as the ``orgnet`` command."""

import sys

from . import main

sys.exit(main())
