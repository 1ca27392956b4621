"""Cost of the blame rule's optional model (prints figures; not a test).

    python benchmarks/blame_model.py

1. load time of the shipped classifier (first call, in this fresh process);
2. per-sentence cost of scoring alone, over every labeled sentence of the repo;
3. the blame rule alone on corpora/documents, model off and on (whole lint, parse included),
   so the model's share of a real run shows.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))


def main() -> int:
    import train_blame

    from blamelint.rules.checks.blame import model

    started = time.perf_counter()
    model.load()
    print(f"model load: {time.perf_counter() - started:.3f} s")
    texts = [text for text, _ in train_blame.examples()]
    started = time.perf_counter()
    for text in texts:
        model.score(text)
    per = (time.perf_counter() - started) / len(texts)
    print(f"scoring: {per * 1e6:.0f} us per sentence ({len(texts)} sentences, one at a time)")

    from blamelint.config import Config
    from blamelint.engine import Linter
    from blamelint.nlp.pipeline import load_pipeline
    from blamelint.postmortem.load import read_document
    from blamelint.rules.base import PARSE
    from blamelint.rules.registry import Registry

    nlp = load_pipeline(None, PARSE)
    paths = sorted((ROOT / "corpora" / "documents").glob("*/docs/*"))
    documents = [read_document(p, p.name) for p in paths]
    for switch in ("off", "on", "off", "on"):
        config = Config(select=["blame"], rules={"blame": {"model": switch}})
        registry = Registry(config)
        linter = Linter(config, registry.build(["blame"], config.rules), nlp_factory=lambda needs: nlp)
        started = time.perf_counter()
        findings = sum(len(linter.lint_document(d)) for d in documents)
        print(
            f"blame rule, model {switch:3}: {time.perf_counter() - started:.2f} s for "
            f"{len(documents)} documents, {findings} findings"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
