"""The programs some tests drive besides Python: Chromium and the Nu Html Checker.

Where one is missing the tests that need it are skipped with a reason that
starts with MISSING_TOOL, and the run ends with a summary that says so loudly.
Continuous integration sets REQUIRE_BROWSER=1 and REQUIRE_VALIDATOR=1, which
turn those skips into failures.
"""

import os
import shutil
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
MISSING_TOOL = "MISSING TOOL"

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, in a closed network: no sandbox (containers), no GPU, and none of
# the background requests Chromium makes to its vendor's services.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
# Where `make validator` puts the npm package vnu-jar.
VNU_JAR = Path(
    os.environ.get("VNU_JAR", BASE_DIR / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)


def skip_without(requirement, message):
    """Skip the current test because a tool is missing, or fail if REQUIRE_<requirement>=1."""
    variable = f"REQUIRE_{requirement}"
    if os.environ.get(variable) == "1":
        pytest.fail(f"{message} ({variable}=1 makes this a failure)", pytrace=False)
    pytest.skip(f"{MISSING_TOOL}: {message}")


def require_chromium():
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        skip_without(
            "BROWSER",
            f"no Chromium at {CHROMIUM}: browser and accessibility tests not run "
            "(apt-get install chromium)",
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_without("BROWSER", "Playwright is not installed (make install-dev)")
    return CHROMIUM


def require_vnu():
    """The command that runs the Nu Html Checker."""
    java = shutil.which("java")
    if java is None:
        skip_without("VALIDATOR", "no java: HTML validity tests not run (apt-get install java)")
    if not VNU_JAR.is_file():
        skip_without("VALIDATOR", f"no {VNU_JAR}: HTML validity tests not run (make validator)")
    return [java, "-jar", str(VNU_JAR)]
