"""The on-demand tables give lemminflect exactly what its own loader gives.

Word by word over both whole tables, then through lemminflect's public
functions in fresh processes with and without ``install()``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

lemminflect = pytest.importorskip("lemminflect")

from blamelint.nlp import lemminflect_tables  # noqa: E402


def test_this_lemminflect_is_a_verified_version():
    assert lemminflect.__version__ in lemminflect_tables.VERIFIED_VERSIONS


def test_lemma_table_equals_lemminflects_loader():
    from lemminflect import config
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec

    theirs = LemmaLUCodec.load(config.lemma_lu_fn)
    ours = lemminflect_tables.lemma_table(config.lemma_lu_fn)
    assert len(theirs) > 50_000
    assert [w for w, entry in theirs.items() if ours.get(w, {}) != entry] == []
    for missing in ("", "zzzzqx", "Zebra-", "~", "ü"):
        if missing not in theirs:
            assert ours.get(missing, {}) == {} and missing not in ours


def test_inflection_table_equals_lemminflects_loader():
    from lemminflect import config
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec

    theirs = InflectionLUCodec.load(config.inflection_lu_fn)
    ours = lemminflect_tables.inflection_table(config.inflection_lu_fn)
    assert len(theirs) > 30_000
    assert [w for w, entry in theirs.items() if ours.get(w, {}) != entry] == []
    assert ours.get("be") == theirs["be"] and ours.get("can") == theirs["can"]
    assert ours.get("zzzzqx", {}) == {}


PROBE = r"""
import json, sys
if sys.argv[1] == "on":
    from blamelint.nlp import lemminflect_tables
    assert lemminflect_tables.install()
from lemminflect import getAllInflections, getAllLemmas, getInflection, getLemma
words = ["ran", "run", "Taken", "frozen", "written", "reconnecting", "resharded", "malformed", "was",
         "been", "could", "rollback", "kofi", "PagerDuty", "NASA", "Ellis's", "data", "indices",
         "better", "best", "geese", "zzzqx", "Viktor", "deployed", "went", "set", "hit", "'d"]
out = []
for w in words:
    out.append([getAllLemmas(w), getAllLemmas(w, "VERB"), getAllLemmas(w, "PROPN"),
                getLemma(w, "VERB", lemmatize_oov=False), getLemma(w, "VERB"), getLemma(w, "NOUN"),
                getAllInflections(w), getAllInflections(w, "VERB"),
                [getInflection(w, tag=t) for t in ("VB", "VBD", "VBN", "VBG", "VBZ", "NNS", "JJR")]])
print(json.dumps(out))
"""


def test_lemminflect_answers_the_same_with_the_tables_installed():
    def run(mode):
        return json.loads(
            subprocess.run(
                [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True
            ).stdout
        )

    assert run("on") == run("off")


def test_install_leaves_a_loaded_table_alone():
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemminflect_tables.install()
    lemmatizer = Lemmatizer()
    table = lemmatizer.lemma_dict
    assert lemminflect_tables.install()
    assert lemmatizer.lemma_dict is table
