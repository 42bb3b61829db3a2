"""Authoring: new notes from the command line."""
