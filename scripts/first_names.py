"""Write ``newsextract/data/first_names.tsv``: US first names with a clear gender, for "he" / "she".

Source: the 1990 US census first-name frequency files (public domain), as shipped by the ``names`` package
(MIT; a ``train`` extra). A name is listed as F or M when its share among one sex is at least five times its
share among the other; names common to both ("Dana", "Jordan") are left out, so they constrain nothing.
Run: ``.venv/bin/python scripts/first_names.py`` (the output is committed; the build is deterministic).
"""

from __future__ import annotations

import sys
from pathlib import Path

import names  # type: ignore[import-untyped]

RATIO = 5.0
OUT = Path(__file__).resolve().parent.parent / "layers/shared/python/newsextract/data/first_names.tsv"


def _shares(path: Path) -> dict[str, float]:
    shares: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, *_ = line.split()
        shares[name.lower()] = float(share)
    return shares


def main() -> int:
    folder = Path(names.__file__).parent
    female, male = _shares(folder / "dist.female.first"), _shares(folder / "dist.male.first")
    rows = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= RATIO * m:
            rows.append(f"{name}\tF")
        elif m >= RATIO * f:
            rows.append(f"{name}\tM")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(rows) + "\n", encoding="ascii")
    print(f"{OUT}: {len(rows)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
