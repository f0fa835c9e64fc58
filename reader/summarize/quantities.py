"""The numbers of a sentence as values: amounts, counts, percentages, dates, times, votes.

Two outlets that write `$4.2m`, `$4.2 million`, `4.2 million dollars` and `US$4,200,000` state one
amount; `17%`, `17 per cent` and `17 percent` one share; `Sept. 14`, `September 14th` and
`14 September` one day. Every format is read into the same (kind, unit, value), so that comparing
two outlets' numbers (`disagreements`) sees only differences of value, never of writing. A number
keeps its hedge ("about", "more than", "nearly") and its precision (`90,000` is given to the ten
thousand), since "more than 2,300" and "2,350" do not contradict each other, and "about 90,000"
may be 86,000 rounded. Each quantity also keeps the content words around it (what it counts:
"3,400 cancelled flights"), which is how two sentences' numbers are paired.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.summarize.tokens import content_stem

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
           "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CURRENCY = {"$": "$", "us$": "$", "usd": "$", "dollar": "$", "dollars": "$", "£": "£", "gbp": "£",
             "pound": "£", "pounds": "£", "€": "€", "eur": "€", "euro": "€", "euros": "€", "¥": "¥",
             "yen": "¥", "c$": "C$", "a$": "A$"}
_SPELLED = {w: n for n, w in enumerate("two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(), start=2)}
_SPELLED["dozen"] = 12

# Units of measure after a count, to one name each: "16-hour", "14 hours" and "14 hrs" are hours; "seven
# hours" and "seven days" are different quantities and never compared.
_MEASURES = {"second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour", "hr": "hour",
             "day": "day", "week": "week", "month": "month", "year": "year", "yr": "year", "decade": "decade",
             "mile": "mile", "km": "km", "kilometre": "km", "kilometer": "km", "metre": "metre", "meter": "metre",
             "foot": "foot", "feet": "foot", "ft": "foot", "inch": "inch", "inche": "inch", "acre": "acre",
             "hectare": "hectare", "mg": "mg", "milligram": "mg", "gram": "g", "kg": "kg", "kilogram": "kg",
             "lb": "lb", "ton": "tonne", "tonne": "tonne", "gallon": "gallon", "litre": "litre", "liter": "litre",
             "mph": "mph", "degree": "degree", "terabyte": "TB", "tb": "TB", "gigabyte": "GB", "gb": "GB"}
_MEASURE = re.compile(r"[\s-]*(?P<square>square[\s-]+)?(?P<word>[A-Za-z]+)(?P<old>-old|\s+old)?\b")

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PATTERN = re.compile(
    rf"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)"
    rf"|(?P<md>\b(?P<mdm>{_MONTH})\.?\s+(?P<mdd>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy>(?:19|20)\d\d)\b)?)"
    rf"|(?P<dm>\b(?P<dmd>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{_MONTH})\b\.?(?:,?\s+(?P<dmy>(?:19|20)\d\d)\b)?)"
    r"|(?P<time>\b(?P<th>[01]?\d)(?::(?P<tm>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?)"
    r"|(?P<score>(?<![\w.,-])(?P<s1>\d{1,3})[-–](?P<s2>\d{1,3})(?![\w.,-]*\d))"
    rf"|(?P<amount>(?<![\w.,-])(?P<cur>US\$|C\$|A\$|[$£€¥]|(?:USD|GBP|EUR)\s?)?(?P<num>{_NUMBER})(?!st\b|nd\b|rd\b|th\b)"
    r"(?P<scale>\s?-?(?:thousand|million|billion|trillion)\b|(?:k|m|mn|mln|b|bn|tn)\b)?"
    r"(?P<after>\s?(?:%|per\s?cent\b|percent\b|percentage[\s-]points?\b)"
    r"|\s(?:US\s)?(?:dollars?|euros?|pounds?(?:\ssterling)?|yen|USD|GBP|EUR)\b)?(?![\w,]*\d))"
    rf"|(?P<spelled>\b(?P<word>{'|'.join(_SPELLED)})(?P<wscale>\s(?:thousand|million|billion)\b)?(?=[\s-]+[A-Za-z])(?!-(?:thirds?|quarters?|halves|half|fifths?|tenths?)\b))",
    re.IGNORECASE,
)
_HEDGES = [(re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE), hedge) for words, hedge in (
    ("about|around|roughly|approximately|some|nearly|almost|close to|an estimated|estimated|circa|approx\\.", "about"),
    ("more than|over|at least|upwards of|in excess of|just over|north of|after|shortly after|just after|since", "over"),
    ("fewer than|less than|under|up to|just under|no more than|as many as|as much as|before|shortly before|"
     "just before|by", "under"),
)]
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d\S*|[,.;:()!?—–\"“”]")
_CLAUSE = frozenset(",.;:()!?—–\"“”")
MAX_VALUE = 1e18  # larger "numbers" are serial numbers, hashes or junk, not quantities
CONTEXT_AFTER = 3  # content words after a number that say what it counts ("3,400 cancelled Corvane flights")
CONTEXT_BEFORE = 2  # and before it ("bringing the total to 3,400")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number of a sentence, read into a value that does not depend on how it was written."""

    kind: str  # "money", "percent", "count", "date", "year", "time", "score"
    unit: str  # currency ("$", "£"), "points" for percentage points, else ""
    value: float | tuple[int, ...]  # amounts in units (4.2e6); a date as (month, day); a score as (9, 4)
    text: str  # as written
    start: int  # character offsets in the sentence
    end: int
    hedge: str = ""  # "", "about", "over", "under"
    step: float = 1.0  # the place of its last written digit: 90,000 -> 10,000; 1.4 million -> 100,000
    context: frozenset[str] = frozenset()  # stemmed content words beside it

    @property
    def label(self) -> str:
        """The value in one canonical form, so outlets' different formats read alike in a listing."""
        return canonical(self)


def _step(digits: str, scale: float, hedged: bool) -> float:
    """How precisely a number was written: the value of its last digit, or for a round number said to be
    approximate ("about 90,000") of its last non-zero digit; a bare "$30m" is taken at its word, to the
    million, and so is a bound ("more than $30m")."""
    digits = digits.replace(",", "")
    if "." in digits:
        return scale / 10 ** len(digits.split(".")[1])
    zeros = len(digits) - len(digits.rstrip("0")) if hedged else 0
    return scale * 10 ** min(zeros, len(digits) - 1)


def _amount(m: re.Match[str], hedged: bool) -> tuple[str, str, float, float] | None:
    """kind, unit, value and step of a written amount, or None when it is not a quantity (a year is one)."""
    digits = m.group("num")
    scale_word = (m.group("scale") or "").strip(" -").lower()
    scale = _SCALES.get(scale_word, 1.0)
    after = " ".join((m.group("after") or "").lower().split())
    currency = (m.group("cur") or "").strip().lower()
    value = float(digits.replace(",", "")) * scale
    if not value < MAX_VALUE:  # a run of digits hundreds long (or inf) is no amount anyone states
        return None
    step = _step(digits, scale, hedged)
    if after.startswith("percentage"):
        return "percent", "points", value, step
    if after.startswith(("%", "per")):
        return "percent", "", value, step
    if after and not currency:
        words = [w for w in after.split() if w not in ("us", "sterling")]
        currency = words[-1] if words else ""
    if currency:
        return "money", _CURRENCY.get(currency, currency), value, step
    if scale == 1.0 and "," not in digits and "." not in digits and len(digits) == 4 and 1900 <= value <= 2099:
        return "year", "", value, 1.0
    return "count", "", value, step


def _date(month: str, day: str, year: str | None) -> tuple[int, ...] | None:
    d = int(day)
    if not 1 <= d <= 31:
        return None
    return (_MONTHS[month[:3].lower()], d)


def _context(text: str, start: int, end: int) -> frozenset[str]:
    """Content words just after the number and just before it (and its hedge), within the clause."""
    found: set[str] = set()
    for direction, window in ((1, text[end:end + 80]), (-1, text[max(0, start - 60):start])):
        tokens = _WORD.findall(window)
        if direction < 0:
            tokens.reverse()
        taken = 0
        limit = CONTEXT_AFTER if direction > 0 else CONTEXT_BEFORE
        for token in tokens:
            if token in _CLAUSE or taken >= limit or token[0].isdigit():
                break  # a number starts the next quantity's words
            stem = content_stem(token.lower().replace("’", "'").split("'")[0])
            if stem is not None and stem not in _HEDGE_WORDS and token.lower() not in _SPELLED:
                found.add(_root(stem))
                taken += 1
    return frozenset(found)


def _root(stem: str) -> str:
    """A coarser stem for matching the words beside numbers: "live"/"lived", "canceled"/"cancelled"."""
    stem = stem.rstrip("e") or stem
    return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem


_HEDGE_WORDS = frozenset("about around roughly approximately nearly almost estimated more less fewer least "
                         "upwards excess just north shortly per cent percent percentage point "
                         # words of time and measure beside every kind of number: they tell no quantity apart
                         "day year month week hour minut time today yesterday ago last next "
                         "every each all some many most other such".split())


def _hedge(text: str, start: int) -> str:
    before = text[max(0, start - 20):start]
    for pattern, hedge in _HEDGES:
        if pattern.search(before):
            return hedge
    return ""


@lru_cache(maxsize=65536)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every number of `text` with its value, in order of appearance (cached: outlets repeat sentences)."""
    found: list[Quantity] = []
    for m in _PATTERN.finditer(text):
        start, end = m.span()
        kind: str
        unit = ""
        step = 1.0
        value: float | tuple[int, ...]
        if m.group("iso"):
            kind, value = "date", (int(m.group("im")), int(m.group("id")))
        elif m.group("md") or m.group("dm"):
            md = bool(m.group("md"))
            parsed = _date(m.group("mdm" if md else "dmm"), m.group("mdd" if md else "dmd"),
                           m.group("mdy" if md else "dmy"))
            if parsed is None:
                continue
            kind, value = "date", parsed
        elif m.group("time"):
            hour = int(m.group("th")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
            if int(m.group("th")) > 12:
                continue
            kind, value = "time", float(hour * 60 + int(m.group("tm") or 0))
        elif m.group("score"):
            kind, value = "score", (int(m.group("s1")), int(m.group("s2")))
        elif m.group("amount"):
            read = _amount(m, _hedge(text, start) == "about")
            if read is None:
                continue
            kind, unit, value, step = read
        else:
            scale = _SCALES.get((m.group("wscale") or "").strip().lower(), 1.0)
            kind, value, step = "count", float(_SPELLED[m.group("word").lower()]) * scale, scale
        after = end
        if kind == "count":
            unit, after = _measure(text, end)
        found.append(Quantity(kind, unit, value, m.group().strip(), start, end, _hedge(text, start), step,
                              _context(text, start, after)))
    return tuple(found)


def _measure(text: str, end: int) -> tuple[str, int]:
    """The unit of measure right after a count ("square mile", "hour", "age" for "41-year-old"), else "",
    and where the words after it begin."""
    m = _MEASURE.match(text, end)
    if not m:
        return "", end
    word = m.group("word").lower()
    unit = _MEASURES.get(word) or _MEASURES.get(word[:-1] if word.endswith("s") else word)
    if unit is None:
        return "", end
    if m.group("old") and unit == "year":
        return "age", m.end()
    return (f"square {unit}" if m.group("square") else unit), m.end()


def canonical(q: Quantity) -> str:
    """`$4.2 million`, `17%`, `3,400`, `Sept. 14`, `4:40 p.m.`, `9-4`: one way to write each value."""
    if isinstance(q.value, tuple):
        if q.kind == "date":
            month = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[q.value[0] - 1]
            return f"{month} {q.value[1]}"
        return "-".join(str(v) for v in q.value)
    v = q.value
    if q.kind == "time":
        hour, minute = divmod(int(v), 60)
        return f"{(hour - 1) % 12 + 1}:{minute:02d} {'p.m.' if hour >= 12 else 'a.m.'}"
    if q.kind == "year":
        return str(int(v))
    text = _number(v)
    if q.kind == "percent":
        return f"{text} percentage points" if q.unit == "points" else f"{text}%"
    if q.kind == "money":
        if abs(v) < 1e6 and v != int(v):  # $9.50, not $9.5: cents are written with two digits
            text = f"{v:,.2f}" if round(v, 2) == v else text
        return f"{q.unit}{text}"
    if q.kind == "count" and q.unit:
        if q.unit == "age":
            return f"age {text}"
        *square, word = q.unit.split()
        return " ".join([text, *square, _PLURAL.get(word, word) if v != 1 else word])
    return text


_PLURAL = {w: w + "s" for w in "second minute hour day week month year decade mile inch acre hectare tonne gallon "
           "litre degree".split()} | {"foot": "feet", "inch": "inches"}


def _number(v: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{_plain(v / size)} {word}"
    return _plain(v)


def _plain(v: float) -> str:
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.6f}".rstrip("0").rstrip(".")
