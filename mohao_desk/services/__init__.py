"""Services: one function per act, each a transaction and an audit event; plain dataclasses out."""
