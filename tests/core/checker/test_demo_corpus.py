# ruff: noqa: RUF001 -- the demo's lines in Russian and Chinese.
"""The demo's agreed corpus parses, and partial quotes of it are judged by what they leave out."""

from importlib import resources

import pytest

from accord.core.checker import SourceStatus, build_index, check_passage, parse_corpus

DEMO = parse_corpus(
    resources.files("accord.demo").joinpath("agreed_corpus.jsonl").read_text("utf-8").splitlines()
)
INDEX = build_index(DEMO)


def test_the_demo_corpus_holds_a_report_a_chairs_summary_and_views():
    statuses = [e.status for e in DEMO if e.language == "en"]
    assert statuses.count(SourceStatus.CONSENSUS) == 30
    assert statuses.count(SourceStatus.CHAIRS_SUMMARY) == 6
    assert statuses.count(SourceStatus.NATIONAL_VIEW) == 5
    assert statuses.count(SourceStatus.PROPOSAL) == 2


def test_four_of_its_lines_are_in_the_five_other_languages_too():
    english = {(e.document, e.provision): e for e in DEMO if e.language == "en"}
    for language in ("fr", "es", "ru", "ar", "zh"):
        lines = [e for e in DEMO if e.language == language]
        assert [(e.document, e.provision) for e in lines] == [
            ("A/AC.292/2025/2 (demo)", "9"),
            ("A/AC.292/2025/2 (demo)", "11"),
            ("A/AC.292/2025/2 (demo)", "28"),
            ("Statement at the closing meeting (Brazil)", "1"),
        ]
        for line in lines:
            same = english[line.document, line.provision]
            assert (line.status, line.holder, line.date) == (same.status, same.holder, same.date)


# The demo's norm on critical infrastructure, its qualifier left out, in each language.
QUALIFIER_LEFT_OUT = {
    "en": "States should take appropriate measures to protect their critical infrastructure "
    "from ICT threats.",
    "fr": "Les États devraient prendre des mesures appropriées pour protéger leurs "
    "infrastructures critiques contre les menaces liées aux TIC.",
    "es": "Los Estados deberían adoptar medidas apropiadas para proteger sus infraestructuras "
    "críticas frente a las amenazas relacionadas con las TIC.",
    "ru": "Государствам следует принимать надлежащие меры для защиты своей критически "
    "важной инфраструктуры от угроз в сфере ИКТ.",
    "ar": "ينبغي للدول أن تتخذ التدابير المناسبة لحماية بنيتها التحتية الحيوية من التهديدات "
    "المتصلة بتكنولوجيا المعلومات والاتصالات.",
    "zh": "各国应采取适当措施，保护本国关键基础设施免受信息通信技术威胁。",
}


@pytest.mark.parametrize("language", list(QUALIFIER_LEFT_OUT))
def test_the_demo_norm_without_its_qualifier_is_found_in_every_language(language):
    report = check_passage(INDEX, QUALIFIER_LEFT_OUT[language])
    assert report.language == language
    (found,) = report.findings
    assert (found.source.provision, found.source.language, found.partial) == ("9", language, True)
    # The qualifiers are English words: only in English is leaving one out named.
    if language == "en":
        assert found.verdict.value == "agreed-altered"
        assert found.qualifiers_dropped == ("taking into account national circumstances",)
    else:
        assert found.verdict.value == "agreed-verbatim"
        assert found.qualifiers_dropped == ()


# The same norm with "should" made "must" in each language: a change of wording.
MUST = {
    "fr": "Les États doivent prendre des mesures appropriées pour protéger leurs infrastructures "
    "critiques contre les menaces liées aux TIC, compte tenu de la situation nationale.",
    "es": "Los Estados deben adoptar medidas apropiadas para proteger sus infraestructuras "
    "críticas frente a las amenazas relacionadas con las TIC, teniendo en cuenta las "
    "circunstancias nacionales.",
    "ru": "Государства обязаны принимать надлежащие меры для защиты своей критически важной "
    "инфраструктуры от угроз в сфере ИКТ с учетом национальных условий.",
    "ar": "يجب على الدول أن تتخذ التدابير المناسبة لحماية بنيتها التحتية الحيوية من التهديدات "
    "المتصلة بتكنولوجيا المعلومات والاتصالات، مع مراعاة الظروف الوطنية.",
    "zh": "各国必须采取适当措施，保护本国关键基础设施免受信息通信技术威胁，同时考虑到本国国情。",
}


STRONGER = {
    "fr": "doivent",
    "es": "deben",
    "ru": "Государства обязаны",
    "ar": "يجب على الدول",
    "zh": "必须",
}


@pytest.mark.parametrize("language", list(MUST))
def test_the_demo_norm_with_a_stronger_modal_is_altered_in_every_language(language):
    (found,) = check_passage(INDEX, MUST[language]).findings
    assert found.verdict.value == "agreed-altered"
    assert (found.source.provision, found.source.language) == ("9", language)
    assert found.added == (STRONGER[language],)
