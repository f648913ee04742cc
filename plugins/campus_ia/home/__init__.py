"""The home page's blocks: key figures, timeline strip, locator map, who publishes the site.

Prose pages ask for them with ``{{ site:key-figures }}``, ``{{ site:timeline-strip }}``,
``{{ site:locator-map }}`` and ``{{ site:publisher }}``; the site renders them from
``content/`` (never typed in prose) with the same escaping as generated pages.
"""

from __future__ import annotations

from .blocks import HOME_BLOCKS, HOME_FIGURES, home_block

__all__ = ["HOME_BLOCKS", "HOME_FIGURES", "home_block"]
