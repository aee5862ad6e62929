"""Writing a document file so that a reader never finds half of it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replace_atomically(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`: renamed onto `path` if the block succeeds, else deleted.

    A cancelled or failed print or export therefore never leaves a partial file at `path`, and
    an older file of the same name survives until the new one is complete.
    """
    path = Path(path)
    partial = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.partial{path.suffix}")
    try:
        yield partial
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
