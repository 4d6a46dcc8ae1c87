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
    # controls
    "reader.search": ("搜索词语", "Search the text"),
    "reader.search_placeholder": ("例如：新质生产力", "e.g. 新质生产力"),
    "reader.speaker": ("讲话人", "Speaker"),
    "reader.speaker_all": ("全部", "Everyone"),
    "reader.speaker_option": ("{name}（{n} 句）", "{name} ({n} sentences)"),
    "reader.no_speakers": ("本文没有标出讲话人。", "No speaker is marked in this text."),
    "reader.para": ("选中段落", "Selected paragraph"),
    "reader.para_none": ("—", "—"),
    "reader.hide": ("隐藏不符合的段落", "Hide other paragraphs"),
    "reader.hide_help": (
        "打开：只显示符合主题、讲话人和搜索筛选的段落；关闭：其余段落变淡。",
        "On: show only the paragraphs that match the theme, speaker and search filters; off: fade the others.",
    ),
    "reader.legend": ("高亮主题：", "Highlighted:"),
    "reader.no_filter_hint": (
        "在左侧选择主题，或点击右边热力图的格子，句子会以主题颜色高亮；虚线下划线的是术语，悬停可看拼音、英译和解释。",
        "Pick themes in the sidebar, or click a cell of the heatmap, to highlight sentences in the theme's colour; "
        "terms with a dotted underline show pinyin, English and an explanation on hover.",
    ),
    # what the filter found
    "reader.search_found": ("“{query}”：{hits} 处，在 {paragraphs} 段中", "'{query}': {hits} hits in {paragraphs} paragraphs"),
    "reader.search_none": ("没有找到“{query}”。", "'{query}' does not occur in the text."),
    "reader.matches": ("符合筛选的段落：{n} / {total}", "Paragraphs that match: {n} of {total}"),
    "reader.no_match": (
        "没有段落符合当前筛选。可以减少主题、改为“任一”，或清除讲话人和搜索。",
        "No paragraph matches the current filter. Select fewer themes, switch to 'Any of', or clear the speaker "
        "and the search.",
    ),
    "reader.hidden_one": ("第 {first} 段已隐藏", "Paragraph {first} hidden"),
    "reader.hidden_run": ("第 {first}–{last} 段已隐藏", "Paragraphs {first}–{last} hidden"),
    "reader.no_paragraphs": ("这个文档没有正文段落。", "This document has no body paragraphs."),
    # the selected paragraph
    "reader.pinned": ("已选第 {n} 段", "Selected: paragraph {n}"),
    "reader.pinned_jump": ("在全文中查看 ↓", "Show it in the text ↓"),
    # the heatmap
    "reader.grid_title": ("各段主题密度", "Theme density by paragraph"),
    "reader.grid_caption": (
        "每行一段，与左侧原文顺序相同；颜色越深，该主题每百字命中越多。点击格子即选中该段和主题。",
        "One row per paragraph, in the order of the text; the darker the cell, the more hits per 100 characters. "
        "Click a cell to select that paragraph and theme.",
    ),
    "reader.no_theme_hits": ("本文没有任何主题关键词命中。", "No theme keyword occurs in this text."),
    # tooltips
    "reader.keyword_tip": ("{theme}关键词：{keyword}", "{theme} keyword: {keyword}"),
    "reader.sentence_tip": ("{theme}：{keywords}", "{theme}: {keywords}"),
    "reader.term_official": ("英译：{en}", "English: {en}"),
    "reader.term_gloss": ("说明性译法（非官方）：{en}", "Descriptive gloss (not official): {en}"),
    "reader.term_none": ("未找到官方英译", "No official English rendering found"),
    # the method panel
    "reader.method": ("方法与数据来源", "Method and provenance"),
    "reader.method_caption": (
        "正文经过重排、分句、分词和关键词匹配；以下哈希值可用来核对两份结果是否出自同一文本和同一词表。",
        "The text was reflowed, split into sentences, tokenised and matched against the lexicons; the hashes "
        "below tell whether two results come from the same text and the same lexicons.",
    ),
    "reader.prov_item": ("项目", "Item"),
    "reader.prov_value": ("值", "Value"),
    "reader.prov_tokenizer": ("分词器", "Tokenizer"),
    "reader.prov_mode": ("分词模式", "Tokenizer mode"),
    "reader.prov_tier": ("停用词层级", "Stopword tier"),
    "reader.prov_lexicon": ("词表 {file}（SHA-256）", "Lexicon {file} (SHA-256)"),
    "reader.prov_input": ("输入文本（SHA-256）", "Input text (SHA-256)"),
    "reader.prov_dataset": ("数据集（SHA-256）", "Dataset (SHA-256)"),
    "reader.prov_cache": ("缓存键", "Cache key"),
    "reader.prov_version": ("数据集版本", "Dataset version"),
    "reader.prov_software": ("软件", "Software"),
    "reader.tier_function": ("仅去除虚词", "function words only"),
    "reader.tier_policy": ("虚词和常见政策动词", "function words and common policy verbs"),
}

# --- themes page (pages/themes.py) -----------------------------------------
_THEMES: dict[str, tuple[str, str]] = {
    "themes.intro": (
        "主题由 data/lexicon/themes.toml 中的关键词识别；颜色在所有页面一致。侧栏的主题筛选决定显示哪些主题。",
        "Themes are found by the keywords in data/lexicon/themes.toml; each keeps its colour on every page. "
        "The sidebar's theme filter chooses which themes are shown.",
    ),
    "themes.metric": ("数值", "Measure"),
    "themes.metric_hits": ("命中次数", "Hits"),
    "themes.metric_density": ("每百字命中", "Hits per 100 characters"),
    "themes.para": ("逐句查看的段落", "Paragraph to read sentence by sentence"),
    "themes.para_hint": ("点击上图的格子也可以选段落。", "Clicking a cell above also picks the paragraph."),
    "themes.unit": ("共现单位", "Co-occurrence within"),
    "themes.unit_sentence": ("句", "sentences"),
    "themes.unit_paragraph": ("段", "paragraphs"),
    "themes.no_hits": ("本文没有任何主题关键词命中，无法绘制主题图表。",
                       "No theme keyword occurs in this text, so there are no theme charts."),
    "themes.one_theme": ("只选了一个主题，共现矩阵显示全部主题。",
                         "Only one theme is selected; the co-occurrence matrix shows all themes."),
    # charts
    "themes.grid_title_hits": ("段落 × 主题：命中次数", "Paragraph × theme: hits"),
    "themes.grid_title_density": ("段落 × 主题：每百字命中", "Paragraph × theme: hits per 100 characters"),
    "themes.sentence_title": ("第 {n} 段逐句主题命中", "Paragraph {n}: theme hits by sentence"),
    "themes.speaker_title_hits": ("讲话人 × 主题：命中次数", "Speaker × theme: hits"),
    "themes.speaker_title_density": ("讲话人 × 主题：每百字命中", "Speaker × theme: hits per 100 characters"),
    "themes.axis_paragraph": ("段落", "Paragraph"),
    "themes.axis_sentence": ("句子", "Sentence"),
    "themes.axis_speaker": ("讲话人", "Speaker"),
    "themes.paragraph_n": ("第 {n} 段", "Paragraph {n}"),
    "themes.sentence_n": ("第 {n} 句", "Sentence {n}"),
    "themes.narration": ("叙述（无讲话人）", "Narration (no speaker)"),
    "themes.hover_counts": ("命中 {hits} 次 · 每百字 {density}", "{hits} hits · {density} per 100 characters"),
    "themes.hover_keywords": ("关键词：", "Keywords: "),
    "themes.share_title": ("各主题在全文命中中的占比", "Each theme's share of all keyword hits"),
    "themes.axis_share": ("占全部命中的比例", "Share of all hits"),
    "themes.share_label": ("{share}%（{hits} 次）", "{share}% ({hits})"),
    "themes.share_hover": ("%{y}<br>占全部命中 %{x:.1f}%<br>命中 %{customdata[0]} 次，出现在 %{customdata[1]} 段",
                           "%{y}<br>%{x:.1f}% of all hits<br>%{customdata[0]} hits in %{customdata[1]} paragraphs"),
    "themes.cooc_title": ("主题共现：同时出现在一{unit}中的次数", "Themes that occur together: number of {unit} with both"),
    "themes.cooc_colorbar": ("{unit}数", "{unit}"),
    "themes.cooc_hover": ("{a} 与 {b}：{n} {unit}", "{a} and {b}: {n} {unit}"),
    "themes.cooc_self": ("{a}：共 {n} {unit}（对角线：含该主题的{unit}数）",
                         "{a}: {n} {unit} in all (diagonal: {unit} with this theme)"),
    "themes.cooc_note": (
        "每格是同时含两个主题的{unit}数；对角线（灰色，括号内）是含该主题的{unit}总数。最常同现的主题：",
        "Each cell counts the {unit} that carry both themes; the diagonal (grey, in brackets) counts the {unit} "
        "that carry the theme at all. The pairs that occur together most:",
    ),
    "themes.col_pair_a": ("主题", "Theme"),
    "themes.col_pair_b": ("与", "with"),
    "themes.col_pair_n": ("{unit}数", "{unit}"),
    "themes.no_pairs": ("没有两个主题出现在同一{unit}中。", "No two themes occur in the same {unit}."),
    # the lexicon
    "themes.lexicon": ("主题词表", "Theme lexicon"),
    "themes.col_color": ("颜色", "Colour"),
    "themes.col_name": ("主题", "Theme"),
    "themes.col_desc": ("说明", "Description"),
    "themes.col_keywords": ("关键词数", "Keywords"),
    "themes.col_hits": ("命中", "Hits"),
    "themes.col_paragraphs": ("段落数", "Paragraphs"),
    "themes.col_top": ("命中的关键词", "Keywords found"),
    "themes.col_theme": ("主题", "Theme"),
    "themes.col_keyword": ("关键词", "Keyword"),
    "themes.col_keyword_hits": ("命中次数", "Hits"),
    "themes.editor": ("编辑关键词", "Edit the keywords"),
    "themes.editor_help": (
        "每行一个关键词。在表格末尾添加一行即可新增关键词，选中行后删除即可移除。修改后，本页图表立即按新词表重新计算；"
        "点“保存”后才写入词表文件，所有页面随之更新。",
        "One keyword per row. Add a row at the bottom to add a keyword; select rows and delete them to remove "
        "keywords. The charts on this page are recomputed at once; 'Save' writes the lexicon file and every page "
        "follows.",
    ),
    "themes.preview": (
        "未保存的修改（新增 {added} 个、删除 {removed} 个关键词）：本页图表已按修改后的词表计算。",
        "Unsaved edit ({added} keywords added, {removed} removed): the charts on this page use the edited lexicon.",
    ),
    "themes.save": ("保存词表", "Save the lexicon"),
    "themes.discard": ("放弃修改", "Discard the edit"),
    "themes.saved": ("词表已保存，所有页面已按新词表更新。", "The lexicon was saved; every page now uses it."),
    "themes.refused": ("这项修改无法保存，原词表文件保持不变：{reason}",
                       "This edit cannot be saved; the lexicon file is left as it was: {reason}"),
    "themes.save_failed": ("写入词表文件失败，原文件保持不变：{reason}",
                           "Writing the lexicon file failed; the old file is unchanged: {reason}"),
    "themes.edit_no_theme": ("关键词“{keyword}”没有选择主题。", "The keyword '{keyword}' has no theme."),
}

# --- map page (pages/map.py, studyboard/provincemap.py) --------------------
_MAP: dict[str, tuple[str, str]] = {
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
