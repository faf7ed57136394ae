"""``mohao-desk export / import / keys / trust / upstream …``: sync by files (issue 5)."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Sync commands are added here as they are built."""
