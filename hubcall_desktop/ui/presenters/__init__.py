"""Presenters: they build the windows, hand work to the services in the background and route what happens."""
