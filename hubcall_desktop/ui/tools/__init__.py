"""Tools run beside the app (screenshots for the docs)."""
