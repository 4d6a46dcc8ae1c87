"""The quiz page's text: the prompt with its blank, the source sentence, the answer's gloss."""

from __future__ import annotations

from studyboard.analysis import quiz
from studyboard.views import quizviews


def test_answer_gloss():
    assert quizviews.answer_gloss("新质生产力", "en").startswith("xīn zhì shēngchǎnlì · new quality productive forces: ")
    assert quizviews.answer_gloss("大通道", "en") == ""


def test_prompt_and_source_are_escaped():
    html = quizviews.prompt_html(f"要<b>加强</b>{quiz.BLANK}。")
    assert html == ('<div class="sb-quiz-prompt">要&lt;b&gt;加强&lt;/b&gt;<span class="sb-blank">＿＿＿＿</span>。</div>')
    assert quizviews.source_markdown("推进*乡村全面振兴*。", "乡村全面振兴") == "推进\\***乡村全面振兴**\\*。"


def test_the_quiz_type_sizes():
    style = quizviews.css()
    assert style.startswith("<style>") and style.rstrip().endswith("</style>")
    assert ".sb-quiz-prompt { font-size: 1.5rem;" in style and ".sb-blank { color: #C0392B;" in style
