#!/usr/bin/env bash
# Mutation testing (opt-in, slow): mutmut changes the delivery code one small edit at a
# time (the HubSpot service, the journal and outbox, the outbox sender and the call desk)
# and runs the tests that reach it; a mutant the tests do not notice "survived".
#
#   bash tests/mutation.sh            run (resumes where a stopped run left off), then report
#   bash tests/mutation.sh report     only the report of the last run
#
# Needs the virtualenv that `bash tests/run.sh` makes. mutmut works in ./mutants (ignored by
# git). What is mutated and which tests run is in pyproject.toml, [tool.mutmut]. The report
# prints, per module, mutants caught (killed, or timed out) over mutants tried; a survivor
# is shown with `.venv/bin/mutmut show NAME`.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
VENV="$REPO_ROOT/.venv"
MUTMUT_VERSION="3.8.1"

[[ -x "$VENV/bin/python" ]] || {
    echo "[mutation] run 'bash tests/run.sh' once first: it makes .venv" >&2
    exit 1
}
if [[ "$("$VENV/bin/python" -m pip show mutmut 2>/dev/null | sed -n 's/^Version: //p')" != "$MUTMUT_VERSION" ]]; then
    echo "[mutation] installing mutmut $MUTMUT_VERSION into .venv"
    "$VENV/bin/python" -m pip install --quiet "mutmut==$MUTMUT_VERSION" </dev/null
fi

if [[ "${1:-}" != report ]]; then
    # Tests that need the keyring daemon or a display are not selected (pyproject), so no
    # desktop session is needed. One child per core.
    "$VENV/bin/mutmut" run --max-children "$(nproc)" </dev/null | tr '\r' '\n' | tail -n 3
fi

"$VENV/bin/mutmut" results --all true | "$VENV/bin/python" "$REPO_ROOT/tests/mutation_report.py"
