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

# --- reader page (pages/reader.py, studyboard/reader.py) -------------------
_READER: dict[str, tuple[str, str]] = {
}

# --- themes page (pages/themes.py) -----------------------------------------
_THEMES: dict[str, tuple[str, str]] = {
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
