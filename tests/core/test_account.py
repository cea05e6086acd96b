"""What learning the HubSpot account changes in the settings (core/account.py)."""

from __future__ import annotations

from hubcall_desktop.core.account import apply_account
from hubcall_desktop.core.connection_types import WhoAmI
from hubcall_desktop.core.settings import Settings


def test_the_account_is_written_and_the_change_said() -> None:
    settings = Settings()
    assert apply_account(settings, WhoAmI(123, "app-eu1.hubspot.com"))
    assert (settings.portal_id, settings.ui_domain) == (123, "app-eu1.hubspot.com")
    assert not apply_account(settings, WhoAmI(123, "app-eu1.hubspot.com"))  # nothing new


def test_a_known_account_is_kept_only_when_asked() -> None:
    settings = Settings(portal_id=1, ui_domain="app.hubspot.com")
    assert not apply_account(settings, WhoAmI(2, "app-eu1.hubspot.com"), keep_known=True)
    assert (settings.portal_id, settings.ui_domain) == (1, "app.hubspot.com")
    assert apply_account(settings, WhoAmI(2, "app-eu1.hubspot.com"))  # another portal's
    assert (settings.portal_id, settings.ui_domain) == (2, "app-eu1.hubspot.com")


def test_a_first_start_learns_what_it_lacks_even_when_keeping() -> None:
    settings = Settings(portal_id=None)
    assert apply_account(settings, WhoAmI(7, "app-na2.hubspot.com"), keep_known=True)
    assert (settings.portal_id, settings.ui_domain) == (7, "app-na2.hubspot.com")


def test_the_user_id_is_prefilled_never_overwritten() -> None:
    settings = Settings(user_id=None)
    apply_account(settings, WhoAmI(1, "app.hubspot.com", user_id=42))
    assert settings.user_id == 42
    assert not apply_account(settings, WhoAmI(1, "app.hubspot.com", user_id=99))
    assert settings.user_id == 42  # the agent's choice stays
    apply_account(settings, WhoAmI(1, "app.hubspot.com"))  # a private token knows no user
    assert settings.user_id == 42
