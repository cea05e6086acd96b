"""Call back runs the softphone's command with the number as one argument, never a shell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.call_back import (
    call_back_argv,
    call_back_number,
    call_back_uri,
)
from hubcall_desktop.core.phone import parse_phone

HOSTILE = "+49 30 1234'; touch pwned; echo '\" --evil $(id) {number}"


def _recorder(tmp_path: Path) -> tuple[str, Path]:
    """A real program that writes the arguments it got to a file."""
    out = tmp_path / "argv.json"
    script = tmp_path / "record.py"
    script.write_text(
        f"import json, sys\nopen({str(out)!r}, 'w').write(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script} --dial {{number}} --now", out


def test_the_command_gets_the_number_as_one_argument(tmp_path: Path) -> None:
    command, out = _recorder(tmp_path)
    argv = call_back_argv(command, "+493055501234")
    subprocess.run(argv, check=True, timeout=60)
    assert json.loads(out.read_text(encoding="utf-8")) == ["--dial", "+493055501234", "--now"]


def test_a_hostile_number_cannot_add_arguments_or_run_commands(tmp_path: Path) -> None:
    command, out = _recorder(tmp_path)
    subprocess.run(call_back_argv(command, HOSTILE), check=True, cwd=tmp_path, timeout=60)
    assert json.loads(out.read_text(encoding="utf-8")) == ["--dial", HOSTILE, "--now"]
    assert not (tmp_path / "pwned").exists()


def test_without_a_placeholder_the_number_comes_last() -> None:
    assert call_back_argv("softphone 'dial out'", "+1555") == ["softphone", "dial out", "+1555"]
    with pytest.raises(ValueError, match="names no program"):
        call_back_argv("   ", "+1555")


def test_links_and_which_calls_can_be_called_back() -> None:
    number = parse_phone("+49 30 55501234", "DE")
    assert call_back_uri("tel", "+493055501234") == "tel:+493055501234"
    assert call_back_uri("sip", "+493055501234") == "sip:+493055501234"
    assert call_back_number(Call(raw_from="+49 30 55501234", from_number=number)) == number.e164
    assert call_back_number(Call(raw_from="anonymous", number_withheld=True)) is None
    # An outbound call is called back on the number that was dialled, not the agent's line.
    dialled = parse_phone("+44 20 7946 0018", "DE")
    outbound = Call(direction="OUTBOUND", from_number=number, to_number=dialled)
    assert call_back_number(outbound) == dialled.e164
    assert call_back_number(Call(direction="OUTBOUND", from_number=number)) is None
