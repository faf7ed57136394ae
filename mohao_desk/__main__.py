import sys

from mohao_desk.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A frozen program (installer/) starts its spawned children through itself (imported
        # only there: multiprocessing costs every command a few milliseconds).
        import multiprocessing

        multiprocessing.freeze_support()
    raise SystemExit(main())
