"""Prepares the Dutch spaCy pipeline that config.yml points Rasa's SpacyNLP at.

config.yml names one fixed folder, `.cache/spacy-nl`. This module fills it with,
in order of preference:
  1. `nl_core_news_sm` when it is installed (linked, not copied);
  2. `nl_core_news_sm` installed first from a wheel in vendor/spacy-models/;
  3. an offline fallback built here: spaCy's Dutch tokenizer (`spacy.blank("nl")`)
     plus a lookup lemmatizer whose table comes from simplemma's Dutch dictionary.
It logs which one is in use and records it in `handelwijzer-pipeline.json`, which
the training cache hashes, so switching pipelines retrains the model.

Run `python -m bot.nlp.spacy_pipeline` (the set-up scripts do)."""
from __future__ import annotations

import glob
import importlib
import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, Optional

from bot.settings import PROJECT_ROOT

log = logging.getLogger("handelwijzer.spacy")

REAL_MODEL = "nl_core_news_sm"
PIPELINE_DIR = PROJECT_ROOT / ".cache" / "spacy-nl"
WHEEL_DIR = PROJECT_ROOT / "vendor" / "spacy-models"
MARKER = "handelwijzer-pipeline.json"
FALLBACK_VERSION = "1"  # bump when the fallback recipe changes


def _installed_model_path() -> Optional[Path]:
    # find_spec, not spacy.util: importing spaCy pulls in TensorFlow (~20 s),
    # which a set-up run with nothing to do should not pay for.
    spec = importlib.util.find_spec(REAL_MODEL)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _model_data_dir(package_path: Path) -> Path:
    """The folder with config.cfg inside an installed model package."""
    for candidate in sorted(package_path.glob(f"{REAL_MODEL}-*")):
        if (candidate / "config.cfg").exists():
            return candidate
    return package_path


def _install_local_wheel() -> bool:
    wheels = sorted(glob.glob(str(WHEEL_DIR / f"{REAL_MODEL}-*.whl")))
    if not wheels:
        return False
    log.info("Installing %s from the local wheel %s", REAL_MODEL, wheels[-1])
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", wheels[-1]], check=True)
    return True


def current() -> Dict[str, str]:
    marker = PIPELINE_DIR / MARKER
    if marker.exists():
        return json.loads(marker.read_text())
    return {}


def _reset_dir() -> None:
    if PIPELINE_DIR.is_symlink() or PIPELINE_DIR.is_file():
        PIPELINE_DIR.unlink()
    elif PIPELINE_DIR.exists():
        shutil.rmtree(PIPELINE_DIR)
    PIPELINE_DIR.parent.mkdir(parents=True, exist_ok=True)


def _use_real_model(package_path: Path) -> Dict[str, str]:
    data_dir = _model_data_dir(package_path)
    meta = json.loads((data_dir / "meta.json").read_text())
    info = {"kind": REAL_MODEL, "version": meta.get("version", "?"), "path": str(data_dir)}
    if current() == info:
        return info
    _reset_dir()
    # A real folder holding a link would hide the model's own files; copy the
    # model (about 15 MB) so the marker can sit beside it.
    shutil.copytree(data_dir, PIPELINE_DIR)
    import spacy

    spacy.load(PIPELINE_DIR)  # fail now, not during training
    (PIPELINE_DIR / MARKER).write_text(json.dumps(info))
    return info


def build_fallback(target: Path) -> None:
    """spaCy's Dutch rules plus a simplemma-based lookup lemmatizer, saved to `target`."""
    import spacy
    from spacy.lookups import Lookups
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    nlp = spacy.blank("nl")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": True})
    table = {form: lemma for form, lemma in DefaultDictionaryFactory().get_dictionary("nl").items()}
    lookups = Lookups()
    lookups.add_table("lemma_lookup", table)
    lemmatizer.initialize(lookups=lookups)
    nlp.meta["name"] = "handelwijzer_nl_fallback"
    nlp.meta["version"] = FALLBACK_VERSION
    nlp.meta["description"] = "Offline Dutch fallback: spacy.blank('nl') + simplemma lookup lemmas"
    nlp.to_disk(target)


def _use_fallback() -> Dict[str, str]:
    from importlib.metadata import version

    info = {"kind": "fallback", "version": FALLBACK_VERSION, "simplemma": version("simplemma")}
    if current() == info:
        return info
    _reset_dir()
    build_fallback(PIPELINE_DIR)
    (PIPELINE_DIR / MARKER).write_text(json.dumps(info))
    return info


def ensure_pipeline() -> Dict[str, str]:
    """Make `.cache/spacy-nl` hold the best available Dutch pipeline; return what it is."""
    package = _installed_model_path()
    if package is None and _install_local_wheel():
        importlib.invalidate_caches()
        package = _installed_model_path()
    if package is not None:
        info = _use_real_model(package)
        log.info("Dutch spaCy pipeline: %s %s (from %s)", REAL_MODEL, info["version"], info["path"])
    else:
        info = _use_fallback()
        log.warning(
            "Dutch spaCy pipeline: %s is not installed and no wheel is in %s; using the offline "
            "fallback (spaCy Dutch tokenizer + simplemma lemmas).", REAL_MODEL, WHEEL_DIR,
        )
    return info


def main() -> int:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), format="%(message)s")
    info = ensure_pipeline()
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
