"""The web editor: a Decap CMS configuration generated from the content model, and a checked local backend."""
