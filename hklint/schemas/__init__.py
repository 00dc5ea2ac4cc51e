"""JSON Schemas shipped with hklint (package data)."""
