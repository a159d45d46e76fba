"""Pure pieces around the conversation: input cleaning, the training cache,
and the held-out NLU set that must never be trained on."""
from __future__ import annotations

from bot.nlp.components import has_words, strip_markup, truncate
from bot.settings import PROJECT_ROOT
from bot.training import inputs_hash


def test_markup_is_stripped_and_long_text_cut():
    assert "alert" not in strip_markup("<script>alert(1)</script><b>hoi</b>")
    assert "hoi" in strip_markup("<b>hoi</b>")
    assert not has_words(strip_markup("<script>alert(1)</script>"))
    assert not has_words("🙂🙂 ???")
    cut = truncate("woord " * 1000, 2000)
    assert len(cut) <= 2000 and not cut.rstrip().endswith("woor")
    story = "Mijn moeder is 84 en woont nog thuis. " * 400 + "Mag ik bij mijn moeder de steunkousen aantrekken?"
    kept = truncate(story, 2000)
    assert kept.startswith("Mijn moeder is 84") and kept.endswith("de steunkousen aantrekken?")  # the question stays


def test_training_hash_follows_inputs(tmp_path):
    (tmp_path / "config.yml").write_text("a")
    files = [tmp_path / "config.yml", tmp_path / "missing.yml"]
    first = inputs_hash(files, tmp_path)
    assert inputs_hash(files, tmp_path) == first
    (tmp_path / "config.yml").write_text("b")
    assert inputs_hash(files, tmp_path) != first


def test_held_out_nlu_set_is_never_trained_on():
    from rasa.shared.nlu.training_data.loading import load_data

    def norm(text):
        return " ".join((text or "").lower().split())

    trained = {norm(m.get("text")) for m in load_data(str(PROJECT_ROOT / "data" / "nlu")).training_examples}
    held_out = load_data(str(PROJECT_ROOT / "tests" / "nlu" / "test_nlu.yml")).training_examples
    assert len(held_out) > 250
    assert [m.get("text") for m in held_out if norm(m.get("text")) in trained] == []
