"""Every rules/data file and built-in card's data fits its pydantic model, and a
broken copy fails at load with the file, the key path and what was wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from blamelint.data import load_model, validate
from blamelint.data.models import DATA_FILES, BlameCardData, BlameData, SectionsData
from blamelint.errors import RuleLoadError
from blamelint.rules.base import RuleCard
from blamelint.rules.registry import Registry

DATA = Path(__file__).resolve().parents[2] / "rules" / "data"


def test_every_data_file_has_a_model():
    assert sorted(p.name for p in DATA.glob("*.yaml")) == sorted(DATA_FILES)


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_data_file_validates(name):
    model = DATA_FILES[name]
    data = load_model(name, model)
    assert isinstance(data, model)
    assert load_model(name, model) is data  # cached


def test_builtin_cards_build_with_their_data():
    registry = Registry()
    rules = registry.build(registry.ids(), {})
    assert {r.id for r in rules} == set(registry.ids())


def _raw(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def _error(model, raw, where="rules/data/blame.yaml") -> str:
    with pytest.raises(RuleLoadError) as info:
        validate(model, raw, where)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_wrong_type_names_file_and_key():
    raw = _raw("blame.yaml")
    raw["judgments"] = [*raw["judgments"][:3], False]  # an unquoted `no` in YAML
    message = _error(BlameData, raw)
    assert message.startswith("rules/data/blame.yaml: judgments[3]: ")
    assert "valid string" in message


def test_unknown_key_names_file_and_key():
    raw = _raw("blame.yaml")
    raw["judgements"] = ["careless"]
    assert _error(BlameData, raw) == "rules/data/blame.yaml: judgements: Extra inputs are not permitted"


def test_missing_key_names_file_and_key():
    raw = _raw("blame.yaml")
    del raw["fault_nouns"]
    assert _error(BlameData, raw) == "rules/data/blame.yaml: fault_nouns: Field required"


def test_nested_key_path():
    raw = _raw("sections.yaml")
    raw["sections"]["timeline"]["specific"] = "very"
    message = _error(SectionsData, raw, "rules/data/sections.yaml")
    assert message.startswith("rules/data/sections.yaml: sections.timeline.specific")


def test_not_a_mapping():
    assert "expected a mapping" in _error(BlameData, ["careless"])


def _card(tmp_path, data) -> Path:
    path = tmp_path / "loud-blame.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "id": "loud-blame",
                "name": "LoudBlame",
                "severity": "warning",
                "summary": "Blame, loudly.",
                "check": "blamelint.rules.checks.blame:Blame",
                "data": data,
                "docs": {"what": "w", "why": "w", "example": "e", "use_instead": "u"},
            }
        ),
        encoding="utf-8",
    )
    return path


def test_user_card_data_is_validated_when_built(tmp_path):
    from blamelint.rules.cards import load_card

    card = load_card(_card(tmp_path, {"messages": {"judgement": {"message": "x"}}}))
    registry = Registry()
    with pytest.raises(RuleLoadError) as info:
        registry.rule_class(card)(card)
    assert str(info.value) == (
        f"{tmp_path / 'loud-blame.yaml'}: data: messages.judgement: Extra inputs are not permitted"
    )


def test_user_card_messages_are_used(tmp_path):
    from blamelint.rules.cards import load_card

    card = load_card(_card(tmp_path, {"messages": {"judgment": {"message": "Loud: {text}"}}}))
    rule = Registry().rule_class(card)(card)
    assert isinstance(rule.data, BlameCardData)
    assert rule.data.messages.judgment.message == "Loud: {text}"


def test_phrase_card_lemma_must_be_a_boolean():
    card = RuleCard.model_validate(
        {
            "id": "x-phrase",
            "name": "XPhrase",
            "severity": "note",
            "summary": "s",
            "kind": "phrases",
            "phrases": ["drop the ball"],
            "data": {"lemma": "yes"},
            "docs": {"what": "w", "why": "w", "example": "e", "use_instead": "u"},
        }
    )
    with pytest.raises(RuleLoadError, match=r"x-phrase: data: lemma: Input should be a valid boolean"):
        Registry().rule_class(card)(card)
