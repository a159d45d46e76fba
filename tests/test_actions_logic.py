"""Pure pieces of the conversation layer: topic routing, 'bedoelde je'
suggestions, SO(C)K explain-or-walk-through, input cleaning, training cache."""
from __future__ import annotations

import pytest

from actions.gesprek import suggestions
from actions.onderwerpen import TOPIC_ROUTES, pick_topic
from actions.sock import wants_walkthrough
from bot.nlp.components import has_words, strip_markup, truncate
from bot.training import inputs_hash


@pytest.mark.parametrize(
    "intent, text, role, topic",
    [
        ("privacy", "mag een vrijwilliger het zorgdossier inzien", "", "privacy_dossier_vrijwilliger"),
        ("privacy", "mogen we alleen met de eerste contactpersoon praten", "", "eerste_contactpersoon"),
        ("privacy", "mag de dochter weten wat in het zorgplan staat", "", "privacy_zorgplan_familie"),
        ("samenwerken", "wat is het SOFA-model", "", "sofa"),
        ("samenwerken", "wifa?", "", "wifa"),
        ("samenwerken", "tips om samen te werken", "", "samenwerken"),
        ("weigeren", "ik voel me niet bekwaam, kan ik de opdracht teruggeven", "", "opdracht_teruggeven"),
        ("weigeren", "moet ik dit doen van de thuiszorg", "", "niet_verplicht"),
        ("weigeren", "ben ik verplicht een mantelzorger te leren spuiten", "zorgprofessional", "aanleren"),
        ("wet_big", "welke wetten gelden er, de wmo?", "", "wetten"),
        ("wet_big", "wat is een voorbehouden handeling", "", "wet_big"),
    ],
)
def test_topic_routing(intent, text, role, topic):
    assert pick_topic(intent, text, role) == topic


def test_every_routed_topic_exists(db_kb):
    for routes in TOPIC_ROUTES.values():
        for _, topic in routes:
            assert topic in db_kb.topics


def test_bedoelde_je_suggestions_skip_small_talk():
    ranking = [{"name": "nlu_fallback"}, {"name": "greet"}, {"name": "wet_big"}, {"name": "privacy"}, {"name": "sock"}, {"name": "aanleren"}]
    buttons = suggestions(ranking)
    assert [b["payload"] for b in buttons] == ["/wet_big", "/privacy", "/sock"]


@pytest.mark.parametrize(
    "text, walk",
    [("loop de sock vragen met me door", True), ("/sock", True), ("kunnen we de checklist samen doen", True),
     ("wat is SO(C)K?", False), ("Moet ik de C van SOCK ook doorlopen als ik het bij mezelf doe?", False), ("sock", False)],
)
def test_sock_explain_or_walk_through(text, walk):
    assert wants_walkthrough(text) is walk


def test_markup_is_stripped_and_long_text_cut():
    assert "alert" not in strip_markup("<script>alert(1)</script><b>hoi</b>")
    assert "hoi" in strip_markup("<b>hoi</b>")
    assert not has_words(strip_markup("<script>alert(1)</script>"))
    assert not has_words("🙂🙂 ???")
    cut = truncate("woord " * 1000, 2000)
    assert len(cut) <= 2000 and not cut.endswith("woor")


def test_training_hash_follows_inputs(tmp_path):
    (tmp_path / "config.yml").write_text("a")
    files = [tmp_path / "config.yml", tmp_path / "missing.yml"]
    first = inputs_hash(files, tmp_path)
    assert inputs_hash(files, tmp_path) == first
    (tmp_path / "config.yml").write_text("b")
    assert inputs_hash(files, tmp_path) != first


def test_held_out_nlu_set_is_never_trained_on():
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.settings import PROJECT_ROOT

    norm = lambda t: " ".join(t.lower().split())  # noqa: E731
    trained = {norm(m.get("text")) for m in load_data(str(PROJECT_ROOT / "data" / "nlu")).training_examples}
    held_out = load_data(str(PROJECT_ROOT / "tests" / "nlu" / "test_nlu.yml")).training_examples
    assert len(held_out) > 250
    assert [m.get("text") for m in held_out if norm(m.get("text")) in trained] == []
