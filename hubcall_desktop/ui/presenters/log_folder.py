"""Help → Open log folder: the folder this process logs to (and writes crash files to),
made first if nothing was logged yet, so the file manager has something to show."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hubcall_desktop.ui.windows.main_window import MainWindow

logger = logging.getLogger(__name__)


def open_log_folder(window: MainWindow) -> None:
    # Imported here: the log file's module is not needed for the first paint.
    from hubcall_desktop.services.log_files import active_log_folder

    folder = active_log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:  # a read-only home: the window still says where it is
        logger.warning("log folder %s could not be made: %s", folder, error)
    window.show_log_folder(folder)
