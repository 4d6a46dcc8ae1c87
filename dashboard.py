"""Study Board (学习看板): the entry page.

Holds what every page shares: page settings, the sidebar's language,
document and theme controls (bound to the URL), and the navigation. Each
page then draws itself from the one cached dataset.

    python3 tasks.py run
"""

import streamlit as st

from studyboard.ui import app
from studyboard import i18n

st.set_page_config(page_title="学习看板 Study Board", page_icon="📖", layout="wide")

view = app.shared_controls()
app.set_view(view)
lang = view.lang if view else i18n.DEFAULT_LANG
page = app.navigation(lang)
with st.sidebar:
    st.caption(i18n.t("app.offline", lang))
page.run()
