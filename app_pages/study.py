"""Presenter view (学习): one slide per outline item (per heading in a document
with headings), for a projector.

The slide number, type size and dark mode live in the URL
(``?slide=3&size=l&dark=1``), so a presenter can resume or share the view;
the QR code carries that address to participants' phones. Below the slide:
the notes on its paragraphs, read only, as talking points.
"""

import streamlit as st

from studyboard.ui import app, live_ui, notes_ui, params, url
from studyboard.views import charts, markup, slides
from studyboard.analysis import key_sentences, keyterms, outline

st.set_page_config(initial_sidebar_state="collapsed")

view = app.view()
ds = view.dataset
if rules_problem := outline.rules_problem(view.lexicon):
    st.error(rules_problem.message(view.lang))
    st.stop()
all_items = app.outline_items(view)
stamps = app.slide_stamps()  # what the slides are made from besides the dataset and the lexicon


def made(name: str, key, make):
    """A part of a slide made once per dataset, lexicon, outline rules, glossary, language, theme filter
    and ``key`` and shared (app.cached): stepping back to a slide, or another session on it, costs nothing."""
    return app.cached(view, f"study/{name}", (view.lang, view.themes, view.mode, stamps, key), make)


all_slides, items = app.slide_rows(view, view.themes, view.mode)
total = len(items)

if all_items.empty:
    st.info(view.t("study.no_slides"))
    st.stop()
if items.empty:
    st.info(view.t("study.no_slides_filtered"))
    st.stop()

# --- the slide area: toolbar, slide, live panel, notes and theme bar. A step reruns this part alone
# (app.part): the sidebar and the navigation are not sent again (bench/NOTES.md) --------------------


@app.part
def slide_area() -> None:
    # --- view state from the URL ---------------------------------------------------------
    slide_param = url.Param("slide", "slide", 1, params.parse_digits(1, slides.MAX_SLIDE))
    size_param = url.choice("size", slides.SIZES, slides.DEFAULT_SIZE, key="size")
    dark_param = url.flag("dark", key="dark")
    raw_slide = st.query_params.get("slide")
    problem = slides.url_problem(raw_slide, slide_param.parse(raw_slide) if raw_slide is not None else None,
                                 total) if url.url_changed() else None
    slide_param.seed()
    st.session_state["slide"] = key_sentences.clamp(st.session_state["slide"], total)

    def step(delta: int) -> None:
        st.session_state["slide"] = key_sentences.clamp(st.session_state["slide"] + delta, total)
        url.widget_changed()  # the click wins over the address it arrives with

    number = st.session_state["slide"]
    slide, path = made("slide", number, lambda: (
        (built := slides.build(ds, view.lexicon, items, number, view.lang, all_items)),
        slides.heading_path(built.item, all_items)[0]))
    labels = made("labels", None, lambda: slides.labels(ds, items, all_items, view.lang))

    # --- toolbar: one compact row (it hides itself in full screen, the F key; see slide_present.js) -------
    with st.container(key="study_toolbar"):
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.button(view.t("study.prev"), icon=":material/chevron_left:", on_click=step, args=(-1,),
                      disabled=number <= 1, shortcut="Left", key="prev")
            st.markdown(slides.counter_html(view.t("study.counter", n=number, total=total), path),
                        unsafe_allow_html=True, width="content")
            st.button(view.t("study.next"), icon=":material/chevron_right:", icon_position="right", on_click=step,
                      args=(1,), disabled=number >= total, shortcut="Right", key="next")
            st.selectbox(view.t("study.jump"), list(labels), key="slide", format_func=labels.get,
                         label_visibility="collapsed", on_change=url.widget_changed)
            with st.popover(view.t("study.display"), icon=":material/format_size:", key="study_display"):
                size = size_param.bind(st.segmented_control, view.t("study.size"), list(slides.SIZES), required=True,
                                       format_func=lambda s: view.t(f"study.size_{s}"))
                dark = bool(dark_param.bind(st.toggle, view.t("study.dark")))
                st.caption(view.t("study.full_screen_hint"))
            number = slide_param.write(slide_param.value())
            with st.popover(view.t("study.qr"), icon=":material/qr_code_2:", key="study_qr"):
                # during a live session the QR code carries the participants' link (never the presenter's key)
                address = live_ui.share_address(view) or slides.share_url(st.context.url or "", st.query_params.to_dict())
                st.caption(view.t("study.qr_intro"))
                st.markdown(made("qr", address, lambda: slides.qr_html(address)), unsafe_allow_html=True)
                st.code(address, language=None, wrap_lines=True)
                st.caption(view.t("study.qr_local") if slides.is_local(address) else view.t("study.qr_network"))
            st.html(slides.present_html(view.lang), unsafe_allow_javascript=True, width="content")
        st.progress(number / total)
    if problem:
        st.warning(markup.t(problem[0], view.lang, **problem[1]))
    if view.themes:
        if slide.item["kind"] == "heading":
            st.caption(view.t("study.filtered_headings", n=total, all=len(all_slides)))
        else:
            st.caption(view.t("study.filtered", total=total, all=len(all_slides)))

    # --- the slide ---------------------------------------------------------------------------
    st.markdown(slides.css(dark, slides.size_scale(size)), unsafe_allow_html=True)
    st.markdown(made("slide_html", (number, dark), lambda: slides.slide_html(
        ds, slide, view.lang, keyterms.entries_for(view.lexicon), dark)), unsafe_allow_html=True)

    first = int(slide.item["paragraph"])
    last = max(int(slide.item["last_paragraph"]), first)
    part = last > first  # a heading that covers several paragraphs

    # --- the live session: participants' phones follow this slide; their questions and the room's quiz ------
    live_ui.presenter_panel(view, number, range(first, last + 1))

    # --- the paragraphs' notes: talking points, read only (written in the reader or the library) ---------
    notes = notes_ui.notes_of(view)
    with st.container(key="study_talking_points"):
        found = [(paragraph, notes[paragraph]) for paragraph in range(first, last + 1) if notes.get(paragraph)]
        if found and part:
            st.markdown(f"**{markup.md(view.t('study.talking_points_part', first=first, last=last))}**")
        elif found:
            st.markdown(f"**{markup.md(view.t('study.talking_points', n=first))}**")
        elif part:
            st.caption(view.t("study.no_talking_points_part", first=first, last=last))
        else:
            st.caption(view.t("study.no_talking_points", n=first))
        for paragraph, talking_points in found:
            if part:
                st.caption(view.t("study.paragraph", n=paragraph))
            notes_ui.paragraph_notes(view, paragraph, talking_points, editable=False, key="study_notes")

    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.caption(view.t("study.theme_bar_part") if part else view.t("study.theme_bar"))
        st.plotly_chart(made("theme_bar", (first, last, dark),
                             lambda: slides.theme_bar(ds, range(first, last + 1), view.lang, dark)),
                        config={**charts.CONFIG, "displayModeBar": False}, width="stretch", key="theme_bar")
    with right:
        text = view.t("study.to_reader_part", n=first) if part else view.t("study.to_reader", n=first)
        st.markdown(f"[{markup.md(text)}]({app.link(view, 'reader', para=first)})")


slide_area()
