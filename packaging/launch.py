"""The frozen app's entry point (PyInstaller runs a script, not a console_scripts entry)."""

from hubcall_desktop.cli.main import main

raise SystemExit(main())
