import multiprocessing

from mohao_desk.cli import main

if __name__ == "__main__":
    # A frozen program (installer/) starts its spawned children through itself.
    multiprocessing.freeze_support()
    raise SystemExit(main())
