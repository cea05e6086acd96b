"""Qt item models over the journal."""
