"""Numeric mentions: counts, money, percentages, areas, lengths, ranks, ratios.

Works on the normalised view of a document (markdown emphasis and escapes
removed, unusual spaces folded), so ``\\$16 million`` and ``**42,000**`` read
as plain text. Offsets are view offsets; the caller maps them back.

A qualifier in front of a figure turns it into an interval:
about/around (tolerance of one unit of the last stated digit), over/more than
(open lower bound), at least (closed lower bound), up to/no more than (a cap:
the cap is the fact compared), nearly/close to (just below).
"""
from __future__ import annotations

import bisect
import dataclasses
import math
from functools import lru_cache

import regex

from hklint.extract.prefilter import may_end_with
from hklint.model import Interval, Mention

# Words that stand for numbers when they count something ("six research
# centres"). "one" is left out: "one-stop", "one country" are not counts.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}

SCALES = {
    "thousand": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
    "m": 1e6, "k": 1e3, "b": 1e9,  # "£335m", "$50k", "$2b" (after a currency only)
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "lakh crore": 1e12, "lakh crores": 1e12,
}

# Qualifier phrases, longest first inside each group, mapped to their kind.
QUALIFIERS = {
    "about": "approx", "around": "approx", "approximately": "approx",
    "approx.": "approx", "roughly": "approx", "some": "approx",
    "an estimated": "approx", "estimated": "approx",
    "over": "above", "more than": "above", "above": "above",
    "exceeding": "above", "in excess of": "above", "upwards of": "above",
    "at least": "atleast", "no less than": "atleast", "not less than": "atleast",
    # "crosses 750 million", "hit 500 homicides": a mark passed, the count at least that
    "crossed": "atleast", "crosses": "atleast", "surpassed": "atleast", "surpasses": "atleast",
    "topped": "atleast", "tops": "atleast", "hit": "atleast", "hits": "atleast",
    "surpassed an estimated": "atleast", "exceeded": "above", "exceeds": "above",
    "surges past": "atleast", "surged past": "atleast", "soared past": "atleast", "soars past": "atleast",
    "went past": "atleast", "goes past": "atleast", "passed": "atleast", "passes": "atleast",
    "a minimum of": "atleast", "minimum of": "atleast",
    "up to": "cap", "no more than": "cap", "not more than": "cap",
    "a maximum of": "cap", "maximum of": "cap", "at most": "cap",
    "capped at": "cap", "maximum": "cap",
    "nearly": "below", "close to": "below", "almost": "below",
    "just under": "below", "nearing": "below",
    "less than": "under", "fewer than": "under", "under": "under", "below": "under",
}

_QUAL_ALT = "|".join(
    regex.escape(q).replace(r"\ ", r"\s+")
    for q in sorted(QUALIFIERS, key=len, reverse=True)
)

# One numeric mention. Thousands separators are "," or a single space with
# groups of exactly three digits ("42,000", "42 000", "1 100"); the look-behind
# stops a match from starting inside a longer number or an identifier. The
# look-ahead of first characters (a currency's or a digit) is implied by the
# rest: tested first, it spares the look-behind at most positions (25% faster).
# A unit after a figure (the verbose text of a group, shared by NUMBER and WORD_TAIL)
_UNIT = r"""
    (?P<unit>(?i:
        \s?%
      | \s?per\s?cent\b
      | \s(?:basis\s+points?|bps|bp)\b
      | -?\s?(?:square\s+metres|square\s+meters|sq\.?\s?m\b|m2\b|m²)
      | -?\s?(?:hectares?|ha\b)
      | -?\s?acres?\b
      | -?\s?(?:square\s+(?:kilomet(?:re|er)s?|km\b)|sq\.?\s?km\b|km2\b|km²)
      | -?\s?(?:square\s+(?:feet|foot)|sq\.?\s?(?:ft|feet)\b\.?|ft2\b|ft²)
      | -?\s?(?:square\s+miles?|sq\.?\s?mi\b\.?)
      | -?\s?(?:kilometres|kilometers|km\b|miles?\b|mi\b)
      | -?\s?(?:[kMGT]Wp?\b|[kMGT]Wh\b|(?:kilo|mega|giga|tera)[Ww]att[s-]?(?:\s?hours?)?\b|(?:Kilo|Mega|Giga|Tera)[Ww]atts?\b)
      | -?\s?(?:(?:mega|kilo)?lit(?:re|er)s?\b|M[Ll]\b|cubic\s+met(?:re|er)s\b|m3\b|m³|(?:US\s+)?gallons?\b)
      | \s(?:euros?|yuan|yen|renminbi|U\.?S\.?\s+dollars|Hong\s+Kong\s+dollars|Singapore\s+dollars)\b
      # "26 billion pounds", "£5 million pounds sterling"; not "2 billion pounds of plastic" (a weight)
      | \s(?:pounds?\s+sterling|(?<=(?:illion|thousand)\s)pounds(?!\s+(?:of|per|a|an|each)\b))\b
    ))?
"""
NUMBER = regex.compile(
    r"""
    (?=[\dHURCEGSANMI$€£¥₹])
    (?<![\w.,/)\[-]|\d\ |\w\()                         # not inside an identifier ("CB(1)868/20-21(02)") or a note mark ("[1]")
    (?P<cur>(?:HK|US|SG|S|A|C|NZ|NT|MOP)\$\ ?|\$US\ ?|(?:RMB|CNY|EUR|HKD|USD|GBP|SGD|AUD|JPY|INR)\s?|Rs\.?\ ?|\$|€|£|¥|₹\ ?)?
    (?(cur)|(?<![\w.,/)\[-]|\d\ |\w\())                # "RMB620 million": a currency may touch it
    (?P<num>
        \d{1,3},\d{1,2}(?=\s?(?:%|per\s?cent\b|(?i:million|billion|trillion)\b))  # "35,1%", "14,5 million": a decimal comma
      | \d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,]\d)    # "32,36,63,297": lakh grouping
      | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)
      | \d{1,3}(?:\ \d{3})+(?:\.\d+)?(?!\d)
      | \d+(?:\.\d+|[½¼¾⅓⅔])?                          # "$6½ billion"
    )
    (?P<plus>\+(?![\d\w]))?                               # "1,800+": more than
    (?:(?:\s|-)?(?P<scale>(?i:thousand|million|billion|trillion|mln|mn|bln|bn|tn|lakh\s+crores?|lakhs?|crores?)|(?<=\d)[mkb])\b)?
    UNIT
    """.replace("UNIT", _UNIT),
    # case-sensitive but for the words (scoped (?i:...)): three times faster
    regex.VERBOSE | regex.V0,
)
# After a number word: "five million hectares", "two billion euros"
WORD_TAIL = regex.compile(
    r"""(?:\s(?P<scale>(?i:thousand|million|billion|trillion))\b)?
    UNIT""".replace("UNIT", _UNIT),
    regex.VERBOSE | regex.V0,
)

# The qualifier in front of a figure, looked up behind each match: keeping it
# out of NUMBER lets the scan skip text without trying every qualifier at
# every position (3x faster).
QUAL_BEFORE = regex.compile(rf"\b(?<![\w-])(?P<qual>{_QUAL_ALT})\s+$", regex.IGNORECASE)  # \b: see NUMBER_WORD
QUAL_WINDOW = 24
# "at 7 p.m.", "10am", "9 a.m.": a time of day after a bare number
CLOCK_AFTER = regex.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", regex.IGNORECASE)
# "presided over", "took over": "over" is the verb's, not a bound on the figure
PHRASAL_OVER = regex.compile(r"\b(?:presid(?:ed|es|ing)|took|takes|taking|taken|handed|hands|handing|ruled|rules"
                             r"|watched|watches|fought|argued|pored|mulled|puzzled|tripped|stumbled|looked|cried)\s+over$",
                             regex.IGNORECASE)
FIRST_BEFORE = regex.compile(r"\bfirst\s+$", regex.IGNORECASE)
# The last word of each qualifier: the window before a figure ends with one
# (and white space) or QUAL_BEFORE cannot match (hklint.extract.prefilter).
_QUAL_LAST_WORDS = tuple(sorted({q.split()[-1] for q in QUALIFIERS}))

# Number words counting something: "six Hong Kong Branches", "eight universities".
# The leading \b spares the rest inside words; before the word's first letter it
# already says that no word character precedes, so only a hyphen is looked for
# behind. The words are grouped by first letter (twice as fast as a flat list);
# the trailing look-ahead admits at most one whole word, so their order does
# not matter.
NUMBER_WORD = regex.compile(
    r"""
    \b(?<!-)(?P<word>t(?:wo|hree|en|welve|hirteen|wenty|hirty)
      |f(?:our|ive|ourteen|ifteen|orty|ifty)|s(?:ix|even|ixteen|eventeen)
      |e(?:ight|leven|ighteen)|n(?:ine|ineteen)|a\s+dozen)(?![\w-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

PERCENT_AFTER = regex.compile(r"\s?(?:%|per\s?cent\b|percent\b)", regex.IGNORECASE)

# World No.7, No. 1, "ranked 11th" are ranks, not counts.
RANK = regex.compile(r"\bNo\.\s?(?P<num>\d{1,3})\b|\b(?P<num>\d{1,3})(?:st|nd|rd|th)\b|#\s?(?P<num>\d{1,3})\b")

# Ratios such as "1:2", "56:44", "2(Government):1(enterprise)" are not counts.
# A clock time ("09:23:02") is taken whole, never read as figures.
RATIO = regex.compile(r"\d+(?:\s*\([^)]{1,30}\))?\s?:\s?\d+(?::\d\d)*")

# a capitalised word inside a sentence (after a lower-case word or a comma), then the figure
MODEL_BEFORE = regex.compile(r"(?<=[a-z,][ \t]+)(?!(?:January|February|March|April|May|June|July|August|September"
                             r"|October|November|December|No|Top|Class|Grade|Level|Phase|Stage|Year)\b)"
                             r"[A-Z][a-z]{2,}[ \t]$")
PLURAL_AFTER = regex.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+)?[a-z][\w-]*[^s\W]?s\b")
_SPACE = regex.compile(r"\s+")
_DASH_SPACE = regex.compile(r"[\s-]+")

CURRENCIES = {
    "hk$": "HKD", "$": "$", "us$": "USD", "$us": "USD", "rmb": "CNY", "cny": "CNY",
    "€": "EUR", "eur": "EUR", "£": "GBP", "¥": "CNY",
    "euro": "EUR", "euros": "EUR", "yuan": "CNY", "renminbi": "CNY",
    "pounds": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
    "us dollars": "USD", "hong kong dollars": "HKD",
    "hkd": "HKD", "usd": "USD", "gbp": "GBP", "u.s. dollars": "USD",
    "s$": "SGD", "sg$": "SGD", "sgd": "SGD", "singapore dollars": "SGD", "a$": "AUD", "aud": "AUD",
    "c$": "CAD", "nz$": "NZD", "nt$": "TWD", "mop$": "MOP", "yen": "JPY", "jpy": "JPY",
    "rs": "INR", "rs.": "INR", "₹": "INR", "inr": "INR",
}
# ISO 4217 codes of the currencies a text may name in capitals ("HKD 153
# billion"): a code is a unit, never the name of what owns a figure.
CURRENCY_CODES = frozenset("AUD CAD CHF CNY EUR GBP HKD INR JPY MOP NZD RMB SGD TWD USD".split())
# Words of measure a figure is counted in, never a name that owns it ("31.42 MT", "1.4 million bpd")
MEASURE_WORDS = frozenset("mt mmt lmt tonne tonnes ton tons bpd barrels lakh lakhs crore crores kg".split())


def _unit_of(unit: str) -> tuple[str, str, float]:
    """(kind, unit, factor to the canonical unit) for a unit suffix."""
    u = _DASH_SPACE.sub(" ", unit.strip().lower()).strip()
    if u in ("%", "per cent", "percent", "percentage"):
        return "percent", "percent", 1.0
    if u in ("basis points", "basis point", "bps", "bp"):
        return "percent", "percent", 0.01  # "18 basis points" is 0.18%
    if u in CURRENCIES:
        return "money", CURRENCIES[u], 1.0
    quantity = _pint_quantity(u)
    if quantity is None:
        return "count", "", 1.0
    return quantity


def is_unit_word(text: str) -> bool:
    """"GW", "GigaWatts", "TWh", "hectares", "HKD": a unit, never a name that owns a figure."""
    t = _DASH_SPACE.sub(" ", text.strip().lower()).strip()
    return t in _UNIT_NAMES or t.upper() in CURRENCY_CODES or t in MEASURE_WORDS


@lru_cache(maxsize=64)
def _pint_quantity(u: str) -> tuple[str, str, float] | None:
    """Areas, lengths, power and energy through pint, converted to square metres,
    metres, watts and watt-hours."""
    name = _UNIT_NAMES.get(u)
    if name is None:
        return None
    from hklint.units import conversion

    return conversion(name)


# Unit words, as found after a figure (lower-cased), and their pint names.
_UNIT_NAMES = {
    "square metres": "m**2", "square meters": "m**2", "sq m": "m**2",
    "sq. m": "m**2", "sq.m": "m**2", "sqm": "m**2", "m2": "m**2", "m²": "m**2",
    "hectare": "hectare", "hectares": "hectare", "ha": "hectare",
    "acre": "acre", "acres": "acre",
    "square kilometres": "km**2", "square kilometers": "km**2",
    "km2": "km**2", "km²": "km**2", "square kilometre": "km**2", "square kilometer": "km**2",
    "square km": "km**2", "sq km": "km**2", "sq. km": "km**2", "sq.km": "km**2", "sqkm": "km**2",
    "kilometres": "km", "kilometers": "km", "km": "km",
    "square feet": "ft**2", "square foot": "ft**2", "sq ft": "ft**2", "sq. ft": "ft**2",
    "sq.ft": "ft**2", "sq ft.": "ft**2", "sq. ft.": "ft**2", "sqft": "ft**2", "sq feet": "ft**2",
    "sq. feet": "ft**2", "ft2": "ft**2", "ft²": "ft**2",
    # volumes ("641 million litres a day", "50 ML", "35 cubic metres")
    "litre": "liter", "litres": "liter", "liter": "liter", "liters": "liter",
    "megalitre": "megaliter", "megalitres": "megaliter", "megaliter": "megaliter", "megaliters": "megaliter",
    "ml": "megaliter", "kilolitre": "kiloliter", "kilolitres": "kiloliter",
    "cubic metres": "m**3", "cubic meters": "m**3", "m3": "m**3", "m³": "m**3",
    "gallon": "gallon", "gallons": "gallon", "us gallon": "gallon", "us gallons": "gallon",
    "square miles": "mi**2", "square mile": "mi**2", "sq mi": "mi**2", "sq. mi": "mi**2",
    "sq mi.": "mi**2", "sq. mi.": "mi**2",
    "mile": "mi", "miles": "mi", "mi": "mi",
    # power and energy ("1.9 GW of solar capacity", "35.2 terawatt-hours"); peak
    # watts (GWp) are watts of rated capacity
    "kw": "kW", "mw": "MW", "gw": "GW", "tw": "TW", "kwp": "kW", "mwp": "MW", "gwp": "GW",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "kilowatt": "kW", "kilowatts": "kW", "megawatt": "MW", "megawatts": "MW",
    "gigawatt": "GW", "gigawatts": "GW", "terawatt": "TW", "terawatts": "TW",
    "kilowatt hour": "kWh", "kilowatt hours": "kWh", "megawatt hour": "MWh", "megawatt hours": "MWh",
    "gigawatt hour": "GWh", "gigawatt hours": "GWh", "terawatt hour": "TWh", "terawatt hours": "TWh",
}


# Vulgar fractions after whole digits ("$6½ billion") and their values
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def _digits(num: str) -> float:
    if num[-1] in FRACTIONS:
        return float(num[:-1]) + FRACTIONS[num[-1]]
    if DECIMAL_COMMA.fullmatch(num):
        return float(num.replace(",", "."))  # "35,1" before a percent sign
    return float(num.replace(",", "").replace(" ", ""))


DECIMAL_COMMA = regex.compile(r"\d{1,3},\d{1,2}")


def precision_unit(num: str) -> float:
    """One unit of the last stated non-zero digit: 460 -> 10, 4,700 -> 100, 1.03 -> 0.01."""
    if num[-1] in FRACTIONS:
        return 0.25  # "6½": stated to a fraction of a unit
    clean = num.replace(",", ".") if DECIMAL_COMMA.fullmatch(num) else num.replace(",", "").replace(" ", "")
    if "." in clean:
        return 10 ** -len(clean.split(".")[1])
    stripped = clean.rstrip("0")
    zeros = len(clean) - len(stripped)
    return 10 ** zeros if stripped else 1


def qualified_interval(value: float, kind: str, unit_size: float) -> Interval:
    """The set of values a qualified figure admits."""
    if kind == "approx":
        # one unit of the last stated digit, within 2%..10% of the value
        tol = min(max(unit_size, abs(value) * 0.02), abs(value) * 0.1) or unit_size
        return Interval(value - tol, value + tol)
    if kind == "above":
        return Interval(value, None, False, True)
    if kind == "atleast":
        return Interval(value, None, True, True)
    if kind == "cap":
        return Interval(0.0, value, True, True)
    if kind == "below":
        return Interval(value - max(unit_size, abs(value) * 0.05), value, True, False)
    if kind == "under":
        return Interval(0.0, value, True, False)
    return Interval.point(value)


def find_numbers(view: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every numeric mention in ``view[start:end]``, sorted by offset."""
    end = len(view) if end is None else end
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in RATIO.finditer(view, start, end):
        taken.append(m.span())
    for m in _ranks(view, start, end):
        num = m.group("num")
        value = float(num)
        mentions.append(Mention("rank", m.start(), m.end(), m.group(0), value,
                                Interval.point(value), "rank"))
        taken.append(m.span())
    taken.sort()
    taken_starts = [a for a, _b in taken]
    for m in NUMBER.finditer(view, start, end):
        num_start = m.start("num")
        k = bisect.bisect_right(taken_starts, num_start) - 1
        if k >= 0 and num_start < taken[k][1]:
            continue  # inside a ratio or a rank
        mention = _number_mention(view, m)
        if mention is not None:
            mentions.append(mention)
    for m in _number_words(view, start, end):
        word = _SPACE.sub(" ", m.group("word").lower())
        value = float(NUMBER_WORDS.get(word.replace("a ", ""), 0))
        qual_text, start_at = _qualifier(view, m.start())
        cent = PERCENT_AFTER.match(view, m.end())
        if cent:  # "just six per cent"
            mentions.append(Mention("percent", start_at, cent.end(), view[start_at:cent.end()], value,
                                    qualified_interval(value, QUALIFIERS.get(qual_text, ""), 1), "percent",
                                    qualifier=qual_text))
            continue
        tail = WORD_TAIL.match(view, m.end(), end)
        if tail is not None and (tail.group("scale") or tail.group("unit")):
            # "almost five million hectares", "two million people"
            kind, unit, factor = _unit_of(tail.group("unit")) if tail.group("unit") else ("count", "", 1.0)
            scale = (tail.group("scale") or "").lower()
            multiplier = SCALES.get(scale, 1.0) * factor
            stop = tail.end("unit") if tail.group("unit") else tail.end("scale")
            mentions.append(Mention(kind, start_at, stop, view[start_at:stop], value * multiplier,
                                    qualified_interval(value * multiplier, QUALIFIERS.get(qual_text, ""), multiplier),
                                    unit, qualifier=qual_text, scale_word=scale))
            continue
        mentions.append(Mention("count", start_at, m.end(), view[start_at:m.end()], value,
                                qualified_interval(value, QUALIFIERS.get(qual_text, ""), 1), "",
                                qualifier=qual_text))
    mentions.sort(key=lambda x: (x.start, x.end))
    return _ranges(view, _shared_units(view, mentions))


# The last digit of an ordinal ("11th"): where RANK's second branch may end its figure.
_ORDINAL_END = regex.compile(r"\d(?:st|nd|rd|th)\b")


@lru_cache(maxsize=4)
def ordinal_ends(view: str, start: int, end: int) -> tuple[int, ...]:
    """Where ``_ORDINAL_END`` matches in ``view[start:end]``: read here and by
    hklint.extract.ranks (on the same text and bounds, soon after), found once."""
    return tuple(m.start() for m in _ORDINAL_END.finditer(view, start, end))


def _ranks(view: str, start: int, end: int) -> list:
    """``RANK.finditer(view, start, end)``, with RANK tried only where a match
    can start: at "No." and "#" (str.find), and up to two characters before
    the last digit of an ordinal. In order, skipping what a match took, that
    is the scan's result (two thirds of its cost)."""
    places = set()
    for literal in ("No.", "#"):
        at = view.find(literal, start, end)
        while at >= 0:
            places.add(at)
            at = view.find(literal, at + 1, end)
    for at in ordinal_ends(view, start, end):
        places.update(range(max(start, at - 2), at + 1))
    found, pos, match = [], start, RANK.match
    for at in sorted(places):
        if at >= pos:
            m = match(view, at, end)
            if m is not None:
                found.append(m)
                pos = m.end()
    return found


# The number words of NUMBER_WORD but "a dozen", for str.find.
_WORDS = tuple(w for w in NUMBER_WORDS if w not in ("hundred", "dozen"))

# The lower-cased view, made once per document (ranks reads it too).
lowered = lru_cache(maxsize=2)(str.lower)


def _number_words(view: str, start: int, end: int):
    """``NUMBER_WORD.finditer(view, start, end)``, found from the words' places.

    Each word is looked for with str.find in the lower-cased text (several
    hundred MB/s, where the case-insensitive pattern scans at about 30), and
    the pattern is tried only there: its matches are whole words, so they
    neither overlap nor hide one another, and in text order they are what the
    scan finds. Lower-casing finds every place unless the text holds "ſ" or
    "İ" (which IGNORECASE folds to "s" and "i"), and "a dozen" is not one
    word: then the pattern scans."""
    lower = lowered(view)
    if "\u017f" in view or "\u0130" in view or lower.find("dozen", start, end) >= 0:
        return list(NUMBER_WORD.finditer(view, start, end))
    places = set()
    for word in _WORDS:
        at = lower.find(word, start, end)
        while at >= 0:
            places.add(at)
            at = lower.find(word, at + 1, end)
    match = NUMBER_WORD.match
    return [m for m in map(lambda at: match(view, at, end), sorted(places)) if m is not None]


# "from $10 million to $100 million", "between 20 and 30": one figure, a range.
RANGE_OPEN = regex.compile(r"\b(?:from|between)\s+$", regex.IGNORECASE)
# A change is not a range: "doubled from 100 to 150", "rose from 20 to 30".
CHANGE_BEFORE = regex.compile(
    r"\b(?:rose|risen|rising|grew|grown|growing|increased?|increasing|decreased?|decreasing|fell|fallen|falling"
    r"|dropped|dropping|declined|declining|jumped|jumping|climbed|climbing|vault(?:ed|ing|s)?|leap(?:t|ed|ing)?"
    r"|doubled|tripled|trebled|quadrupled|halved|expanded|shrank|went\s+up|went\s+down|up|down"
    r"|rais(?:e|ed|es|ing)|lift(?:ed|s|ing)?|boost(?:ed|s|ing)?|cut(?:s|ting)?|reduc(?:e|ed|es|ing)"
    r"|doubling|revis(?:e|ed|es|ing)|adjust(?:ed|s|ing)?|extend(?:ed|s|ing)?"
    r"|growth|increase|decrease|rise|drop|decline|change[ds]?)\b(?:[^.;]|\.(?=\d))*?\bfrom\s+$",
    regex.IGNORECASE,
)
RANGE_JOIN = regex.compile(r"\s*(?:to|and|-)\s*", regex.IGNORECASE)


# "28,000 and 63,000 square metres", "between 20 and 30 per cent", "HK$2 and
# HK$3 billion": nothing but a conjunction between two figures
SHARED_JOIN = regex.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|to)\s+)", regex.IGNORECASE)
FROM_JUST_BEFORE = regex.compile(r"\bfrom\s+$", regex.IGNORECASE)
FROM_BEFORE_FIGURE = regex.compile(r"\b(?:from|between)\s+(?:\S+\s+){0,2}$", regex.IGNORECASE)
SHARED_KINDS = frozenset({"count", "percent", "area", "length", "power", "energy", "volume"})


def _shared_units(view: str, mentions: list[Mention]) -> list[Mention]:
    """A figure written bare before a conjunction and a figure with a unit has
    that unit ("28,000 and 63,000 square metres": both areas), and the words
    after the second say what both are ("120,000 and 45,000 passengers").

    A scale word is shared only by a figure too small to stand without one
    ("between 2 and 3 million", "HK$2 and HK$3 billion"). Read right to left,
    so a list ("10, 20 and 30 per cent") shares along its length.
    """
    out = list(mentions)
    for k in range(len(out) - 2, -1, -1):
        a, b = out[k], out[k + 1]
        if b is None or a.qualifier == "range" or b.kind not in SHARED_KINDS | {"money"} \
                or not SHARED_JOIN.fullmatch(view, a.end, b.start):
            continue
        join = view[a.end:b.start].strip().lower()
        if join == "," and not b.tail:
            continue  # a comma joins figures only inside a list that ends in "and" ("10, 20 and 30%")
        if join in (", or", ",or") or (join != "to" and FROM_JUST_BEFORE.search(view, max(0, a.start - 8), a.start)):
            # "an increase of 57 500, or 0.8%": the same change restated; "down
            # from 124 and 2,703 waiting ...": a former value, then another clause
            continue
        if b.kind == "percent" and a.value > 100:
            continue  # "57 500 or 0.8 per cent": a count beside its share
        small = a.value < 1000
        # "from 5 595 to 7 200 in 2024/25": the first figure of a change shares
        # the unit, never the words after the second (its period is another)
        change = join == "to"
        tail = 0 if change else b.reads_from
        if a.kind == b.kind and a.unit == b.unit and a.kind in ("money", "count") \
                and (a.scale_word or not b.scale_word or not small):
            if not change:
                out[k] = dataclasses.replace(a, tail=tail)  # units agree: the words are shared
            continue
        if a.kind == "money" and b.kind == "money" and a.unit == b.unit:
            scale = SCALES[b.scale_word]
        elif a.kind == "count" and not a.unit and not a.scale_word and b.kind != "money" \
                and any(ch.isdigit() for ch in a.text):
            scale = SCALES[b.scale_word] if b.scale_word and small else 1.0
            if b.kind != "count":
                scale *= _factor(view, b)
        else:
            continue
        a = dataclasses.replace(a, kind=b.kind, unit=b.unit, value=a.value * scale,
                                interval=a.interval.scaled(scale), tail=tail,
                                scale_word=b.scale_word if small and b.scale_word else a.scale_word)
        if change and b.qualifier != "range" and a.value < b.value \
                and not FROM_BEFORE_FIGURE.search(view, max(0, a.start - 40), a.start):
            # "some 10 to 20 percent", "(+1 to 4%)": one figure, a range ("from 10 to
            # 20 per cent" is left to _ranges, which knows a change from a range)
            a = Mention(b.kind, a.start, b.end, view[a.start:b.end], a.value,
                        Interval(a.value, b.interval.high if b.interval.high is not None else b.value),
                        b.unit, qualifier="range", scale_word=b.scale_word)
            out[k + 1] = None
        out[k] = a
    return [m for m in out if m is not None]


def _factor(view: str, b: Mention) -> float:
    """The factor from the unit as written to the canonical one ("hectares" -> m**2)."""
    m = NUMBER.search(view, b.start, b.end)
    if m is None or not m.group("unit"):
        return 1.0
    return _unit_of(m.group("unit"))[2]


def _ranges(view: str, mentions: list[Mention]) -> list[Mention]:
    """Merge two figures of one unit written as a range into one interval.

    Only a range written right after "from"/"between", with nothing but "to"/
    "and" between the figures: "grew from 138 in 2016 to 468" is a change,
    not a range, and stays two figures.
    """
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if (b is not None and a.kind == b.kind and a.unit == b.unit and not a.qualifier
                and not b.qualifier and a.kind != "rank"
                and RANGE_JOIN.fullmatch(view, a.end, b.start)
                and RANGE_OPEN.search(view, max(0, a.start - 10), a.start)
                and not CHANGE_BEFORE.search(view, max(0, a.start - 80), a.start)
                and a.value < b.value):
            out.append(Mention(a.kind, a.start, b.end, view[a.start:b.end], a.value,
                               Interval(a.value, b.value), a.unit, qualifier="range",
                               scale_word=b.scale_word))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _qualifier(view: str, start: int) -> tuple[str, int]:
    """The qualifier just before ``start`` and where the mention then starts."""
    lo = max(0, start - QUAL_WINDOW)
    q = QUAL_BEFORE.search(view, lo, start) if may_end_with(view[lo:start], _QUAL_LAST_WORDS) else None
    if q is None:
        return "", start
    if PHRASAL_OVER.search(view, max(0, q.start("qual") - 16), q.end("qual")):
        return "", start  # "presided over 19 sessions", "took over 30 firms": a verb's particle
    return _SPACE.sub(" ", q.group("qual").lower()), q.start("qual")


def _number_mention(view: str, m: "regex.Match[str]") -> Mention | None:
    num = m.group("num")
    after = view[m.end("num"):m.end("num") + 1]
    if after.isalpha() and m.end() == m.end("num"):
        return None  # "5G", "3D", "18W": part of a name, not a figure
    cur = (m.group("cur") or "").strip()
    scale = _SPACE.sub(" ", (m.group("scale") or "").lower())
    if scale in ("m", "k", "b") and not cur:
        return None  # "100m", "5k": a length, a run, a name; only money takes a one-letter scale
    unit_text = m.group("unit") or ""
    if not cur and " ".join(unit_text.lower().split()) in ("euro", "euros", "yuan", "yen", "renminbi", "pounds",
                                                              "pounds sterling", "pound sterling"):
        cur = unit_text.strip()
        unit_text = ""
    value = _digits(num)
    if not math.isfinite(value):
        return None
    if len(num) == 3 and num.isdigit() and not cur and not scale and not unit_text and not m.group("plus") \
            and MODEL_BEFORE.search(view, max(0, m.start() - 30), m.start()) and not PLURAL_AFTER.match(view, m.end()):
        return None  # "and Boeing 777 equipment": a model's number, part of its name
    if not cur and not scale and not unit_text and CLOCK_AFTER.match(view, m.end(), m.end() + 6):
        return None  # "at 7 p.m. Tuesday", "10am": a time of day
    # A bare four-digit year is a date, not a count; dates are found elsewhere.
    if (not cur and not scale and not unit_text and "," not in num and " " not in num
            and "." not in num and len(num) == 4 and 1900 <= value <= 2100):
        return None
    if cur:
        kind, unit, factor = "money", CURRENCIES.get(cur.lower(), "HKD"), 1.0
    elif unit_text:
        kind, unit, factor = _unit_of(unit_text)
    else:
        kind, unit, factor = "count", "", 1.0
    multiplier = SCALES.get(scale, 1.0) * factor
    size = precision_unit(num) * multiplier
    qual_text, start = _qualifier(view, m.start())
    if m.group("plus") and not qual_text:
        qual_text = "over"  # "1,800+"
    bound = QUALIFIERS.get(qual_text, "")
    if not qual_text and kind == "money" and FIRST_BEFORE.search(view, max(0, m.start() - 7), m.start()):
        # "pop history's first $2 billion tour": a class it was the first to reach
        qual_text, bound = "first", "atleast"
    interval = qualified_interval(value * multiplier, bound, size)
    return Mention(kind, start, m.end(), view[start:m.end()].strip(), value * multiplier,
                   interval, unit, qualifier=qual_text, scale_word=scale)
