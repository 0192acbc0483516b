import pytest
from tests.documents.builders import META, version

from accord.documents.akn_export import version_akn
from accord.documents.akn_import import read_akn
from accord.documents.errors import (
    FileTooLarge,
    InvalidAkomaNtoso,
    Problem,
    SchemaProblem,
    UnreadableDocument,
)
from accord.documents.safezip import MAX_FILE_BYTES

AKN = b'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'


def _refused(data):
    with pytest.raises(UnreadableDocument) as refused:
        read_akn(data)
    return refused.value


def test_an_external_entity_is_refused():
    data = (
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<akomaNtoso " + AKN + b"><doc>&x;</doc></akomaNtoso>"
    )
    assert _refused(data) == UnreadableDocument(Problem.FORBIDDEN_XML, "akn")


def test_entity_expansion_is_refused():
    data = (
        b'<!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<akomaNtoso " + AKN + b"><doc>&b;</doc></akomaNtoso>"
    )
    assert _refused(data) == UnreadableDocument(Problem.FORBIDDEN_XML, "akn")


def test_malformed_xml_names_its_line():
    assert _refused(b"<akomaNtoso>\n<doc>") == UnreadableDocument(Problem.MALFORMED_XML, "akn:2")


def test_another_vocabulary_is_not_akoma_ntoso():
    refusal = _refused(b"<html><body/></html>")
    assert refusal == UnreadableDocument(Problem.NOT_AKOMA_NTOSO, "html")


def test_a_document_that_breaks_the_schema_is_refused_with_the_first_error():
    with pytest.raises(InvalidAkomaNtoso) as refused:
        read_akn(b"<akomaNtoso " + AKN + b"><doc/></akomaNtoso>")
    assert refused.value == InvalidAkomaNtoso(
        line=1,
        element="doc",
        problem=SchemaProblem.MISSING_ATTRIBUTE,
        attribute="name",
        message="Element 'doc': The attribute 'name' is required but missing.",
    )


def test_an_oversized_file_is_refused_before_parsing():
    with pytest.raises(FileTooLarge):
        read_akn(b" " * (MAX_FILE_BYTES + 1))


def test_a_valid_file_reads_back():
    meta, value = read_akn(version_akn(META, version()))
    assert value == version()
    assert meta.document_slug == "report"
