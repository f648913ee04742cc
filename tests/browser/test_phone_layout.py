"""On a phone (390 px wide), in both languages, on every page of the built site's sitemap:
nothing scrolls sideways, no table is wider than its column, Tab never lands off screen,
and the capacity page's charts keep their text at 12 px or more, never clipped. On a laptop
(1366 px), no table is wider than its column either.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from campus_ia.site.html_checks import sitemap_paths

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
CAPACITY = {"fr": "fr/modele-de-capacite/", "en": "en/capacity-model/"}
SHOW_EVERYTHING = """() => { for (const el of document.querySelectorAll('*'))
  if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible'; }"""
"""Lay out what ``content-visibility: auto`` skips off screen, so every table is measured."""


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A fresh page with a phone's viewport."""
    context = browser.new_context(viewport=PHONE)
    try:
        yield context.new_page()
    finally:
        context.close()


def pages_of(site: Path, lang: str) -> list[str]:
    """The sitemap's pages in ``lang`` (the language chooser at the root goes with French)."""
    paths = sitemap_paths(site)
    chosen = [p for p in paths if p.startswith(f"{lang}/")] + ([p for p in paths if p == ""] if lang == "fr" else [])
    assert len(chosen) > 5, paths
    return chosen


OVERFLOWS = """() => {
  const out = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > innerWidth) out.push(`page is ${page.scrollWidth}px wide in ${innerWidth}px`);
  for (const table of document.querySelectorAll('table')) {
    // The column a table sits in: past Material's own wrappers around tables.
    const column = table.closest('.md-typeset__scrollwrap') || table.parentElement;
    const width = table.getBoundingClientRect().width;
    const name = (table.caption ? table.caption.textContent : table.textContent).trim().slice(0, 50);
    if (width > column.clientWidth + 1 || column.scrollWidth > column.clientWidth + 1)
      out.push(`table "${name}" is ${Math.round(width)}px wide in ${column.clientWidth}px`);
  }
  return out; }"""
"""What scrolls sideways on the page in view: the page itself, or a table past its column."""


def overflows(page: Any, site_server: str, paths: list[str]) -> list[str]:
    problems = []
    for path in paths:
        page.goto(site_server + path)
        page.evaluate(SHOW_EVERYTHING)
        problems += [f"/{path}: {p}" for p in page.evaluate(OVERFLOWS)]
    return problems


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_page_scrolls_sideways_and_no_table_overflows(
    phone: Any, site_server: str, built_site: Path, lang: str
) -> None:
    problems = overflows(phone, site_server, pages_of(built_site, lang))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_table_overflows_its_column_on_a_laptop(browser: Any, site_server: str, built_site: Path, lang: str) -> None:
    """Beside both sidebars the column is narrow too (688 px at 1366): a wide table stacks there."""
    context = browser.new_context(viewport=LAPTOP)
    try:
        problems = overflows(context.new_page(), site_server, pages_of(built_site, lang))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tab_never_lands_off_screen(phone: Any, site_server: str, built_site: Path, lang: str) -> None:
    problems = []
    for path in pages_of(built_site, lang):
        phone.goto(site_server + path)
        seen = set()
        # The header, the (closed) menu and the start of the content: enough to cross the menu.
        for step in range(30):
            phone.keyboard.press("Tab")
            where = phone.evaluate(
                """async () => { const el = document.activeElement;
                  if (!el || el === document.body) return null;
                  // The browser scrolls a focused element into view, smoothly where the theme
                  // asks for it: judge where it is once it has stopped moving.
                  let last = null;
                  for (let frame = 0; frame < 60; frame++) {
                    await new Promise((done) => requestAnimationFrame(done));
                    const box = el.getBoundingClientRect();
                    const now = `${box.left},${box.top}`;
                    if (now === last) break;
                    last = now;
                  }
                  const shown = (e) => { const r = e.getBoundingClientRect();
                    return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                           && r.left < innerWidth && r.top < innerHeight; };
                  // A control drawn by its label (Material's palette switch: a zero-size radio
                  // button whose label, next to it, shows the focus) counts where its label is.
                  const stand_ins = [el, ...(el.labels || [])];
                  if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL')
                    stand_ins.push(el.nextElementSibling);
                  const on = stand_ins.some(shown);
                  return {on, what: el.outerHTML.slice(0, 90), key: el.outerHTML}; }"""
            )
            if where is None or where["key"] in seen:
                break  # out of the page, or round again
            seen.add(where["key"])
            if not where["on"]:
                problems.append(f"/{path}: Tab {step + 1} lands off screen on {where['what']}")
    assert not problems, "\n".join(problems)


def test_the_menu_still_opens_and_takes_focus(phone: Any, site_server: str) -> None:
    phone.goto(site_server + "en/")
    first_link = phone.locator(".md-sidebar--primary .md-nav__link").first
    assert first_link.evaluate("el => getComputedStyle(el).visibility") == "hidden"
    phone.click('.md-header label[for="__drawer"]')
    phone.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'"
    )
    link = phone.locator(".md-sidebar--primary a.md-nav__link >> visible=true").first
    link.focus()
    assert link.evaluate("el => el === document.activeElement")
    box = link.bounding_box()
    assert box is not None and 0 <= box["x"] < PHONE["width"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_chart_text_is_at_least_12px_and_never_clipped(phone: Any, site_server: str, lang: str) -> None:
    phone.goto(site_server + CAPACITY[lang])
    phone.evaluate(SHOW_EVERYTHING)
    texts = phone.evaluate(
        """() => [...document.querySelectorAll('svg.cia-chart')].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          const scale = box.width / svg.viewBox.baseVal.width;
          const lines = [...svg.querySelectorAll('text')].flatMap((t) =>
            t.querySelector('tspan') ? [...t.querySelectorAll('tspan')] : [t]);
          return lines.map((line) => {
            const r = line.getBoundingClientRect();
            const size = parseFloat(getComputedStyle(line).fontSize) * scale;
            return {text: line.textContent, size, height: r.height,
                    inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5
                            && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5};
          }); })"""
    )
    assert len(texts) > 6
    for line in texts:
        assert line["size"] >= 12 and line["height"] >= 12, line
        assert line["inside"], f"clipped: {line}"


def test_the_closed_search_takes_no_focus_once_material_runs(phone: Any, site_server: str) -> None:
    """Material's script gives the search results' scroll area tabindex="0": closed, it must not take focus."""
    phone.goto(site_server)
    phone.mouse.move(10, 300)  # first use: Material's bundle starts (material-on-use.js)
    phone.wait_for_function("document.documentElement.classList.contains('js')")
    phone.wait_for_function("document.querySelector('.md-search__scrollwrap').getAttribute('tabindex') === '0'")
    assert phone.evaluate("""() => { const el = document.querySelector('.md-search__scrollwrap');
                                     el.focus(); return document.activeElement !== el; }""")
    phone.keyboard.press("/")  # Material opens search by focusing its field: still possible
    phone.wait_for_function("document.getElementById('__search').checked")
    phone.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    assert phone.evaluate("getComputedStyle(document.querySelector('.md-search__output')).visibility") == "visible"
