"""Reads and validates the YAML files of data/kb into a KnowledgeBase.

Every problem is reported with its file and entry, and all problems of a run
are collected so an editor can fix them in one go."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

import yaml

from bot.kb.domain import (
    BONDS,
    SCOPES,
    VERDICTS,
    VOORBEHOUDEN_VALUES,
    AnswerOption,
    Choice,
    Citation,
    Condition,
    ConsentBand,
    Dilemma,
    KeyPoint,
    KnowledgeBase,
    Liability,
    LiabilityException,
    Note,
    Permission,
    PracticeCase,
    PracticeQuestion,
    Relation,
    Responsibility,
    Role,
    RoleCase,
    RoleOutcome,
    RolePlay,
    RoleQuestion,
    SockQuestion,
    TOPIC_KINDS,
    Source,
    SourceDifference,
    Task,
    Topic,
)

MAX_LOCATOR_WORDS = 8
KB_FILES = (
    "sources.yml",
    "roles.yml",
    "conditions.yml",
    "relations.yml",
    "tasks.yml",
    "permissions.yml",
    "liability.yml",
    "role_cases.yml",
    "sock.yml",
    "consent.yml",
    "topics.yml",
    "practice.yml",
    "source_differences.yml",
    "notes.yml",
)


class KBValidationError(Exception):
    """One or more problems in the YAML; `problems` holds 'file: entry: message'."""

    def __init__(self, problems: List[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Invalid(Exception):
    pass


class _Context:
    """Where we are (file, entry) so every message can name it."""

    def __init__(self) -> None:
        self.problems: List[str] = []
        self.file = ""
        self.entry = ""

    def fail(self, message: str) -> None:
        where = f"{self.file}: {self.entry}" if self.entry else self.file
        self.problems.append(f"{where}: {message}")
        raise _Invalid()

    def each(self, items: Any, name: str, parse: Callable[[Mapping[str, Any]], Any]) -> List[Any]:
        if not isinstance(items, list):
            self.entry = ""
            self.fail(f"'{name}' must be a list")
        out = []
        for index, item in enumerate(items):
            label = item.get("id") or item.get("role") or item.get("fact") or item.get("letter") if isinstance(item, dict) else None
            self.entry = f"{name}[{index}]" + (f" (id: {label})" if label else "")
            try:
                if not isinstance(item, dict):
                    self.fail("entry must be a mapping")
                out.append(parse(item))
            except _Invalid:
                continue
        self.entry = ""
        return out


def _role_play(ctx: _Context, item: Any) -> Optional[RolePlay]:
    if item is None:
        return None
    if not isinstance(item, Mapping):
        ctx.fail("'role_play' must be a mapping with plays, opening and reply")
        return None
    return RolePlay(_text(ctx, item, "plays"), _text(ctx, item, "opening"), _text(ctx, item, "reply"))


def _text(ctx: _Context, item: Mapping[str, Any], key: str, required: bool = True) -> str:
    value = item.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            ctx.fail(f"missing '{key}'")
        return ""
    if not isinstance(value, (str, int, float)):
        ctx.fail(f"'{key}' must be text")
    return str(value).strip()


def _choice(ctx: _Context, item: Mapping[str, Any], key: str, allowed: Iterable[str]) -> str:
    value = _text(ctx, item, key)
    if value not in allowed:
        ctx.fail(f"'{key}' is '{value}', expected one of: {', '.join(allowed)}")
    return value


def _strings(ctx: _Context, item: Mapping[str, Any], key: str, required: bool = False) -> Tuple[str, ...]:
    value = item.get(key, [])
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        ctx.fail(f"'{key}' must be a list of texts")
    if required and not value:
        ctx.fail(f"'{key}' must not be empty")
    return tuple(str(v).strip() for v in value)


def _bool(ctx: _Context, item: Mapping[str, Any], key: str, default: Optional[bool] = None) -> bool:
    value = item.get(key, default)
    if not isinstance(value, bool):
        ctx.fail(f"'{key}' must be true or false")
    return value


def _int(ctx: _Context, item: Mapping[str, Any], key: str) -> int:
    value = item.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        ctx.fail(f"'{key}' must be a whole number")
    return value


class _Parser:
    def __init__(self, ctx: _Context, source_ids: Iterable[str]):
        self.ctx = ctx
        self.source_ids = set(source_ids)

    def citation(self, value: Any, key: str = "source") -> Citation:
        ctx = self.ctx
        if not isinstance(value, dict):
            ctx.fail(f"'{key}' must be a mapping with doc, section and quote")
        doc = _text(ctx, value, "doc")
        if doc not in self.source_ids:
            ctx.fail(f"'{key}' names unknown document '{doc}' (known: {', '.join(sorted(self.source_ids))})")
        quote = _text(ctx, value, "quote")
        if len(quote.split()) > MAX_LOCATOR_WORDS:
            ctx.fail(f"'{key}' quote has {len(quote.split())} words; a locator has at most {MAX_LOCATOR_WORDS}")
        return Citation(doc=doc, section=_text(ctx, value, "section"), quote=quote)

    def source_of(self, item: Mapping[str, Any], key: str = "source") -> Citation:
        if key not in item:
            self.ctx.fail(f"missing '{key}': every fact needs its passage")
        return self.citation(item[key], key)

    def note(self, item: Mapping[str, Any], text_key: str, source_key: str) -> Note:
        return Note(text=_text(self.ctx, item, text_key), source=self.source_of(item, source_key))


def _load_yaml(ctx: _Context, path: Path) -> Dict[str, Any]:
    ctx.file, ctx.entry = path.name, ""
    if not path.exists():
        ctx.fail("file is missing")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        ctx.fail(f"not valid YAML{where}: {getattr(exc, 'problem', exc)}")
    if not isinstance(data, dict):
        ctx.fail("top level must be a mapping")
    return data


def _unique(ctx: _Context, ids: List[str], what: str) -> None:
    seen = set()
    for i in ids:
        if i in seen:
            ctx.entry = ""
            ctx.problems.append(f"{ctx.file}: duplicate {what} id '{i}'")
        seen.add(i)


def parse_kb_dir(kb_dir: Path) -> KnowledgeBase:
    """Parse and validate all files; raise KBValidationError listing every problem."""
    ctx = _Context()
    kb = KnowledgeBase()
    docs: Dict[str, Dict[str, Any]] = {}
    for name in KB_FILES:
        try:
            docs[name] = _load_yaml(ctx, kb_dir / name)
        except _Invalid:
            docs[name] = {}
    if ctx.problems:
        # Later checks would only repeat "missing" for every unreadable file.
        raise KBValidationError(ctx.problems)

    def section(name: str, key: str) -> Any:
        ctx.file, ctx.entry = name, ""
        if name in docs and docs[name] and key not in docs[name]:
            ctx.problems.append(f"{name}: missing top-level key '{key}'")
            return []
        return docs.get(name, {}).get(key, [])

    sources = ctx.each(
        section("sources.yml", "sources"),
        "sources",
        lambda i: Source(_text(ctx, i, "id"), _text(ctx, i, "file"), _text(ctx, i, "title"), _text(ctx, i, "publisher", False)),
    )
    kb.sources = {s.id: s for s in sources}
    p = _Parser(ctx, kb.sources)

    def role(i):
        return Role(
            id=_text(ctx, i, "id"),
            label=_text(ctx, i, "label"),
            description=_text(ctx, i, "description"),
            synonyms=_strings(ctx, i, "synonyms", required=True),
            wet_big_applies=str(i.get("wet_big_applies", "")).lower(),
            source=p.source_of(i),
            responsibilities=tuple(
                Responsibility(_text(ctx, r, "text"), p.source_of(r)) for r in (i.get("responsibilities") or [])
            ),
            definition=_text(ctx, i, "definition"),
        )

    roles = ctx.each(section("roles.yml", "roles"), "roles", role)
    _unique(ctx, [r.id for r in roles], "role")
    kb.roles = {r.id: r for r in roles}

    conditions = ctx.each(
        section("conditions.yml", "conditions"),
        "conditions",
        lambda i: Condition(_text(ctx, i, "id"), _text(ctx, i, "text"), _text(ctx, i, "explain"), p.source_of(i)),
    )
    _unique(ctx, [c.id for c in conditions], "condition")
    kb.conditions = {c.id: c for c in conditions}

    relations = ctx.each(
        section("relations.yml", "relations"),
        "relations",
        lambda i: Relation(
            id=_text(ctx, i, "id"),
            bond=_choice(ctx, i, "bond", BONDS),
            synonyms=_strings(ctx, i, "synonyms", required=True),
            source=p.source_of(i),
            other_than_own=_bool(ctx, i, "other_than_own", False),
        ),
    )
    _unique(ctx, [r.id for r in relations], "relation")
    _unique(ctx, [s.lower() for r in relations for s in r.synonyms], "relation synonym")
    kb.relations = {r.id: r for r in relations}

    def task(i):
        voorbehouden = _choice(ctx, i, "voorbehouden", VOORBEHOUDEN_VALUES)
        vsource = None
        if voorbehouden != "niet_vermeld":
            vsource = p.source_of(i, "voorbehouden_source")
        return Task(
            id=_text(ctx, i, "id"),
            label=_text(ctx, i, "label"),
            category=_text(ctx, i, "category"),
            voorbehouden=voorbehouden,
            synonyms=_strings(ctx, i, "synonyms", required=True),
            mentioned=p.source_of(i, "mentioned"),
            voorbehouden_source=vsource,
            phrase=_text(ctx, i, "phrase", required=False),
        )

    tasks = ctx.each(section("tasks.yml", "tasks"), "tasks", task)
    _unique(ctx, [t.id for t in tasks], "task")
    _unique(ctx, [s.lower() for t in tasks for s in t.synonyms], "task synonym")
    kb.tasks = {t.id: t for t in tasks}

    def permission(i):
        role_id = _choice(ctx, i, "role", kb.roles)
        conds = _strings(ctx, i, "conditions")
        for c in conds:
            if c not in kb.conditions:
                ctx.fail(f"unknown condition '{c}' (known: {', '.join(sorted(kb.conditions))})")
        return Permission(
            id=_text(ctx, i, "id"),
            role=role_id,
            scope=_choice(ctx, i, "scope", SCOPES),
            verdict=_choice(ctx, i, "verdict", VERDICTS),
            summary=_text(ctx, i, "summary"),
            conditions=conds,
            source=p.source_of(i),
            depends_on=_strings(ctx, i, "depends_on"),
        )

    kb.permissions = ctx.each(section("permissions.yml", "permissions"), "permissions", permission)
    _unique(ctx, [x.id for x in kb.permissions], "permission")
    ctx.file = "permissions.yml"
    for role_id in kb.roles:
        if not any(x.role == role_id and x.scope == "alle" for x in kb.permissions):
            ctx.problems.append(f"permissions.yml: role '{role_id}' has no rule with scope 'alle'")

    def liability(i):
        role_id = _choice(ctx, i, "role", kb.roles)
        liable = _strings(ctx, i, "liable")
        for party in liable:
            if party not in kb.roles:
                ctx.fail(f"'liable' names unknown role '{party}'")
        return Liability(
            role=role_id,
            liable=liable,
            summary=_text(ctx, i, "summary"),
            source=p.source_of(i),
            notes=tuple(p.note(n, "text", "source") for n in (i.get("notes") or [])),
            exceptions_apply=_bool(ctx, i, "exceptions_apply", False),
        )

    kb.liability = {x.role: x for x in ctx.each(section("liability.yml", "liability"), "liability", liability)}
    kb.liability_exceptions = ctx.each(
        section("liability.yml", "exceptions"),
        "exceptions",
        lambda i: LiabilityException(_text(ctx, i, "id"), _text(ctx, i, "title"), _text(ctx, i, "text"), p.source_of(i)),
    )
    _notes(ctx, p, kb, "liability.yml", docs, {"spontaneous_help": ("text", "source")})

    kb.role_questions = ctx.each(
        section("role_cases.yml", "questions"),
        "questions",
        lambda i: RoleQuestion(_text(ctx, i, "fact"), _text(ctx, i, "text")),
    )
    outcomes = ctx.each(
        section("role_cases.yml", "outcomes"),
        "outcomes",
        lambda i: RoleOutcome(_text(ctx, i, "id"), _choice(ctx, i, "role", kb.roles), _text(ctx, i, "explanation"), p.source_of(i)),
    )
    kb.role_outcomes = {o.id: o for o in outcomes}

    def case(i):
        facts = i.get("facts")
        if not isinstance(facts, dict) or not all(isinstance(v, bool) for v in facts.values()):
            ctx.fail("'facts' must map fact names to true/false")
        return RoleCase(
            id=_text(ctx, i, "id"),
            title=_text(ctx, i, "title"),
            story=_text(ctx, i, "story"),
            facts=dict(facts),
            outcome=_choice(ctx, i, "outcome", kb.role_outcomes),
            source=p.source_of(i),
        )

    kb.role_cases = ctx.each(section("role_cases.yml", "cases"), "cases", case)
    _notes(ctx, p, kb, "role_cases.yml", docs, {"advice_other_situations": ("text", "source")})

    sock = docs.get("sock.yml", {}).get("sock") or {}
    ctx.file = "sock.yml"
    kb.sock_questions = ctx.each(
        sock.get("questions", []),
        "sock.questions",
        lambda i: SockQuestion(
            _choice(ctx, i, "letter", "SOCK"), _text(ctx, i, "name"), _text(ctx, i, "question"),
            _bool(ctx, i, "skip_for_self"), p.source_of(i),
        ),
    )
    _note_fields(ctx, p, kb, "sock.yml", sock, {
        "sock_intro": ("intro", "intro_source"),
        "sock_doubt": ("doubt_advice", "doubt_source"),
        "sock_self_care": ("self_care_note", "self_care_source"),
        "sock_all_clear": ("all_clear", "all_clear_source"),
    })

    consent = docs.get("consent.yml", {}).get("consent") or {}
    ctx.file = "consent.yml"
    kb.consent_bands = ctx.each(
        consent.get("age_bands", []),
        "consent.age_bands",
        lambda i: ConsentBand(
            _text(ctx, i, "id"), _int(ctx, i, "min_age"), _int(ctx, i, "max_age"),
            _text(ctx, i, "who"), _text(ctx, i, "text"), p.source_of(i),
        ),
    )
    _check_bands(ctx, kb.consent_bands)
    _note_fields(ctx, p, kb, "consent.yml", consent.get("wilsonbekwaam") or {}, {
        "wilsonbekwaam_definition": ("definition", "definition_source"),
        "wilsonbekwaam_rule": ("rule", "rule_source"),
        "wilsonbekwaam_mantelzorger": ("mantelzorger_consent", "mantelzorger_consent_source"),
    })

    def topic(i):
        roles = _strings(ctx, i, "roles")
        for r in roles:
            if r not in kb.roles:
                ctx.fail(f"'roles' names unknown role '{r}'")
        return Topic(
            _text(ctx, i, "id"), _text(ctx, i, "title"), _text(ctx, i, "answer"),
            tuple(p.citation(s, "sources") for s in (i.get("sources") or [None])),
            keywords=_strings(ctx, i, "keywords"),
            kind=_choice(ctx, {"kind": i.get("kind", "onderwerp")}, "kind", TOPIC_KINDS),
            roles=roles,
            short=_text(ctx, i, "short", required=False),
            leads=tuple(_lead(ctx, x) for x in (i.get("leads") or [])),
        )

    topics = ctx.each(section("topics.yml", "topics"), "topics", topic)
    _unique(ctx, [t.id for t in topics], "topic")
    kb.topics = {t.id: t for t in topics}

    def practice(i):
        points = tuple(
            KeyPoint(_text(ctx, k, "id"), _text(ctx, k, "text"), _strings(ctx, k, "keywords", required=True))
            for k in (i.get("key_points") or [])
        )
        if not points:
            ctx.fail("'key_points' must not be empty")
        return PracticeQuestion(_text(ctx, i, "id"), _text(ctx, i, "question"), _text(ctx, i, "answer"), points, p.source_of(i))

    kb.practice_questions = {q.id: q for q in ctx.each(section("practice.yml", "practice_questions"), "practice_questions", practice)}
    kb.dilemmas = {
        d.id: d
        for d in ctx.each(
            section("practice.yml", "dilemmas"),
            "dilemmas",
            lambda i: Dilemma(
                _text(ctx, i, "id"), _text(ctx, i, "title"), _text(ctx, i, "situation"), _text(ctx, i, "tension"), p.source_of(i),
                values=_strings(ctx, i, "values"),
                suggestions=tuple(p.note(n, "text", "source") for n in (i.get("suggestions") or [])),
                keywords=_strings(ctx, i, "keywords"),
                role_play=_role_play(ctx, i.get("role_play")),
            ),
        )
    }

    def choices(key: str):
        return ctx.each(section("practice.yml", key), key, lambda i: Choice(_text(ctx, i, "id"), _text(ctx, i, "title")))

    kb.practice_themes = choices("themes")
    kb.perspectives = choices("perspectives")
    themes = {t.id for t in kb.practice_themes}

    def case(i):
        options = tuple(
            AnswerOption(_text(ctx, o, "value"), _text(ctx, o, "title"), _strings(ctx, o, "words"))
            for o in (i.get("options") or [])
        )
        if len(options) < 2:
            ctx.fail("'options' needs at least two answers")
        expected = _text(ctx, i, "expected")
        if expected not in {o.value for o in options}:
            ctx.fail(f"'expected' {expected!r} is not one of the options")
        theme = _text(ctx, i, "theme")
        if theme not in themes:
            ctx.fail(f"unknown theme {theme!r}")
        return PracticeCase(_text(ctx, i, "id"), theme, _text(ctx, i, "question"), options, expected,
                            _text(ctx, i, "explanation"), p.source_of(i), situation=_text(ctx, i, "situation", required=False))

    cases = ctx.each(section("practice.yml", "cases"), "cases", case)
    _unique(ctx, [c.id for c in cases], "practice case")
    kb.practice_cases = {c.id: c for c in cases}

    def difference(i):
        readings = tuple(p.note(r, "text", "source") for r in (i.get("readings") or []))
        if len(readings) < 2:
            ctx.fail("'readings' needs the reading of at least two sources")
        return SourceDifference(
            _text(ctx, i, "id"), _text(ctx, i, "title"), readings, _text(ctx, i, "combined"), keywords=_strings(ctx, i, "keywords"),
        )

    differences = ctx.each(section("source_differences.yml", "differences"), "differences", difference)
    _unique(ctx, [d.id for d in differences], "source difference")
    kb.source_differences = {d.id: d for d in differences}

    ctx.file = "notes.yml"
    for note_id, note in ((n[0], n[1]) for n in ctx.each(
        section("notes.yml", "notes"), "notes", lambda i: (_text(ctx, i, "id"), p.note(i, "text", "source"))
    )):
        if note_id in kb.notes:
            ctx.problems.append(f"notes.yml: note id '{note_id}' is already used")
        kb.notes[note_id] = note

    if ctx.problems:
        raise KBValidationError(ctx.problems)
    return kb


def _lead(ctx: _Context, item: Any) -> Tuple[str, str]:
    if not isinstance(item, dict):
        ctx.fail("'leads' entries need 'when' and 'text'")
    when, text = _text(ctx, item, "when"), _text(ctx, item, "text")
    try:
        re.compile(when)
    except re.error as exc:
        ctx.fail(f"'leads' pattern {when!r} is not a valid regular expression: {exc}")
    return when, text


def _notes(ctx, p, kb, file, docs, spec) -> None:
    for key, (text_key, source_key) in spec.items():
        _note_fields(ctx, p, kb, file, docs.get(file, {}).get(key) or {}, {key: (text_key, source_key)})


def _note_fields(ctx: _Context, p: _Parser, kb: KnowledgeBase, file: str, block: Mapping[str, Any], spec) -> None:
    ctx.file = file
    for key, (text_key, source_key) in spec.items():
        ctx.entry = key
        try:
            kb.notes[key] = p.note(block, text_key, source_key)
        except _Invalid:
            pass
    ctx.entry = ""


def _check_bands(ctx: _Context, bands: List[ConsentBand]) -> None:
    expected = 0
    for band in sorted(bands, key=lambda b: b.min_age):
        if band.min_age != expected:
            ctx.problems.append(f"consent.yml: age band '{band.id}' starts at {band.min_age}, expected {expected} (gap or overlap)")
        expected = band.max_age + 1
