"""Study Board's server: Streamlit's own (``st.App``) for dashboard.py, with one addition.

    python3 tasks.py run              # runs `streamlit run serve.py`

``streamlit run dashboard.py`` serves the same board; through this file an
address whose path has a slash in it (``/a/b``), which Streamlit answers with
a blank page, opens the overview with a word that there is no such page
(``studyboard.ui.url.NestedPaths``, RELIABILITY.md).
"""

import streamlit as st
from starlette.middleware import Middleware

from studyboard.ui.url import NestedPaths

app = st.App("dashboard.py", middleware=[Middleware(NestedPaths)])
