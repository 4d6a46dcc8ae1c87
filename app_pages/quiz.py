"""Quiz (应知应会): fill-in-the-blank questions from the text.

The session code and the number of questions live in the URL
(``?code=group1&n=8``): everyone who opens the same address gets the same
set. Answers and the score stay in the participant's own session. A
participant's first answer to a question is final: the choices are then
locked, the right answer is named, and the score counts that first answer.
"""

import streamlit as st

from studyboard.ui import app, params, url
from studyboard.analysis import keyterms, outline, quiz
from studyboard.views import markup, quizviews

view = app.view()
ds = view.dataset
entries = keyterms.entries_for(view.lexicon)

st.markdown(quizviews.css(), unsafe_allow_html=True)
st.title(view.t("quiz.title"))
st.caption(view.t("quiz.intro"))
if rules_problem := outline.rules_problem(view.lexicon) or quiz.rules_problem(view.lexicon):
    st.error(rules_problem.message(view.lang))
    st.stop()

# the questions' answers and pools are made once per document and shared (app.cached: a long text takes a
# second or two); a session code, filter and size then only draw from them
data_stamps = app.quiz_stamps()
bases = app.quiz_bases(view)
most = quiz.available(ds, view.lexicon, view.themes, view.mode, entries, bases=bases)
if most == 0:
    if view.themes and quiz.available(ds, view.lexicon, (), "any", entries, bases=bases):
        st.info(view.t("quiz.none_filtered"))
    else:
        st.info(view.t("quiz.too_few", need=quiz.CHOICES))
    st.stop()

code_param = url.text("code", key="code", clean=params.parse_code(quiz.MAX_CODE))
size_param = url.Param("n", "n", min(quiz.DEFAULT_SIZE, most), params.parse_digits(1, quiz.MAX_SIZE))
code_problem = url.url_changed() and params.refused(st.query_params.get("code"), code_param.parse)
size_param.seed()
st.session_state["n"] = max(1, min(int(st.session_state["n"]), most))

left, right, _ = st.columns([2, 1, 2])
code = code_param.bind(left.text_input, view.t("quiz.code"), max_chars=quiz.MAX_CODE, help=view.t("quiz.code_help"))
right.number_input(view.t("quiz.size"), min_value=1, max_value=most, step=1, key="n", on_change=url.widget_changed)
if code_problem or (st.session_state["code"].strip() and not code):  # refused in the URL or as typed
    st.warning(view.t("quiz.code_invalid"))
size = int(size_param.write(size_param.value()))

questions, _ = app.cached(view, "quiz/questions", (code, size, view.themes, view.mode, data_stamps),
                          lambda: quiz.question_set(ds, view.lexicon, code, size, view.themes, view.mode, entries,
                                                    bases=bases))
round_key = f"quiz_round_{quiz.seed_of(ds.doc_id, code, view.themes, view.mode)[:12]}"
st.session_state.setdefault(round_key, 0)
prefix = f"{round_key}_{st.session_state[round_key]}"


def start_again() -> None:
    st.session_state[round_key] += 1


def lock(key: str) -> None:
    """Keep a question's first answer (called when its choice changes, before the page reruns)."""
    if st.session_state.get(key) is not None:
        st.session_state.setdefault(f"{key}_final", st.session_state[key])


answers = {}
for q in questions.itertuples():
    st.subheader(view.t("quiz.question", n=q.question), anchor=False)
    st.markdown(quizviews.prompt_html(q.prompt), unsafe_allow_html=True)
    key = f"{prefix}_{q.key}"
    lock(key)
    final = st.session_state.get(f"{key}_final")
    if final is not None:
        st.session_state[key] = final  # the first answer stays shown, whatever was chosen after it
    choice = st.radio(view.t("quiz.choose"), list(q.choices), index=None, horizontal=True, key=key,
                      on_change=lock, args=(key,), disabled=final is not None)
    choice = final if final is not None else choice
    answers[int(q.question)] = choice
    if choice is not None:
        if choice == q.answer:
            st.success(view.t("quiz.right"), icon=":material/check_circle:")
        else:
            st.warning(markup.t("quiz.wrong", view.lang, answer=q.answer), icon=":material/info:")
        gloss = quizviews.answer_gloss(q.answer, view.lang, entries)
        where = view.t("quiz.source_heading" if q.kind == "heading" else "quiz.source", n=q.paragraph)
        st.markdown(f"**{markup.md(where)}** "
                    f"[→]({app.link(view, 'reader', para=q.paragraph)})  \n{quizviews.source_markdown(q.source, q.answer)}"
                    + (f"  \n*{markup.md(gloss)}*" if gloss else ""))
    st.divider()

right_count, answered, total = quiz.score(questions, answers)
st.metric(view.t("quiz.your_score"), view.t("quiz.score", right=right_count, total=total))
st.caption(view.t("quiz.done") if answered == total else view.t("quiz.progress", answered=answered, total=total))
st.button(view.t("quiz.reset"), icon=":material/restart_alt:", on_click=start_again, key="quiz_reset")
