"""The curriculum as data: schema, loading with file:line errors, checks, and sync into the database."""
