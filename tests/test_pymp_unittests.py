"""pymp's own 19 unit tests, unchanged, with ``import pymp`` resolved to ``omppy.pymp``.

The tests are ``tests/unittests.py`` of the pymp-pypi 0.5.0 source distribution,
fetched from PyPI with ``pip download`` at test time (and kept in a cache under the
system's temporary directory), never copied into this repository.  Without PyPI the
test is skipped, saying why.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest
from helpers import ROOT

SDIST = "pymp-pypi-0.5.0.tar.gz"
SHA256 = "ca23094ddace858f6a06389e6de5721bf799719a7e87e317870674fccca6ef69"
MEMBER = "pymp-pypi-0.5.0/tests/unittests.py"
CACHE = Path(tempfile.gettempdir()) / "omppy-test-cache"

# Runs a script with `pymp`, `pymp.config` and `pymp.shared` being omppy's.
SHIM = """
import runpy, sys
import omppy.pymp, omppy.pymp.config, omppy.pymp.shared
sys.modules.update({"pymp": omppy.pymp, "pymp.config": omppy.pymp.config,
                    "pymp.shared": omppy.pymp.shared})
script = sys.argv[1]
sys.argv = [script, "-v"]
runpy.run_path(script, run_name="__main__")
"""


def _sdist() -> Path:
    """The verified sdist, downloaded once; skips the test if PyPI cannot be reached."""
    path = CACHE / SDIST
    if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != SHA256:
        CACHE.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
        command += ["--disable-pip-version-check", "-d", str(CACHE), "pymp-pypi==0.5.0"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=240)
        except subprocess.TimeoutExpired:
            pytest.skip("PyPI unreachable: 'pip download pymp-pypi==0.5.0' timed out")
        if done.returncode != 0 or not path.exists():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            pytest.skip(f"PyPI unreachable: 'pip download pymp-pypi==0.5.0' failed ({last})")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == SHA256, f"{path} is not pymp-pypi 0.5.0 as published (sha256 {digest})"
    return path


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_pymps_own_unit_tests_pass_unchanged(tmp_path):
    with tarfile.open(_sdist()) as archive:
        source = archive.extractfile(MEMBER)
        assert source is not None
        text = source.read()
    script = tmp_path / "unittests.py"
    script.write_bytes(text)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_", "PYMP_"))}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", SHIM, str(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=240,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "Ran 19 tests" in report, report
    assert report.rstrip().endswith("OK"), report
    assert report.count(" ... ok") == 19, report
