"""Cost of the root-cause rule's optional veto (prints figures; not a test).

    python benchmarks/veto_model.py

1. size on disk and load time of the shipped veto (first call, in this fresh process);
2. per-match cost of reading the match (veto_features) and scoring it, over the rule's
   matches in corpora/documents;
3. the root-cause rule alone on corpora/documents, veto off and on (whole lint, parse
   included), twice each, so the veto's share of a real run shows.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RULE = "root-cause"


def main() -> int:
    from blamelint.config import Config
    from blamelint.engine import Linter
    from blamelint.nlp.pipeline import load_pipeline
    from blamelint.postmortem.load import read_document
    from blamelint.rules import veto
    from blamelint.rules.base import PARSE
    from blamelint.rules.registry import Registry

    path = Path(veto.model_dir(RULE))
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    print(f"veto on disk: {size / 1e6:.2f} MB ({path.relative_to(ROOT)})")
    started = time.perf_counter()
    veto.load(str(path))
    print(f"veto load: {time.perf_counter() - started:.3f} s")

    nlp = load_pipeline(None, PARSE)
    paths = sorted((ROOT / "corpora" / "documents").glob("*/docs/*"))
    documents = [read_document(p, p.name) for p in paths]

    asked = []
    score = veto.score

    def timed(text, where):
        started = time.perf_counter()
        value = score(text, where)
        asked.append(time.perf_counter() - started)
        return value

    for switch in ("off", "on", "off", "on"):
        config = Config(select=[RULE], rules={RULE: {"model": switch}})
        linter = Linter(config, Registry(config).build([RULE], config.rules), nlp_factory=lambda needs: nlp)
        veto.score, asked[:] = timed, []
        started = time.perf_counter()
        findings = sum(len(linter.lint_document(d)) for d in documents)
        seconds = time.perf_counter() - started
        veto.score = score
        extra = (
            f"; {len(asked)} matches scored, {sum(asked) / max(len(asked), 1) * 1e3:.2f} ms each"
            if asked
            else ""
        )
        print(
            f"{RULE} rule, veto {switch:3}: {seconds:.2f} s for {len(documents)} documents, "
            f"{findings} findings{extra}"
        )
    print(f"(cores: {os.cpu_count()}; a shared machine: upper bounds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
