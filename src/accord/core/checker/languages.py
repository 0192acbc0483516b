"""The checker's six languages: how a text of each is cut into words and how words are made
comparable, and how the language of a passage is told when nobody says it.

- Chinese is written without spaces: jieba cuts it into words with the dictionary it ships.
- Arabic is written with optional marks and several spellings of the same letter: diacritics
  and the tatweel are left out, the forms of alef, hamza on a seat, alef maqsura and ta
  marbuta are each brought to one letter (`normalise_arabic`). No library of the ones that
  ship their data does only this (snowball's Arabic stemmer also strips prefixes and
  suffixes, which would make different words equal), and it is a fixed table of letters.
- French, Spanish and Russian words are compared by their lemmas (simplemma, whose data ships
  in its wheel), so that "État" and "États", "protéger" and "protège" align; the words
  themselves still decide whether a quotation is verbatim (`Words.surface`), so an inflection
  changed is named as a change. (snowball's stems found as much on the tests' sentences, and
  its pure-Python stemmer is some eighty times slower: docs/checker.md.)
- English is compared as it always was (case folded, British "-isation" as "-ization").
"""

import logging
import re
from collections.abc import Iterator

import jieba
import simplemma

# jieba says on the error stream how it loaded its dictionary; accord's output stays its own.
jieba.setLogLevel(logging.WARNING)

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
DEFAULT = "en"

# Letters and digits, with the combining marks that may sit on them (Arabic vowel marks,
# accents typed apart from their letter).
_WORD = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
_BRITISH = (("isation", "ization"), ("isations", "izations"))
# Arabic diacritics (fathatan to sukun, superscript alef) and the tatweel.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans(
    {
        "\u0623": "\u0627",  # alef with hamza above → alef
        "\u0625": "\u0627",  # alef with hamza below → alef
        "\u0622": "\u0627",  # alef with madda → alef
        "\u0671": "\u0627",  # alef wasla → alef
        "\u0649": "\u064a",  # alef maqsura → ya
        "\u0629": "\u0647",  # ta marbuta → ha
        "\u0624": "\u0648",  # waw with hamza → waw
        "\u0626": "\u064a",  # ya with hamza → ya
    }
)
_LEMMATISED = frozenset({"fr", "es", "ru"})
# Words that tell apart the three languages written in Latin letters.
_LATIN_MARKERS = {
    "en": frozenset(["the", "of", "and", "to", "in", "that", "is", "for", "with", "are", "by"]),
    "fr": frozenset(["le", "la", "les", "des", "du", "et", "est", "que", "qui", "dans", "pour"]),
    "es": frozenset(["el", "los", "las", "del", "y", "es", "que", "en", "por", "para", "con"]),
}


def normalise_arabic(word: str) -> str:
    """``word`` without diacritics or tatweel, its letters of several forms made one."""
    return _ARABIC_MARKS.sub("", word).translate(_ARABIC_LETTERS)


def _english(word: str) -> str:
    for british, american in _BRITISH:
        if word.endswith(british):
            return word[: -len(british)] + american
    return word


def surface(word: str, language: str) -> str:
    """``word`` as it is written, set apart from case and, in Arabic, optional marks and
    letter forms: two words with the same surface are the same word."""
    word = word.casefold()
    if language == "ar":
        return normalise_arabic(word)
    if language == "en":
        return _english(word)
    return word


def key(word: str, language: str) -> str:
    """What ``word`` is compared by: its surface, or its lemma in French, Spanish, Russian."""
    word = surface(word, language)
    return simplemma.lemmatize(word, lang=language) if language in _LEMMATISED else word


def spans(text: str, language: str) -> Iterator[tuple[int, int]]:
    """Where the words of ``text`` stand: runs of letters and digits, or jieba's words."""
    if language != "zh":
        return (m.span() for m in _WORD.finditer(text))
    return (
        (start, end)
        for piece, start, end in jieba.tokenize(text)
        if _WORD.search(piece) and not piece.isspace()
    )


def detect(text: str) -> str:
    """The language ``text`` is most likely in: by its script for Arabic, Chinese and
    Russian, else by the commonest short words of English, French and Spanish (English when
    nothing tells)."""
    counts = dict.fromkeys(("ar", "zh", "ru", "latin", "other"), 0)
    for char in text:
        counts[_script(char)] += 1
    script = max(("ar", "zh", "ru", "latin"), key=lambda s: counts[s])
    if counts[script] == 0 or script == "latin":
        words = [w.casefold() for w in _WORD.findall(text)]
        hits = {lang: sum(w in markers for w in words) for lang, markers in _LATIN_MARKERS.items()}
        return max(LANGUAGES[:3], key=lambda lang: (hits[lang], lang == DEFAULT))
    return script


def _script(char: str) -> str:
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
        return "ar"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "zh"
    if 0x0400 <= code <= 0x04FF:
        return "ru"
    if char.isalpha() and code < 0x0250:
        return "latin"
    return "other"
