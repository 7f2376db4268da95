"""Numbers in Vietnamese words, the way a presenter reads them aloud.

num2words 0.5.14 has `lang="vi"` but reads 2021 as "hai nghìn lẻ hai mươi mốt" and 3.5 as
"ba phẩy năm mươi", so Vietnamese number reading is written out here.
"""

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_SCALES = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]


def _spell_below_thousand(number: int, *, full: bool) -> list[str]:
    """0–999; `full` reads a leading "không trăm" (inside a larger number: 2021 → "không trăm")."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def spell_number(number: int) -> str:
    """An integer in Vietnamese words: 2021 → "hai nghìn không trăm hai mươi mốt"."""
    if number == 0:
        return "không"
    if number < 0:
        return "âm " + spell_number(-number)
    if number >= 1000 ** len(_SCALES):
        return " ".join(_DIGITS[int(digit)] for digit in str(number))
    groups: list[int] = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        is_leading = index == len(groups) - 1
        words += _spell_below_thousand(group, full=not is_leading)
        if _SCALES[index]:
            words.append(_SCALES[index])
    return " ".join(words)


def spell_decimal(text: str) -> str:
    """ "3,5" (Vietnamese decimal comma) → "ba phẩy năm"; "0,25" → "không phẩy hai mươi lăm"."""
    whole, _comma, fraction = text.partition(",")
    words = spell_number(int(whole.replace(".", "") or "0"))
    if fraction:
        leading_zeros = len(fraction) - len(fraction.lstrip("0"))
        tail = fraction.lstrip("0")
        parts = ["không"] * leading_zeros + ([spell_number(int(tail))] if tail else [])
        words += " phẩy " + " ".join(parts)
    return words


def number_words(text: str) -> str:
    """A written number ("1.500.000", "3,5") in words: grouping points, decimal comma."""
    return spell_decimal(text) if "," in text else spell_number(int(text.replace(".", "")))
