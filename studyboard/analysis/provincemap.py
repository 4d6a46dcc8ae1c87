"""Moved: counts to :mod:`studyboard.analysis.places`, figures and text to
:mod:`studyboard.views.placeviews`, outlines to :mod:`studyboard.views.geo`.

Only :data:`CONFIG` is left here, for ``studyboard/views/handout.py`` until it
is rewritten (it imports this module); delete the module then.
"""

from studyboard.views.placeviews import CONFIG  # noqa: F401
