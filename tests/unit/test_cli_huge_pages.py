"""The ``newsextract`` command turns NumPy's transparent huge pages off unless the user chose a setting.

NumPy reads ``NUMPY_MADVISE_HUGEPAGE`` once, when it is first imported, so each case runs in a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROGRAM = """
import contextlib, io
from newsextract import cli
with contextlib.redirect_stdout(io.StringIO()):
    status = cli.main(["info", "--json"])
from numpy._core.multiarray import _get_madvise_hugepage
print(status, _get_madvise_hugepage())
"""


def run_info(setting: str | None) -> str:
    env = {key: value for key, value in os.environ.items() if key != "NUMPY_MADVISE_HUGEPAGE"}
    if setting is not None:
        env["NUMPY_MADVISE_HUGEPAGE"] = setting
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip()


@pytest.mark.parametrize(("setting", "expected"), [(None, "0 False"), ("1", "0 True"), ("0", "0 False")])
def test_huge_pages_are_off_unless_the_user_asks_for_them(setting: str | None, expected: str) -> None:
    assert run_info(setting) == expected
