"""The starter corpus: agreed language of the UN processes on ICTs in the context of
international security, shipped with accord, each line with its symbol, paragraph, date and
public source (see docs/checker.md for what it holds and how to update it)."""

from importlib import resources

STARTER_NAME = "agreed_language.jsonl"


def starter_corpus_bytes() -> bytes:
    return resources.files("accord.data").joinpath(STARTER_NAME).read_bytes()
