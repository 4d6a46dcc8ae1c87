"""A live session on a participant's phone (``/live?s=<code>``, from the presenter's QR code).

The current slide follows the presenter's within a second or two; the
participant may page privately and go back to the presenter, send a
question on the slide, and answer the quiz question the presenter opens.
Everything is in studyboard.ui.live_ui (a timer that rereads the session and redraws only
when the room changes).
"""

import streamlit as st

from studyboard.ui import app, live_ui

st.set_page_config(initial_sidebar_state="collapsed")

live_ui.participant_page(app.view())
