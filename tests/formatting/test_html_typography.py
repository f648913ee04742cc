"""French typography over a whole HTML document: French text nodes only."""

from __future__ import annotations

import pytest

from campus_ia.formatting.html_typography import french_html

NNBSP, NBSP, APOS = "\u202f", "\u00a0", "\u2019"


def test_text_nodes_and_text_attributes_of_a_french_page():
    page = (
        '<!doctype html><html lang="fr"><head><title>L\'IA : tout</title>'
        '<meta name="description" content="l&#39;énergie ; oui"><meta property="og:url" content="https://x.fr/a;b">'
        '</head><body><p title="qu\'il">fin?</p></body></html>'
    )
    out = french_html(page, "en")
    assert f"<title>L{APOS}IA{NBSP}: tout</title>" in out
    assert f'content="l{APOS}énergie{NNBSP}; oui"' in out
    assert 'content="https://x.fr/a;b"' in out
    assert f'<p title="qu{APOS}il">fin{NNBSP}?</p>' in out


def test_separator_after_an_inline_element_gets_its_space():
    out = french_html('<p><a href="/a">Bpifrance</a>; <a href="/b">Le Figaro</a>: 1 400 MW</p>')
    assert out == f'<p><a href="/a">Bpifrance</a>{NNBSP}; <a href="/b">Le Figaro</a>{NBSP}: 1{NNBSP}400 MW</p>'


def test_a_new_block_starts_a_new_line():
    # ";" opening a paragraph has nothing to attach to.
    assert french_html("<p>fin</p><p>; début</p>") == "<p>fin</p><p>; début</p>"


@pytest.mark.parametrize("element", ["script", "style", "code", "pre", "kbd", "samp", "textarea"])
def test_code_and_scripts_untouched(element):
    markup = f"<p>l'a <{element}>x ; l'a 1 400</{element}> l'a</p>"
    assert french_html(markup) == f"<p>l{APOS}a <{element}>x ; l'a 1 400</{element}> l{APOS}a</p>"


def test_english_text_follows_lang_attributes():
    markup = '<html lang="fr"><body><blockquote lang="en"><p>It\'s: yes!</p></blockquote><p>C\'est : oui!</p></body></html>'
    assert french_html(markup, "fr") == (
        f'<html lang="fr"><body><blockquote lang="en"><p>It\'s: yes!</p></blockquote><p>C{APOS}est{NBSP}: oui{NNBSP}!</p></body></html>'
    )
    english_page = '<html lang="en"><body><p>It\'s: yes!</p><a lang="fr" href="/fr/">L\'accueil</a></body></html>'
    assert french_html(english_page, "fr") == english_page.replace("L'accueil", f"L{APOS}accueil")


def test_attributes_that_are_not_text_untouched():
    markup = '<a href="/l\'a?x=1 400;y" id="l\'a" class="a ; b" data-x="l\'a">ok</a>'
    assert french_html(markup) == markup


def test_idempotent():
    markup = '<html lang="fr"><p>« l\'a » ; <a href="/x">x</a>: 1 400 MW?</p></html>'
    once = french_html(markup)
    assert french_html(once) == once


def test_elision_before_a_link_or_emphasis():
    assert french_html('<p>d\'<a href="/x">électricité</a> et l&#39;<em>IA</em></p>') == (
        f'<p>d{APOS}<a href="/x">électricité</a> et l{APOS}<em>IA</em></p>'
    )
    # Not after a space (an opening quote mark), nor before a block.
    assert french_html("<p>dit '<a>x</a></p><p>l'</p><p>a</p>") == "<p>dit '<a>x</a></p><p>l'</p><p>a</p>"


def test_steps_kept_from_earlier_pages_give_what_a_fresh_walk_gives():
    from campus_ia.formatting.typography import french_typography

    def fresh(html: str, lang: str) -> str:  # another callable: french_html keeps nothing for it
        return french_html(html, lang, lambda text: french_typography(text))

    chrome = ('<html lang="{lang}"><head><title>L\'IA : {title}</title></head><body>'
              '<nav><a href="../en/" lang="en" hreflang="en">English: home</a> <a href="../fr/" lang="fr">Accueil : l\'IA</a></nav>'
              '<p>{body}</p><pre><code>a ; b</code></pre></body></html>')
    pages = [
        chrome.format(lang="fr", title="un", body="d'<a href=\"x\">énergie</a>; 1 400 MW ?"),
        chrome.format(lang="en", title="one", body="it's 1 400 MW: yes"),
        chrome.format(lang="fr", title="deux", body="<em>(</em>; « oui » l'<strong>IA</strong>"),
        chrome.format(lang="fr", title="un", body="d'<a href=\"x\">énergie</a>; 1 400 MW ?"),
    ]
    for page in pages * 2:  # the second round finds every step already kept
        lang = 'en' if 'lang="en"><head>' in page else 'fr'
        assert french_html(page, lang) == fresh(page, lang)
    assert NNBSP + "; 1" + NNBSP + "400" in french_html(pages[0], "fr")
