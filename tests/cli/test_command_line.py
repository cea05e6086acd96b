"""The command line as people use it: ``--baresip`` before a command, the completion
scripts the real shells accept and complete with, and the man page as man renders it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hubcall_desktop.cli.commands import build_parser

ROOT = Path(__file__).resolve().parents[2]
HUBCALL = str(Path(sys.executable).with_name("hubcall-desktop"))
COMMANDS = ("lookup", "log", "sync", "history", "sandbox", "auth", "notify", "webhook")
OPTIONS = ("--baresip", "--data-dir", "--api-version", "--region")
ON_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def hubcall(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HUBCALL, *args], capture_output=True, text=True, timeout=60, check=False, env=env
    )


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        if ON_CI:
            pytest.fail(f"{tool} is not installed (tests/run.sh installs it)", pytrace=False)
        pytest.skip(f"needs {tool} (apt-get install {tool})")
    return found


# -- --baresip ---------------------------------------------------------------------------


def test_baresip_addresses_are_a_global_option_before_a_command(data_dir: Path) -> None:
    done = hubcall("--baresip", "127.0.0.1:4444", "--baresip", "[::1]:4445", "history", "--json")
    assert done.returncode == 0, done.stderr
    args = build_parser().parse_args(["--baresip", "localhost:4444", "--baresip", "[::1]:5"])
    assert args.baresip == ["localhost:4444", "[::1]:5"]


@pytest.mark.parametrize("value", ["4444", "127.0.0.1", "127.0.0.1:99999", "host name:1"])
def test_a_wrong_baresip_address_is_refused_with_its_reason(data_dir: Path, value: str) -> None:
    done = hubcall("--baresip", value, "history")
    assert done.returncode == 2
    assert "argument --baresip:" in done.stderr
    assert "e.g. 127.0.0.1:4444" in done.stderr
    assert repr(value) in done.stderr


# -- completion --------------------------------------------------------------------------


def completion(shell: str, folder: Path) -> Path:
    done = hubcall("completion", shell)
    assert done.returncode == 0, done.stderr
    path = folder / f"hubcall-desktop.{shell}"
    path.write_text(done.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_completion_script_is_accepted_by_its_shell(
    shell: str, tmp_path: Path, data_dir: Path
) -> None:
    program = need(shell)
    script = completion(shell, tmp_path)
    checked = subprocess.run(
        [program, "-n", str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    text = script.read_text(encoding="utf-8")
    for word in (*COMMANDS, "completion", *OPTIONS):
        assert word in text, (shell, word)


def test_bash_completes_commands_and_options(tmp_path: Path, data_dir: Path) -> None:
    bash = need("bash")
    script = completion("bash", tmp_path)

    def complete(*words: str) -> set[str]:
        line = " ".join(["hubcall-desktop", *words])
        program = (
            f"source {script}\n"
            f"COMP_WORDS=({line}); COMP_CWORD={len(words)}; COMP_LINE='{line}'; "
            f"COMP_POINT=${{#COMP_LINE}}\n"
            '_shtab_hubcall_desktop; printf "%s\\n" "${COMPREPLY[@]}"\n'
        )
        done = subprocess.run(
            [bash, "--norc", "-c", program], capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr
        return {word.strip() for word in done.stdout.split()}

    assert {"lookup", "log"} <= complete("lo")
    assert "--baresip" in complete("--bar")
    assert complete("notify", "") >= {"ringing", "answered", "ended"}
    assert complete("completion", "") == {"bash", "zsh", "fish"}


def test_fish_completes_commands_and_options(tmp_path: Path, data_dir: Path) -> None:
    fish = need("fish")
    script = completion("fish", tmp_path)

    def complete(line: str) -> set[str]:
        done = subprocess.run(
            [fish, "--no-config", "-c", f"source {script}; complete -C '{line}'"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return {row.split("\t")[0] for row in done.stdout.splitlines()}

    assert {"lookup", "log"} <= complete("hubcall-desktop lo")
    assert "--baresip" in complete("hubcall-desktop --bar")
    assert {"bash", "zsh", "fish"} <= complete("hubcall-desktop completion ")


# -- the man page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def man_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("man") / "hubcall-desktop.1"
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "shell_docs.py"), "man"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1790000000"},
    )
    assert done.returncode == 0, done.stderr
    page.write_text(done.stdout, encoding="utf-8")
    return page


def test_the_man_page_renders_without_warnings(man_page: Path) -> None:
    groff = need("groff")
    done = subprocess.run(
        [groff, "-man", "-Tutf8", "-ww", "-z", str(man_page)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert done.returncode == 0
    assert done.stderr == ""


def test_man_shows_the_commands_options_and_files(man_page: Path) -> None:
    man = need("man")
    done = subprocess.run(
        [man, "--warnings", "-l", str(man_page)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "LC_ALL": "C.UTF-8", "MANWIDTH": "100", "MANPAGER": "cat"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    text = done.stdout
    for word in (*COMMANDS, "completion", *OPTIONS):
        assert word in text, word
    for section in ("SYNOPSIS", "EXIT STATUS", "ENVIRONMENT", "FILES"):
        assert f"\n{section}\n" in text, section
    assert "hubcall-desktop.log" in text
    assert "crash.log" in text


def test_install_puts_each_file_where_its_reader_looks(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "shell_docs.py"), "install", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for relative in (
        "share/man/man1/hubcall-desktop.1",
        "share/bash-completion/completions/hubcall-desktop",
        "share/zsh/site-functions/_hubcall-desktop",
        "share/fish/vendor_completions.d/hubcall-desktop.fish",
    ):
        assert (tmp_path / relative).stat().st_size > 1000, relative
