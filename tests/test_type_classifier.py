"""The statistical second opinion on the question type (issue 7): trained on
the NLU examples, the topic examples and the dev questions, never on the
held-out questions, and used only where the cues find nothing specific."""
from __future__ import annotations

import yaml

from bot.understanding import type_classifier as tc
from bot.understanding.questions import detect
from bot.understanding.situation import extract
from bot.understanding.terms import lexicon_for


def test_held_out_questions_are_never_training_data():
    held = set()
    for path in tc.DEV_QUESTIONS.glob("heldout_*.yml"):
        held |= {q["text"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]}
    assert held, "the held-out files are where the scorer expects them"
    trained = {e.text for e in tc.training_examples()}
    assert not held & trained


def test_training_uses_all_three_kinds_of_examples():
    from bot.understanding.questions import INTENT_TYPES
    from bot.understanding.topics import topics_for_type

    assert len(tc.nlu_examples(INTENT_TYPES)) > 300
    assert len(tc.topic_examples(topics_for_type())) > 200
    assert len(tc.dev_examples()) > 400
    excluded = tc.dev_examples(exclude=["d001"])
    assert len(excluded) == len(tc.dev_examples()) - 1


def test_probabilities_form_a_distribution():
    probs = tc.type_classifier().probabilities("Wie is er aansprakelijk als mijn vrijwilliger een fout maakt?")
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    assert max(probs, key=probs.get) == "aansprakelijkheid"


def test_the_classifier_decides_only_when_the_cues_are_silent(kb):
    lex = lexicon_for(kb)
    # No cue names a question type here; the story is about a carer at the end of her strength.
    text = "Ik sta er helemaal alleen voor met de zorg voor mijn man en ik slaap al weken slecht. Wat nu?"
    s = extract(lex, text)
    assert detect(text, s, type_probs={}).main is None
    assert detect(text, s, type_probs={"overbelasting": 0.9, "mag_ik": 0.1}).main == "overbelasting"
    assert detect(text, s, type_probs={"netwerk": 0.9, "mag_ik": 0.1}).main == "netwerk"
    # A specific cue ('aansprakelijk') is not overruled by a confident classifier.
    text = "Wie is aansprakelijk als ik bij het spuiten van mijn vaders insuline een fout maak?"
    s = extract(lex, text)
    assert detect(text, s, type_probs={"sock": 0.95, "aansprakelijkheid": 0.05}).main == "aansprakelijkheid"


def test_an_emergency_word_from_the_classifier_does_not_make_an_emergency(kb):
    lex = lexicon_for(kb)
    text = "Vorig jaar is mijn moeder gevallen. Hoe regel ik nu een goede achterwacht?"
    s = extract(lex, text)
    assert detect(text, s, type_probs={"noodgeval": 0.99, "samenwerken": 0.01}).main != "noodgeval"
