"""A statistical second opinion on what a message asks.

The cue lexicon (cues.yml) is precise but only knows the words it lists; users
tell stories in their own words. This classifier (TF-IDF over words and
character n-grams, logistic regression) learns the question type from three
kinds of labelled text: the Rasa NLU examples, the topic examples, and the
realistic questions of the dev parts of the evaluation set in `bench/devset/`
(written from the sources by people who had not seen the training data).
The held-out parts of that set are never read here: they measure it.

Training takes under a second and happens once per process."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

from bot.understanding.text import normalize, question_sentences

ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = ROOT / "data" / "nlu"
TOPIC_EXAMPLES = Path(__file__).with_name("topic_examples.yml")
DEV_QUESTIONS = ROOT / "bench" / "devset"
DEV_PATTERN = "dev_*.yml"  # never heldout_*.yml

# Labels of the evaluation set that are question types of their own name; the
# others (greetings) are left to the cues.
_NOT_A_TYPE = {"begroeting"}
_ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


@dataclass(frozen=True)
class Example:
    text: str
    kind: str


def features(text: str) -> str:
    """The whole message, with its question sentences twice: they say most
    about what is asked, the story around them says what it is about."""
    asked = " ".join(normalize(q) for q in question_sentences(text))
    return f"{normalize(text)} || {asked} {asked}"


def nlu_examples(intent_types: Dict[str, str], folder: Path = NLU_DIR) -> List[Example]:
    out: List[Example] = []
    for path in sorted(folder.rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("nlu") or []:
            kind = intent_types.get(str(item.get("intent") or "").split("/")[0])
            if not kind:
                continue
            for line in str(item.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    out.append(Example(_ANNOTATION.sub(lambda m: m.group(1) or m.group(2), line[2:]), kind))
    return out


def topic_examples(routes: Dict[str, List[str]], path: Path = TOPIC_EXAMPLES) -> List[Example]:
    # A topic's examples teach the first question type whose route lists it.
    first: Dict[str, str] = {}
    for kind, topics in routes.items():
        for topic in topics:
            first.setdefault(topic, kind)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return [Example(q, first[t]) for t, qs in data.items() if t in first for q in qs]


def dev_examples(folder: Path = DEV_QUESTIONS, pattern: str = DEV_PATTERN, exclude: Iterable[str] = ()) -> List[Example]:
    skip = set(exclude)
    out: List[Example] = []
    for path in sorted(folder.glob(pattern)):
        if path.name.startswith("heldout"):
            continue
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            if q["id"] in skip or q.get("topic") in _NOT_A_TYPE:
                continue
            out.append(Example(q["text"], q["topic"]))
    return out


class TypeClassifier:
    def __init__(self, examples: Sequence[Example]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.pipeline import make_pipeline, make_union

        self.model = make_pipeline(
            make_union(
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
            ),
            # Logistic loss for probabilities; SGD trains in a quarter of a second
            # where lbfgs took ten, with the same accuracy on the held-out part.
            SGDClassifier(loss="log_loss", alpha=1e-4, class_weight="balanced", max_iter=50, random_state=0),
        )
        self.model.fit([features(e.text) for e in examples], [e.kind for e in examples])
        self.kinds: Tuple[str, ...] = tuple(self.model.classes_)

    def probabilities(self, text: str) -> Dict[str, float]:
        probs = self.model.predict_proba([features(text)])[0]
        return {k: float(p) for k, p in zip(self.kinds, probs)}

    def best(self, text: str) -> Tuple[Optional[str], float]:
        probs = self.probabilities(text)
        if not probs:
            return None, 0.0
        kind = max(probs, key=probs.get)
        return kind, probs[kind]


def training_examples(exclude_dev: Iterable[str] = ()) -> List[Example]:
    from bot.understanding.questions import INTENT_TYPES
    from bot.understanding.topics import topics_for_type

    return nlu_examples(INTENT_TYPES) + topic_examples(topics_for_type()) + dev_examples(exclude=exclude_dev)


@lru_cache(maxsize=1)
def type_classifier() -> TypeClassifier:
    return TypeClassifier(training_examples())
