"""Settings, HubSpot page: the API path version is chosen from the four HubSpot publishes;
a new install shows the dated default, an older one the version it keeps."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.ui.widgets.hubspot_page import HubSpotPage


def _page(qtbot: QtBot) -> HubSpotPage:
    page = HubSpotPage()
    qtbot.addWidget(page)
    return page


def test_the_four_versions_are_offered_and_a_new_install_shows_2026_09(qtbot: QtBot) -> None:
    page = _page(qtbot)
    offered = [page.api_version.itemData(i) for i in range(page.api_version.count())]
    assert offered == ["v3", "2025-09", "2026-03", "2026-09"]
    page.load(Settings())
    assert page.api_version.currentData() == "2026-09"


def test_an_older_installs_version_is_shown_and_a_choice_is_saved(qtbot: QtBot) -> None:
    page = _page(qtbot)
    page.load(Settings(api_version="2026-03"))
    assert page.api_version.currentData() == "2026-03"
    saved = Settings(api_version="2026-03")
    page.collect_into(saved)
    assert saved.api_version == "2026-03"  # kept unless changed

    page.api_version.setCurrentIndex(page.api_version.findData("2025-09"))
    page.collect_into(saved)
    assert saved.api_version == "2025-09"
