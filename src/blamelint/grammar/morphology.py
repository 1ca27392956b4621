"""Word forms from lemminflect's lexicon (offline, cached): lemmas of a verb
form, its inflections, whether a form is a past participle, whether a word
is an English word at all. No parse needed."""

from __future__ import annotations

from functools import cache, lru_cache


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


@lru_cache(maxsize=8192)
def past_lemmas(word: str) -> tuple[str, ...]:
    """The verbs ``word`` is a past form or participle of, in lemminflect's
    order: "resent" is resend's (not the verb resent's), "found" find's (not
    found's), "routed" both rout's and route's. All its verb lemmas when it is
    no verb's past form; an unknown word is its own lemma."""
    lemmas = tuple(getLemma(word, upos="VERB")) if getLemma is not None else ()
    past = tuple(
        lemma for lemma in lemmas if word in forms_of(lemma).get("VBN", ()) + forms_of(lemma).get("VBD", ())
    )
    return past or lemmas or (word,)


def _variants(lemmas) -> set[str]:
    """The lemmas as words, spelling variants made one ("overwrite", "over-write")."""
    return {lemma.replace("-", "").replace(" ", "") for lemma in lemmas}


@cache
def preferred_readings() -> frozenset[str]:
    """Verbs read first when a past form belongs to several (rules/data/passive-verbs.yaml)."""
    from blamelint.data import load
    from blamelint.data.models import PassiveVerbsData

    return frozenset(load(PassiveVerbsData).preferred_readings)


@lru_cache(maxsize=8192)
def read_as(word: str) -> str:
    """The verb a past form is read as, one of ``past_lemmas``: the only one;
    else a preferred one (rules/data); else the one the form keeps most of,
    as a regular form is its verb plus an ending ("routed" is route's, not
    rout's; "installed" install's, not instal's; "overwritten" overwrite's, not
    over-write's). The parse's lemma is no guide: spaCy reads "routed" as rout
    and "installed" as instal."""
    lemmas = past_lemmas(word)
    if len(lemmas) == 1:
        return lemmas[0]
    preferred = [lemma for lemma in lemmas if lemma in preferred_readings()]
    return preferred[0] if preferred else spelled_like(lemmas, word)


def reading(word: str) -> tuple[str, dict]:
    """(lemma, {tag: forms}) of a past form, read as ``read_as`` says."""
    lemma = read_as(word)
    return lemma, forms_of(lemma)


def spelled_like(forms, written: str) -> str:
    """Of a verb's forms for one tag, the one spelled most like the written
    form ("overwrote", not "over-wrote", for "overwritten"); the first on a tie."""
    return max(forms, key=lambda form: len(_common_prefix(form, written)))


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def ambiguous_verb(word: str) -> bool:
    """Whether a past form belongs to several verbs that are not spellings of
    one ("routed": rout or route; but "overwritten": overwrite, over-write), so
    that another form of it ("routs"?) is a guess (``read_as``'s)."""
    return len(_variants(past_lemmas(word))) > 1
