"""What keeps a site from being published for real, though it builds: unset public addresses.

``content/site.yml`` may leave out ``url`` (the site's public address) and ``repository``
(where its files are kept): no source gives them until the site is deployed, and a
placeholder must never reach a reader. The site then builds with relative addresses and no
"Edit" links, which is right for previews and tests. ``campus-ia check-site --release``
refuses it, naming each missing setting.
"""

from __future__ import annotations

from ..content import Content


def address_blockers(content: Content) -> list[str]:
    """One plain sentence per missing public address; empty when the site may be published."""
    blockers = []
    if content.site.url is None:
        blockers.append(
            "content/site.yml: 'url' is not set: canonical links, the sitemap, Open Graph images and the "
            "addresses in citations and downloads stay relative. Add the site's public address "
            "(url: https://...) before publishing."
        )
    if content.site.repository is None:
        blockers.append(
            "content/site.yml: 'repository' is not set: the pages show no 'Edit this data' link. Add the "
            "address of the site's repository (repository: https://...) before publishing."
        )
    return blockers
