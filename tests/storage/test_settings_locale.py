"""The settings file is UTF-8 whatever the system's locale says: a file with non-ASCII
text (an edit by hand, a note a newer version left) is read in full by a process running
under the plain C locale, whose default encoding is ASCII (as Windows' is cp1252)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

READ = """
import json, sys
from pathlib import Path
from hubcall_desktop.storage.settings import load_settings
settings, warnings = load_settings(Path(sys.argv[1]))
print(json.dumps({"own_number": settings.own_number, "region": settings.region,
                  "warnings": warnings}))
"""


def test_a_settings_file_with_non_ascii_text_is_read_under_an_ascii_locale(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.json"
    written = {"region": "DE", "own_number": "+49 30 55500000", "notiz": "Büro Köln"}
    path.write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")
    env = {
        **os.environ,
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONIOENCODING": "utf-8",
    }
    done = subprocess.run(
        [sys.executable, "-c", READ, str(path)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    read = json.loads(done.stdout)
    assert (read["region"], read["own_number"]) == ("DE", "+49 30 55500000")
    assert read["warnings"] == ["Settings: ignored unknown setting 'notiz'."]
    assert path.exists()  # not moved aside as unreadable
