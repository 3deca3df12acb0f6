"""Evaluation against the bundled gold annotations (answer keys) of the teaching corpus."""
