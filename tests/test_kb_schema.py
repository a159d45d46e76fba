"""The YAML source of truth: everything loads, mistakes are named precisely,
and loading is all-or-nothing."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.kb import models as m
from bot.kb.domain import KnowledgeBase, Permission
from bot.kb.loader import content_hash, load_dir, load_kb, loaded_version
from bot.kb.repository import read_kb
from bot.kb.schema import KBValidationError, parse_kb_dir


def test_every_entry_loads_and_reads_back_identically(kb, sqlite_engine):
    from bot.settings import KB_DIR

    load_dir(KB_DIR, sqlite_engine)
    back = read_kb(sqlite_engine)
    assert back.roles == kb.roles
    assert back.tasks == kb.tasks
    assert back.relations == kb.relations
    assert back.conditions == kb.conditions
    assert back.permissions == kb.permissions
    assert back.liability == kb.liability
    assert back.liability_exceptions == kb.liability_exceptions
    assert back.role_questions == kb.role_questions
    assert back.role_outcomes == kb.role_outcomes
    assert back.role_cases == kb.role_cases
    assert back.sock_questions == kb.sock_questions
    assert back.consent_bands == kb.consent_bands
    assert back.topics == kb.topics
    assert back.practice_questions == kb.practice_questions
    assert back.dilemmas == kb.dilemmas
    assert back.practice_cases == kb.practice_cases
    assert back.practice_themes == kb.practice_themes and back.perspectives == kb.perspectives
    assert back.notes == kb.notes
    assert back.sources == kb.sources


def test_the_knowledge_base_covers_what_the_issue_asks(kb):
    assert set(kb.roles) == {"zorgvrager", "mantelzorger", "vrijwilliger", "zorgprofessional", "zorginstelling", "wettelijk_vertegenwoordiger"}
    for task in ["insuline_spuiten", "injecteren", "sondevoeding", "wondzorg", "steunkousen", "ogen_druppelen",
                 "medicijnen_geven", "bloedsuiker_prikken", "stomazorg", "tillift", "persoonlijke_verzorging"]:
        assert task in kb.tasks
    assert "katheteriseren" not in kb.tasks  # no seed passage names it (issue 6)
    assert len(kb.role_cases) >= 4
    assert [q.letter for q in kb.sock_questions] == ["S", "O", "C", "K"]
    assert len(kb.liability_exceptions) == 3
    assert {"mieke_insuline", "dochter_zorgplan", "vrijwilliger_dossier", "eerste_contactpersoon"} <= set(kb.practice_questions)


def _break(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        ("tasks.yml", "  - id: steunkousen\n", "  - id: steunkousen\n    synonyms: [\n", "tasks.yml: not valid YAML at line"),
        ("permissions.yml", 'conditions: [toestemming_zorgvrager, eigen_keuze, instructie_en_bekwaam, afspraken_zorgdossier]',
         "conditions: [toestemming_zorgvrager, toestemming_van_de_buren]", "(id: mantelzorger_bij_naaste): unknown condition 'toestemming_van_de_buren'"),
        ("roles.yml", 'source: {doc: "000", section: "Welke rol heb ik?", quote: "zelf zorg nodig heeft"}',
         'source: {doc: "009", section: "Welke rol heb ik?", quote: "zelf zorg nodig heeft"}', "roles.yml: roles[0] (id: zorgvrager): 'source' names unknown document '009'"),
    ],
)
def test_check_names_file_and_entry(kb_copy, file, old, new, expected):
    _break(kb_copy / file, old, new)
    with pytest.raises(KBValidationError) as info:
        parse_kb_dir(kb_copy)
    assert any(p.startswith(expected) or (expected.startswith("(") and f"{file}: " in p and expected in p) for p in info.value.problems), info.value.problems


def test_check_rejects_missing_source_and_long_quotes(kb_copy):
    _break(kb_copy / "conditions.yml", '    source: {doc: "000", section: "Mantelzorger", quote: "Je bent niet verplicht"}\n', "")
    _break(kb_copy / "topics.yml", 'quote: "Geen van beide wetten schrijft"', 'quote: "Geen van beide wetten schrijft voor dat er alleen maar met de eerste"')
    with pytest.raises(KBValidationError) as info:
        parse_kb_dir(kb_copy)
    problems = "\n".join(info.value.problems)
    assert "conditions.yml: conditions[1] (id: eigen_keuze): missing 'source'" in problems
    assert re.search(r"topics\.yml: topics\[\d+\] \(id: eerste_contactpersoon\): 'sources' quote has 13 words", problems), problems


def test_check_rejects_duplicate_synonyms_and_bad_verdicts(kb_copy):
    _break(kb_copy / "tasks.yml", "synonyms: [stoma, stomazorg,", "synonyms: [stoma, steunkousen,")
    _break(kb_copy / "permissions.yml", "verdict: hangt_af\n    summary: Of jij dit mag", "verdict: misschien\n    summary: Of jij dit mag")
    with pytest.raises(KBValidationError) as info:
        parse_kb_dir(kb_copy)
    problems = "\n".join(info.value.problems)
    assert "tasks.yml: duplicate task synonym id 'steunkousen'" in problems
    assert "'verdict' is 'misschien', expected one of: ja, ja_onder_voorwaarden, nee, hangt_af" in problems


def test_cli_check_reports_problems(kb_copy, capsys):
    from bot.kb.__main__ import main

    _break(kb_copy / "sock.yml", "letter: C", "letter: X")
    assert main(["--kb-dir", str(kb_copy), "check"]) == 2
    err = capsys.readouterr().err
    assert "sock.yml: sock.questions[2] (id: X): 'letter' is 'X', expected one of: S, O, C, K" in err


def _count(engine, model):
    with Session(engine, future=True) as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_invalid_yaml_never_touches_the_database(kb_copy, sqlite_engine):
    from bot.settings import KB_DIR

    load_dir(KB_DIR, sqlite_engine)
    before = loaded_version(sqlite_engine)
    _break(kb_copy / "tasks.yml", "voorbehouden: ja\n", "voorbehouden: soms\n")
    with pytest.raises(KBValidationError):
        load_dir(kb_copy, sqlite_engine)
    assert loaded_version(sqlite_engine) == before
    assert _count(sqlite_engine, m.TaskRow) == len(parse_kb_dir(KB_DIR).tasks)


def test_a_failing_load_rolls_back_completely(kb, sqlite_engine):
    from bot.settings import KB_DIR

    load_dir(KB_DIR, sqlite_engine)
    before = loaded_version(sqlite_engine)
    broken = KnowledgeBase(**{**kb.__dict__})
    # A rule for a role that does not exist passes no validation here and makes
    # the database refuse the insert half-way (foreign key).
    broken.permissions = kb.permissions + [Permission("spook", "geen_rol", "alle", "ja", "x", (), kb.permissions[0].source)]
    with pytest.raises(Exception):
        load_kb(broken, sqlite_engine, version="broken")
    assert loaded_version(sqlite_engine) == before
    assert _count(sqlite_engine, m.PermissionRow) == len(kb.permissions)
    assert read_kb(sqlite_engine).roles == kb.roles


def test_content_hash_follows_the_yaml(kb_copy):
    before = content_hash(kb_copy)
    _break(kb_copy / "roles.yml", "label: mantelzorger", "label: Mantelzorger")
    assert content_hash(kb_copy) != before


def test_cache_rereads_only_after_a_new_load(sqlite_engine, kb_copy):
    from bot.kb.repository import KnowledgeBaseCache
    from bot.settings import KB_DIR

    load_dir(KB_DIR, sqlite_engine)
    cache = KnowledgeBaseCache(sqlite_engine, recheck_seconds=0)
    first = cache.get()
    assert cache.get() is first  # same version: no re-read
    _break(kb_copy / "roles.yml", "label: mantelzorger", "label: mantelzorger (naaste)")
    load_dir(kb_copy, sqlite_engine)
    assert cache.get().roles["mantelzorger"].label == "mantelzorger (naaste)"
