"""Concord: an integrated mediation platform for minor criminal cases and civil disputes."""

__version__ = "0.1.0"
