"""``mohao-desk``, the command line (see cli/program.py)."""

from mohao_desk.cli.program import build_parser, cli_hint, cli_message, main

__all__ = ["build_parser", "cli_hint", "cli_message", "main"]
