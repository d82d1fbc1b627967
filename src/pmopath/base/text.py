"""Text helpers with no project imports: cleaning data text, plurals, numbers, months.

Every module may import this one; it imports nothing from pmopath. Each rule
here (how a count is pluralised, how a share is shown as a percentage, how a
plan month becomes a calendar month) exists once, so the formats agree.
"""

from __future__ import annotations

import datetime as dt
import re

#: What :func:`clean` escapes: the C0 and C1 controls (Unicode category Cc) except newline
#: and tab; the bidirectional marks, embeddings, overrides and isolates; and the invisible
#: ones (zero-width spaces and joiners, the word joiner, the byte-order mark), which would
#: make two different names look the same.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Make text from a data file safe to show: control characters become visible escapes.

    Terminal escape sequences (ESC ...), other C0/C1 controls and bidirectional
    overrides would otherwise move the cursor, restyle or reorder the screen.
    """
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """Cleaned text with every run of white space folded to one space."""
    return re.sub(r"\s+", " ", clean(text)).strip()


#: ASCII stand-ins for the symbols pmopath prints, for outputs that cannot carry them.
_ASCII = {
    "→": "->",
    "█": "#",
    "▒": "=",
    "░": ".",
    "•": "*",
    "✓": "OK",
    "✗": "X",
    "·": "-",
    "—": "-",
    "–": "-",
    "─": "-",
    "…": "...",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
}


def encodable(text: str, encoding: str | None) -> str:
    """``text`` as ``encoding`` can carry it: symbols spelled in ASCII, accents dropped, else ``?``."""
    try:
        text.encode(encoding or "utf-8")
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    import unicodedata  # only for an output that cannot carry the text as it is

    out = []
    for ch in text:
        try:
            ch.encode(encoding or "ascii")
            out.append(ch)
            continue
        except (UnicodeEncodeError, LookupError):
            pass
        plain = (
            _ASCII.get(ch) or unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        )
        out.append(plain or "?")
    return "".join(out)


# ------------------------------------------------------------------ counts


_IRREGULAR = {
    "competency": "competencies",
    "problem": "problems",
    "stone": "stones",
    "person": "people",
}


def plural(word: str, n: float) -> str:
    """``word`` for a count of one, its plural otherwise (``1 month``, ``2 months``, ``0 months``)."""
    if n == 1:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def count(n: float, word: str) -> str:
    """``count(1, "month")`` -> ``1 month``; ``count(2.5, "year")`` -> ``2.5 years``."""
    return f"{n:g} {plural(word, n)}"


def first_few(names: list[str] | tuple[str, ...], shown: int = 3) -> str:
    """``a, b, c and 12 more``: the first names of a list, the rest counted."""
    rest = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {rest} more" if rest > 0 else "")


def capital(text: str) -> str:
    """The first letter upper case, the rest as written ("working in a PMO" -> "Working in a PMO")."""
    return text[:1].upper() + text[1:]


# ----------------------------------------------------------------- numbers


def percent(share: float) -> str:
    """A share from 0 to 1 as a whole percentage: ``0.617`` -> ``62%``."""
    return f"{share:.0%}"


def hours(value: float) -> str:
    return f"{value:g} h"


def size(n_bytes: int) -> str:
    """``4194304`` -> ``4 MiB``; ``524288`` -> ``512 KiB``."""
    for unit, scale in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if n_bytes >= scale:
            return f"{n_bytes / scale:g} {unit}"
    return count(n_bytes, "byte")


def span_months(value: int) -> str:
    """``36`` -> ``36 months (3 years)``; ``18`` -> ``18 months``."""
    if value % 12 == 0 and value >= 24:
        return f"{value} months ({value // 12} years)"
    return count(value, "month")


def duration(months: int) -> str:
    """``86`` -> ``7 years 2 months``; ``12`` -> ``1 year``; ``0`` -> ``none``."""
    if months <= 0:
        return "none"
    years, rest = divmod(months, 12)
    parts = [count(years, "year")] if years else []
    parts += [count(rest, "month")] if rest else []
    return " ".join(parts)


def short_duration(months: int) -> str:
    """``87`` -> ``7 y 3 m``; ``120`` -> ``10 y``; ``0`` -> ``0`` (for table cells)."""
    if months <= 0:
        return "0"
    years, rest = divmod(months, 12)
    parts = ([f"{years} y"] if years else []) + ([f"{rest} m"] if rest else [])
    return "\u00a0".join(parts).replace(" ", "\u00a0")  # one value: never broken


def window(value: int) -> str:
    """A recency window: ``96`` -> ``8 years``; ``18`` -> ``18 months``."""
    return count(value // 12, "year") if value % 12 == 0 else count(value, "month")


# ------------------------------------------------------------------ days


def local_day(moment: dt.datetime) -> dt.date:
    """The calendar day at ``moment`` where the person is (the local time zone)."""
    return moment.astimezone().date()


_MONTH = re.compile(r"\b(\d{4})-(\d{2})\b(?!-)")


def whole_months(text: str) -> str:
    """Month labels that never break at their hyphen in a browser ("2030-10" with a
    non-breaking hyphen, U+2011): for documents laid out in narrow columns."""
    return _MONTH.sub("\\1\u2011\\2", text)
