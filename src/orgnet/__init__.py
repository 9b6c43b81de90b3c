"""orgnet: an organizational network as a graph — where women's organizations are missing, and
where one person holds too many posts.

>>> import orgnet
>>> sorted(orgnet.__all__)
['Network', 'OrgnetError', 'Rules', 'TABLES_USED', 'ValidationError', 'connect', 'load']
"""

from .api import Network, connect, load
from . import plotting  # noqa: F401 (orgnet.plotting.use_cjk_font(); matplotlib is imported when called)
from .analyses import TABLES_USED
from .errors import OrgnetError, ValidationError
from .rules import Rules
from .version import __version__

__all__ = ["load", "connect", "Network", "Rules", "TABLES_USED", "OrgnetError", "ValidationError"]
