"""``python -m studyboard``: see :mod:`studyboard.cli`."""

from studyboard.cli import main

raise SystemExit(main())
