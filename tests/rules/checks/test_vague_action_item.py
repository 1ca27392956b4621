"""vague-action-item: its phrase data stays clean. The item cases (the three
vague shapes, and concrete items left alone) are in
tests/rules/cases/vague-action-item.yaml."""

from blamelint.data import load_data
from blamelint.postmortem.sections import words


def test_vague_data_is_clean():
    data = load_data("vague-action-items.yaml")
    for key, values in data.items():
        assert all(isinstance(v, str) for v in values), key  # YAML 1.1 reads bare on/no as booleans
        keys = [words(v) for v in values]
        assert len(keys) == len(set(keys)), f"{key}: duplicates"
    improve = {words(v) for v in data["improve-verbs"]}
    review = {words(v) for v in data["review-verbs"]}
    assert not improve & review
    assert not {v for v in improve if len(v) == 1} & {words(b) for b in data["builder-verbs"]}
