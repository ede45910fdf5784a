"""Configuration from the environment, read in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_OBJECT_BYTES = 2_000_000


@dataclass(frozen=True)
class Settings:
    table_name: str
    max_object_bytes: int = DEFAULT_MAX_OBJECT_BYTES

    @classmethod
    def from_env(cls) -> Settings:
        table_name = os.environ.get("TABLE_NAME", "")
        if not table_name:
            raise RuntimeError("TABLE_NAME is not set")
        raw_limit = os.environ.get("MAX_OBJECT_BYTES", str(DEFAULT_MAX_OBJECT_BYTES))
        try:
            max_object_bytes = int(raw_limit)
        except ValueError:
            raise RuntimeError(
                f"MAX_OBJECT_BYTES must be a whole number of bytes, not {raw_limit!r}"
            ) from None
        if max_object_bytes <= 0:
            raise RuntimeError("MAX_OBJECT_BYTES must be positive")
        return cls(table_name=table_name, max_object_bytes=max_object_bytes)
