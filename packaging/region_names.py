"""Country names for the app's country choosers, taken from libphonenumber's own table.

    python packaging/region_names.py          # write resources/region_names.json
    python packaging/region_names.py --check  # exit 1 if the file is not what it would write

``phonenumbers.geodata.locale`` names every territory in every language: about 130 MiB
once imported, which the app must not carry for a drop-down. This keeps the names of the
regions libphonenumber supports in the languages the app ships (resources/translations),
a few kilobytes. Run it after upgrading phonenumbers; a test checks the file is in step.

The app needs only parsing and validation, so it may run on phonenumberslite, which has no
``geodata``. This script then needs the full package of the same version on ``PYTHONPATH``:
``PYTHONPATH=$(python -m tests.full_phonenumbers) python packaging/region_names.py``
(the test does that by itself).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import phonenumbers

try:
    from phonenumbers.geodata.locale import LOCALE_DATA
except ModuleNotFoundError:  # phonenumberslite: no geodata
    sys.exit(
        f"needs libphonenumber's locale table, which phonenumberslite leaves out: put the full "
        f"phonenumbers=={phonenumbers.__version__} first on PYTHONPATH "
        f"(python -m tests.full_phonenumbers prints such a folder)"
    )

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "region_names.json"
LANGUAGES = ("de", "en")  # as packaging/translations.py


def _name(code: str, language: str) -> str:
    names = LOCALE_DATA.get(code, {})
    name = names.get(language, "")
    if name.startswith("*"):  # "*xx": the name is the one of language xx
        name = names.get(name[1:], "")
    return name or names.get("en", "")


def table() -> str:
    regions = sorted(phonenumbers.SUPPORTED_REGIONS)
    data = {lang: {code: _name(code, lang) for code in regions} for lang in LANGUAGES}
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    wanted = table()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != wanted:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run packaging/region_names.py")
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    print(TARGET.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
