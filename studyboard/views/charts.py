"""One look for every chart: fonts, sizes and colours fit for a projector.

The board's look is :data:`TEMPLATE` (fonts, sizes, grid and background of
``plotly_white``, without its per-trace defaults). Importing this module
changes nothing in plotly: every figure gets the template itself. Make a
figure with :func:`figure` (``charts.figure(traces, layout, title, height)``),
which builds it with the template and styles it; a figure made another way
(``go.Figure(...)``, ``px``) goes through :func:`style` once, which gives it
the template, its title, height and the board's margins. Every
``st.plotly_chart`` gets :data:`CONFIG`. Theme colours come from the
dataset's ``themes`` table (the theme lexicon), so a theme has the same
colour on every page.

Speed: plotly validates every change. A figure built with its layout in the
constructor costs about a millisecond; each ``update_layout`` call several,
each ``add_annotation`` about seven, and a template copied into a new figure
a few: :func:`figure` passes the template in the layout, so that plotly's
(or Streamlit's) default template is never copied first. Figure builders
pass their whole layout (annotations and shapes included) to :func:`figure`
in one go.
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go
import plotly.io as pio

from studyboard.dataset.tables import Dataset
from studyboard.views import labels

#: Chinese first: the browser picks the first font it has (fonts-noto-cjk on
#: Linux, PingFang on macOS, Microsoft YaHei on Windows).
FONT_FAMILY = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
               '"Microsoft YaHei", "Source Sans Pro", sans-serif')
BASE_SIZE = 16  # tick labels, legends
TITLE_SIZE = 20
AXIS_TITLE_SIZE = 17
HOVER_SIZE = 15
INK = "#222222"
GRID = "#E5E5E5"
#: For counts on a white background: white to the board's red.
SEQUENTIAL = ["#FFF5F0", "#FCBBA1", "#FB6A4A", "#CB181D", "#67000D"]

#: For st.plotly_chart(config=CONFIG): no logo, PNG export at double size.
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "autoScale2d"],
}


def _template() -> go.layout.Template:
    layout = pio.templates["plotly_white"].layout.to_plotly_json()
    layout.update(
        font=dict(family=FONT_FAMILY, size=BASE_SIZE, color=INK),
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=HOVER_SIZE)),
        legend=dict(font=dict(size=BASE_SIZE)),
    )
    for axis in ("xaxis", "yaxis"):
        layout[axis] = {**layout.get(axis, {}), "gridcolor": GRID, "automargin": True,
                        "title": {**layout.get(axis, {}).get("title", {}), "font": {"size": AXIS_TITLE_SIZE}}}
    return go.layout.Template(layout=layout)


#: The board's plotly template (given to each figure; plotly's default is left alone).
TEMPLATE = _template()


def figure(data: Iterable = (), layout: dict | None = None, title: str | None = None,
           height: int | None = None) -> go.Figure:
    """A figure in the board's look: ``go.Figure(data, layout)`` built with
    :data:`TEMPLATE`, then :func:`style` for its title, height and margins."""
    return style(go.Figure(data=list(data), layout={"template": TEMPLATE, **(layout or {})}), title, height)


def style(fig: go.Figure, title: str | None = None, height: int | None = None) -> go.Figure:
    """Give a figure the board's template, its title, height and the board's margins (in place; returns it).

    A margin the figure's own layout sets (``go.Figure(data, layout)`` with
    ``margin=dict(t=90)``) is kept; the board's margins fill in the other
    sides. Title settings of the layout (position, padding) are kept too, and
    the title's text and font added. Fonts, sizes, grid and background come
    from :data:`TEMPLATE`, which replaces any other template the figure has
    (plotly's or Streamlit's default).
    """
    margin = fig.layout.margin
    board = dict(l=10, r=10, t=60 if title else 20, b=10)
    changes: dict = {"margin": {side: value for side, value in board.items() if margin[side] is None}}
    if title:
        changes["title"] = dict(text=title, font=dict(size=TITLE_SIZE), x=0, xanchor="left")
    if height:
        changes["height"] = height
    if fig.layout.template.layout.font.family != FONT_FAMILY:
        fig.layout.template = TEMPLATE
    fig.layout.update(changes)
    return fig


def theme_colors(ds: Dataset) -> dict[str, str]:
    """Theme id -> colour, from the theme lexicon the dataset was built with."""
    return dict(zip(ds.themes["theme"], ds.themes["color"]))


#: Theme id -> name in the UI language: :func:`studyboard.views.labels.theme_names` (use that).
theme_names = labels.theme_names


def tint(color: str, share: float) -> str:
    """A colour mixed with white: share 0 is white, 1 the colour itself."""
    share = max(0.0, min(1.0, share))
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    mix = [round(255 - (255 - c) * share) for c in (red, green, blue)]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def _luminance(color: str) -> float:
    """Relative luminance of #RRGGBB (WCAG 2)."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #RRGGBB colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(color: str, background: str = "#FFFFFF", ratio: float = 4.5) -> str:
    """``color`` darkened (on a light background) or lightened (on a dark one) until text in it
    reaches ``ratio`` against ``background``; theme colours stay recognisable as text."""
    dark_bg = _luminance(background) < 0.5
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    for step in range(0, 21):
        share = step / 20
        target = 255 if dark_bg else 0
        mix = [round(c + (target - c) * share) for c in (red, green, blue)]
        candidate = "#{:02X}{:02X}{:02X}".format(*mix)
        if contrast(candidate, background) >= ratio:
            return candidate
    return "#FFFFFF" if dark_bg else "#000000"


def ink_on(color: str) -> str:
    """White or the board's ink, whichever reads better on a ``color`` background."""
    return "#FFFFFF" if contrast("#FFFFFF", color) >= contrast(INK, color) else INK
