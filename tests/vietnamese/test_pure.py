"""The vietnamese package is pure Python: importing all of it loads no Django and no app."""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import vietnamese
from vietnamese.xmlsafe import xml_safe

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "lantoa", "stories", "campaigns", "search", "syndication", "engagement"]


def test_importing_every_module_loads_no_django_and_no_app():
    modules = [f"vietnamese.{info.name}" for info in pkgutil.iter_modules(vietnamese.__path__)]
    assert {"vietnamese.text", "vietnamese.slugs", "vietnamese.dates"} <= set(modules)
    program = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert "django" not in loaded and "wagtail" not in loaded
    assert not loaded & set(APPS)


def test_xml_safe_text_drops_what_xml_cannot_carry():
    assert xml_safe("a\x00b\x0bc\x0cd\x7fe\ufffef\uffffg\ud800h") == "abcdefgh"
    assert xml_safe("tab\tnew\nline\r") == "tab\tnew\nline\r"
    assert xml_safe("UBND\x0cxã", " ") == "UBND xã"
    assert xml_safe(None) == ""
