"""The live session's HTML: the participant's slide counter, the quiz counts, the message on the
projector, the participant link, and the style of the participant's phone page
(templates ``live_*.html``). The slide itself is the presenter view's
(:func:`studyboard.views.slides.slide_html`)."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

from studyboard.views.templates import render, safe

#: The participant page's URL path (app_pages/live.py).
PARTICIPANT_PATH = "live"


def css() -> str:
    """The participant page's style: big previous / next buttons, the counter, the quiz choices."""
    return render("live_style.html")


def where_html(number: int, total: int, text: str, following: bool) -> str:
    """The participant's slide counter ('3 / 10' and whether it follows the presenter)."""
    return render("live_where.html", number=number, total=total, text=text, following=following)


def slide_html(number: int, slide: str) -> str:
    """The slide's HTML (views/slides.slide_html) in a box that carries its number (``data-slide``),
    so that the number and the slide arrive as one element."""
    return render("live_slide.html", number=number, slide=safe(slide))


def counts_html(choices, counts, total_text: str, correct: int | None = None) -> str:
    """How many chose each option, as bars; ``correct`` marks the answer once it is revealed."""
    most = max(max(counts, default=0), 1)
    rows = [{"index": i, "choice": c, "count": int(n), "width": round(100 * int(n) / most),
             "correct": correct == i} for i, (c, n) in enumerate(zip(choices, counts))]
    return render("live_counts.html", rows=rows, total=total_text)


def shown_html(text: str, name: str, label: str) -> str:
    """A participant's message on the projector, in large type (escaped)."""
    return render("live_shown.html", text=text, author=name, label=label)


def participant_url(page_url: str, code: str, lang: str = "zh") -> str:
    """The participants' address of a session, beside the page ``page_url`` (/study → /live?s=code)."""
    parts = urlsplit(page_url or "")
    path = parts.path.rsplit("/", 1)[0] + "/" + PARTICIPANT_PATH
    query = {"s": code, **({"lang": lang} if lang != "zh" else {})}
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))
