"""``python -m hubcall_desktop`` runs the same entry point as ``hubcall-desktop``."""

from hubcall_desktop.cli.main import main

raise SystemExit(main())
