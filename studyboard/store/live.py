"""A live study session: the presenter's slide, the room's questions and a quiz, in the board's database.

A presenter starts a session on a document; participants open it on their
phones with the session's code. Everything the session holds is in the
library's SQLite database (:mod:`studyboard.store.db`), so it survives a
restart of the server and several servers could share it:

* ``live_sessions``: one row per session: the code, the SHA-256 of the
  presenter's secret, the document, the slide (and the theme filter the
  slides are counted under), the quiz question open for the room and
  whether its answer is revealed, the times it was created and last used
  by the presenter, and when it ended;
* ``live_messages``: participants' questions and remarks (text, an optional
  name, the slide they were on, answered / shown on the projector);
* ``live_questions``: the quiz questions the presenter has opened (their
  prompt, choices, answer and source sentence, in the order opened);
* ``live_answers``: one row per participant and question; the primary key
  makes the first answer final.

Rules:

* The code is :data:`CODE_LENGTH` characters drawn by :mod:`secrets` from an
  alphabet of :data:`ALPHABET` (31^10, about 8·10^14 codes): it cannot be
  guessed by counting. The presenter's secret (``secrets.token_urlsafe``) is
  in the presenter's link only; the database keeps its hash. Only a caller
  with the secret changes the slide, the quiz or the messages' state.
* A session ends when the presenter ends it or when the presenter has done
  nothing for :data:`IDLE_SECONDS` (two hours; the presenter's view touches
  the session while it is open). At the end its messages, questions and
  answers are deleted; the row stays, marked ended, with nothing a
  participant wrote. An ended session refuses every change.
* A participant (a random token of their browser session) sends at most one
  message per :data:`MESSAGE_INTERVAL` seconds and :data:`MESSAGES_PER_TOKEN`
  per session, each at most :data:`MAX_MESSAGE` characters; a name at most
  :data:`MAX_NAME`.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import re
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass

from studyboard.errors import InputError
from studyboard.store import db as store

ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: a code can be read aloud or typed
CODE_LENGTH = 10
CODE = re.compile(rf"^[{ALPHABET}]{{{CODE_LENGTH}}}$")
#: A participant's token (made by :func:`new_token`).
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
#: A session whose presenter has done nothing for this long ends (seconds).
IDLE_SECONDS = 2 * 3600
MAX_MESSAGE = 280
MAX_NAME = 40
MESSAGE_INTERVAL = 10  # seconds between two messages of one participant
MESSAGES_PER_TOKEN = 20

SCHEMA = """
CREATE TABLE IF NOT EXISTS live_sessions (
    code        TEXT PRIMARY KEY,
    key_hash    TEXT NOT NULL,
    doc_id      TEXT NOT NULL,
    slide       INTEGER NOT NULL DEFAULT 1,
    themes      TEXT NOT NULL DEFAULT '',
    mode        TEXT NOT NULL DEFAULT 'any',
    question    TEXT NOT NULL DEFAULT '',
    revealed    INTEGER NOT NULL DEFAULT 0,
    created     REAL NOT NULL,
    active      REAL NOT NULL,
    ended       REAL
);
CREATE TABLE IF NOT EXISTS live_messages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    code        TEXT NOT NULL,
    slide       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    token       TEXT NOT NULL,
    created     REAL NOT NULL,
    answered    INTEGER NOT NULL DEFAULT 0,
    shown       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS live_messages_by_session ON live_messages (code, id);
CREATE TABLE IF NOT EXISTS live_questions (
    code        TEXT NOT NULL,
    key         TEXT NOT NULL,
    position    INTEGER NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (code, key)
);
CREATE TABLE IF NOT EXISTS live_answers (
    code        TEXT NOT NULL,
    question    TEXT NOT NULL,
    token       TEXT NOT NULL,
    choice      INTEGER NOT NULL,
    created     REAL NOT NULL,
    PRIMARY KEY (code, question, token)
);
"""

_ready: set[str] = set()
_ready_lock = threading.Lock()


def clock() -> float:
    """Seconds since the epoch (tests replace it to move time on)."""
    return time.time()


@dataclass(frozen=True)
class Session:
    code: str
    doc_id: str
    slide: int
    themes: tuple[str, ...]
    mode: str
    question: str  # the key of the quiz question open for the room, '' if none
    revealed: bool
    created: float
    active: float
    ended: float | None

    @property
    def open(self) -> bool:
        return self.ended is None


@dataclass(frozen=True)
class Message:
    id: int
    slide: int
    text: str
    name: str
    created: float
    answered: bool
    shown: bool


@dataclass(frozen=True)
class Question:
    """A quiz question as opened for the room (from studyboard.analysis.quiz)."""

    key: str
    prompt: str
    choices: tuple[str, ...]
    correct: int
    source: str
    paragraph: int

    @property
    def answer(self) -> str:
        return self.choices[self.correct]


# --- the database ----------------------------------------------------------------------


def _connect(write: bool = False):
    """A connection (see db.connect) after this module's tables exist."""
    path = str(store.db_path())
    if path not in _ready or not store.exists():
        with _ready_lock, store.connect(write=True) as con:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    con.execute(statement)
            _ready.add(path)
    return store.connect(write=write)


def _hash(secret: str) -> str:
    return hashlib.sha256(str(secret).encode("utf-8")).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    """A participant's token: random, names nobody."""
    return secrets.token_urlsafe(16)


def valid_code(code: object) -> bool:
    return isinstance(code, str) and bool(CODE.match(code))


def _session(row) -> Session:
    themes = tuple(t for t in row["themes"].split(",") if t)
    return Session(row["code"], row["doc_id"], int(row["slide"]), themes, row["mode"], row["question"],
                   bool(row["revealed"]), float(row["created"]), float(row["active"]),
                   None if row["ended"] is None else float(row["ended"]))


def _wipe(con, code: str) -> None:
    """Delete what the participants wrote and the quiz of a session."""
    for table in ("live_messages", "live_questions", "live_answers"):
        con.execute(f"DELETE FROM {table} WHERE code = ?", (code,))


def _end_idle(con, now: float) -> None:
    """End every open session whose presenter has been idle too long."""
    idle = [row["code"] for row in con.execute(
        "SELECT code FROM live_sessions WHERE ended IS NULL AND active < ?", (now - IDLE_SECONDS,))]
    for code in idle:
        _wipe(con, code)
        con.execute("UPDATE live_sessions SET ended = ?, question = '', revealed = 0 WHERE code = ?", (now, code))


# --- the presenter ------------------------------------------------------------------------


def start(doc_id: str, slide: int = 1, themes=(), mode: str = "any") -> tuple[str, str]:
    """Start a session on a document; returns (code, the presenter's secret)."""
    now = clock()
    secret = secrets.token_urlsafe(24)
    with _connect(write=True) as con:
        _end_idle(con, now)
        while True:
            code = new_code()
            try:
                con.execute(
                    "INSERT INTO live_sessions (code, key_hash, doc_id, slide, themes, mode, created, active) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (code, _hash(secret), str(doc_id), max(int(slide), 1), ",".join(themes), mode, now, now))
                break
            except sqlite3.IntegrityError:  # the same code twice: draw again
                continue
    return code, secret


def get(code: str) -> Session | None:
    """The session with this code (ended ones too); None if there is none. A session idle too long ends here."""
    if not valid_code(code):
        return None
    with _connect() as con:
        row = con.execute("SELECT * FROM live_sessions WHERE code = ?", (code,)).fetchone()
    if row is None:
        return None
    session = _session(row)
    if session.open and session.active < clock() - IDLE_SECONDS:
        with _connect(write=True) as con:
            _end_idle(con, clock())
            row = con.execute("SELECT * FROM live_sessions WHERE code = ?", (code,)).fetchone()
        session = _session(row)
    return session


def is_presenter(code: str, secret: object) -> bool:
    """Whether ``secret`` is the presenter's secret of the open session ``code``."""
    if not valid_code(code) or not isinstance(secret, str) or not secret:
        return False
    with _connect() as con:
        row = con.execute("SELECT key_hash FROM live_sessions WHERE code = ?", (code,)).fetchone()
    return row is not None and hmac.compare_digest(row["key_hash"], _hash(secret))


def _presenter_write(code: str, secret: str, con) -> None:
    """Check the secret and that the session is open, inside a write transaction; touches the session."""
    now = clock()
    _end_idle(con, now)
    row = con.execute("SELECT key_hash, ended FROM live_sessions WHERE code = ?", (code,)).fetchone() \
        if valid_code(code) else None
    if row is None or not isinstance(secret, str) or not hmac.compare_digest(row["key_hash"], _hash(secret)):
        raise InputError("live_not_presenter")
    if row["ended"] is not None:
        raise InputError("live_ended")
    con.execute("UPDATE live_sessions SET active = ? WHERE code = ?", (now, code))


def touch(code: str, secret: str) -> None:
    """The presenter is still there (the presenter's view calls it while open)."""
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)


def move(code: str, secret: str, slide: int, themes=None, mode: str | None = None) -> None:
    """Put the room on ``slide`` (and the theme filter the slides are counted under)."""
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)
        con.execute("UPDATE live_sessions SET slide = ? WHERE code = ?", (max(int(slide), 1), code))
        if themes is not None:
            con.execute("UPDATE live_sessions SET themes = ?, mode = ? WHERE code = ?",
                        (",".join(themes), mode or "any", code))


def end(code: str, secret: str) -> None:
    """End the session: what participants wrote, the quiz and its answers are deleted."""
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)
        _wipe(con, code)
        con.execute("UPDATE live_sessions SET ended = ?, question = '', revealed = 0 WHERE code = ?",
                    (clock(), code))


# --- messages -----------------------------------------------------------------------------


def clean_message(text: object, name: object = "") -> tuple[str, str]:
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    name = " ".join(str(name or "").replace("\x00", "").split())
    if not text:
        raise InputError("live_message_empty")
    if len(text) > MAX_MESSAGE:
        raise InputError("live_message_too_long", chars=len(text), limit=MAX_MESSAGE)
    if len(name) > MAX_NAME:
        raise InputError("live_name_too_long", limit=MAX_NAME)
    return text, name


def send(code: str, token: str, slide: int, text: str, name: str = "") -> Message:
    """A participant's question or remark on a slide (anonymous unless ``name``). InputError when
    the session is over, the text empty or too long, or the participant sends too often."""
    text, name = clean_message(text, name)
    if not isinstance(token, str) or not TOKEN.match(token):
        raise InputError("live_not_participant")
    now = clock()
    with _connect(write=True) as con:
        _end_idle(con, now)
        row = con.execute("SELECT ended FROM live_sessions WHERE code = ?", (code,)).fetchone() \
            if valid_code(code) else None
        if row is None or row["ended"] is not None:
            raise InputError("live_ended")
        sent = con.execute("SELECT COUNT(*) AS n, MAX(created) AS last FROM live_messages "
                           "WHERE code = ? AND token = ?", (code, token)).fetchone()
        if sent["n"] >= MESSAGES_PER_TOKEN:
            raise InputError("live_too_many", limit=MESSAGES_PER_TOKEN)
        if sent["last"] is not None and now - float(sent["last"]) < MESSAGE_INTERVAL:
            wait = max(1, int(MESSAGE_INTERVAL - (now - float(sent["last"])) + 0.999))
            raise InputError("live_too_soon", seconds=wait)
        cursor = con.execute("INSERT INTO live_messages (code, slide, text, name, token, created) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (code, max(int(slide), 1), text, name, token, now))
        return Message(int(cursor.lastrowid), max(int(slide), 1), text, name, now, False, False)


def _message(row) -> Message:
    return Message(int(row["id"]), int(row["slide"]), row["text"], row["name"], float(row["created"]),
                   bool(row["answered"]), bool(row["shown"]))


def messages(code: str) -> list[Message]:
    """The session's messages, oldest first."""
    if not valid_code(code):
        return []
    with _connect() as con:
        rows = con.execute("SELECT * FROM live_messages WHERE code = ? ORDER BY id", (code,)).fetchall()
    return [_message(row) for row in rows]


def shown_message(code: str) -> Message | None:
    """The message the presenter shows on the projector, if any."""
    return next((m for m in messages(code) if m.shown), None)


def mark_answered(code: str, secret: str, message_id: int, answered: bool = True) -> None:
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)
        con.execute("UPDATE live_messages SET answered = ? WHERE code = ? AND id = ?",
                    (int(bool(answered)), code, int(message_id)))


def show(code: str, secret: str, message_id: int | None) -> None:
    """Show one message on the projector (None: none)."""
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)
        con.execute("UPDATE live_messages SET shown = 0 WHERE code = ?", (code,))
        if message_id is not None:
            con.execute("UPDATE live_messages SET shown = 1 WHERE code = ? AND id = ?", (code, int(message_id)))


# --- the quiz -----------------------------------------------------------------------------


def open_question(code: str, secret: str, question: Question) -> None:
    """Open a quiz question for the room (its answer hidden until :func:`reveal`). A question opened
    before keeps its answers."""
    data = json.dumps({"prompt": question.prompt, "choices": list(question.choices), "correct": question.correct,
                       "source": question.source, "paragraph": question.paragraph}, ensure_ascii=False)
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)
        known = con.execute("SELECT 1 FROM live_questions WHERE code = ? AND key = ?", (code, question.key)).fetchone()
        if not known:
            position = con.execute("SELECT COUNT(*) FROM live_questions WHERE code = ?", (code,)).fetchone()[0] + 1
            con.execute("INSERT INTO live_questions (code, key, position, data) VALUES (?, ?, ?, ?)",
                        (code, question.key, position, data))
        con.execute("UPDATE live_sessions SET question = ?, revealed = 0 WHERE code = ?", (question.key, code))


def reveal(code: str, secret: str) -> None:
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)
        con.execute("UPDATE live_sessions SET revealed = 1 WHERE code = ? AND question != ''", (code,))


def close_question(code: str, secret: str) -> None:
    with _connect(write=True) as con:
        _presenter_write(code, secret, con)
        con.execute("UPDATE live_sessions SET question = '', revealed = 0 WHERE code = ?", (code,))


def _question(key: str, data: str) -> Question:
    found = json.loads(data)
    return Question(key, found["prompt"], tuple(found["choices"]), int(found["correct"]), found["source"],
                    int(found["paragraph"]))


def questions(code: str) -> list[Question]:
    """The questions opened in the session, in the order opened."""
    if not valid_code(code):
        return []
    with _connect() as con:
        rows = con.execute("SELECT key, data FROM live_questions WHERE code = ? ORDER BY position", (code,)).fetchall()
    return [_question(row["key"], row["data"]) for row in rows]


def current_question(code: str) -> Question | None:
    session = get(code)
    if session is None or not session.open or not session.question:
        return None
    with _connect() as con:
        row = con.execute("SELECT data FROM live_questions WHERE code = ? AND key = ?",
                          (code, session.question)).fetchone()
    return _question(session.question, row["data"]) if row else None


def answer(code: str, token: str, key: str, choice: int) -> int:
    """A participant's answer to the open question; returns the answer that counts (the first one)."""
    if not isinstance(token, str) or not TOKEN.match(token):
        raise InputError("live_not_participant")
    now = clock()
    with _connect(write=True) as con:
        _end_idle(con, now)
        row = con.execute("SELECT ended, question, revealed FROM live_sessions WHERE code = ?", (code,)).fetchone() \
            if valid_code(code) else None
        if row is None or row["ended"] is not None:
            raise InputError("live_ended")
        if row["question"] != key or row["revealed"]:
            raise InputError("live_question_closed")
        data = con.execute("SELECT data FROM live_questions WHERE code = ? AND key = ?", (code, key)).fetchone()
        if not 0 <= int(choice) < len(json.loads(data["data"])["choices"]):
            raise ValueError(f"no choice {choice}")
        con.execute("INSERT OR IGNORE INTO live_answers (code, question, token, choice, created) VALUES (?, ?, ?, ?, ?)",
                    (code, key, token, int(choice), now))
        return int(con.execute("SELECT choice FROM live_answers WHERE code = ? AND question = ? AND token = ?",
                               (code, key, token)).fetchone()[0])


def my_answer(code: str, token: str, key: str) -> int | None:
    if not valid_code(code):
        return None
    with _connect() as con:
        row = con.execute("SELECT choice FROM live_answers WHERE code = ? AND question = ? AND token = ?",
                          (code, key, str(token))).fetchone()
    return None if row is None else int(row["choice"])


def counts(code: str, key: str) -> list[int]:
    """How many participants chose each option of a question (in the choices' order)."""
    found = {q.key: q for q in questions(code)}
    if key not in found:
        return []
    out = [0] * len(found[key].choices)
    with _connect() as con:
        for row in con.execute("SELECT choice, COUNT(*) AS n FROM live_answers WHERE code = ? AND question = ? "
                               "GROUP BY choice", (code, key)):
            if 0 <= int(row["choice"]) < len(out):
                out[int(row["choice"])] = int(row["n"])
    return out


def counts_csv(code: str, header: tuple[str, ...]) -> str:
    """The counts per option of every question opened, as CSV (no names, no tokens): one row per
    option with the question's number, prompt, the option, whether it is the answer and the count."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for number, question in enumerate(questions(code), 1):
        for index, (choice, count) in enumerate(zip(question.choices, counts(code, question.key))):
            writer.writerow([number, question.prompt, choice, int(index == question.correct), count])
    return out.getvalue()


# --- what changed -------------------------------------------------------------------------


def room(session: Session | None) -> tuple:
    """What a participant's page shows of the session: whether it is open, the slide and the theme
    filter the slides are counted under, the open quiz question and whether its answer is revealed.
    The page compares it with what it drew and redraws only when it differs."""
    if session is None:
        return (False,)
    return (session.open, session.slide, session.themes, session.mode, session.question, session.revealed)


def activity(code: str) -> dict[str, tuple]:
    """What the presenter's panel shows that participants change, in one read, by part: ``queue``
    (how many messages, the newest, which are answered (the sum of their ids), which one is shown), ``shown`` (the id of
    the message on the projector) and ``quiz`` (the open question, whether revealed, how many
    answered it: answers are final, so the count changes exactly when the counts do)."""
    if not valid_code(code):
        return {"queue": (), "shown": (), "quiz": ()}
    with _connect() as con:
        row = con.execute(
            "SELECT s.question AS question, s.revealed AS revealed, s.ended IS NULL AS open, "
            "(SELECT COUNT(*) FROM live_messages m WHERE m.code = s.code) AS n, "
            "(SELECT MAX(id) FROM live_messages m WHERE m.code = s.code) AS last, "
            "(SELECT TOTAL(id) FROM live_messages m WHERE m.code = s.code AND m.answered) AS answered, "
            "(SELECT MIN(id) FROM live_messages m WHERE m.code = s.code AND m.shown) AS shown, "
            "(SELECT COUNT(*) FROM live_answers a WHERE a.code = s.code AND a.question = s.question) AS answers "
            "FROM live_sessions s WHERE s.code = ?", (code,)).fetchone()
    if row is None:
        return {"queue": (), "shown": (), "quiz": ()}
    return {"queue": (bool(row["open"]), row["n"], row["last"], row["answered"], row["shown"]),
            "shown": (row["shown"],),
            "quiz": (bool(row["open"]), row["question"], bool(row["revealed"]), row["answers"])}
