"""Official documents: plain data in (``data.py``), PDF bytes out; one module per form.

Nothing here queries the database: ``services/documents.py`` gathers the data.
"""
