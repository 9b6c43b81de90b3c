"""orgnet's version, in a module of its own: the pages name it without importing the whole package."""

__version__ = "0.1.0"
