"""Where the app keeps its files: platformdirs' user dirs, or one folder the user names."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hubcall_desktop import APP_NAME

DATA_DIR_ENV = "HUBCALL_DATA_DIR"


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    config_dir: Path

    @property
    def journal(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @property
    def settings(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def runtime_file(self) -> Path:
        """Where a running app says where its webhook listens (no secret in it)."""
        return self.data_dir / "running.json"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """``--data-dir`` wins, then ``HUBCALL_DATA_DIR``, then the platform's user dirs.

    A named data dir holds the settings too, so one folder isolates a whole set-up
    (tests, demo mode, a second agent profile).
    """
    chosen = data_dir or os.environ.get(DATA_DIR_ENV) or None
    if chosen:
        folder = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=folder, config_dir=folder)
    import platformdirs  # only here: a named folder (tests, the demo) needs none

    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )
