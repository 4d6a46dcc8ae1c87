"""``python -m studyboard``: see :mod:`studyboard.cli`."""

from .cli import main

raise SystemExit(main())
