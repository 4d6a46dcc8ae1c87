"""One look for every chart: fonts, sizes and colours fit for a projector.

The board's look is plotly's default template here: importing this module
registers :data:`TEMPLATE` (fonts, sizes, grid and background of
``plotly_white``, without its per-trace defaults) as ``pio.templates.default``.
Every figure a page shows then only needs :func:`style` for its title, height
and margins, and every ``st.plotly_chart`` gets :data:`CONFIG`. Theme colours
come from the dataset's ``themes`` table (the theme lexicon), so a theme has
the same colour on every page.

Speed: plotly validates every change. A figure built with its layout in the
constructor costs about a millisecond; each ``update_layout`` call several,
each ``add_annotation`` about seven, and a full template such as
``plotly_white`` copied into every new figure tens of milliseconds. Figure
builders pass their layout (annotations and shapes included) to
``go.Figure(data, layout)`` in one go and call :func:`style` once.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from studyboard.dataset.tables import Dataset

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


#: The board's plotly template, the default for every figure made in this process.
TEMPLATE = _template()
pio.templates["studyboard"] = TEMPLATE
pio.templates.default = "studyboard"


def style(fig: go.Figure, title: str | None = None, height: int | None = None) -> go.Figure:
    """Give a figure its title, height and the board's margins (in place; returns it).

    A margin the figure's own layout sets (``go.Figure(data, layout)`` with
    ``margin=dict(t=90)``) is kept; the board's margins fill in the other
    sides. Title settings of the layout (position, padding) are kept too, and
    the title's text and font added. Fonts, sizes, grid and background come
    from :data:`TEMPLATE`; a figure made before this module was imported gets
    it here.
    """
    margin = fig.layout.margin
    board = dict(l=10, r=10, t=60 if title else 20, b=10)
    changes: dict = {"margin": {side: value for side, value in board.items() if margin[side] is None}}
    if title:
        changes["title"] = dict(text=title, font=dict(size=TITLE_SIZE), x=0, xanchor="left")
    if height:
        changes["height"] = height
    if fig.layout.template.layout.font.family != FONT_FAMILY:
        changes["template"] = TEMPLATE
    fig.layout.update(changes)
    return fig


def theme_colors(ds: Dataset) -> dict[str, str]:
    """Theme id -> colour, from the theme lexicon the dataset was built with."""
    return dict(zip(ds.themes["theme"], ds.themes["color"]))


def theme_names(ds: Dataset, lang: str) -> dict[str, str]:
    """Theme id -> short name in the UI language."""
    column = "name_en" if lang == "en" else "name_zh"
    return dict(zip(ds.themes["theme"], ds.themes[column]))


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
