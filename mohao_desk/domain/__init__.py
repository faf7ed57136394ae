"""The law written as code: calendar, deadlines, lifecycle, codes, text folding.

Nothing in this package imports Qt or SQLAlchemy (checked by tests/test_layering.py).
"""
