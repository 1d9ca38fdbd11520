"""mypy over the public API and the layers pyproject's [tool.mypy] names."""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api as mypy

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # 10-20 s: mypy reads the packages these import
def test_the_api_and_the_typed_layers_type_check(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the configuration names its files from the project's root
    out, err, status = mypy.run(
        ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "mypy"), "--no-error-summary"]
    )
    assert status == 0, out + err
