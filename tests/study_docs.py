"""Small documents for the study tests: hostile markup, no outline, another speaker."""

from __future__ import annotations

from studyboard.documents import Document

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

#: A report whose title, speech and points carry markup that must reach pages as text.
HOSTILE = Document(
    id="hostile",
    title=f"会议{SCRIPT}",
    date="2024-01-01",
    place=IMG,
    source="测试",
    text="\n".join([
        f"习近平主持召开座谈会强调{SCRIPT}",
        f"推动{IMG}发展",
        f"　　习近平在北京主持召开座谈会并发表重要讲话。他强调，中部地区是我国重要{IMG}基地，地位举足轻重。",
        f"　　习近平强调，要以科技创新{SCRIPT}引领产业创新，积极培育和发展新质生产力。加快建设{IMG}现代化产业体系。",
        "　　习近平指出，要坚持城乡融合发展，扎实推进乡村全面振兴。",
        f"　　李强在讲话中表示，要认真学习领会讲话精神{SCRIPT}。",
    ]) + "\n",
)

#: A text without speakers: no outline, no slides, no quiz.
PLAIN = Document(
    id="plain",
    title="天气",
    text="今天天气很好\n　　今天天气很好，大家都来到公园散步。孩子们在草地上玩耍。\n　　傍晚下了一场小雨。\n",
)
