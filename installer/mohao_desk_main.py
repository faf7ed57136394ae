"""The frozen program's entry point (installer/mohao_desk.spec): the same as ``python -m
mohao_desk``, from the installed package (never from a source tree)."""

import multiprocessing
import sys

from mohao_desk.cli import main

if __name__ == "__main__":
    # Spawned children (multiprocessing) start through the frozen program itself.
    multiprocessing.freeze_support()
    sys.exit(main())
