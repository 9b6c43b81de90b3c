"""orgnet: an organizational network as a graph — where women's organizations are missing, and
where one person holds too many posts.

>>> import orgnet
>>> sorted(orgnet.__all__)
['Network', 'OrgnetError', 'Rules', 'TABLES_USED', 'ValidationError', 'connect', 'load', 'load_into_neo4j']
"""

from .api import Network, connect, load, load_into_neo4j
from . import plotting  # noqa: F401 (orgnet.plotting.use_cjk_font(); matplotlib is imported when called)
from .analyses import TABLES_USED
from .errors import OrgnetError, ValidationError
from .rules import Rules
from .version import __version__

__all__ = ["load", "connect", "load_into_neo4j", "Network", "Rules", "TABLES_USED", "OrgnetError", "ValidationError"]
