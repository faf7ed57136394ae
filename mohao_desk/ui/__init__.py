"""The desk window (PySide6). Calls services only: no SQL, no store (tests/test_layering.py)."""
