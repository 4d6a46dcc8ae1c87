"""The lexicon: every domain-specific fact, read from the files in ``data/lexicon``.

Formulations (jieba user dictionary), the segmenter's own words, forced
splits, tag overrides and number units, stopword tiers, themes, people and
speech verbs, the gazetteer of provinces, cities and regions. Nothing here is
specific to one report: another report needs other data files, not other
code. Each file's SHA-256 goes into the dataset's provenance and its cache
key, so editing a file rebuilds the datasets that depend on it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tempfile
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

import tomlkit

from studyboard import paths
from studyboard.errors import LexiconError

#: The files that make a lexicon, in the order their hashes are listed.
FILES = (
    "userdict.txt",
    "words.txt",
    "forced_splits.txt",
    "tag_overrides.txt",
    "number_units.txt",
    "stopwords.txt",
    "policy_verbs.txt",
    "themes.toml",
    "speakers.toml",
    "places.toml",
    "cities.csv",
    "structure.toml",
)

#: Stopword tiers: "function" drops function words only (the default);
#: "policy" also drops the generic policy verbs (加强, 推进, 坚持 ...).
STOPWORD_TIERS = ("function", "policy")

THEME_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Formulation:
    term: str
    freq: int | None
    tag: str | None


@dataclass(frozen=True)
class Word:
    """A word the segmenter keeps whole that is not a formulation (words.txt)."""

    term: str
    freq: int | None
    tag: str | None


@dataclass(frozen=True)
class Theme:
    id: str
    name_zh: str
    name_en: str
    desc_zh: str
    desc_en: str
    color: str
    keywords: tuple[str, ...]
    exclude: tuple[str, ...] = ()  # phrases inside which a keyword is no hit (改革 in 发展改革委)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh


@dataclass(frozen=True)
class Person:
    name: str
    name_en: str
    role_zh: str
    role_en: str


@dataclass(frozen=True)
class Province:
    adcode: str
    name: str
    short: str
    abbr: str
    en: str
    capital: str


@dataclass(frozen=True)
class City:
    adcode: str
    name: str
    short: str
    province: str
    level: str
    lon: float
    lat: float
    en: str = ""  # official romanised short name (Changsha, Xiangxi)

    def label(self, lang: str) -> str:
        """The short name in the UI language (English when there is one)."""
        return (self.en or self.short) if lang == "en" else self.short


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    en: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """All lexicon files of one folder, parsed and validated."""

    directory: Path
    formulations: tuple[Formulation, ...]
    stopwords: frozenset[str]
    policy_verbs: frozenset[str]
    themes: tuple[Theme, ...]
    speech_verbs: tuple[str, ...]
    pronouns: tuple[str, ...]
    max_gap: int
    people: tuple[Person, ...]
    provinces: tuple[Province, ...]
    cities: tuple[City, ...]
    regions: tuple[Region, ...]
    words: tuple[Word, ...]  # segmentation words that are not formulations
    forced_splits: tuple[tuple[str, ...], ...]  # the parts of strings that are never one token
    tag_overrides: tuple[tuple[str, str], ...]  # (word, tag) replacing jieba's tag
    number_units: frozenset[str]  # units that form one token with a number in digits (年, 个, %)
    titles: dict[str, tuple[str, ...]] = field(hash=False)
    hashes: dict[str, str] = field(hash=False)

    @property
    def key(self) -> str:
        """One hash of all lexicon files (part of every dataset's cache key)."""
        return _key(self.hashes)

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def province(self, key: str) -> Province:
        """A province by adcode, full name or short name."""
        for p in self.provinces:
            if key in (p.adcode, p.name, p.short):
                return p
        raise KeyError(key)

    def stop_set(self, tier: str) -> frozenset[str]:
        """The words dropped from term counts under a stopword tier."""
        if tier not in STOPWORD_TIERS:
            raise ValueError(f"unknown stopword tier {tier!r}")
        return self.stopwords | self.policy_verbs if tier == "policy" else self.stopwords


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _key(hashes: dict[str, str]) -> str:
    joined = "\n".join(f"{name}:{hashes[name]}" for name in FILES)
    return hashlib.sha256(joined.encode()).hexdigest()


def key_of(directory: Path | str | None = None) -> str:
    """The key of the lexicon in ``directory`` as its files are now, without parsing them."""
    directory = Path(directory or paths.lexicon_dir())
    return _key({name: _sha256(directory / name) for name in FILES})


def _lines(path: Path) -> list[tuple[int, str]]:
    """Non-blank, non-comment lines with their line numbers."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((number, line))
    return out


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError("toml", file=path.name, detail=str(exc)) from exc


def read_rules(name: str, directory: Path | str | None = None) -> dict:
    """A rules file (TOML) of a lexicon folder, or the shipped one when the folder has none;
    a file that is no TOML raises LexiconError naming it."""
    path = Path(directory or paths.lexicon_dir()) / name
    return _toml(path if path.is_file() else paths.LEXICON / name)


def _dictionary_lines(path: Path) -> dict[str, tuple[int | None, str | None]]:
    """Lines ``TERM [FREQ] [TAG]`` of a jieba-style dictionary file, by term."""
    out: dict[str, tuple[int | None, str | None]] = {}
    for number, line in _lines(path):
        parts = line.split()
        term, rest = parts[0], parts[1:]
        freq = tag = None
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest:
            tag = rest.pop(0)
        if rest:
            raise LexiconError("line", file=path.name, line=number, text=line)
        out[term] = (freq, tag)
    return out


def read_formulations(path: Path) -> tuple[Formulation, ...]:
    return tuple(Formulation(term, freq, tag) for term, (freq, tag) in _dictionary_lines(path).items())


def read_words(path: Path) -> tuple[Word, ...]:
    return tuple(Word(term, freq, tag) for term, (freq, tag) in _dictionary_lines(path).items())


def read_forced_splits(path: Path) -> tuple[tuple[str, ...], ...]:
    """Lines of two or more parts separated by spaces; the parts joined are never one token."""
    out: dict[str, tuple[str, ...]] = {}
    for number, line in _lines(path):
        parts = tuple(line.split())
        if len(parts) < 2:
            raise LexiconError("line", file=path.name, line=number, text=line)
        out["".join(parts)] = parts
    return tuple(out.values())


def read_tag_overrides(path: Path) -> tuple[tuple[str, str], ...]:
    """Lines ``WORD TAG``."""
    out: dict[str, str] = {}
    for number, line in _lines(path):
        parts = line.split()
        if len(parts) != 2:
            raise LexiconError("line", file=path.name, line=number, text=line)
        out[parts[0]] = parts[1]
    return tuple(out.items())


def read_wordlist(path: Path) -> frozenset[str]:
    return frozenset(word for _, line in _lines(path) for word in line.split())


def _require(table: dict, name: str, file: str) -> object:
    value = table.get(name)
    if value in (None, "", []):
        raise LexiconError("missing", file=file, field=name)
    return value


def parse_themes(data: dict, file: str = "themes.toml") -> tuple[Theme, ...]:
    """Themes from a parsed TOML document; raises LexiconError when invalid."""
    tables = data.get("theme") or []
    if not tables:
        raise LexiconError("no_themes")
    themes: list[Theme] = []
    seen: set[str] = set()
    for table in tables:
        theme_id = str(table.get("id", "")).strip()
        if not THEME_ID.match(theme_id):
            raise LexiconError("theme_id", id=theme_id)
        if theme_id in seen:
            raise LexiconError("duplicate_theme", id=theme_id)
        seen.add(theme_id)
        color = str(table.get("color", "")).strip()
        if not COLOR.match(color):
            raise LexiconError("color", id=theme_id, color=color)
        name_zh = str(table.get("name_zh", "")).strip()
        name_en = str(table.get("name_en", "")).strip()
        if not name_zh or not name_en:
            raise LexiconError("name", id=theme_id)
        keywords = _phrases(table.get("keywords"), theme_id)
        if not keywords:
            raise LexiconError("no_keywords", id=theme_id)
        exclude = _phrases(table.get("exclude"), theme_id)
        themes.append(
            Theme(
                id=theme_id,
                name_zh=name_zh,
                name_en=name_en,
                desc_zh=str(table.get("desc_zh", "")).strip(),
                desc_en=str(table.get("desc_en", "")).strip(),
                color=color.upper(),
                keywords=tuple(keywords),
                exclude=tuple(exclude),
            )
        )
    return tuple(themes)


def _phrases(values, theme_id: str) -> list[str]:
    """A theme's keywords or exclusions: non-empty, no white space, no repeats."""
    out: list[str] = []
    for value in values or []:
        value = str(value)
        if not value.strip() or re.search(r"\s", value):
            raise LexiconError("keyword", id=theme_id, keyword=value)
        if value not in out:
            out.append(value)
    return out


def read_cities(path: Path) -> tuple[City, ...]:
    text = "\n".join(line for line in path.read_text(encoding="utf-8-sig").splitlines()
                     if not line.startswith("#"))
    cities = []
    for row in csv.DictReader(io.StringIO(text)):
        cities.append(
            City(
                adcode=row["adcode"].strip(),
                name=row["name"].strip(),
                short=row["short"].strip(),
                province=row["province"].strip(),
                level=row.get("level", "prefecture").strip() or "prefecture",
                lon=float(row["lon"]),
                lat=float(row["lat"]),
                en=(row.get("en") or "").strip(),
            )
        )
    return tuple(cities)


def load(directory: Path | str | None = None) -> Lexicon:
    """Read and validate every lexicon file in ``directory`` (default: paths.lexicon_dir())."""
    directory = Path(directory or paths.lexicon_dir())
    speakers = _toml(directory / "speakers.toml")
    places = _toml(directory / "places.toml")
    people = tuple(
        Person(
            name=str(_require(p, "name", "speakers.toml")),
            name_en=str(p.get("name_en", "")),
            role_zh=str(p.get("role_zh", "")),
            role_en=str(p.get("role_en", "")),
        )
        for p in speakers.get("person", [])
    )
    provinces = tuple(
        Province(
            adcode=str(_require(p, "adcode", "places.toml")),
            name=str(_require(p, "name", "places.toml")),
            short=str(_require(p, "short", "places.toml")),
            abbr=str(p.get("abbr", "")),
            en=str(p.get("en", "")),
            capital=str(p.get("capital", "")),
        )
        for p in places.get("province", [])
    )
    regions = tuple(
        Region(
            id=str(_require(r, "id", "places.toml")),
            name=str(_require(r, "name", "places.toml")),
            en=str(r.get("en", "")),
            members=tuple(r.get("members", [])),
        )
        for r in places.get("region", [])
    )
    titles = {level: tuple(values) for level, values in (places.get("titles") or {}).items()}
    return Lexicon(
        directory=directory,
        formulations=read_formulations(directory / "userdict.txt"),
        stopwords=read_wordlist(directory / "stopwords.txt"),
        policy_verbs=read_wordlist(directory / "policy_verbs.txt"),
        themes=parse_themes(_toml(directory / "themes.toml")),
        speech_verbs=tuple(speakers.get("speech_verbs", [])),
        pronouns=tuple(speakers.get("pronouns", [])),
        max_gap=int(speakers.get("max_gap", 8)),
        people=people,
        provinces=provinces,
        cities=read_cities(directory / "cities.csv"),
        regions=regions,
        words=read_words(directory / "words.txt"),
        forced_splits=read_forced_splits(directory / "forced_splits.txt"),
        tag_overrides=read_tag_overrides(directory / "tag_overrides.txt"),
        number_units=read_wordlist(directory / "number_units.txt"),
        titles=titles,
        hashes={name: _sha256(directory / name) for name in FILES},
    )


# --- writing the themes file -----------------------------------------------------

_THEME_FIELDS = ("id", "name_zh", "name_en", "desc_zh", "desc_en", "color")


def _keyword_array(words) -> tomlkit.items.Array:
    array = tomlkit.array()
    array.extend(words)
    return array.multiline(True)


def _update_table(table, theme: Theme) -> None:
    """Set the fields of one [[theme]] table that changed (others keep their formatting and comments)."""
    for name in _THEME_FIELDS:
        if table.get(name) != getattr(theme, name):
            table[name] = getattr(theme, name)
    if list(table.get("keywords", [])) != list(theme.keywords):
        table["keywords"] = _keyword_array(theme.keywords)
    if theme.exclude:
        if list(table.get("exclude", [])) != list(theme.exclude):
            table["exclude"] = list(theme.exclude)
    elif "exclude" in table:
        del table["exclude"]


def dumps_themes(themes: tuple[Theme, ...], current: str = "") -> str:
    """The themes file's text for ``themes``, edited into ``current`` (the file as it
    is): its comments, its order of fields and the formatting of unchanged
    values stay as they were; new themes are added, removed ones dropped."""
    document = tomlkit.parse(current) if current.strip() else tomlkit.document()
    existing = list(document.get("theme", []))
    if [str(table.get("id")) for table in existing] == [theme.id for theme in themes]:
        for table, theme in zip(existing, themes):  # the same themes in the same order: edit in place
            _update_table(table, theme)
        return tomlkit.dumps(document)
    tables = {str(table.get("id")): table for table in existing}
    array = tomlkit.aot()
    for theme in themes:
        table = tables.pop(theme.id, None)
        if table is None:
            table = tomlkit.table()
        _update_table(table, theme)
        array.append(table)
    document["theme"] = array
    return tomlkit.dumps(document)


def save_themes(themes: tuple[Theme, ...], path: Path | str) -> None:
    """Validate themes and write them to the themes file at ``path`` atomically.

    The themes are validated first (LexiconError for invalid ones), then the
    new text is parsed back and must give the same themes; it goes to a
    temporary file in the same folder that then replaces the old file in one
    step, so a failed save leaves the old file as it was. Comments in the file
    are kept (tomlkit edits the document in place).
    """
    path = Path(path)
    wanted = parse_themes({"theme": [asdict(theme) for theme in themes]}, path.name)
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    text = dumps_themes(wanted, current)
    if parse_themes(tomllib.loads(text), path.name) != wanted:
        raise LexiconError("toml", file=path.name, detail="round trip changed the themes")
    fd, tmp = tempfile.mkstemp(prefix=".themes-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
