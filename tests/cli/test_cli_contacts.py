"""``contact create`` and ``contact sync`` as a script runs them, against the sandbox: a
created contact is matched by ``lookup`` from then on, a taken e-mail names the existing
contact (exit 3), bad input names the option (exit 2), and a contact HubSpot could not
take now is kept (exit 4) and created once by ``contact sync``."""

from __future__ import annotations

from typing import Any

from hubcall_desktop.sandbox import DEMO_AGENT_NUMBER, Fault, SandboxThread

UNKNOWN = "+16175550100"
ADA = ["contact", "create", "--first", "Ada", "--last", "Byron", "--email", "ada@example.org"]


def created(sandbox: SandboxThread) -> list[Any]:
    return [r.body for r in sandbox.requests if r.path.endswith("/contacts") and r.accepted]


def test_a_created_contact_is_found_by_lookup(run: Any, sandbox: SandboxThread) -> None:
    before = run("lookup", UNKNOWN, "--to", DEMO_AGENT_NUMBER, "--json")
    assert before.json()["matches"] == []

    result = run(*ADA, "--phone", "+1 (617) 555-0100", "--company", "Engines", "--json")

    assert result.code == 0, result.err
    doc = result.json()
    assert doc["result"] == "created"
    assert doc["match"]["displayName"] == "Ada Byron"
    assert doc["url"] == (
        f"https://app.hubspot.com/contacts/147258369/record/0-1/{doc['contactId']}"
    )
    assert created(sandbox) == [
        {
            "properties": {
                "firstname": "Ada",
                "lastname": "Byron",
                "email": "ada@example.org",
                "phone": UNKNOWN,
                "company": "Engines",
            }
        }
    ]
    after = run("lookup", UNKNOWN, "--to", DEMO_AGENT_NUMBER, "--json")
    assert [m["displayName"] for m in after.json()["matches"]] == ["Ada Byron"]


def test_a_taken_email_names_the_existing_contact(run: Any) -> None:
    result = run("contact", "create", "--email", "anna.schmidt@example.com")
    assert result.code == 3
    assert "HubSpot already has a contact with this e-mail address." in result.err
    assert "contact id: 51200000101 (https://" in result.out


def test_bad_input_names_the_option(run: Any, sandbox: SandboxThread) -> None:
    nothing = run("contact", "create", "--company", "Only a company")
    assert nothing.code == 2
    assert "--first" in nothing.err
    bad = run("contact", "create", "--first", "Ada", "--email", "ada@example")
    assert bad.code == 2
    assert "--email" in bad.err and "not an e-mail address" in bad.err
    assert sandbox.requests == ()


def test_kept_when_hubspot_is_away_and_created_once_by_sync(
    run: Any, sandbox: SandboxThread
) -> None:
    sandbox.faults.add(Fault.status(503, times=100))
    kept = run(*ADA, "--json")
    assert kept.code == 4, kept.err
    assert kept.json()["result"] == "queued"
    sandbox.faults.clear()

    synced = run("contact", "sync", "--json")
    assert synced.code == 0, synced.err
    assert synced.json() == {"created": 1, "duplicate": 0, "queued": 0, "failed": 0}
    again = run("contact", "sync", "--json")
    assert again.json() == {"created": 0, "duplicate": 0, "queued": 0, "failed": 0}
    assert len(created(sandbox)) == 1
