"""The control layer in a real browser (Debian's Chromium, driven by Playwright as in
`test_web.py`): settlements by claimed controller, the sample's contested village hatched, with
both sides' claims in its popup, following the timeline's date."""

from __future__ import annotations

from playwright.sync_api import Page

from test_web import (  # noqa: F401 — the fixtures are used by name
    Watched,
    _clean,
    _open,
    _screenshot,
    base_url,
    browser,
    page,
    store,
)

USPENIVKA = "gn:690619"


def _control_loaded(tab: Page) -> None:
    tab.wait_for_selector("#control-status[data-settlements]", timeout=15_000)


def test_control_layer_shows_the_contested_village_with_both_sides_claims(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    tab, watched = page
    _open(tab, base_url + "/")
    _control_loaded(tab)
    village = tab.locator(f".fw-control[data-place='{USPENIVKA}']")
    assert village.get_attribute("data-status") == "contested"
    assert village.get_attribute("data-controller") == "RUS"
    assert "control-contested" in (village.get_attribute("class") or "")
    # hatched: a striped background, not a plain fill
    background = village.evaluate("node => getComputedStyle(node).backgroundImage")
    assert background.startswith("repeating-linear-gradient")
    # by keyboard: at the sample's zoom Hulyaypole's marker overlaps the village's
    village.focus()
    tab.keyboard.press("Enter")
    popup = tab.locator(".leaflet-popup .control-summary")
    popup.wait_for(timeout=5_000)
    assert popup.get_attribute("data-status") == "contested"
    assert popup.locator(".control-status").inner_text() == (
        "contested: RUS claims it since 2025-11-09"
    )
    entries = popup.locator(".control-entry")
    speakers = entries.locator("strong").all_inner_texts()
    assert "Military Forces of Russia" in speakers and "Military Forces of Ukraine" in speakers
    assert (
        entries.locator("a")
        .first.get_attribute("href", timeout=1_000)
        .startswith("/article.html?id=")
    )
    tab.wait_for_timeout(400)  # Leaflet's popup fade
    _screenshot(tab, "control.png", docs=True)
    _clean(watched)


def test_control_layer_follows_the_timeline(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    tab, watched = page
    _open(tab, base_url + "/")
    _control_loaded(tab)
    everything = int(tab.locator("#control-status").get_attribute("data-settlements") or 0)
    box = tab.locator("#timeline svg").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    # up to the first tick in November 2025: the middle of the Ukrainian sample's weeks (the
    # sample's other wars start in May, so a fixed share of the timeline would say nothing)
    tick = tab.locator("#timeline svg text.tick[data-day^='2025-11']").first.bounding_box()
    assert tick is not None
    tab.mouse.move(box["x"] + box["width"] * 0.02, y)
    tab.mouse.down()
    tab.mouse.move(tick["x"] + tick["width"] / 2, y, steps=5)
    tab.mouse.up()
    until = tab.locator("#timeline").get_attribute("data-until")
    assert until
    tab.wait_for_selector(f"#control-status[data-date='{until}']", timeout=15_000)
    early = int(tab.locator("#control-status").get_attribute("data-settlements") or 0)
    assert 0 < early < everything
    assert tab.locator(".leaflet-marker-icon.fw-control").count() == early
    _clean(watched)


def test_the_claims_board_pages_through_every_claim(
    page: tuple[Page, Watched],  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    tab, watched = page
    _open(tab, base_url + "/claims.html?limit=20")
    tab.locator("input[name='all']").check()
    tab.locator("#filters button[type='submit']").click()
    status = tab.locator("#board-status")
    tab.wait_for_function(
        "() => document.querySelector('#board-status').textContent.startsWith('Claims 1–20 of')"
    )
    total = int(status.get_attribute("data-total") or 0)
    assert total > 40
    assert tab.locator("#page-previous").is_disabled()
    tab.locator("#page-next").click()
    tab.wait_for_function(
        "() => document.querySelector('#board-status').textContent.startsWith('Claims 21–40 of')"
    )
    assert tab.locator(".claim-card").count() == 20
    assert not tab.locator("#page-previous").is_disabled()
    _clean(watched)
