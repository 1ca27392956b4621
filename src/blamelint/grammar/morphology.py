"""Word forms from lemminflect's lexicon (offline, cached): lemmas of a verb
form, its inflections, whether a form is a past participle, whether a word
is an English word at all. No parse needed."""

from __future__ import annotations

from functools import lru_cache


def _lemminflect(name: str):
    """A lemminflect function, imported on first use: importing lemminflect
    imports spaCy, which a fully cached `blamelint check` never needs."""
    import lemminflect

    return getattr(lemminflect, name)


def getAllLemmas(*args, **kwargs):  # noqa: N802 - lemminflect's names
    return _lemminflect("getAllLemmas")(*args, **kwargs)


def getInflection(*args, **kwargs):  # noqa: N802
    return _lemminflect("getInflection")(*args, **kwargs)


def getLemma(*args, **kwargs):  # noqa: N802
    return _lemminflect("getLemma")(*args, **kwargs)


TAGS = ("VB", "VBD", "VBN", "VBG", "VBZ")


@lru_cache(maxsize=8192)
def verb_lemmas(word: str) -> tuple[str, ...]:
    """Verb lemmas of a known word form ("reconnecting" -> "reconnect")."""
    if getLemma is None:  # pragma: no cover
        return ()
    return tuple(getLemma(word, upos="VERB", lemmatize_oov=False))


@lru_cache(maxsize=8192)
def guessed_lemmas(word: str) -> tuple[str, ...]:
    """Verb lemmas of any -ed/-ing form, by rule when the word is not in the
    lexicon ("malformed" -> "malform", "resharded" -> "reshard")."""
    known = verb_lemmas(word)
    if known or getLemma is None or not word.endswith(("ed", "ing")):
        return known
    return tuple(getLemma(word, upos="VERB", lemmatize_oov=True))


@lru_cache(maxsize=8192)
def forms_of(lemma: str) -> dict[str, tuple[str, ...]]:
    """{tag: forms} of a verb lemma (rules cover regular verbs)."""
    if getInflection is None or not lemma.isalpha():
        return {}  # lemminflect's rules need a word ("" or "re-IP" has no forms)
    return {tag: tuple(getInflection(lemma, tag=tag)) for tag in TAGS}


@lru_cache(maxsize=8192)
def inflections(word: str) -> tuple[str, dict]:
    """(lemma, {tag: forms}) of a verb form; an unknown word is its own lemma."""
    if getLemma is None:  # pragma: no cover
        return word, {}
    lemmas = getLemma(word, upos="VERB")
    lemma = lemmas[0] if lemmas else word
    return lemma, forms_of(lemma)


@lru_cache(maxsize=8192)
def participle_form(word: str) -> bool:
    """Whether the word is a verb's past participle ("flushed", "taken");
    "unpatched" and "full" are not."""
    return any(word in forms_of(lemma).get("VBN", ()) for lemma in verb_lemmas(word))


@lru_cache(maxsize=8192)
def participle_only(word: str) -> bool:
    """A form that can only be a past participle, never a simple past
    ("frozen", "taken", "written"): a fragment using it cannot be active."""
    return any(
        word in forms_of(lemma).get("VBN", ()) and word not in forms_of(lemma).get("VBD", ())
        for lemma in verb_lemmas(word)
    )


@lru_cache(maxsize=8192)
def known_word(word: str) -> bool:
    """Whether lemminflect knows the (lower-case) word: "rollback" yes,
    "kofi" no. Tells a capitalised common word from a name."""
    return getAllLemmas is not None and bool(getAllLemmas(word))


def ambiguous_verb(word: str) -> bool:
    """Whether a verb form belongs to several verbs ("routed": rout or route), so
    another form of it ("routs"?) cannot be chosen safely."""
    if getAllLemmas is None:  # pragma: no cover
        return False
    return len(getAllLemmas(word, upos="VERB").get("VERB", ())) > 1
