"""``mkdocs serve``: a failed rebuild is shown in the browser, and the page recovers by itself.

MkDocs 1.6 re-raises a failed rebuild into its server, which then holds every
request until a rebuild succeeds ("The server will appear stuck"), and the error is
only in the terminal, which an editor may not watch. Here the builder is wrapped:
a failed rebuild is caught, the error and warning lines it logged are written as a
page per language into a hidden folder of the served site, and the server is told
the rebuild is over, so MkDocs' livereload reloads every open page. While the
failure lasts, page requests (addresses ending in ``/`` or ``.html``) are answered
with that page in the language of the address (``/fr/...`` French, anything else
English), through MkDocs' own server, which adds its livereload script. The next
successful rebuild replaces the served folder (hidden folder included), ends the
failure and reloads the pages again. Other files (styles, images, downloads) stay
those of the last good build.

Only public interfaces are used: the server's ``builder`` attribute, which MkDocs
calls for every rebuild, and ``get_app``/``set_app`` of the standard library's
WSGI server it derives from.
"""

from __future__ import annotations

import logging
import shutil
import threading
from pathlib import Path
from typing import Any, Callable, Iterable

import click

from ..site.rebuild_failure_page import STYLESHEET, rebuild_failure_html

log = logging.getLogger("mkdocs.plugins.campus_ia")

FAILURE_FOLDER = ".campus-ia-rebuild-failure"
"""Inside the served folder; nginx never sees it (only ``mkdocs serve`` writes it)."""
ENGINE_LOGGERS = ("mkdocs", "properdocs")

Translate = Callable[[str, str], str]
"""(language, msgid) -> the interface string in that language."""


class _Messages(logging.Handler):
    """The warning and error lines a build logs, as the terminal shows them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record must not break the build
            return
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(text)


class RebuildFailure:
    """Whether the last rebuild failed, and the pages that say so; shared by builder and server threads."""

    def __init__(self, served: Path, mount_path: str, languages: Iterable[str], translate: Translate) -> None:
        self.served = served
        self.mount_path = mount_path if mount_path.endswith("/") else mount_path + "/"
        self.languages = tuple(languages)
        self.translate = translate
        self._failed = False
        self._lock = threading.Lock()

    @property
    def failed(self) -> bool:
        with self._lock:
            return self._failed

    def wrap_builder(self, builder: Callable[..., None]) -> Callable[..., None]:
        """The rebuild MkDocs' server calls: never raises, records the failure for the browser."""

        def build(*args: Any, **kwargs: Any) -> None:
            messages = _Messages()
            loggers = [logging.getLogger(name) for name in ENGINE_LOGGERS]
            for logger in loggers:
                logger.addHandler(messages)
            try:
                builder(*args, **kwargs)
            except click.ClickException as exc:  # MkDocs' Abort: the cause was logged just before
                failure: str | None = exc.format_message()
            except Exception as exc:  # noqa: BLE001 - an unexpected error must not stop the preview
                failure = f"internal error: {type(exc).__name__}: {exc}"
                log.error("The rebuild stopped on an %s", failure)
                log.debug("Details of the internal error", exc_info=True)
            else:
                failure = None
            finally:
                for logger in loggers:
                    logger.removeHandler(messages)
            if failure is None:
                self.clear()
                return
            shown = messages.errors or messages.warnings or [failure]
            try:
                self.show(shown)
            except OSError as exc:
                log.error("Could not write the page that shows the failure (%s)", exc)
            log.error("The rebuild failed (see above); open pages show these errors until a rebuild succeeds.")

        return build

    def wrap_app(self, app: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
        """The WSGI application: page requests get the failure page while the failure lasts."""

        def serve(environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
            lang = self._page_language(environ.get("PATH_INFO", "")) if self.failed else None
            if lang is None:
                return app(environ, start_response)
            # MkDocs answers once the rebuild under way is over; if that rebuild succeeded, the
            # new site has no failure page (404): the page asked for is then the answer.
            answer: list[tuple[str, list, Any]] = []
            body = app({**environ, "PATH_INFO": f"{self.mount_path}{FAILURE_FOLDER}/{lang}.html"},
                       lambda status, headers, exc_info=None: answer.append((status, headers, exc_info)))
            if answer and not answer[0][0].startswith("404"):
                start_response(answer[0][0], answer[0][1])
                return body
            close = getattr(body, "close", None)
            if callable(close):
                close()
            return app(environ, start_response)

        return serve

    def show(self, messages: list[str]) -> None:
        """Write the failure page of every language and start answering page requests with it."""
        folder = self.served / FAILURE_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STYLESHEET, folder / STYLESHEET.name)
        stylesheet_url = f"{self.mount_path}{FAILURE_FOLDER}/{STYLESHEET.name}"
        for lang in self.languages:
            page = rebuild_failure_html(lang, messages, lambda m, lang=lang: self.translate(lang, m), stylesheet_url)
            (folder / f"{lang}.html").write_text(page, encoding="utf-8")
        with self._lock:
            self._failed = True

    def clear(self) -> None:
        """The last rebuild succeeded: serve the site again (the new build holds no failure folder)."""
        with self._lock:
            self._failed = False

    def _page_language(self, path: str) -> str | None:
        """The language of a page address under the mount path; None for anything that is not a page."""
        if not path.startswith(self.mount_path) or not (path.endswith("/") or path.endswith(".html")):
            return None
        relative = path[len(self.mount_path):]
        if relative.startswith(f"{FAILURE_FOLDER}/"):
            return None
        first = relative.split("/", 1)[0]
        return first if first in self.languages else "en" if "en" in self.languages else self.languages[0]
