"""The vocabulary covers exactly the schema's codes, and every term has what its vocabulary needs."""

from __future__ import annotations

import typing

import pytest

from components.data.vocabulary import MEETING_LEVELS, VOCABULARIES, Term, Vocabulary


def schema_codes(vocabulary: Vocabulary) -> list[str]:
    """The codes the schema allows in the vocabulary's field (a Literal, possibly optional)."""
    annotation = vocabulary.model.model_fields[vocabulary.field].annotation
    literals = [annotation] if typing.get_origin(annotation) is typing.Literal else [
        option for option in typing.get_args(annotation) if typing.get_origin(option) is typing.Literal]
    return [code for literal in literals for code in typing.get_args(literal)]


def _name(vocabulary: Vocabulary) -> str:
    return f"{vocabulary.model.__name__}.{vocabulary.field}"


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=_name)
def test_every_schema_code_has_a_term(vocabulary):
    missing = [code for code in schema_codes(vocabulary) if code not in vocabulary]
    assert not missing, f"{_name(vocabulary)}: the schema allows {missing}, which the vocabulary lacks"


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=_name)
def test_the_vocabulary_has_no_code_the_schema_refuses(vocabulary):
    extra = [code for code in vocabulary if code not in schema_codes(vocabulary)]
    assert not extra, f"{_name(vocabulary)}: {extra} are not codes of the schema"


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=_name)
def test_every_term_has_what_its_vocabulary_requires(vocabulary):
    assert vocabulary.missing_attributes() == {}, f"{_name(vocabulary)}: terms lack {vocabulary.missing_attributes()}"


def test_a_schema_code_without_a_term_is_named(monkeypatch):
    """The check itself: a level added to the schema alone is reported by its code."""
    trimmed = Vocabulary(MEETING_LEVELS.model, "level",
                         {code: term for code, term in MEETING_LEVELS.terms.items() if code != "parliament"})
    assert [code for code in schema_codes(trimmed) if code not in trimmed] == ["parliament"]


def test_a_term_without_its_symbol_is_named():
    broken = Vocabulary(MEETING_LEVELS.model, "level", {**MEETING_LEVELS.terms, "other": Term("Other", tier="Officials")},
                        requires=MEETING_LEVELS.requires)
    assert broken.missing_attributes() == {"other": ["symbol"]}


def test_labels_and_order():
    assert MEETING_LEVELS.codes[0] == "heads-of-state"
    assert MEETING_LEVELS.label("ministers") == "Ministers"
    assert MEETING_LEVELS.label("unknown-code") == "unknown-code"
