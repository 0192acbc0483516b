"""Formatting list numbers as Word does: 3, c, iii, C, III."""

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def letter(value: int) -> str:
    """a … z, then aa … zz, as Word letters its lists."""
    repeat, index = divmod(value - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def format_number(fmt: str, value: int) -> str:
    if fmt == "lowerLetter":
        return letter(value)
    if fmt == "upperLetter":
        return letter(value).upper()
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    return str(value)
