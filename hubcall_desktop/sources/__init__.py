"""Where calls come from: the loopback webhook, CLI hand-off, baresip."""
