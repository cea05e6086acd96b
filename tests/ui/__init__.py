"""Tests of the Qt user interface (offscreen, on a qasync loop)."""
