"""The shipped outlines of provinces and cities (``data/geo``), for drawing the map.

:func:`province_shapes` and :func:`city_shapes` give the GeoJSON features of
the gazetteer's provinces and their prefecture-level units (read once and
shared); :func:`for_drawing` winds their rings the way plotly's ``geo`` maps
need them, and :func:`label_point` finds a point inside a shape for its label.
"""

from __future__ import annotations

import functools
import json

from studyboard import paths
from studyboard.lexicon import Lexicon


@functools.lru_cache(maxsize=4)
def _read_geojson(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def geometry(level: str = "province") -> dict:
    """The shipped GeoJSON of the provinces (or ``level="city"``: prefecture-level units).

    Read once and shared: treat it as read-only (:func:`for_drawing` makes
    new rings and leaves it alone).
    """
    name = {"province": "provinces.geojson", "city": "cities.geojson"}[level]
    return _read_geojson(str(paths.GEO / name))


def polygons(geom: dict) -> list:
    """The polygons (each a list of rings) of a Polygon or MultiPolygon."""
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return list(geom["coordinates"])
    return []


def ring_area(ring) -> float:
    """Signed shoelace area in square degrees (positive: counter-clockwise)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def _polygon_area(polygon) -> float:
    return abs(ring_area(polygon[0])) - sum(abs(ring_area(hole)) for hole in polygon[1:])


def collection(features: list[dict]) -> dict:
    """A FeatureCollection of ``features``."""
    return {"type": "FeatureCollection", "features": features}


def for_drawing(shapes: dict) -> dict:
    """A copy of a FeatureCollection with its rings wound for plotly's ``geo`` maps.

    GeoJSON (RFC 7946) winds exterior rings counter-clockwise; d3-geo, which
    draws plotly's geo subplots, reads a counter-clockwise ring on the sphere
    as everything *outside* it (the province would fill the world). Exterior
    rings are made clockwise, holes counter-clockwise.
    """
    out = []
    for feature in shapes["features"]:
        geom = feature["geometry"]
        fixed = []
        for polygon in polygons(geom):
            rings = []
            for index, ring in enumerate(polygon):
                clockwise = ring_area(ring) < 0
                want_clockwise = index == 0
                rings.append([list(point) for point in (ring if clockwise == want_clockwise else ring[::-1])])
            fixed.append(rings)
        coordinates = fixed[0] if geom["type"] == "Polygon" else fixed
        out.append({"type": "Feature", "properties": dict(feature["properties"]),
                    "geometry": {"type": geom["type"], "coordinates": coordinates}})
    return collection(out)


def label_point(geom: dict) -> tuple[float, float]:
    """A point inside a (Multi)Polygon for its label.

    On the largest polygon: the horizontal line through its centroid, and the
    middle of the stretch of that line that lies inside the polygon (the one
    holding the centroid, else the widest), so the point is inside even for a
    bent shape.
    """
    polygon = max(polygons(geom), key=_polygon_area)
    ring = polygon[0]
    total = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        total += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    cx, cy = cx / (3 * total), cy / (3 * total)
    crossings = []
    for r in polygon:
        for (x0, y0), (x1, y1) in zip(r, r[1:]):
            if (y0 > cy) != (y1 > cy):
                crossings.append(x0 + (cy - y0) * (x1 - x0) / (y1 - y0))
    crossings.sort()
    spans = list(zip(crossings[::2], crossings[1::2]))
    if not spans:
        return round(cx, 4), round(cy, 4)
    holding = [s for s in spans if s[0] <= cx <= s[1]]
    left, right = holding[0] if holding else max(spans, key=lambda s: s[1] - s[0])
    return round((left + right) / 2, 4), round(cy, 4)


def city_shapes(lexicon: Lexicon) -> dict[str, dict]:
    """adcode -> GeoJSON feature of the prefecture-level units of the gazetteer's provinces."""
    wanted = {p.adcode for p in lexicon.provinces}
    return {f["properties"]["adcode"]: f for f in geometry("city")["features"]
            if f["properties"].get("province") in wanted}


def province_shapes(lexicon: Lexicon) -> dict[str, dict]:
    """adcode -> GeoJSON feature, for the gazetteer's provinces that have a shape."""
    wanted = {p.adcode for p in lexicon.provinces}
    return {f["properties"]["adcode"]: f for f in geometry("province")["features"]
            if f["properties"].get("adcode") in wanted}
