"""Trains the Rasa model only when its inputs changed.

The model file name carries a hash of everything that shapes it: config,
domain, training data (including what is generated from the knowledge base),
the custom NLU components, the spaCy pipeline in use and the versions of the
libraries that do the training.
`python -m bot.training` prints the path of the model to use."""
from __future__ import annotations

import hashlib
from importlib import metadata
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, List

from bot.settings import PROJECT_ROOT

MODELS_DIR = PROJECT_ROOT / "models"
TRAINING_DATA = ("data/nlu", "data/rules", "data/stories")
INPUTS = ("config.yml", "domain.yml", "bot/nlp/components.py", "bot/nlp/intent_classifier.py", ".cache/spacy-nl/handelwijzer-pipeline.json")
# Not the whole lock file: adding a test tool must not retrain the model.
TRAINING_LIBRARIES = ("rasa", "tensorflow", "spacy", "scikit-learn", "numpy", "scipy")
KEEP_MODELS = 3


def input_files(root: Path = PROJECT_ROOT) -> List[Path]:
    files = [root / p for p in INPUTS]
    for folder in TRAINING_DATA:
        files += sorted((root / folder).rglob("*.yml"))
    return files


def library_versions() -> str:
    found = []
    for name in TRAINING_LIBRARIES:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}==missing")
    return ";".join(found)


def inputs_hash(files: Iterable[Path], root: Path = PROJECT_ROOT) -> str:
    digest = hashlib.sha256(library_versions().encode())
    for path in files:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()[:16]


def model_path(root: Path = PROJECT_ROOT) -> Path:
    return MODELS_DIR / f"handelwijzer-{inputs_hash(input_files(root), root)}.tar.gz"


def _prune(keep: Path) -> None:
    models = sorted(MODELS_DIR.glob("handelwijzer-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in models[KEEP_MODELS:]:
        if old != keep:
            old.unlink()


def ensure_model(force: bool = False) -> Path:
    target = model_path()
    if target.exists() and not force:
        print(f"Model is actueel (geen training nodig): {target.relative_to(PROJECT_ROOT)}", file=sys.stderr)
        return target
    MODELS_DIR.mkdir(exist_ok=True)
    print(f"Training van het model {target.name} (dit duurt enkele minuten)...", file=sys.stderr)
    started = time.monotonic()
    command = [
        sys.executable, "-m", "rasa", "train",
        "--config", "config.yml", "--domain", "domain.yml",
        "--data", *TRAINING_DATA,
        "--out", str(MODELS_DIR), "--fixed-model-name", target.name[: -len(".tar.gz")],
    ]
    subprocess.run(command, cwd=PROJECT_ROOT, check=True, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    print(f"Training klaar in {time.monotonic() - started:.0f} s.", file=sys.stderr)
    _prune(target)
    return target


def main(argv: List[str]) -> int:
    print(ensure_model(force="--force" in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
