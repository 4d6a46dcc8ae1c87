"""View state in the URL: one helper for every widget a presenter would share.

A page declares each piece of its view state once, as a :class:`Param` (its
URL name, the widget's key, its default and how URL text becomes a value),
and draws the widget through it::

    layer = url.choice("layer", LAYERS, "direct", key="map_layer").bind(
        st.segmented_control, label, list(LAYERS), required=True)

``bind`` seeds the widget from the URL, draws it, checks its value (a value
that does not survive the round trip through the URL is replaced by the
default) and writes it back to the URL; ``seed`` / ``value`` / ``write`` do
the same in steps where something between them (a click on a chart) may
change the value. Parsers are those of :mod:`studyboard.ui.params`: a value
from the address bar that is not valid is ignored, never used as a path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from studyboard import i18n
from studyboard.ui import params

# View state lives in the URL (?doc=…&themes=ecology,party&para=5). Widgets keep
# their values in st.session_state under their keys; at the start of every run
# the URL is compared with the one this session wrote last: when it differs
# (a shared link, an edited address, the browser's back button) the URL wins
# and seeds the widgets, otherwise the widgets win and are written to the URL.
# A page switch clears the address, which is not taken as a change: the
# shared controls keep their values and write them back.

_LAST = "_url_last"
_EXTERNAL = "_url_external"
_WIDGET = "_url_widget_changed"


def _url_get(name: str) -> str | None:
    """A URL parameter's value; repeated ones (?themes=a&themes=b) joined by commas."""
    values = st.query_params.get_all(name)
    return ",".join(values) if values else (None if name not in st.query_params else "")


def _url_now() -> dict[str, str]:
    return {name: _url_get(name) for name in st.query_params}


def begin_run() -> None:
    """Decide once per run whether the URL changed from outside this session.

    A run caused by one of this session's bound widgets never takes the URL
    as news: a click that reaches the server before the browser has applied
    the previous run's URL carries that older address, which must not undo
    the click (nor the previous run's changes).
    """
    now = _url_now()
    last = st.session_state.get(_LAST)
    widget = bool(st.session_state.pop(_WIDGET, False))
    st.session_state[_EXTERNAL] = last is None or (bool(now) and now != last and not widget)


def widget_changed(*_args: Any, **_kwargs: Any) -> None:
    """Mark this run as caused by a widget of the page (an ``on_change``/``on_click`` callback)."""
    st.session_state[_WIDGET] = True


def url_changed() -> bool:
    """Whether this run's URL came from outside the session (a shared link, an edited address)."""
    return bool(st.session_state.get(_EXTERNAL))


def from_url(key: str, default, parse=str, param: str | None = None) -> None:
    """Seed the widget ``key`` before it is drawn: from the URL when that changed
    from outside, else keep its value (``default`` the first time).

    ``parse`` turns the URL text into a value and returns None (or raises
    ValueError) for a value that is not valid; an invalid value is ignored.
    """
    param = param or key
    if st.session_state.get(_EXTERNAL):
        raw = _url_get(param)
        if raw is None:
            if st.session_state.get(_LAST) is not None:
                st.session_state[key] = default  # the new address does not set it
        else:
            try:
                value = parse(raw)
            except (ValueError, TypeError):
                value = None
            if value is not None:
                st.session_state[key] = value
    st.session_state.setdefault(key, default)


def to_url(param: str, value, default=None, serialize=str) -> None:
    """Write a view-state value to the URL (left out while it has its default)."""
    if value is None or value == default or value in ("", [], ()):
        if param in st.query_params:
            del st.query_params[param]
    else:
        text = serialize(value)
        if _url_get(param) != text:
            st.query_params[param] = text
    st.session_state[_LAST] = _url_now()


def update_url(**params: object) -> None:
    """Set URL parameters (None or "" removes one) and rerun at once.

    The new address then seeds the widgets as a shared link would; this is how
    a click on a chart changes a widget that was drawn earlier in the run
    (``app.update_url(para=8, themes="ecology")``).
    """
    for name, value in params.items():
        if (value is None or value == "") and name in st.query_params:
            del st.query_params[name]
    # one message for all new values: one entry in the browser's history
    st.query_params.update({name: str(value) for name, value in params.items() if value not in (None, "")})
    st.rerun()


def unknown_page(page) -> str | None:
    """The path of the address when it names no page (``/nosuchpage``): the
    navigation then opened the default page ``page``. None when the address
    names a page, and after the first run of that address (said once).

    A path with a slash in it (``/a/b``) gets here as ``/a%2Fb`` when the
    board is served through serve.py (:class:`NestedPaths`); served from
    dashboard.py alone it gives a blank page (RELIABILITY.md).
    """
    from urllib.parse import unquote, urlsplit

    address = st.context.url
    if not address or getattr(page, "url_path", None) != "" or not st.session_state.get(_EXTERNAL):
        return None
    path = unquote(urlsplit(address).path).strip("/")
    return path or None


#: The first parts of the paths Streamlit's server answers itself (its assets, its API, its media,
#: components, static serving and sign-in); every other path with a slash in it gets its front end's page.
STREAMLIT_PATHS = ("_stcore/", "static/", "media/", "component/", "app/static/", "auth/")
_QUERY_SAFE = "".join(chr(c) for c in range(33, 127) if chr(c) not in "\"<>\\^`{|}")  # as sent, but raw bytes


class NestedPaths:
    """ASGI middleware (for ``st.App``, see serve.py): an address whose path has a slash in it
    (``/a/b``) and names nothing Streamlit serves is sent, with its query, to the one-part path
    ``/a%2Fb``.

    Streamlit answers such an address with its front end's page, which loads its scripts from
    paths relative to the address (``/a/static/…``): the page stays blank. At ``/a%2Fb`` they
    load from ``/static/…``, the navigation opens the default page and :func:`unknown_page`
    says that there is no page "a/b". Only a browser's request for a page is sent on (GET or
    HEAD asking for HTML): what the front end fetches itself (``/a%2Fb/_stcore/health`` while
    it looks for the server's base path) is left to Streamlit.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        target = self.target(scope) if scope["type"] == "http" else None
        if target is None:
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", target.encode("ascii")), (b"cache-control", b"no-cache"),
                                (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    @staticmethod
    def target(scope) -> str | None:
        """Where a request for a page at a nested path is sent; None for every other request."""
        from urllib.parse import quote_from_bytes

        if scope.get("method") not in ("GET", "HEAD") or scope.get("root_path"):
            return None
        headers = dict(scope.get("headers") or [])
        if b"text/html" not in headers.get(b"accept", b""):
            return None
        raw = (scope.get("raw_path") or scope.get("path", "").encode("utf-8")).strip(b"/")
        path = raw.decode("latin-1")
        if "/" not in path or path.startswith(STREAMLIT_PATHS) or "/_stcore/" in f"/{path}/":
            return None
        query = scope.get("query_string") or b""
        # the raw path is already percent-encoded: keep its escapes, encode the slashes and any raw byte
        return "/" + quote_from_bytes(raw, safe="%") + ("?" + quote_from_bytes(query, safe=_QUERY_SAFE) if query else "")


def lang_key(key: str, lang: str) -> str:
    """The key of a selectbox whose option labels depend on the language.

    After a language switch Streamlit keeps showing a keyed selectbox's
    current option in the old language; a key per language draws it anew.
    The value moves over from the other language's key.
    """
    own = f"{key}__{lang}"
    if own not in st.session_state:
        for other in i18n.LANGS:
            if f"{key}__{other}" in st.session_state:
                st.session_state[own] = st.session_state[f"{key}__{other}"]
                break
    return own


@dataclass(frozen=True)
class Param:
    """One piece of view state: URL parameter ``name``, widget ``key``, ``default``.

    ``parse`` turns URL text into a value (None or ValueError: not valid);
    ``serialize`` turns a value into URL text.
    """

    name: str
    key: str
    default: Any
    parse: Callable[[str], Any]
    serialize: Callable[[Any], str] = str

    def seed(self) -> None:
        """Before the widget is drawn: take the URL's value when the URL changed from outside."""
        from_url(self.key, self.default, self.parse, param=self.name)

    def checked(self, value: Any) -> Any:
        """``value`` if it survives the round trip through the URL, else the default."""
        if value is None or value == self.default:
            return self.default
        try:
            again = self.parse(self.serialize(value))
        except (ValueError, TypeError):
            again = None
        return self.default if again is None else again

    def value(self) -> Any:
        """The widget's current value, checked."""
        return self.checked(st.session_state.get(self.key, self.default))

    def write(self, value: Any) -> Any:
        """Put ``value`` in the URL (left out while it is the default); returns it."""
        to_url(self.name, value, self.default, self.serialize)
        return value

    def bind(self, draw: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Seed, draw ``draw(*args, key=self.key, **kwargs)``, check and write; returns the value.

        A change of the widget marks its rerun as the widget's (:func:`widget_changed`), so that
        the URL the rerun arrives with cannot override it.
        """
        self.seed()
        draw(*args, key=self.key, on_change=widget_changed, **kwargs)
        return self.write(self.value())


def choice(name: str, options: Iterable[str], default: str | None, *, key: str) -> Param:
    """One of ``options``."""
    return Param(name, key, default, params.parse_choice(options))


def choices(name: str, options: Iterable[str], default: Iterable[str] = (), *, key: str) -> Param:
    """Any of ``options`` (a list, in the options' order), comma-separated in the URL."""
    return Param(name, key, list(default), params.parse_list(options), params.join_list)


def flag(name: str, default: bool = False, *, key: str) -> Param:
    """On or off (``1`` / ``0`` in the URL)."""
    return Param(name, key, default, params.parse_flag, params.flag_text)


def integer(name: str, low: int, high: int, default: int, *, key: str) -> Param:
    """A whole number from ``low`` to ``high``."""
    return Param(name, key, default, params.parse_int(low, high))


def text(name: str, default: str = "", *, key: str, clean: Callable[[str], str | None] = str) -> Param:
    """Free text (a search): ``clean`` trims it or returns None for text it refuses."""
    return Param(name, key, default, clean)
