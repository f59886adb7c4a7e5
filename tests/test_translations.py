"""Every string the portal shows has its Vietnamese translation (the interface is Vietnamese by default)."""

import subprocess
import sys
from pathlib import Path

import pytest

BASE = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(subprocess.run(["which", "xgettext"], capture_output=True).returncode != 0,
                    reason="needs Debian's gettext (make test installs it)")
def test_every_translatable_string_has_a_vietnamese_translation():
    result = subprocess.run([sys.executable, str(BASE / "scripts" / "missing_translations.py")],
                            capture_output=True, text=True, cwd=BASE)
    assert result.returncode == 0, "Strings without a Vietnamese translation:\n" + result.stdout + result.stderr
