"""Lorch Desk: a desktop workstation for private clinic chains."""

__version__ = "0.1.0"
