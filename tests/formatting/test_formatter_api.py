from __future__ import annotations

import subprocess
import sys

import pytest

from campus_ia.formatting import Formatter
from campus_ia.formatting.locales import number_locale
from tests.support import REPO_ROOT


@pytest.mark.parametrize("lang", ["de", "FR", "fr_FR", "en_GB", ""])
def test_unknown_locale(lang):
    with pytest.raises(ValueError):
        Formatter(lang)


def test_languages_differ():
    assert Formatter("fr").number(1.5) == "1,5"
    assert Formatter("en").number(1.5) == "1.5"
    assert Formatter("fr").lang == "fr"
    assert repr(Formatter("en")) == "Formatter('en')"


def test_babel_locales_are_cached():
    assert number_locale("fr") is number_locale("fr")


def test_formatting_does_not_import_mkdocs():
    # A fresh interpreter: other tests in the session may have imported mkdocs.
    plugins = REPO_ROOT / "plugins"
    code = "import sys; sys.path.insert(0, sys.argv[1]); import campus_ia.formatting; print('mkdocs' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code, str(plugins)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
