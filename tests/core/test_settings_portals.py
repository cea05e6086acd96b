"""Choosing a portal: the active one changes, a new name is added once, the default portal is
never listed (it is always there)."""

from __future__ import annotations

from hubcall_desktop.core.portals import DEFAULT_PORTAL
from hubcall_desktop.core.settings import Settings


def test_a_new_portal_is_added_once_and_becomes_active() -> None:
    settings = Settings(portals=["berlin"])
    settings.use_portal("hamburg")
    settings.use_portal("hamburg")
    assert settings.active_portal == "hamburg"
    assert settings.portals == ["berlin", "hamburg"]


def test_a_known_portal_keeps_the_list_and_its_order() -> None:
    settings = Settings(portals=["berlin", "hamburg"])
    settings.use_portal("berlin")
    assert settings.active_portal == "berlin" and settings.portals == ["berlin", "hamburg"]


def test_the_default_portal_is_never_listed() -> None:
    settings = Settings(portals=["berlin"], active_portal="berlin")
    settings.use_portal(DEFAULT_PORTAL)
    assert settings.active_portal == DEFAULT_PORTAL and settings.portals == ["berlin"]
