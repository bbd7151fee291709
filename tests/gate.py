"""The accuracy gate every ``test_accuracy_*`` file uses: measured figures against pinned floors.

Floors live in ``tests/floors/<area>.json``. ``pytest --update-golden`` rewrites them from the
current figures and refuses to lower any unless ``--allow-regression`` is given too; a plain run
fails when a figure drops below its floor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SLACK = 1e-9
"""Float noise allowed below a floor."""


def check_floors(path: Path, figures: dict[str, float], request: pytest.FixtureRequest, *,
                 detail: str = "") -> None:
    """Fail when a figure is below its pinned floor (``detail`` goes into the failure message)."""
    floors: dict[str, float] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if request.config.getoption("--update-golden"):
        lowered = {k: (floors[k], v) for k, v in figures.items() if k in floors and v < floors[k] - SLACK}
        if lowered and not request.config.getoption("--allow-regression"):
            pytest.fail(f"--update-golden would lower floors {lowered}; add --allow-regression if intended")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        floors = figures
    assert floors, f"{path} is missing: run pytest with --update-golden once"
    below = {k: (v, figures.get(k)) for k, v in floors.items() if figures.get(k, 0.0) < v - SLACK}
    assert not below, f"below the pinned floor (floor, now): {below}\n{detail}"
