"""The MkDocs adapter: a thin plugin over ``campus_ia``'s core (works with MkDocs 1.6 and ProperDocs)."""
