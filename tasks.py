#!/usr/bin/env python3
"""Set up and run Study Board with nothing but Python 3.11+.

    python3 tasks.py run     # set up .venv, install requirements, start the board
    python3 tasks.py test    # set up .venv with test requirements, run every test

``run`` passes further arguments to ``streamlit run`` (for example
``--server.port 8600``); it listens on 127.0.0.1 unless given
``--server.address`` (``--server.address 0.0.0.0`` for phones). ``test`` runs in two steps: the tests without a
browser on every core (pytest-xdist), then the browser tests (tests/browser,
one at a time: they share a server and Chromium); it fails if either fails.
Arguments given to ``test`` replace both steps by one pytest run with them
(``python3 tasks.py test tests/test_reflow.py -x``). Requirements are
installed again only when a requirements file changed. ``test`` also installs
Debian's ``chromium`` and ``fonts-noto-cjk`` for the browser tests when they
are missing and the machine allows it (root with apt-get); without them the
browser tests are skipped with the reason shown.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
BROWSER_PACKAGES = ("chromium", "fonts-noto-cjk")


def say(message: str) -> None:
    print(f"[tasks] {message}", flush=True)


def ensure_venv(requirements: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit("Study Board needs Python 3.11 or newer.")
    if not PYTHON.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    files = [ROOT / requirements] + ([ROOT / "requirements.txt"] if requirements != "requirements.txt" else [])
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    say(f"installing {requirements}")
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", str(ROOT / requirements)], check=True)
    stamp.write_text(digest)


def ensure_browser() -> None:
    """Install Chromium and CJK fonts for the browser tests where possible."""
    have_fonts = any(Path(p).exists() for p in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                                                "/usr/share/fonts/opentype/noto"))
    if Path("/usr/bin/chromium").exists() and have_fonts:
        return
    if os.environ.get("STUDYBOARD_NO_APT"):
        say("STUDYBOARD_NO_APT is set: not installing chromium; browser tests will be skipped")
        return
    if not shutil.which("apt-get") or (hasattr(os, "geteuid") and os.geteuid() != 0):
        say("chromium is missing and cannot be installed here (needs root and apt-get); "
            "browser tests will be skipped")
        return
    say("installing " + " ".join(BROWSER_PACKAGES) + " for the browser tests")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    update = subprocess.run(["apt-get", "update", "-qq"], env=env)
    install = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *BROWSER_PACKAGES],
                             env=env, stdout=subprocess.DEVNULL)
    if update.returncode or install.returncode:
        say("could not install chromium; browser tests will be skipped")


#: Where ``run`` listens unless told otherwise: this computer only.
LOCAL_ADDRESS = "127.0.0.1"
WILDCARDS = ("0.0.0.0", "::")


def _option(args: list[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` among ``args`` (the last one given)."""
    found = None
    for i, arg in enumerate(args):
        if arg == f"--{name}" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith(f"--{name}="):
            found = arg.split("=", 1)[1]
    return found


def lan_address() -> str | None:
    """This computer's address on its network, as the route to an outside
    address would leave it: a UDP socket is connected, which sends nothing."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1 (RFC 5737): never routed anywhere
            return probe.getsockname()[0]
    except OSError:
        return None


def run_command(args: list[str], python: str | None = None) -> list[str]:
    """The ``streamlit run`` command of ``run`` (serve.py: the board, dashboard.py, through ``st.App``).

    The board listens on 127.0.0.1 unless ``--server.address`` says otherwise
    (``--server.address 0.0.0.0`` for participants' phones). Bound to a
    wildcard address, Streamlit would ask an outside host for the computer's
    public address at start-up to print an "External URL"; the computer's
    network address is given instead (``--browser.serverAddress``), so that
    nothing is sent.
    """
    args = list(args)
    address = _option(args, "server.address")
    if address is None:
        args = ["--server.address", LOCAL_ADDRESS, *args]
    elif address in WILDCARDS and _option(args, "browser.serverAddress") is None:
        args += ["--browser.serverAddress", lan_address() or "localhost"]
    return [python or str(PYTHON), "-m", "streamlit", "run", str(ROOT / "serve.py"), *args]


def run(args: list[str]) -> int:
    ensure_venv("requirements.txt")
    command = run_command(args)
    say(" ".join(command[2:]))
    return subprocess.call(command, cwd=ROOT)


#: The two steps of ``test`` without arguments.
TEST_STEPS = (
    ("tests without a browser, on every core", ["-n", "auto", "--ignore=tests/browser"]),
    ("browser tests", ["tests/browser"]),
)


def test(args: list[str]) -> int:
    ensure_venv("requirements-dev.txt")
    ensure_browser()
    pytest = [str(PYTHON), "-m", "pytest"]
    if args:
        return subprocess.call([*pytest, *args], cwd=ROOT)
    failed = []
    for name, step in TEST_STEPS:
        say(f"{name}: pytest {' '.join(step)}")
        if subprocess.call([*pytest, *step], cwd=ROOT):
            failed.append(name)
    if failed:
        say("failed: " + ", ".join(failed))
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    commands = {"run": run, "test": test}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
