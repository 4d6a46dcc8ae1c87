"""The live session in the app: the presenter's panel (in the presenter view) and the participants' page.

The presenter view calls :func:`presenter_panel` once per run. Without a
session it offers to start one; the presenter's address then carries
``live=<code>&key=<secret>`` and every slide the presenter shows is written
to the session. The panel holds the participants' link and QR code, the
queue of their questions, the quiz for the room (counts as they come in),
the export of the counts and the end of the session. Its timer is one
fragment that draws nothing: every second it reads what participants change
(:func:`studyboard.store.live.activity`) and reruns the page only when that
differs from what the panel drew.

The participants' page (``app_pages/live.py``, ``/live?s=<code>``) follows
the session's slide: a timed fragment that draws nothing reads the session's
row every second and reruns the page only when the room shows something
other than what the page drew (:func:`studyboard.store.live.room`);
a participant may page privately and go back to the presenter's slide,
send a question on the slide they see, and answer the open quiz question
once. Its own random token (``me`` in its URL) names no one; it only holds
the rate limit and the first answer. Nothing a participant does writes the
session's slide: that needs the presenter's secret.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from studyboard import i18n
from studyboard.analysis import key_sentences, keyterms, outline, quiz
from studyboard.errors import InputError
from studyboard.store import live
from studyboard.ui import app, url
from studyboard.views import liveviews, markup, quizviews, slides

LETTERS = "ABCDEFGH"
#: How often the presenter's view tells the session it is still there (seconds).
TOUCH_EVERY = 60


# --- shared ---------------------------------------------------------------------------------


def deck(view: app.View, themes, mode: str):
    """The slides' items under a theme filter and the whole outline (as the presenter view counts them),
    from the document's shared outline (app.outline_items)."""
    return app.slide_rows(view, themes, mode)[1], app.outline_items(view)


def _slide_markup(view: app.View, themes: tuple[str, ...], mode: str, number: int) -> str:
    """A slide in the phone layout, made once per view and shared by every phone."""
    items, all_items = deck(view, themes, mode)

    def make() -> str:
        slide = slides.build(view.dataset, view.lexicon, items, number, view.lang, all_items)
        return slides.slide_html(view.dataset, slide, view.lang, keyterms.entries_for(view.lexicon), False,
                                 layout="phone")

    return app.cached(view, "live/slide", (tuple(themes), mode, view.lang, number, app.slide_stamps()), make)


def _room_questions(view: app.View, code: str) -> pd.DataFrame:
    """Every quiz question of the document, with choices in the session's order (drawn from the
    document's questions that the quiz page shares, app.quiz_bases)."""
    return app.cached(view, "live/questions", (code, app.quiz_stamps()), lambda: quiz.all_questions(
        view.dataset, view.lexicon, None, quiz.seed_of(view.dataset.doc_id, code),
        keyterms.entries_for(view.lexicon), app.quiz_bases(view)))


def _error(exc: InputError, lang: str) -> None:
    st.session_state["live_feedback"] = ("warning", exc.message(lang))


def _feedback() -> None:
    found = st.session_state.pop("live_feedback", None)
    if found:
        kind, text = found
        (st.success if kind == "success" else st.warning)(text)


# --- the presenter --------------------------------------------------------------------------


def _presenter() -> tuple[str, str] | None:
    """The session code and secret of the presenter's address, if both are there."""
    code, secret = st.query_params.get("live"), st.query_params.get("key")
    return (code, secret) if code and secret else None


def share_address(view: app.View) -> str | None:
    """The participants' link while this presenter runs an open session (for the QR code), else None:
    the presenter's own address carries the secret and must not be shared."""
    found = _presenter()
    if found is None or not live.is_presenter(*found):
        return None
    session = live.get(found[0])
    if session is None or not session.open:
        return None
    return liveviews.participant_url(st.context.url or "", found[0], view.lang)


def _start(view: app.View, number: int) -> None:
    code, secret = live.start(view.doc_id, number, view.themes, view.mode)
    url.to_url("live", code)
    url.to_url("key", secret)


def _leave() -> None:
    url.to_url("live", None)
    url.to_url("key", None)


def _end(code: str, secret: str, lang: str) -> None:
    try:
        live.end(code, secret)
    except InputError as exc:
        _error(exc, lang)
    _leave()
    st.session_state["live_feedback"] = ("success", _t(lang, "live.ended_now"))


def _t(lang: str, key: str, **params) -> str:
    return i18n.t(key, lang, **params)


def _presenter_call(action, lang: str, *args) -> None:
    try:
        action(*args)
    except InputError as exc:
        _error(exc, lang)


def presenter_panel(view: app.View, number: int, paragraphs=()) -> None:
    """The live session's part of the presenter view, for slide ``number`` (covering ``paragraphs``)."""
    found = _presenter()
    if found is None:
        _feedback()
        st.button(view.t("live.start"), icon=":material/cell_tower:", key="live_start", on_click=_start,
                  args=(view, number), help=view.t("live.start_help"))
        return
    code, secret = found
    session = live.get(code)
    if session is None or not live.is_presenter(code, secret):
        st.warning(view.t("error.live_not_presenter"))
        st.button(view.t("live.start"), icon=":material/cell_tower:", key="live_start", on_click=_start,
                  args=(view, number))
        return
    if not session.open:
        st.info(view.t("error.live_ended"))
        st.button(view.t("live.start"), icon=":material/cell_tower:", key="live_start", on_click=_start,
                  args=(view, number))
        return
    if (session.slide, session.themes, session.mode) != (number, tuple(view.themes), view.mode):
        try:
            live.move(code, secret, number, view.themes, view.mode)
        except InputError as exc:
            st.warning(exc.message(view.lang))
            return
    address = liveviews.participant_url(st.context.url or "", code, view.lang)
    with st.container(border=True, key="live_panel"):
        _feedback()
        head = st.columns([3, 1.3, 1.3, 1.1], vertical_alignment="center")
        head[0].markdown(f"**{markup.md(view.t('live.running', code=code))}**")
        with head[1].popover(view.t("live.link"), icon=":material/qr_code_2:", width="stretch"):
            st.caption(view.t("live.link_intro"))
            st.markdown(slides.qr_html(address), unsafe_allow_html=True)
            st.code(address, language=None, wrap_lines=True)
        head[2].download_button(view.t("live.export"), live.counts_csv(code, tuple(view.t("live.csv_columns").split(","))),
                                file_name=f"live-{code}-counts.csv", mime="text/csv", icon=":material/download:",
                                key="live_export", width="stretch", on_click="ignore")
        head[3].button(view.t("live.end"), icon=":material/stop_circle:", key="live_end", on_click=_end,
                       args=(code, secret, view.lang), width="stretch")
        _shown(view.lang, code)
        left, right = st.columns(2)
        with left:
            _queue(view.lang, code, secret)
        with right:
            _quiz(view, code, secret, tuple(int(p) for p in paragraphs))
        _watch_panel(view.lang, code, secret)


def _drew(part: str, code: str) -> None:
    """Note what a part of the panel drew (its part of live.activity), for :func:`_watch_panel`."""
    st.session_state[f"live_drew_{part}"] = live.activity(code)[part]


@st.fragment(run_every="1s", key="live_watch_panel")
def _watch_panel(lang: str, code: str, secret: str) -> None:
    """The panel's timer: one cheap read of what participants change (messages, answers). The parts
    that draw them are fragments without a timer (their buttons rerun only them); when what they
    show differs from what they drew, the page reruns. Draws nothing, so an unchanged second sends
    the browser only this fragment's empty run. Also tells the session the presenter is there."""
    session = live.get(code)
    if session is None or not session.open:
        return
    if live.clock() - session.active > TOUCH_EVERY:
        _presenter_call(live.touch, lang, code, secret)
    now = live.activity(code)
    if any(st.session_state.get(f"live_drew_{part}") != now[part] for part in ("queue", "shown", "quiz")):
        st.rerun(scope="app")


@st.fragment
def _shown(lang: str, code: str) -> None:
    _drew("shown", code)
    message = live.shown_message(code)
    if message is not None:
        st.markdown(liveviews.shown_html(message.text, message.name, _t(lang, "live.shown_label", n=message.slide)),
                    unsafe_allow_html=True)


@st.fragment
def _queue(lang: str, code: str, secret: str) -> None:
    _drew("queue", code)
    session = live.get(code)
    if session is None or not session.open:
        return
    messages = live.messages(code)
    waiting = [m for m in messages if not m.answered]
    answered = [m for m in messages if m.answered]
    with st.container(key="live_queue"):
        st.markdown(f"**{markup.md(_t(lang, 'live.queue', n=len(waiting)))}**")
        if not messages:
            st.caption(_t(lang, "live.queue_empty"))
        for message in waiting:
            _message(lang, code, secret, message)
        if answered:
            with st.expander(_t(lang, "live.answered_list", n=len(answered))):
                for message in answered:
                    _message(lang, code, secret, message)


def _message(lang: str, code: str, secret: str, message: live.Message) -> None:
    with st.container(border=True, key=f"live_message_{message.id}"):
        st.markdown(markup.md(message.text))
        who = message.name or _t(lang, "live.anonymous")
        st.caption(_t(lang, "live.message_meta", n=message.slide, name=who))
        cols = st.columns(2)
        cols[0].button(_t(lang, "live.unmark" if message.answered else "live.mark_answered"),
                       key=f"live_answered_{message.id}", width="stretch", on_click=_presenter_call,
                       args=(live.mark_answered, lang, code, secret, message.id, not message.answered))
        cols[1].button(_t(lang, "live.hide" if message.shown else "live.show"), key=f"live_show_{message.id}",
                       width="stretch", on_click=_presenter_call,
                       args=(live.show, lang, code, secret, None if message.shown else message.id))


def _open(view: app.View, code: str, secret: str, questions: pd.DataFrame, pick: str) -> None:
    key = st.session_state.get(pick)
    row = questions[questions["key"] == key]
    if row.empty:
        return
    q = row.iloc[0]
    question = live.Question(str(q["key"]), str(q["prompt"]), tuple(q["choices"]), int(q["correct"]),
                             str(q["source"]), int(q["paragraph"]))
    _presenter_call(live.open_question, view.lang, code, secret, question)


def _quiz(view: app.View, code: str, secret: str, paragraphs: tuple[int, ...]) -> None:
    with st.container(key="live_room_quiz"):
        st.markdown(f"**{markup.md(view.t('live.quiz'))}**")
        _drew("quiz", code)  # no question open: the chooser (redrawn, with _counts, once one is)
        if live.current_question(code) is not None:
            _counts(view.lang, code, secret)
            return
        questions = _room_questions(view, code)
        if questions.empty:
            st.caption(view.t("live.no_questions"))
            return
        here = [int(p) in paragraphs for p in questions["paragraph"]]  # the slide's own questions first
        ordered = sorted(zip(here, questions["key"], questions["prompt"]), key=lambda row: not row[0])
        labels = {str(key): ("★ " if on_slide else "") + str(prompt) for on_slide, key, prompt in ordered}
        # a chooser of its own per slide (its options' order and marks change with the slide): it starts on
        # the slide's first question
        pick = f"live_pick_{min(paragraphs, default=0)}"
        st.selectbox(view.t("live.pick"), list(labels), index=0, format_func=labels.get, key=pick,
                     help=view.t("live.pick_help"))
        st.button(view.t("live.open"), icon=":material/campaign:", key="live_open", on_click=_open,
                  args=(view, code, secret, questions, pick), type="primary")


def _reveal(lang: str, code: str, secret: str) -> None:
    _presenter_call(live.reveal, lang, code, secret)


def _close(lang: str, code: str, secret: str) -> None:
    _presenter_call(live.close_question, lang, code, secret)


@st.fragment
def _counts(lang: str, code: str, secret: str) -> None:
    _drew("quiz", code)
    session, question = live.get(code), live.current_question(code)
    if session is None or question is None:
        return
    st.markdown(quizviews.prompt_html(question.prompt), unsafe_allow_html=True)
    counts = live.counts(code, question.key)
    st.markdown(liveviews.counts_html(question.choices, counts, _t(lang, "live.answers", n=sum(counts)),
                                      question.correct if session.revealed else None), unsafe_allow_html=True)
    if session.revealed:
        st.success(_t(lang, "live.answer_is", answer=question.answer))
        st.markdown(quizviews.source_markdown(question.source, question.answer))
    else:
        st.button(_t(lang, "live.reveal"), icon=":material/visibility:", key="live_reveal", on_click=_reveal,
                  args=(lang, code, secret), type="primary")
    if st.button(_t(lang, "live.close"), key="live_close", on_click=_close, args=(lang, code, secret)):
        st.rerun(scope="app")  # the question chooser is outside this fragment


# --- the participants ------------------------------------------------------------------------


def _token() -> str:
    """This participant's token: from the URL (a reload keeps it), else a new one written there."""
    raw = st.query_params.get("me")
    if isinstance(raw, str) and live.TOKEN.match(raw):
        st.session_state["live_me"] = raw
    token = st.session_state.setdefault("live_me", live.new_token())
    if raw != token:
        url.to_url("me", token)
    return token


def _own(number: int) -> None:
    st.session_state["live_follow"] = False
    st.session_state["live_own"] = number


def _follow_again() -> None:
    st.session_state["live_follow"] = True


def _answer(lang: str, code: str, token: str, key: str, choice: int) -> None:
    try:
        live.answer(code, token, key, choice)
    except InputError as exc:
        _error(exc, lang)


def participant_page(view: app.View) -> None:
    """The participants' page: the session's slide, privately paged, the question form and the quiz."""
    code = st.query_params.get("s", "")
    session = live.get(code) if code else None
    if session is None:
        st.warning(view.t("live.unknown"))
        return
    if not session.open:
        st.info(view.t("error.live_ended"))
        return
    if session.doc_id != view.doc_id:
        if session.doc_id in {e.id for e in app.catalog()}:
            url.update_url(doc=session.doc_id)  # reruns on the session's document
        st.error(view.t("live.no_document"))
        return
    if rules_problem := outline.rules_problem(view.lexicon):
        st.error(rules_problem.message(view.lang))
        return
    token = _token()
    st.session_state.setdefault("live_follow", True)
    st.markdown(slides.css(False, slides.size_scale(slides.DEFAULT_SIZE)), unsafe_allow_html=True)
    st.markdown(liveviews.css(), unsafe_allow_html=True)
    _follow(view, code, token)
    _watch_room(code)
    _message_form(view, code, token)


@st.fragment(run_every="1s", key="live_watch_room")
def _watch_room(code: str) -> None:
    """The participant's timer: one read of the session's row, compared with what :func:`_follow`
    drew (live.room: open, slide, theme filter, quiz question, revealed). It draws nothing, so an
    unchanged second costs the server one row read and the phone one empty fragment run; when the
    room differs, the page reruns and :func:`_follow` draws the new state."""
    if live.room(live.get(code)) != st.session_state.get("live_drew_room"):
        st.rerun(scope="app")


@st.fragment
def _follow(view: app.View, code: str, token: str) -> None:
    """The slide, the nav row and the room's quiz: a fragment without a timer (private paging and
    answering rerun only it); :func:`_watch_room` reruns the page when the room moves."""
    session = live.get(code)
    st.session_state["live_drew_room"] = live.room(session)
    if session is None or not session.open:
        st.info(view.t("error.live_ended"))
        return
    items, _ = deck(view, session.themes, session.mode)
    total = len(items)
    if total == 0:
        st.info(view.t("study.no_slides"))
        return
    following = st.session_state.get("live_follow", True)
    room = key_sentences.clamp(session.slide, total)
    number = room if following else key_sentences.clamp(int(st.session_state.get("live_own", room)), total)
    st.session_state["live_viewing"] = number
    status = view.t("live.following") if following else view.t("live.private")
    _room_quiz(view, code, token, session)  # an open question first: it is what the room is doing
    # the counter between big previous / next buttons, in one row even on a phone; then the slide
    with st.container(key="live_nav", horizontal=True, wrap=False, vertical_alignment="center"):
        st.button(view.t("study.prev"), icon=":material/chevron_left:", key="live_prev", on_click=_own,
                  args=(number - 1,), disabled=number <= 1, width="stretch")
        st.markdown(liveviews.where_html(number, total, status, following), unsafe_allow_html=True, width="stretch")
        st.button(view.t("study.next"), icon=":material/chevron_right:", icon_position="right", key="live_next",
                  on_click=_own, args=(number + 1,), disabled=number >= total, width="stretch")
    if not following:
        st.button(view.t("live.back", n=room), icon=":material/co_present:", key="live_back",
                  on_click=_follow_again, type="primary", width="stretch")
    markup_ = _slide_markup(view, session.themes, session.mode, number)
    st.markdown(liveviews.slide_html(number, markup_), unsafe_allow_html=True)


def _room_quiz(view: app.View, code: str, token: str, session: live.Session) -> None:
    question = live.current_question(code)
    if question is None:
        return
    with st.container(key="live_quiz", border=True):
        st.markdown(f"**{markup.md(view.t('live.quiz'))}**")
        st.markdown(quizviews.prompt_html(question.prompt), unsafe_allow_html=True)
        mine = live.my_answer(code, token, question.key)
        if mine is None and not session.revealed:
            for index, choice in enumerate(question.choices):
                st.button(f"{LETTERS[index]}. {choice}", key=f"live_choice_{question.key}_{index}", width="stretch",
                          on_click=_answer, args=(view.lang, code, token, question.key, index))
            _feedback()
            return
        if mine is not None:
            st.markdown(markup.md(view.t("live.your_answer", choice=f"{LETTERS[mine]}. {question.choices[mine]}")))
        else:
            st.caption(view.t("live.not_answered"))
        if session.revealed:
            (st.success if mine == question.correct else st.info)(view.t("live.answer_is", answer=question.answer))
            st.markdown(quizviews.source_markdown(question.source, question.answer))
        else:
            st.caption(view.t("live.wait_reveal"))


def _send(lang: str, code: str, token: str) -> None:
    try:
        live.send(code, token, int(st.session_state.get("live_viewing", 1)), st.session_state.get("live_text", ""),
                  st.session_state.get("live_name", ""))
    except InputError as exc:
        st.session_state["live_form_feedback"] = ("warning", exc.message(lang))
        return
    st.session_state["live_form_feedback"] = ("success", _t(lang, "live.sent"))
    st.session_state["live_text"] = ""


def _message_form(view: app.View, code: str, token: str) -> None:
    with st.form("live_form", border=True):
        st.text_area(view.t("live.message"), max_chars=live.MAX_MESSAGE, key="live_text",
                     placeholder=view.t("live.message_placeholder"))
        st.text_input(view.t("live.name"), max_chars=live.MAX_NAME, key="live_name",
                      placeholder=view.t("live.name_placeholder"))
        st.form_submit_button(view.t("live.send"), icon=":material/send:", on_click=_send,
                              args=(view.lang, code, token), width="stretch")
    found = st.session_state.pop("live_form_feedback", None)
    if found:
        (st.success if found[0] == "success" else st.warning)(found[1])
