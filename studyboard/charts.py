"""One look for every chart: fonts, sizes and colours fit for a projector.

Every figure a page shows goes through :func:`style`, and every
``st.plotly_chart`` gets :data:`CONFIG`. Theme colours come from the dataset's
``themes`` table (the theme lexicon), so a theme has the same colour on every
page.
"""

from __future__ import annotations

import plotly.graph_objects as go

from .dataset import Dataset

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


def style(fig: go.Figure, title: str | None = None, height: int | None = None) -> go.Figure:
    """Apply the board's fonts, sizes and margins to a figure (in place; returns it)."""
    fig.update_layout(
        template="plotly_white",
        font=dict(family=FONT_FAMILY, size=BASE_SIZE, color=INK),
        title=dict(text=title, font=dict(size=TITLE_SIZE), x=0, xanchor="left") if title else None,
        hoverlabel=dict(font=dict(family=FONT_FAMILY, size=HOVER_SIZE)),
        legend=dict(font=dict(size=BASE_SIZE)),
        margin=dict(l=10, r=10, t=60 if title else 20, b=10),
    )
    fig.update_xaxes(title_font=dict(size=AXIS_TITLE_SIZE), gridcolor=GRID, automargin=True)
    fig.update_yaxes(title_font=dict(size=AXIS_TITLE_SIZE), gridcolor=GRID, automargin=True)
    if height:
        fig.update_layout(height=height)
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
