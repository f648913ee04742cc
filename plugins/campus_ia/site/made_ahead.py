"""A rebuild's generated pages and downloads, made as soon as the content changes.

``mkdocs serve`` looks for changed files every half second, then waits a tenth of a
second for the editor to finish saving, then rebuilds. The generated pages and the
downloads of the new content (most of what a content edit costs a rebuild) can be
made in that time, into the same :class:`~.derived_cache.DerivedCache` the rebuild
reads: the rebuild then finds them made, or waits for them if they are still being
made, instead of making them itself.

Nothing made ahead can reach a reader unless the rebuild would have made the same:
bundles are found by the digest of the files they were made from, taken before the
files are read and checked again after. Content that does not load (an edit half
saved, a mistake) is left to the rebuild, which says what is wrong.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from ..content import ContentError
from ..i18n import CatalogError
from .assembly import DownloadError, SiteAssembly


def make_ahead(load: Callable[[], SiteAssembly], today: dt.date | None = None) -> bool:
    """Make the generated pages and downloads of the site ``load()`` gives (loaded as the
    rebuild will load it, bundles kept where it will look); False if it does not load."""
    try:
        assembly = load()
        assembly.generated_sources(today or dt.date.today())
        assembly.downloads()
    except (ContentError, CatalogError, DownloadError):
        return False
    return True
