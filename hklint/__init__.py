"""hklint: a fact-consistency linter for document corpora."""

__version__ = "0.1.0"
