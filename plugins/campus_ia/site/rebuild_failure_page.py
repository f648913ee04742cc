"""The page a preview shows instead of the site while the last rebuild failed.

An editor saves a file, the rebuild fails, and the browser (which the preview
reloads after every rebuild) shows this page in the language of the page it was
on: what went wrong, where, and that the page comes back by itself once the file
is corrected. No inline script or style: the stylesheet is a file beside the page.
The problems themselves are the build's own messages (``file:line:column: ...``),
shown as they are, escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from markupsafe import escape

from ..i18n import N_

STYLESHEET = Path(__file__).with_name("rebuild_failure.css")

TITLE = N_("The site could not be rebuilt")
LEAD = N_("Your last change stops the preview from being rebuilt. Correct what is listed below and save the "
          "file: this page reloads by itself and shows the site again as soon as it builds.")
PROBLEMS = N_("What the build reported")
TERMINAL = N_("The terminal where the preview runs (mkdocs serve) shows the same messages.")


def rebuild_failure_html(lang: str, messages: Sequence[str], translate: Callable[[str], str], stylesheet_url: str) -> str:
    """A whole HTML document in ``lang``: the translated frame around ``messages``, escaped."""
    blocks = "\n".join(f"<pre class=\"cia-rebuild-failure__problem\">{escape(m)}</pre>" for m in messages)
    return (
        "<!doctype html>\n"
        f"<html lang=\"{escape(lang)}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n"
        f"<title>{escape(translate(TITLE))}</title>\n"
        f"<link rel=\"stylesheet\" href=\"{escape(stylesheet_url)}\">\n</head>\n<body>\n"
        "<main class=\"cia-rebuild-failure\" role=\"alert\">\n"
        f"<h1>{escape(translate(TITLE))}</h1>\n"
        f"<p>{escape(translate(LEAD))}</p>\n"
        f"<h2>{escape(translate(PROBLEMS))}</h2>\n{blocks}\n"
        f"<p class=\"cia-rebuild-failure__note\">{escape(translate(TERMINAL))}</p>\n"
        "</main>\n</body>\n</html>\n"
    )
