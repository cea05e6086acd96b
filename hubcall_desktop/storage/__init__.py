"""Everything the app keeps on disk: paths, settings, the call journal and its outbox."""
