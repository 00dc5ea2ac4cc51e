"""Mentions become claims: a figure said about a subject, as of a time.

For each numeric mention the extractor looks, in order, for
1. a *named counted noun* right after a count ("16 State Key Laboratories",
   '42 000 "Wi-Fi.HK" hotspots'): the noun phrase is the subject;
2. an *owner* in the same clause, then the same sentence: a bold name, a
   quoted name, a defined abbreviation or a Title Case name, preferring names
   of programmes and bodies ("... Scheme", "... Fund", "... Corporation")
   nearest to the figure;
3. an *anaphor* ("the Scheme", "this fund") resolved to the previous
   sentence's subject in the same paragraph, or the paragraph's lead-in.
A figure with none of these is not a claim: a wrong pair costs more than a
missed one. The attribute is the counted noun (for counts) or the role words
of the figure (funding per recipient, annual, total, additional, phase ...).
"""
from __future__ import annotations

import bisect
import calendar
from collections import Counter
import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field

import regex

from hklint.analysis import Analysis, analyse
from hklint.canon import canonical
from hklint.dates import parse_period, sentence_tense
from hklint.extract import flat_tables, prefilter, structure, tables
from hklint.extract.numbers import NUMBER_WORDS, find_numbers, is_unit_word
from hklint.extract.ranks import edition_period, find_ranks_and_ratios, rank_scope, ranking_name
from hklint.load import to_original
from hklint.model import GRANULARITIES, Claim, Document, Mention, Period, Subject, Tense, fast_init


# Words that make a name the name of a programme, body, place or platform.
HEAD_WORDS = frozenset(
    """scheme schemes fund funds programme programmes program initiative initiatives
    project projects platform platforms park parks centre centres center centers
    institute institutes hub hubs lab labs laboratory laboratories cluster clusters
    office corporation council committee bureau commission authority academy
    alliance network system index portal zone campus company limited blueprint
    plan strategy statement framework facility facilities node branch branches
    ecosystem city gateway lampposts lamppost"""
    .split()
)

# Names too generic to own a figure: the places and governments every
# sentence is about.
GENERIC = frozenset(
    canonical(n) for n in """the Government|Government|Asia|Asia-Pacific|World|Global|The|This|These|It|In|As|Under
    |I&T|R&D|AI|IT|SMEs|SME|Note|Chapter|Table|Figure|According|Besides|Moreover
    |Furthermore|Since|From|Up|To|With|By|For|Over|About|More|Some|All|Among
    |Our|We|They|Its|Their|Each|Both|Also|Other|First|Second|Third|Source""".split("|")
)

MONTHS = frozenset(
    "january february march april may june july august september october november"
    " december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

# Words in front of a number that make it a label, not a figure.
LABEL_WORDS = tuple(
    "phase stage batch chapter section no number building article paragraph subhead"
    " level page tier grade part note figure table item round step strategy"
    " direction covid version gen top term form cap schedule annex appendix"
    " point group type class category zone area block road street lot line route platform gate"
    " exit pier berth terminal ward district room floor flat unit session season episode".split())
LABEL_BEFORE = regex.compile(r"\b(?:%s)\.?\s*$" % "|".join(LABEL_WORDS), regex.IGNORECASE)

# Words that can end a counted noun phrase or stop it.
NP_STOP = frozenset(
    """in of for from to with by at on under as and or but that which who whose
    are is was were be been being have has had will would shall should can could
    may might must do does did provided set established launched approved
    after before following until via versus throughout
    including such than per each every a an the this these those its their
    our over about up more less nearly around since during between within into
    across through via among while whereas if when where so both also only""".split()
)

# Words a count does not count: durations, adverbs, adjectives left alone.
NOT_COUNTED = frozenset(
    """new more local other different now then here there ago later earlier times
    time year years month months week weeks day days decade decades hour hours
    minute minutes percent per cent respectively each consecutive approx approximately roughly""".split()
)

TIME_UNITS = frozenset("""sec secs second seconds min mins minute minutes hr hrs hour hours day days
    week weeks month months year years decade decades""".split())

# Anaphors that point back at the programme or body just named.
ANAPHOR = regex.compile(
    r"\b(?:the|this|that|these|such)\s+(?:scheme|fund|programme|program|initiative|"
    r"platform|project|centre|center|park|institute|hub|facility|portal|policy|"
    r"company|firm|utility|organisation|organization|corporation|bank|university|college|"
    r"agency|authority|council|service|department|ministry|bureau|operator|group)\b",
    regex.IGNORECASE,
)

# Role words that change what an amount means, each with the words (lower
# case) one of which every match of its pattern holds: a text with none of
# them cannot have the tag, and most texts near a figure have none
# (hklint.extract.prefilter).
ROLE_TAGS = (
    # "24 new flights": added, not the whole ("the new terminal has 20 gates" is no such thing)
    ("additional", regex.compile(r"\b(?:additional|further|extra|another|added|adding|adds)\b|(?<=\d[ \t])new\b", regex.I),
     ("additional", "further", "extra", "another", "add", "new")),
    ("annual", regex.compile(r"\b(?:annual(?:ly)?|per\s+(?:year|annum)|a\s+year(?!\s+(?:earlier|ago|before|later|on))"
                             r"|each\s+year|every\s+year|yearly)\b", regex.I),
     ("annual", "year", "annum")),
    ("total", regex.compile(r"\b(?:in\s+total|total(?:ling|ing|led)?|cumulative(?:ly)?|accumulated|altogether|aggregate)\b", regex.I),
     ("total", "cumulative", "accumulated", "altogether", "aggregate")),
    # "in April" (no year: a month of the document's year), "last month"
    ("monthly", regex.compile(r"\b(?:monthly|per\s+month|a\s+month(?!\s+(?:earlier|ago|before|later))|(?:each|every|last|this|previous)\s+month"
                              r"|in\s+(?-i:January|February|March|April|May|June|July|August|September|October"
                              r"|November|December)(?!\s*,?\s*(?:\d|of\s+\d)))\b", regex.I),
     ("month", "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december")),
    ("quarterly", regex.compile(r"\b(?:quarterly|(?:first|second|third|fourth|last|this|previous)\s+quarter"
                                r"|per\s+quarter|Q[1-4])\b", regex.I),
     ("quarter", "q1", "q2", "q3", "q4")),
    # "It will offer over 20 services initially": the figure at the start
    ("initial", regex.compile(r"\b(?:initially|originally|at\s+(?:its\s+)?(?:launch|inception|the\s+outset)|at\s+first"
                              r"|worst[\s-]case)\b", regex.I),
     ("initially", "originally", "launch", "inception", "outset", "first", "worst")),
    # "accommodating up to 10 people each": a figure per unit, not a total
    ("each", regex.compile(r"\b(?:each|apiece)\b(?=\s*(?:[.,;:)]|$))", regex.I),
     ("each", "apiece")),
    # "the previous record Mega Millions jackpot was $656 million": a former value, its own measure
    ("former", regex.compile(r"\b(?:previous|former|prior|old)\s+(?:all-time\s+)?(?:record|high|peak|best)s?\b", regex.I),
     ("previous", "former", "prior", "old")),
    ("shared", regex.compile(r"\b(?:shared|split|divided)\s+(?:among|between|across)\b", regex.I),
     ("shared", "split", "divided")),
    ("daily", regex.compile(r"\b(?:daily|per\s+day|a\s+day|(?:every|each)\s+day|(?:in|on)\s+(?:a\s+)?(?:single|one)\s+day)\b",
                            regex.I),
     ("daily", "day")),
    # "a $93 million second weekend", "in its first week": one week's figure
    ("weekly", regex.compile(r"\b(?:weekly|per\s+week|a\s+week(?!\s+(?:earlier|ago|before|later))|(?:first|second|third|opening|final|last|this)\s+"
                             r"(?:weekend|week))\b", regex.I),
     ("week",)),
    # "2.5 beds per 1,000 residents", "per capita": a rate, not a count
    ("rate", regex.compile(r"\bper\s+(?:\d[\d,. ]*(?:million|thousand)?\s*\w+|capita|head|hundred|thousand)\b", regex.I),
     ("per",)),
    # "so far the Fund has provided $4 billion": a running sum, not a year's amount
    ("cumulative", regex.compile(r"\b(?:so\s+far|to\s+date|in\s+all(?=\s*(?:[,.;)]|$))|thus\s+far"
                                 r"|since\s+(?:its\s+)?(?:launch|inception|start|opening|founding|establishment|creation)"
                                 r"|since\s+(?:it|they)\s+(?:was\s+|were\s+)?(?:opened|began|started|launched|founded|established))\b",
                                 regex.I),
     ("far", "date", "all", "since")),
    # "a net outflow of 113 200 residents", "an inflow of 18 300": flows, by direction
    ("inflow", regex.compile(r"\b(?:inflows?|in-?migration|influx)\b", regex.I), ("inflow", "migration", "influx")),
    ("outflow", regex.compile(r"\b(?:outflows?|out-?migration|exodus)\b", regex.I), ("outflow", "migration", "exodus")),
    ("net", regex.compile(r"\bnet\s+(?:in|out|gain|loss|increase|decrease|movement|change|flow|migration|addition)", regex.I),
     ("net",)),
)


# What an amount does: invested, attracted, approved ... (just before the figure).
VERB_ROLE = regex.compile(
    r"""\b(?P<verb>invest(?:ed|s|ing|ment)?|attract(?:ed|s|ing)?|approv(?:ed|es|al)
      |allocat(?:ed|es|ion)|inject(?:ed|s|ion)|set\s+aside|earmark(?:ed)?|raise[sd]?
      |spen[dt]|expenditure|turnover|revenue|loans?|credit|profit|sales|cost
      |valu(?:ed|ation)|worth|redeploy(?:ing|ed)?|grant(?:ed|s)?|subsid(?:y|ies|ise[sd]?)
      |funding|fund(?:ed|s)?|budget|provid(?:ed|es|ing)|receiv(?:e|ed|es)
      |deficits?|surplus(?:es)?|debts?|loss(?:es)?|reserves?|assets|income|taxe?s?|dividends?|receipts?
      |request(?:ed|s)?|ask|authori[sz](?:ed|ation|es)|appropriat(?:ed|ion|ions|es))\b
      (?:\W+\w+){0,4}\W*$""",
    regex.VERBOSE | regex.IGNORECASE,
)

VERB_FAMILY = {
    "invest": "invested", "attract": "attracted", "approv": "approved",
    "allocat": "allocated", "inject": "injection", "set": "set-aside", "earmark": "set-aside",
    "raise": "raised", "spen": "spending", "expenditure": "spending", "turnover": "turnover",
    "revenue": "revenue", "loan": "loans", "credit": "credit", "profit": "profit",
    "sale": "sales", "cost": "cost", "valu": "value", "worth": "value", "redeploy": "redeploy",
    "grant": "funding", "subsid": "funding", "funding": "funding", "fund": "funding",
    "budget": "budget", "provid": "funding", "receiv": "funding", "giv": "funding",
    "award": "funding", "offer": "funding", "pa": "funding",
    # what a government or company has, owes or makes: each its own measure
    "deficit": "deficit", "surplus": "surplus", "debt": "debt", "loss": "loss", "reserve": "reserves",
    "asset": "assets", "income": "income", "tax": "tax", "dividend": "dividend", "receipt": "revenue",
    # a budget's stages: asked for, authorised, appropriated (each its own figure)
    "request": "requested", "ask": "requested", "authori": "authorized", "appropriat": "appropriated",
}

# Roles that all say "the money this programme has": one measure, not several.
FUNDING_ROLES = {r: "funding" for r in ("amount", "size", "funding", "allocated", "set-aside", "budget")}

# A verb just after the figure, in the passive: "$8 million is given per year".
VERB_AFTER = regex.compile(
    r"""^\s*(?:is|are|was|were|will\s+be|has\s+been|have\s+been|would\s+be)?\s*(?:also\s+)?
      (?P<verb>given|provided|allocated|granted|awarded|invested|approved|injected|earmarked
      |set\s+aside|paid|offered|received|raised|spent)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# "to each of the six universities", "per university", "to local universities".
RECIPIENT = regex.compile(
    r"""\b(?:to\s+(?:the\s+\w+(?:\s+\w+){0,3}\s+of\s+)?(?:each|every)\s+(?:of\s+the\s+)?|per\s+|for\s+each\s+(?:of\s+the\s+)?|each\s+)
        (?:(?:\w+|[\w-]+)\s+){0,3}?
        (?P<noun>universit(?:y|ies)|start-?ups?|compan(?:y|ies)|enterprises?|projects?
         |institutions?|organisations?|organizations?|schools?|teams?|applicants?|members?
         |persons?|students?|researchers?|households?|firms?|centres?|labs?|laboratories)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Scope words: phase 1 vs full development, batch 1, first phase.
SCOPE = regex.compile(
    r"""\b(?:(?P<kind>phase|stage|batch)\s+(?P<n>\d+|[ivx]+|one|two|three)
      |(?P<ord>first|second|third|fourth)[\s-]+(?P<kind2>phase|stage|batch)
      |upon\s+(?P<full>full\s+development|completion))\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Cues in front of a date that make it the as-of time of the figures near it.
AS_OF_CUE = regex.compile(
    r"""(?:\bas\s+(?:of|at)(?:\s+the\s+end\s+of)?|\bup\s+to|\bby(?:\s+the\s+end\s+of)?
      |\bin|\bduring|\bfor|\bat\s+the\s+end\s+of|\bas\s+at|\bat|\bin\s+the\s+year|\bof|\bon
      |\bfrom|\bsince|\bthrough|\buntil|\bwithin)\s*(?:the\s+)?(?:(?:calendar|its|their)\s+)?
      (?:(?:financial|fiscal|academic|school)\s+)?(?:year\s+)?$""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Dates that open or close a range say nothing of when the text was written.
RANGE_CUE = regex.compile(r"\b(?:from|by|starting|until|till|before|after|within|beyond|through|to)\s+(?:the\s+end\s+of\s+)?$", regex.I)

DIGIT = regex.compile(r"\d")
# a digit that starts a figure: not inside a name ("Covid-19", "A320"), not a day after its month ("November 4")
NUMBER_START = regex.compile(r"(?<![\w-])(?<!\b[A-Z][\w'’-]*\s)\d")

STRONG_CUE = regex.compile(r"\b(?:as\s+(?:of|at)|up\s+to|by)\b", regex.IGNORECASE)

# "the $10 billion Scheme launched in October 2023": the date of an event (a
# launch, an opening, a publication) dates the event, not the figures about
# the thing launched -- unless the figure counts what the event made ("set up
# 30 laboratories in 2020").
EVENT_VERB = regex.compile(
    r"\b(?:launch(?:ed|es)?|established|set\s+up|founded|introduced|announced|promulgated"
    r"|complete[ds]?|open(?:ed|s)?|(?:was|were)\s+(?:officially\s+)?open|commence[ds]?|inaugurated|unveiled"
    r"|released|published|signed|enacted|rolled\s+out)\b",
    regex.IGNORECASE)
EVENT_REACH = 90
COUNTED_WORDS = regex.compile(r"(?:\s+[\w-]+){0,3}\s+")  # up to three words, no punctuation
# "Retrieved November 22, 2024", "as of the cut-off date: 1 February 2023", "Application
# deadline 26 October 2022": dates of reading or of a rule, not of the text
ACCESSED = regex.compile(
    r"\b(?:retrieved|accessed|downloaded|viewed|visited|consulted|archived|cut-?off\s+date|deadline"
    r"|closing\s+date|due\s+date|expiry\s+date|valid\s+(?:until|till|through))\b(?:\s+(?:on|is|of))?[\s:,]*$",
    regex.IGNORECASE)
SINCE_BEFORE = regex.compile(r"\b(?:since|from)\s+(?:the\s+)?(?:end\s+of\s+|mid-|early\s+|late\s+)?$",
                             regex.IGNORECASE)
# The events whose date is history, not the time a text speaks from: a
# founding in May 2001 does not date a page that still describes the body
# (publication verbs are left out: "published on 1 November 2021" may date
# it). See dates.infer_document_date.
HISTORY_VERB = regex.compile(
    r"\b(?:established|founded|set\s+up|incorporated|inaugurated|opened|launched|introduced"
    r"|commenced|enacted|signed|completed|unveiled|rolled\s+out|created|formed|built"
    r"|transferred|merged|acquired|renamed|handed\s+over|relocated|took\s+over"
    r"|began|begun|started|entered|debuted|premiered|kicked\s+off|went\s+live|took\s+effect"
    r"|came\s+into\s+(?:force|operation|service)|launch(?:es|ing)|lift(?:s|ed)\s+off)\b"
    r"(?:(?!\bas\s+(?:at|of)\b)[^.;\d]){0,110}$",
    regex.IGNORECASE)
# "In January 2023, the Port launched a new platform": a fronted date of an event told after it
HISTORY_AFTER = regex.compile(
    r",\s+(?:[^.;,\d]{0,60}?\s)?(?:established|founded|set\s+up|inaugurated|opened|launched|introduced|commenced"
    r"|enacted|signed|completed|unveiled|rolled\s+out|created|formed|began|started|entered|debuted|premiered"
    r"|kicked\s+off|merged|acquired|renamed|announced|revealed|released|published"
    # "On 25 April 2011, HSBC decided to shut down ...": what was done that day
    r"|decided|agreed|closed|shut|sold|bought|exited|withdrew|appointed|elected|approved|voted|filed"
    r"|erupted|struck|occurred|happened)\b",
    regex.IGNORECASE)
PEAK_OR_PAST_PLAN = regex.compile(
    r"(?:\b(?:all-time|record|historic|previous)\s+(?:high|low|peak)|\bpeak(?:ed)?"
    r"|\b(?:would|was\s+(?:supposed|due|expected|scheduled|set)\s+to|were\s+(?:supposed|due|expected|scheduled)\s+to))\b"
    r"[^.;]{0,80}$", regex.IGNORECASE)
# a digit that may be a figure: not one ending a name ("Blueprint 2.0")
FIGURE_DIGIT = regex.compile(r"(?<!\b[A-Z][\w'’-]*\s)(?<![\d.])\d")


# One-word names that are names: acronyms (ITVF), CamelCase (InnoHK, iAM).
DISTINCTIVE = regex.compile(r"(?:[A-Z]{2,}[\w+&@.-]*|[a-z]+[A-Z]\w*|[A-Z]\w*[A-Z@+]\w*)")

# "Digital Corporate Identity (CorpID)": an abbreviation closing a lead-in.
TRAILING_ABBR = regex.compile(r"\(([A-Z][\w&+.-]{1,14})\)\s*$")

# "$3.1 billion in private investment": money attracted.
# "launched in 2015 with £10 million", "an initial injection of": what a fund began with
INITIAL_BEFORE = regex.compile(
    r"(?:\b(?:launched|set\s+up|established|founded|created|started|began)\b[^.;:]{0,40}?\bwith\s+"
    r"(?:an?\s+)?(?:initial\s+|original\s+)?(?:\w+\s+){0,2}?|\b(?:initial(?:ly)?|original(?:ly)?)\b[^.;:]{0,30}?)$",
    regex.IGNORECASE)
COMPARED_TO = regex.compile(
    r"\b(?:equivalent\s+to|the\s+size\s+of|as\s+(?:big|large)\s+as|times\s+(?:the\s+size\s+of|as\s+(?:big|large)\s+as)"
    r"|(?:larger|bigger|smaller)\s+than|compared\s+(?:with|to))\b[^.;,]{0,25}$", regex.I)
BUDGET_STAGE = regex.compile(r"\b(?:request(?:ed|s)?|authori[sz](?:ed|ation)|appropriat(?:ed|ion|ions))\b", regex.I)
ALTERNATIVE = regex.compile(r"\(\s*or\b[^()]{0,120}\bif\b[^()]*\)", regex.IGNORECASE)
CURRENCY_AFTER = regex.compile(r"\s+(?:dollars?|yuan|yen|euros?|pounds?|pesos?|rupees?|ringgits?|won|francs?)\b", regex.I)
EXCHANGE_RATE = regex.compile(r"(?:[A-Z]{0,3}\$|€|£|¥)\s?1\s*=\s*[\d.]+|[\d.]+\s*=\s*(?:[A-Z]{0,3}\$|€|£|¥)\s?1\b")
OUT_OF_BEFORE = regex.compile(r"\b(?:\d+(?:st|nd|rd|th)|No\.\s?\d+|first|second|third|last)\s+(?:out\s+of|among)\s+(?:the\s+)?$",
                           regex.I)
SHARE_BASE_BEFORE = regex.compile(
    r"(?:%|\bper\s?cent|\bpercent)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,5}\(?$", regex.I)
# "1 per cent of GDP", "20 per cent of the gross domestic product": the base of a share.
SHARE_BASE = regex.compile(
    r"\s*of\s+(?:the\s+)?(?:its\s+)?(?P<base>[\w'’ -]{1,60}?)(?=[,.;:()]|\s+(?:in|for|and|to|from|by|while|which)\b|$)")
# What a share restates, said just before it: "a basic deficit of S$5.1 billion, or ...",
# "The spending, representing ...", "fiscal impulse projected at ...".
MEASURED_BEFORE = regex.compile(
    r"\b(?P<noun>[a-z][\w-]*(?:\s+(?!(?:is|was|are|were)\b)[a-z][\w-]*)?)(?:\s+(?:is|was|are|were|has\s+been))?"
    r"(?:\s+of\s+[^,;]{1,30}?,?\s+or|,?\s+(?:representing|amounting\s+to"
    r"|equivalent\s+to|equal\s+to|projected\s+at|estimated\s+at|at|is|was|were|stood\s+at|reached|covers|covered"
    r"|reaches|accounts\s+for|accounted\s+for|makes\s+up|made\s+up))"
    r"\s+(?:about|around|roughly|some|nearly|almost|up\s+to|over|just\s+over)?\s*$")
PART_BEFORE = regex.compile(
    r"\b(?:half|a\s+third|one-third|two-thirds|a\s+quarter|one-quarter|three-quarters|\d+(?:\.\d+)?\s?%"
    r"|\d+(?:\.\d+)?\s?per\s?cent)\s*\(\s*(?:some|about|around|over|nearly)?\s*$", regex.I)
PART_AFTER = regex.compile(r"\s*\)?\s*of\s+(?:it|them|this|these|which|those)\b"
                        # "delivered 68,874 other vehicles", "the remaining 40 staff": the rest, a part
                        r"|[ \t]+(?:other|remaining)[ \t]+[a-z]", regex.I)
# "314,500 students plus 15,000 preschoolers": one part of a whole the sentence adds up
PLUS_AFTER = regex.compile(r",?[ \t]+plus[ \t]+(?:another[ \t]+|a[ \t]+further[ \t]+)?\d", regex.I)
REST_BEFORE = regex.compile(r"\b(?:the\s+)?(?:remaining|other|rest\s+of\s+the)\s+$", regex.I)
# "590 net new stores globally, including 337 Teavana stores": a part of the same kind
INCLUDING_BEFORE = regex.compile(r"\b(?:including|of\s+which|among\s+them)\s+"
                                 r"(?:(?:about|some|around|over|nearly|almost)\s+)?$", regex.I)
ROLE_NOUN_AFTER = regex.compile(
    # "S$51.6 billion deficit", "3.7 billion euros (approximately $4 billion) in revenue",
    # "68 million euros in adjusted operating profit"
    r"\s*\)?\s*(?:\([^)]*\)\s*)?(?:in\s+(?:(?:adjusted|operating|net|gross|total|annual|quarterly|full-year"
    r"|underlying|pre-tax|after-tax|core)\s+){0,3})?"
    r"(?P<noun>deficit|surplus|loss|profit|revenue|debt|investment|spending|expenditure"
    r"|income|dividend|reserves|receipt|sale|earning|turnover)s?\b", regex.I)
# What an amount is, named by the noun it stands before or after
MONEY_NOUNS = {"jackpot": "prize", "prize": "prize", "cash option": "cash option", "lump sum": "cash option",
               "ticket": "price", "fare": "price", "fee": "fee", "fine": "fine", "penalty": "fine",
               "settlement": "settlement", "salary": "salary", "bonus": "bonus", "ransom": "ransom",
               "break up fee": "fee", "breakup fee": "fee", "transfer fee": "fee"}
_MONEY_NOUN = r"(?P<noun>jackpots?|prizes?|cash\s+option|lump[- ]sum|tickets?|fares?|(?:break-?up\s+|transfer\s+)?fees?" \
              r"|fines?|penalty|settlement|salary|bonus|ransom)"
MONEY_NOUN_AFTER = regex.compile(r"\s*\)?\s*(?:[A-Z][\w-]*\s+){0,3}" + _MONEY_NOUN + r"\b")
MONEY_NOUN_BEFORE = regex.compile(_MONEY_NOUN + r"\s+(?:of|was|is|at|worth)\s+(?:(?:about|around|an\s+estimated|some|nearly"
                                  r"|almost|over|more\s+than)\s+)?$", regex.IGNORECASE)
MORE_THAN_AFTER = regex.compile(r"\s*\)?\s*(?:more|less|higher|lower|above|below|over)\s+(?:than\b|the\b)", regex.IGNORECASE)
# "The ticket to enter Machu Picchu costs USD 40", "an entry fee of $20"
PRICE_BEFORE = regex.compile(r"\b(?:tickets?|admission|entry|entrance|fares?|fees?)\b[^.;\d]{0,40}?"
                             r"\b(?:costs?|is|are|was|were|at|of|priced\s+at)\s+(?:(?:about|around|just|only)\s+)?$",
                             regex.IGNORECASE)
SAVING_BEFORE = regex.compile(r"\b(?:sav(?:e|es|ed|ing)|savings\s+of)\s+(?:(?:about|around|some|over|nearly|almost"
                              r"|more\s+than|up\s+to|an\s+estimated)\s+)?$", regex.IGNORECASE)
SAVING_AFTER = regex.compile(r"\s*(?:worth\s+of\s+|in\s+)?savings?\b", regex.IGNORECASE)
# "$200 million in merch sales", "in ticket revenue": money a kind of sales brought in
SALES_AFTER = regex.compile(r"\s*in\s+(?:[a-z][\w-]*\s+){1,2}?(?:sales|revenues?|earnings|turnover)\b")
# "nearly $365 per share", "$9.99 a month": a price, not an amount the owner has
PRICE_AFTER = regex.compile(r"\s*\)?\s*(?:\([^)]*\)\s*)?(?:per|a|each)\s+(?P<what>share|unit|ticket|head|person|barrel|ounce|tonne|ton)\b", regex.I)
RESTATED_BEFORE = regex.compile(
    r"(?:(?:[A-Z]{0,3}\$|€|£|¥)\s?\d[\d,.]*|\d[\d,.]*(?:\s(?:million|billion|trillion))?\s(?:euros?|yuan|yen|pounds|dollars))"
    r"(?:\s?(?:million|billion|trillion|bn|mn|m)\b)?\s*\(\s*(?:approximately|approx\.|about|around|roughly|some|nearly|c\.|~|or)?\s*$")
# "losses to escalate from €39 million in 2021 to ": the second amount of a change is of the first's kind
FROM_TO_BEFORE = regex.compile(r"\bfrom\s+[^.;]{0,40}?\bto\s+$", regex.I)
GIVER_BEFORE = regex.compile(r"\b(?:supported|funded|financed|sponsored|subsidi[sz]ed|backed)\s+by\b", regex.I)
INTO_AFTER = regex.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:(?:is|was|will\s+be)\s+)?(?:injected\s+)?into|(?:capital\s+)?injection)\b",
                        regex.I)
INVESTMENT_AFTER = regex.compile(r"\s*(?:in\s+)?(?:private\s+)?investment", regex.I)

# "90% of the population": what a percentage is a share of.
SHARE_OF = regex.compile(r"\s*(?:of\s+(?:the\s+)?(?:its\s+)?(?P<np>[\w-]+(?:\s+[\w-]+)?))")

SHARE_PREDICATE = regex.compile(
    r"[^,;.]{0,60}?\b(?:were|are|was|is|come|came|hail|hailed)\s+(?:(?:from|in)\s+)?(?:the\s+)?"
    r"(?P<pred>(?!(?:a|an|the|not|also|still|now)\b)[\w&'’-]+"
    r"(?:\s+(?!(?:and|or|while|with|in|from|of|to|for|by|who|which|that)\b)[\w&'’-]+){0,2})",
    regex.IGNORECASE)

# "up 10%", "grew by 6%": a percentage that is a change, not a level.
GROWTH_BEFORE = regex.compile(r"\b(?:up|down|grew|grown|increased?|decreased?|rose|fell|growth|by"
                              r"|declined|declining|decreasing|increasing|shrank|shrunk|shrinking|slipped|slid|dropped"
                              r"|dipped|plunged|plummeted|tumbled|sank|falling|dropping|climbed|jumped|surged|soared|rising"
                              r"|(?:an?\s+)?(?:increase|decrease|rise|drop|fall|decline|jump|growth|change)\s+of)"
                              r"\s*(?:by\s+)?(?:about\s+)?$", regex.I)
# "3% more than the year before", "the 60% jump", "a 4% increase"
GROWTH_AFTER = regex.compile(r"\s*(?:more|less|fewer|higher|lower|up|down|increase|decrease|rise|drop|fall"
                             r"|decline|jump|growth|gain|loss)\b", regex.I)

DOWNWARD = regex.compile(r"\b(?:down|decreased?|decrease|decreasing|fell|fall|falling|drop|dropped|dropping|declined?"
                         r"|declining|shr[au]nk|shrinking|slipped|slid|dipped|plunged|plummeted|tumbled|sank|less|fewer"
                         r"|lower|loss)\b", regex.I)
# The period a change is measured from: "up 1% from mid-2018", "12.9% over 2009",
# "10% higher than in 2023", "compared with 2019".
BASE_PERIOD = regex.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:from|over|on|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:that\s+of\s+|in\s+|at\s+)?"
    r"(?:the\s+)?(?P<period>(?:(?:end|mid|early|late)[\s-]+)?(?:[A-Za-z]+\s+)?(?:19|20)\d\d(?:[-/]\d\d)?)\b",
    regex.I)

# What power or energy measures: "of (new) solar capacity", "of wind power".
MEASURED_OF = regex.compile(r"\s+of\s+(?:the\s+)?(?P<np>[A-Za-z][\w-]*(?:\s+(?!(?:in|to|for|by|and|at|on|from|was|were|is|are)\b)[A-Za-z][\w-]*){0,3})")

# What an area measures: "13 000 square metres of gross floor area".
AREA_NOUN = regex.compile(r"\s*(?:of\s+)?(?P<np>(?:additional\s+|gross\s+|net\s+|usable\s+|site\s+|land\s+)*(?:floor\s+area|floor\s+space|space|land|site\s+area|area|gross\s+floor\s+area))?", regex.I)


@dataclass
class Extraction:
    """What one document yields: claims, abbreviation definitions, dated mentions."""

    claims: list[Claim] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    periods: list[tuple[Period, Tense]] = field(default_factory=list)


@fast_init
@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    text: str
    source: str  # bold, quoted, defined, title-case

    @property
    def key(self) -> str:
        return canonical(self.text)


def extract(doc: Document, analysis: Analysis | None = None) -> Extraction:
    """All claims of one document. A claim whose text states no as-of time
    gets ``as_of=None``; the engine fills in the document's date."""
    a = analysis or analyse(doc)
    view, offsets = a.view, a.offsets
    result = Extraction()
    proper = proper_words(a)
    result.aliases = _definitions(view, proper)
    bold = list(a.bold)
    block_list = list(a.blocks)
    sentence_list = a.sentences
    periods = list(a.periods)
    period_starts = [p[0] for p in periods]
    mentions = _mentions(view, a.numbers, periods, period_starts)
    mention_starts = [m.start for m in mentions]
    # sentence index -> _names(): events reads the same
    names_cache: dict[int, list[_Name]] = a.shared.setdefault("owner names", {})
    leads: dict[int, _Name | None] = {}
    # clause-level results: tense, scope (a clause may hold many figures); events reads the tenses
    memo: dict = a.shared.setdefault("clauses", {})
    memo["ambient"] = _ambient_test(view, len(sentence_list))
    headings = _headings(view, block_list)
    # a name said in full earlier in the document, by its last word: "the Metro"
    # after "Riverton Metro", "the Fund" after "Innovation and Technology Venture Fund"
    full_names: dict[str, _Name] = {}
    for a_, b_ in bold:
        text = _without_abbreviation(view[a_:b_].strip(" :,.;"))
        if _acceptable(text) and len(text.split()) <= 8:
            _remember_full_name(full_names, _Name(a_, a_ + len(text), text, "bold"))
    # a heading's name too: "the Authority" under "WESTMERE HEALTH AUTHORITY"
    for name in sorted({(n.start, n.end): n for n in headings.values()}.values(), key=lambda n: n.start):
        _remember_full_name(full_names, name)

    def names_of(k: int) -> list[_Name]:
        if k not in names_cache:
            names_cache[k] = _names(view, sentence_list[k], bold, a.name_runs(k), proper)
        return names_cache[k]

    def previous_of(k: int, word: str = "") -> _Name | None:
        """The subject of the nearest earlier sentence of the paragraph that names
        one; a name with the anaphor's noun first ("the programme" -> "... Programme")."""
        block = sentence_list[k].block
        for q in range(k - 1, -1, -1):
            if sentence_list[q].block != block:
                if not _runs_on(view, sentence_list[q], sentence_list[q + 1]):
                    return None
                block = sentence_list[q].block
            found = names_of(q)
            if found:
                same = [n for n in found if word and word.lower() in n.text.lower()]
                return _best_name(same or found, sentence_list[q].end)
        return None

    reported = _report_period(view, periods)
    list_leads: dict[int, Period | None] = {}
    carried = None  # (sentence index, block, period) a sentence's figures were all stated for
    for k, sentence in enumerate(sentence_list):
        lo = bisect.bisect_left(period_starts, sentence.start)
        hi = bisect.bisect_left(period_starts, sentence.end)
        i = bisect.bisect_left(mention_starts, sentence.start)
        j = bisect.bisect_left(mention_starts, sentence.end)
        if lo == hi and i == j:
            continue  # nothing dated, nothing counted: most sentences
        text = view[sentence.start:sentence.end]
        if "\t" in text:
            continue  # a table row: read by _table_claims with its headers
        in_sentence = periods[lo:hi]
        last_end, last_event = -1, False
        for s, e, period in in_sentence:
            if view[last_end:s].strip() == "(" and last_end >= 0:
                # "Established 30 March 1911 (1911-03-30)": the same date again
                result.periods.append((period, Tense.PAST, last_event))
                last_end = e
                continue
            if not RANGE_CUE.search(view, max(0, s - 20), s):
                c_start, c_end = structure.clause_bounds(view, sentence, s, memo)
                if ACCESSED.search(view, max(0, s - 32), s):
                    continue  # "Retrieved November 22, 2024": when someone read it, not when it was written
                # "was established on May 7, 2001", "the lowest since April 2007":
                # the date of an event, or the start of a stretch: history
                event = (HISTORY_VERB.search(view, max(c_start, s - 130), s) is not None
                         or (s - sentence.start <= 12 and HISTORY_AFTER.match(view, e, sentence.end) is not None)
                         or SINCE_BEFORE.search(view, max(c_start, s - 12), s) is not None
                         # "its all-time high of $365 in February 2021", "would commence on
                         # January 7, 2020", "was supposed to have opened in December 2018"
                         or PEAK_OR_PAST_PLAN.search(view, max(c_start, s - 80), s) is not None)
                result.periods.append((period, _clause_tense(memo, view, c_start, c_end), event))
                last_end, last_event = e, event
        if i == j:
            continue
        tense = None  # the sentence's tense, worked out only when a figure's clause is the sentence
        names = names_of(k)
        if sentence.block not in leads:
            leads[sentence.block] = (_lead_name(view, block_list[sentence.block], bold)
                                     or headings.get(sentence.block))
        for name in names:
            _remember_full_name(full_names, name)
        names = names + _short_names(view, sentence, names, full_names)
        said: list[Claim] = []
        for mention in mentions[i:j]:
            claim = _claim(doc, view, offsets, sentence, mention, names, leads[sentence.block],
                           lambda word, k=k: previous_of(k, word), in_sentence, tense, memo)
            if claim is not None and claim.as_of is None and reported is not None \
                    and not NOW.search(view, sentence.start, sentence.end):
                # "ANNUAL REPORT, FISCAL YEAR 2022": what the report does not date
                # otherwise, it tells of the year it reports on
                claim = dataclasses.replace(claim, as_of=reported)
            if claim is not None:
                said.append(claim)
        said = _respectively(said, mentions[i:j], offsets, view, sentence, in_sentence, names)
        said = _changes_of_what(said)
        if any(c.as_of is None for c in said):
            signed = _signature_date(view, block_list, sentence.block, list_leads)
            if signed is not None:
                # a quoted post signed "— Harbour News (@harbournews) April 21, 2016": of that day
                said = [dataclasses.replace(c, as_of=signed) if c.as_of is None else c for c in said]
        if any(c.as_of is None for c in said):
            lead_period = _list_lead_period(view, block_list, sentence.block, periods, period_starts, list_leads)
            if lead_period is not None:
                # "the following preliminary results for FY23:" over its bullets
                said = [dataclasses.replace(c, as_of=lead_period) if c.as_of is None else c for c in said]
        if carried is not None and carried[0] == k - 1 and carried[1] == sentence.block and lo == hi \
                and (BACK_REFERENCE.match(view, sentence.start, sentence.end)
                     or SAME_PERIOD.search(view, sentence.start, sentence.end)):
            # "As at end-September 2023, the average waiting time ... was 5.6 years.
            # Among them, ... was 3.9 years.", "... in the same quarter": the
            # sentence says it goes on about the time of the one before
            said = [dataclasses.replace(c, as_of=carried[2]) if c.as_of is None else c for c in said]
            carried = (k, sentence.block, carried[2])
        else:
            stated = {c.as_of for c in said if c.as_of is not None and c.as_of.source == "text"}
            if not said:
                stated = {p for _s, _e, p in in_sentence}
            carried = (k, sentence.block, next(iter(stated))) if len(stated) == 1 and \
                next(iter(stated)).granularity != ONWARDS else None
        result.claims.extend(_unambiguous(said, view, offsets))
    result.claims.extend(_table_claims(doc, view, offsets, periods, period_starts, block_list))
    result.claims.sort(key=lambda c: (c.span.start, c.span.end))
    return result


def _mentions(view: str, numbers, periods, period_starts) -> list[Mention]:
    """The figures of a document: numbers that are not dates, with ranks and
    ratios read by their own rules (the numbers inside them are not counts)."""
    special = [m for m in find_ranks_and_ratios(view)
               if not _overlaps_date(m, periods, period_starts)]
    starts = [m.start for m in special]

    def inside(m: Mention) -> bool:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < special[k].end:
            return True
        return k + 1 < len(special) and special[k + 1].start < m.end

    plain = [m for m in numbers if m.kind != "rank" and not inside(m)
             and not _overlaps_date(m, periods, period_starts)]
    return sorted(plain + special, key=lambda m: (m.start, m.end))


# A word capitalised inside, not at its start: "iAM", "eBay", "e-Channel".
INNER_CAPITAL = regex.compile(r"[a-z]+-?[A-Z]")

# A capitalised word on its own after "the": "the Metro", "the Fund" (not a
# word of a longer name: "the Hong Kong ...").
LONE_CAPITAL = regex.compile(r"(?<=\b[Tt]he\s)[A-Z][a-z]{2,}(?![\w@-])(?!\s+[A-Z0-9])")


def _runs_on(view: str, earlier, later) -> bool:
    """A paragraph cut by a stray blank line ("... to conduct" / "R&D work. As
    at ..."): the earlier part is prose that stops without ending its sentence."""
    text = view[earlier.start:earlier.end].rstrip()
    return (len(text) >= RUN_ON_MIN and not text.endswith((".", "!", "?", ":", ";", ")", "]"))
            and view[earlier.end:later.start].count("\n") <= 2)


RUN_ON_MIN = 80


def _remember_full_name(full_names: dict[str, _Name], name: _Name) -> None:
    """Index a name of two or more words by its last word ("Riverton Metro" -> "metro"),
    unless that word ends a place or other generic name ("... in Hong Kong")."""
    words = name.key.split()
    if len(words) < 2 or " ".join(words[-2:]) in GENERIC or words[-1] in GENERIC:
        return
    if any(w in ("in", "of", "for", "at") for w in words):
        return  # "State Key Laboratories in Hong Kong" is a phrase, not a name to shorten
    full_names.setdefault(words[-1], name)


def _short_names(view: str, sentence, names: list[_Name], full_names: dict[str, _Name]) -> list[_Name]:
    """Capitalised single words that shorten a name said in full earlier ("the Metro")."""
    out = []
    if not full_names:
        return out
    for m in LONE_CAPITAL.finditer(view, sentence.start, sentence.end):
        if m.start() == sentence.start or any(n.start <= m.start() < n.end for n in names):
            continue
        full = full_names.get(canonical(m.group(0)))
        if full is not None and full.start < m.start():
            out.append(_Name(m.start(), m.end(), full.text, "short-name"))
    return out


# A heading: one short line of its own, no sentence punctuation at its end.
HEADING_MAX_WORDS = 12


def _headings(view: str, block_list) -> dict[int, _Name]:
    """For each block, the name in the nearest heading above it (a fallback owner)."""
    out: dict[int, _Name] = {}
    current: _Name | None = None
    for index, block in enumerate(block_list):
        text = view[block.start:block.end]
        is_heading = ("\n" not in text and len(text.split()) <= HEADING_MAX_WORDS
                      and not text.rstrip().endswith((".", ":", ";", ",", "?", "!"))
                      and not structure.BULLET.match(text) and not any(ch.isdigit() for ch in text[-3:]))
        if is_heading and (BYLINE.match(text) or BYLINE_LINE.search(text)):
            continue  # "By Sophie He in Hong Kong", "Wave Wire Services", "Published Dec 19, 2023": who wrote it, and when
        if is_heading and (LABEL_VALUE.search(text) or MATCH_LINE.search(text)):
            # "Longest continuous tunnel: East Finchley to Morden - 27.8km": a
            # line of a fact list, not a heading over the lines after it
            current = None
            continue
        if is_heading:
            found = [m for m in structure.NAME.finditer(view, block.start, block.end)]
            names = [(_strip_leading_generic(m.group(0).strip("# ")), m) for m in found]
            names = [(t, m) for t, m in names if t and _acceptable(t) and len(t.split()) >= 2]
            if names:
                t, m = max(names, key=lambda x: len(x[0]))
                start = m.end() - len(t)
                current = _Name(start, m.end(), t, "heading")
            elif structure.CAPS_LINE.fullmatch(text.strip().strip("#* ")):
                # "TASMANIA", "SOUTH AUSTRALIA", "NSW/ACT" over a list: a new section
                # named in capitals; the heading above no longer owns what follows
                name = text.strip().strip("#* ").rstrip(":")
                start = view.find(name, block.start, block.end)
                current = _Name(start, start + len(name), name, "heading") if _acceptable(name) else None
            continue
        if current is not None:
            out[index] = current
    return out


def _table_claims(doc, view, offsets, periods, period_starts, block_list=()) -> list[Claim]:
    """Each figure in a table cell, about the row's label, for the column's period;
    tables flattened to a cell per paragraph too, and ranking lists."""
    out = []
    paras = flat_tables.paragraphs(view) if "\n\n" in view else []
    flat, places = flat_tables.flat_cells(view, paras)
    place_spans = set(places)
    for cell in tables.table_cells(view) + flat:
        if (cell.start, cell.end) in place_spans:
            found = [flat_tables.place_mention(view, cell.start, cell.end)]
        else:
            # a ratio in a cell ("56:44") is one figure, not two counts
            ratios = [m for m in find_ranks_and_ratios(view, cell.start, cell.end) if m.kind == "ratio"]
            found = ratios + [m for m in find_numbers(view, cell.start, cell.end)
                              if not any(r.start <= m.start < r.end for r in ratios)]
        for mention in found:
            ranked = (cell.start, cell.end) in place_spans
            if (mention.kind == "rank" and not ranked) or _overlaps_date(mention, periods, period_starts):
                continue
            start, end = to_original(offsets, mention.start, mention.end)
            c_start, c_end = to_original(offsets, cell.start, cell.end)
            if cell.measure:
                label = " ".join(cell.label.split())  # may hold the table's caption: "... (Total)"
            else:
                l_start, l_end = to_original(offsets, cell.label_start, cell.label_start + len(cell.label))
                label = " ".join(doc.text[l_start:l_end].split())
            attribute = {"count": "count", "money": "amount", "percent": "percent"}.get(mention.kind, mention.kind)
            if cell.measure:
                # "Funds Approved": the column says what the figure measures
                attribute = canonical(cell.measure)
                sentence = f"{label}: {cell.measure}: {' '.join(doc.text[c_start:c_end].split())}"
            out.append(Claim(
                path=doc.path, span=doc.span(start, end), text=doc.text[start:end],
                sentence=sentence if cell.measure else f"{label}: {' '.join(doc.text[c_start:c_end].split())}",
                subject=Subject(canonical(label), label, "table-row"),
                attribute=attribute, value=mention.value, interval=mention.interval,
                unit=mention.unit, as_of=cell.period, tense=Tense.CURRENT,
                extractor=f"{mention.kind}/table",
                confidence=RANK_CONFIDENCE if mention.kind in ("rank", "ratio") else 0.8,
                qualifier=mention.qualifier,
            ))
    for item in flat_tables.rank_lists(view, paras):
        mention = item.mention
        start, end = to_original(offsets, mention.start, mention.end)
        n_start, n_end = to_original(offsets, item.name_start, item.name_start + len(item.name))
        l_start, l_end = to_original(offsets, item.label_start, item.label_start + len(item.label))
        label = " ".join(doc.text[l_start:l_end].split())
        name = doc.text[n_start:n_end]
        out.append(Claim(
            path=doc.path, span=doc.span(start, end), text=doc.text[start:end],
            sentence=f"{label}: {name} ({doc.text[start:end]})",
            subject=Subject(canonical(name), name, "table-row"),
            attribute=f"rank [{canonical(label)}]", value=mention.value, interval=mention.interval,
            unit="rank", as_of=item.period, tense=Tense.CURRENT, extractor="rank/ranking-list",
            confidence=RANK_CONFIDENCE,
        ))
    return out


def _overlaps_date(m: Mention, periods, starts) -> bool:
    k = bisect.bisect_right(starts, m.end)
    for s, e, _p in periods[max(0, k - 3):k]:
        if s < m.end and m.start < e:
            # a money or percent figure beside a year ("$2 billion in 2024") is not a date
            return m.kind == "count" or (s <= m.start and m.end <= e)
    return False


def _definitions(view: str, proper: frozenset[str] = frozenset()) -> dict[str, str]:
    """Abbreviations defined in the text: "State Key Laboratories (SKLs)";
    and one-word short names a name gives itself from among its words, when the
    document uses that word only as a name (``proper``): "Hong Kong Cyberport
    Management Company Limited (Cyberport)".

    The definition patterns run only in a short window before each bracketed
    abbreviation: scanning the whole text with them costs a second on seeds/.
    """
    aliases: dict[str, str] = {}
    for paren in structure.PAREN_ABBR.finditer(view):
        start = max(view.rfind("\n", 0, paren.start()) + 1, paren.start() - structure.DEFINITION_REACH)
        end = paren.end()
        m = _last(structure.DEFINITION.finditer(
            view, structure.scan_start(structure._NOT_IN_DEFINITION, view, start, paren.start()), end), end)
        if m is not None:
            name, abbr = structure.without_possessive(m.group("name")), m.group("abbr")
            full = canonical(name)
            if " " in abbr and full.endswith(" " + canonical(abbr)):
                # 'the Hong Kong Science Park ("Science Park")': a short name the
                # text defines as the end of the full one
                aliases.setdefault(canonical(abbr), full)
                continue
            if abbr in proper and abbr in name.split()[:-1]:
                aliases.setdefault(canonical(abbr), full)
                continue
            name = _trim_to_initials(name, abbr)
            # only acronyms hold across the corpus: "the Blueprint" names a
            # different blueprint in each document that says it
            if name and (acronym_of(canonical(abbr), canonical(name))
                         or sum(c.isupper() for c in abbr) >= 2):
                aliases.setdefault(canonical(abbr), canonical(name))
                continue
        m = structure.lower_definition_ending(view, start, paren)
        if m is not None:
            # only when the initials spell it exactly: "research and development (R&D)"
            words = m.group("name").split()
            for k in range(len(words)):
                tail = " ".join(words[k:])
                if acronym_of(canonical(m.group("abbr")), canonical(tail)):
                    aliases.setdefault(canonical(m.group("abbr")), canonical(tail))
                    break
    return aliases


def _last(matches, end: int):
    """The match that ends at ``end``, if any."""
    found = None
    for m in matches:
        if m.end() == end:
            found = m
    return found


CONNECTORS = frozenset("of and for the on in to a an".split())


def acronym_of(abbr_key: str, name_key: str) -> bool:
    """True when the abbreviation's letters are the initials of the name's words."""
    letters = abbr_key.replace(" and ", "").replace(" ", "")
    words = name_key.split()
    if not words or words[0] in CONNECTORS or words[-1] in CONNECTORS:
        return False  # "in research and development" is not what R&D stands for
    initials = "".join(w[0] for w in words if w not in CONNECTORS)
    return len(letters) >= 2 and letters == initials


def _trim_to_initials(name: str, abbr: str) -> str:
    """Cut leading words until the name's initials can spell the abbreviation."""
    letters = [c.lower() for c in abbr if c.isalpha() and c.isupper()]
    if len(letters) < 2 and not abbr[:1].isupper():
        return ""
    words = name.split()
    first = None
    for k in range(len(words)):
        tail = words[k:]
        initials = [w[0].lower() for w in tail if w[:1].isupper()]
        if initials == letters and not words[k].endswith(("'s", "’s")):
            # "Ivory Coast's Coffee and Cocoa Council (CCC)": the words that spell it exactly
            return " ".join(tail)
        if first is None and initials and initials[0] == letters[0] and _subsequence(
                letters, initials + [c.lower() for w in tail for c in w[1:] if c.isupper()]):
            first = " ".join(tail)
    if first is not None:
        return first
    if len(letters) <= 1 and len(words) <= 6:
        return name  # "(the Blueprint)": a short name for the phrase before it
    return ""


def _subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


# A capitalised word inside a sentence (after a lower-case word or a comma):
# a candidate proper name when the document never writes it in lower case.
# (not after "the": "the Fund", "the Service" are short for a full name, read by _short_names)
INNER_CAPITALISED = regex.compile(r"(?<=[a-z,;:)][ \t])(?<!\b[Tt]he\s)[A-Z][a-z]{2,}(?:(?=['’]s\b)|(?![\w'’-]))")
INNER_MIN = 2  # inside sentences at least twice: a name the document keeps using
# What says nothing about how a document writes a name in its prose: a web or
# mail address ("corporate.walmart.com", "www.cyberport.hk") and a tag or
# keyword line ("  • cyberport,"); tested only where a candidate word stands
WEB_TOKEN = regex.compile(r"\S*(?:://|www\.|@)\S*|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|[a-z]{2})"
                          r"(?:[/?#:]\S*)?")
TAG_LINE = regex.compile(r"[ \t]*(?:[-*•·▪][ \t]*)?(?:[\w&'’-]+[ \t]?){1,3}[,;]?[ \t]*")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


# "Japanese organizers", "Indian states", "British MPs": a people's adjective, not a name that owns
DEMONYM = regex.compile(r"[A-Z][a-z]+(?:ese|ian|ean|ish|ans?)|French|Dutch|German|Thai|Swiss|Greek|Irish|Welsh"
                        r"|Scottish|Arab|Czech|Danish|Finnish|Polish|Spanish|Turkish|Swedish")


def proper_words(a) -> frozenset[str]:
    """One-word names of a document ("Germany", "Walmart", "Bavaria"): words it
    capitalises inside sentences and never writes in lower case. Computed once
    per document (cached on its analysis)."""
    if "proper words" not in a.shared:
        view = a.view
        found = set()
        words = _words_of(view)  # the words the document writes
        inner = Counter(INNER_CAPITALISED.findall(view))
        for w in (w for w, n in inner.items() if n >= INNER_MIN):
            low = w.lower()
            if low not in MONTHS and low not in WEEKDAYS and low not in NP_STOP and _acceptable(w) \
                    and not is_unit_word(w) and not DEMONYM.fullmatch(w) and not words.in_prose(low):
                found.add(w)
        a.shared["proper words"] = frozenset(found)
    return a.shared["proper words"]


class _WrittenWords:
    """The words of a view, each looked up when asked: ``word in words`` when
    ``word`` (letters or digits only) stands in the view as a word of its own,
    with neither letter nor digit (str.isalnum) on either side -- exactly when
    it is one of the view's maximal runs of such characters.

    proper_words asks about a few dozen words a document: looking each up
    with str.find costs less than splitting the whole text into its words.
    """

    __slots__ = ("view",)

    def __init__(self, view: str) -> None:
        self.view = view

    def __contains__(self, word: str) -> bool:
        return any(True for _at in self._places(word))

    def in_prose(self, word: str) -> bool:
        """``word`` stands on its own somewhere outside web addresses and tag lines."""
        view = self.view
        for at in self._places(word):
            start = max(view.rfind(" ", 0, at), view.rfind("\n", 0, at), view.rfind("\t", 0, at)) + 1
            end = min((e for e in (view.find(" ", at), view.find("\n", at), view.find("\t", at)) if e >= 0),
                      default=len(view))
            if WEB_TOKEN.fullmatch(view[start:end].strip("()[]<>\"',;.!?")):
                continue  # "corporate.walmart.com", "https://www.cyberport.hk/en"
            line_start = view.rfind("\n", 0, at) + 1
            line_end = view.find("\n", at)
            if TAG_LINE.fullmatch(view, line_start, len(view) if line_end < 0 else line_end):
                continue
            return True
        return False

    def _places(self, word: str):
        view, n = self.view, len(word)
        at = view.find(word)
        while at >= 0:
            if (at == 0 or not view[at - 1].isalnum()) and not view[at + n:at + n + 1].isalnum():
                yield at
            at = view.find(word, at + 1)


def _words_of(view: str) -> _WrittenWords:
    """The words of ``view``, for ``in`` tests (:class:`_WrittenWords`)."""
    return _WrittenWords(view)


ONE_WORD = regex.compile(r"(?<![\w'’.-])(?<!\b[Tt]he\s)[A-Z][a-z]{2,}(?:(?=['’]s\b)|(?![\w'’-]))")


def _names(view: str, sentence: structure.Sentence, bold, runs,
           proper: frozenset[str] = frozenset()) -> list[_Name]:
    """Candidate owners in a sentence, as view spans; ``runs`` are its Title Case
    runs (``Analysis.name_runs``), ``proper`` the document's one-word names."""
    out: list[_Name] = []
    # bold spans are sorted and do not overlap: only those near the sentence
    k = max(0, bisect.bisect_left(bold, (sentence.start, sentence.start)) - 1)
    for a, b in bold[k:bisect.bisect_right(bold, (sentence.end, sentence.end))]:
        if a < sentence.end and sentence.start < b:
            a, b = max(a, sentence.start), min(b, sentence.end)
            text = view[a:b].strip(" :,.;")
            inner = structure.QUOTED.search(text)
            if inner and text.endswith(('"', "”")):
                text, a = inner.group(1), a + inner.start(1)
            text = _without_abbreviation(text)
            if view[b:b + 1] == ":" or view[a:b].rstrip().endswith(":"):
                continue  # "**Students:**" labels a bullet; its lead-in is read as one
            if _acceptable(text) and len(text.split()) <= 8:
                out.append(_Name(a, a + len(text), text, "bold"))
    for m in structure.quoted_in(view, sentence.start, sentence.end):
        text = m.group(1).strip()
        if _acceptable(text) and any(c.isupper() for c in text) and len(text.split()) <= 8:
            out.append(_Name(m.start(1), m.end(1), text, "quoted"))
    for _start, end, run in runs:
        found = _title_name(run)
        if found is not None:
            back, text = found
            start = end - back
            out.append(_Name(start, start + len(text), text, "title-case"))
    if proper:
        taken = [(n.start, n.end) for n in out]
        for m in ONE_WORD.finditer(view, sentence.start, sentence.end):
            if m.group(0) in proper and not any(a <= m.start() < b for a, b in taken):
                out.append(_Name(m.start(), m.end(), m.group(0), "title-case"))
    out.sort(key=lambda n: (n.start, -n.end))
    return [n for n in out if not _dateline(view, n)]


# "TOKYO —", "LONDON, May 3 (Reuters) -", "SINGAPORE:": where a story was filed
DATELINE_AFTER = regex.compile(r"(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)*\s*(?:\([^)\n]{1,30}\)\s*)?[—–:-]")


def _dateline(view: str, name: _Name) -> bool:
    """A place in capitals opening a line, before a dash or colon, is a dateline: it owns nothing."""
    if not name.text.isupper() or not any(ch.isalpha() for ch in name.text):
        return False
    line_start = view.rfind("\n", 0, name.start) + 1
    return not view[line_start:name.start].strip(" *#>-") and DATELINE_AFTER.match(view, name.end) is not None


@functools.lru_cache(maxsize=65536)
def _title_name(run: str) -> tuple[int, str] | None:
    """The name in a Title Case run, as (its start counted back from the run's
    end, its text), or None: a pure function of the run, so memoised."""
    text = _strip_leading_generic(run)
    if not text:
        return None
    back = len(text)
    when = TIME_TAIL.search(text)
    if when:  # "Science Quarter on Monday": the day is not part of the name
        text = text[:when.start()]
    if not _acceptable(text):
        return None
    words = text.split()
    if len([w for w in words if w[:1].isupper()]) >= 2 or _distinctive(text):
        return back, text
    return None


def _without_abbreviation(text: str) -> str:
    """"Innovation and Technology Venture Fund (ITVF)" -> the name alone."""
    m = TRAILING_ABBR.search(text)
    return text[:m.start()].rstrip() if m and m.start() > 0 else text


@functools.lru_cache(maxsize=65536)
def _strip_leading_generic(text: str) -> str:
    """Drop sentence-initial words such as "The", "Under", "Since" from a name."""
    words = text.split()
    while words and (canonical(words[0]) in GENERIC or words[0].lower() in MONTHS) and len(words) > 1:
        words = words[1:]
        while words and words[0] in ("of", "and", "for", "the", "on", "in", "&", "to"):
            words = words[1:]
    while words and words[-1] in ("of", "and", "for", "the", "on", "in", "&", "to"):
        words = words[:-1]
    return " ".join(words)


def _distinctive(text: str) -> bool:
    """One-word names that are clearly names: InnoHK, iAM, ITVF, Cyberport-like CamelCase or acronyms."""
    return bool(DISTINCTIVE.fullmatch(text))


# What a page is, not what it is about: "Quick Facts", "Company Fact Sheet",
# "FOR IMMEDIATE RELEASE", "Annual Review" (canonical, singular forms)
PAGE_KIND = regex.compile(
    r"^(?:(?:for|company|corporate|quick|key|latest|recent|our)\s+)*"
    r"(?:fact\s+sheet|fact|fact\s+and\s+figure|figure|annual\s+report|annual\s+review|report"
    r"|review|press\s+release|news\s+release|immediate\s+release|release|news|overview|highlight"
    r"|summary|introduction|about\s+us|who\s+we\s+are|contact\s+us|home)$")


# "Label: value" -- a fact-list line holding a figure.
LABEL_VALUE = regex.compile(r"\S:\s+\S.*\d|\d.*\s[-–—]\s+\S|\s[-–—]\s+\d")
# "Dallas Cowboys vs. New York Giants": a match in a list of records, not a heading
MATCH_LINE = regex.compile(r"\s(?:vs?\.|versus)\s", regex.IGNORECASE)

PERIOD_LABEL = regex.compile(r"(?:FY|CY|AY)\s?'?\d{2,4}(?:[-/]\d{2,4})?|Q[1-4](?:\s?\d{4})?|H[12](?:\s?\d{4})?|FY")

# A line naming a piece's agency or desk, or when it was published
BYLINE_LINE = regex.compile(r"\b(?:wire|news)\s+services?\b|\bstaff\s+(?:writer|reporter)s?\b|\bnews\s*desk\b"
                            r"|^\s*(?:published|updated|posted|last\s+updated|first\s+published)\b", regex.IGNORECASE)
# A line saying who wrote or photographed a piece.
BYLINE = regex.compile(r"\s*(?:(?:written|reported|posted|photos?|photographs?|text)\s+)?by\s*:?\s+[A-Z]",
                       regex.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def _acceptable(text: str) -> bool:
    key = canonical(text)
    if not key or key in GENERIC or len(key) < 2 or PAGE_KIND.match(key):
        return False
    if is_unit_word(text):
        return False  # "HKD 153 billion", "1.9 GW", "7.4 GigaWatts": a unit owns nothing
    if PERIOD_LABEL.fullmatch(text.strip()):
        return False  # "FY2006", "Q3", "H1 2024": a time, not a name
    if CODE_AMOUNT.search(text) or BYLINE_LINE.match(text):
        return False  # "USD2.5": an amount, not a name; "Published Dec": a dateline
    words = key.split()
    if all(w in MEASURE_ACRONYMS for w in words):
        return False  # "YoY", "GAAP EPS", "CAGR": a measure's initials, not a name that owns a figure
    if all(w in MONTHS or w.isdigit() for w in words):
        return False
    return not all(canonical(w) in GENERIC for w in text.split())


CODE_AMOUNT = regex.compile(r"\b(?:USD|EUR|GBP|HKD|RMB|CNY|JPY|INR|SGD|AUD|CAD|CHF)\d")
MEASURE_ACRONYMS = frozenset("yoy qoq mom cagr eps gaap ebitda ebit roi roe ytd gdp gnp cpi pmi aum arpu".split())


# What money is the size of by default: "the $2 billion Venture Fund", "the Act provides"
FUNDED_WORDS = frozenset("""scheme schemes fund funds programme programmes program programs initiative
    initiatives project projects act grant grants budget budgets plan subsidy subsidies award awards
    prize loan loans package packages account reserve reserves""".split())


@functools.lru_cache(maxsize=4096)
def _funded(text: str) -> bool:
    return any(POSSESSIVE_END.sub("", w) in FUNDED_WORDS for w in text.lower().replace("-", " ").split())


POSSESSIVE_END = regex.compile(r"['’]s?$")
# "a $10 billion major initiative", "a $3 billion AI Subsidy Scheme": the size of what follows
FUNDED_AFTER = regex.compile(r"\s*(?:[\w&-]+\s+){0,3}?(?:" + "|".join(sorted(FUNDED_WORDS)) + r")\b", regex.I)


def _is_programme(name: _Name) -> bool:
    return _programme_words(name.text)


@functools.lru_cache(maxsize=65536)
def _programme_words(text: str) -> bool:
    return any(w in HEAD_WORDS for w in text.lower().replace("-", " ").split())


def _best_name(names: list[_Name], offset: int) -> _Name:
    def rank(n: _Name):
        distance = n.start - offset if n.start >= offset else offset - n.end
        return (not _is_programme(n), n.source not in ("bold", "defined"), distance + (0 if n.end <= offset else 40))
    return min(names, key=rank)


def _lead_name(view: str, block: structure.Block, bold) -> _Name | None:
    if block.lead is None:
        # a bold name opening the block also leads it
        k = bisect.bisect_left(bold, (block.start, block.start))
        for a, b in bold[k:k + 2]:
            if block.start <= a <= block.start + 4:
                text = view[a:b].strip(" :,.;")
                inner = structure.QUOTED.search(text)
                if inner:
                    text, a = inner.group(1), a + inner.start(1)
                abbr = TRAILING_ABBR.search(text)
                if abbr:  # "**Hong Kong-Shenzhen ... Park (HSITP)**": the name, not its initials
                    text = text[:abbr.start()].strip()
                if _acceptable(text):
                    return _Name(a, a + len(text), text, "lead-in")
        return None
    a, b = block.lead
    text = view[a:b].strip(" *")
    if text.isupper() and len(text.split()) <= 3 and SENTENCE_AFTER_LEAD.match(view, b, block.end):
        return None  # "TOKYO: The Tokyo 2020 Olympics are expected to ...": a dateline, not a label
    inner = structure.QUOTED.search(text)
    if inner:
        text, a = inner.group(1), a + inner.start(1)
    abbr = TRAILING_ABBR.search(text)
    if abbr:
        text = text[:abbr.start()].strip()
    if not _acceptable(text) or not any(w[:1].isupper() for w in text.split()[1:] or text.split()):
        return None
    return _Name(a, a + len(text), text, "lead-in")


# after a label: a sentence ("The Tokyo 2020 Olympics are expected to cost ..."), not a value
SENTENCE_AFTER_LEAD = regex.compile(r"[*\s]*[:—–-]?\s*[A-Z][\w’'-]*\s+(?:[\w’'-]+\s+){5}")


# A name in at least this share of a document's sentences (and a document of at
# least AMBIENT_MIN_SENTENCES) is what the whole document is about.
AMBIENT_SHARE = 0.2
AMBIENT_MIN_SENTENCES = 30


LIST_LEAD_MAX = 200  # a line that introduces a list, not a paragraph that happens to end with a colon


def _list_lead_period(view: str, block_list, k: int, periods, period_starts, memo: dict) -> Period | None:
    """The one period the line introducing a list names ("The railroad provided the
    following results for FY23:"), or a caption just above or just below the list
    names ("Electricity by source in 2014" / the bullets / "Net generated
    electricity in 2014"), for a bullet of that list; else None. Worked out once
    per list: a bullet takes its list's lead from the bullet before it."""
    if k not in memo:
        found = None
        block = block_list[k]
        if structure.BULLET.match(view, block.start, block.end):
            q = memo.get(("run", k - 1))
            if q is None:
                q = k - 1
                while q >= 0 and structure.BULLET.match(view, block_list[q].start, block_list[q].end):
                    q -= 1
            memo[("run", k)] = q
            if ("lead", q) not in memo:
                memo[("lead", q)] = _run_period(view, block_list, q, k, periods, period_starts)
            found = memo[("lead", q)]
        memo[k] = found
    return memo[k]


def _run_period(view: str, block_list, q: int, k: int, periods, period_starts) -> Period | None:
    """The period of the bullet list that starts after block ``q`` (``k`` is one of its bullets)."""
    lead = block_list[q] if q >= 0 else None
    if lead is None:
        return None
    if lead.end - lead.start <= LIST_LEAD_MAX and view[lead.start:lead.end].rstrip().endswith(":"):
        return _one_period(view, lead, periods, period_starts)
    after = k + 1
    while after < len(block_list) and structure.BULLET.match(view, block_list[after].start, block_list[after].end):
        after += 1
    near = [block_list[i] for i in (q, q - 1, after) if 0 <= i < len(block_list)]
    stated = {p for b in near if _caption(view, b)
              for p in [_one_period(view, b, periods, period_starts)] if p is not None}
    return next(iter(stated)) if len(stated) == 1 else None


# "— Starbucks News (@Starbucksnews) April 21, 2016": the line that signs an embedded post
SIGNATURE = regex.compile(r"\s*[—–-]{1,2}\s*[^()\n]{0,60}\(@\w{1,30}\)\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})\s*$")


def _signature_date(view: str, block_list, k: int, memo: dict) -> Period | None:
    """The day an embedded post was made, from the signature line after its block."""
    key = ("signed", k)
    if key not in memo:
        found = None
        if k + 1 < len(block_list):
            nxt = block_list[k + 1]
            m = SIGNATURE.fullmatch(view, nxt.start, nxt.end) if "(@" in view[nxt.start:nxt.end] else None
            if m is not None:
                day = parse_period(m.group("date"))
                if day is not None and day.granularity == "day":
                    # dated as a page is: the day it was said, not a period the figure is of
                    found = dataclasses.replace(day, text=m.group(0).strip(), source="document")
        memo[key] = found
    return memo[key]


CAPTION_MAX = 80  # characters of a caption line over or under a list


def _caption(view: str, block) -> bool:
    text = view[block.start:block.end].strip()
    return 0 < len(text) <= CAPTION_MAX and "\n" not in text and not text.endswith((".", "!", "?", ";", ","))


def _one_period(view: str, block, periods, period_starts) -> Period | None:
    """The one period a line names, not the date of an event it tells ("the
    Blueprint published in 2020")."""
    lo = bisect.bisect_left(period_starts, block.start)
    hi = bisect.bisect_left(period_starts, block.end)
    stated = {p for s, _e, p in periods[lo:hi]
              if p.granularity in ("year", "fiscal-year", "half", "quarter", "month")
              and not HISTORY_VERB.search(view, max(block.start, s - 130), s)}
    return next(iter(stated)) if len(stated) == 1 else None


def _changes_of_what(said: list[Claim]) -> list[Claim]:
    """"20,649 vessels passed through ..., an increase of 10%" and "revenue of $6.3
    billion, up 12.8 percent": a rise is of the figure before it in its sentence,
    so it says what rose, and two rises of different measures are not rivals."""
    if len(said) < 2 or not any(c.attribute.startswith(("growth", "decline")) for c in said):
        return said
    out = []
    level = None
    for c in said:
        kind = c.extractor.split("/")[0]
        if kind == "percent" and c.attribute.startswith(("growth", "decline")) and level is not None:
            base, bracket, rest = c.attribute.partition(" [")
            c = dataclasses.replace(c, attribute=f"{base} of {level}" + (bracket + rest if bracket else ""))
        elif kind != "percent":
            level = _measure_of(c) or level
        out.append(c)
    return out


def _measure_of(c: Claim) -> str | None:
    """What a level measures, in a word or two: "vessel" for "count of vessel" or
    "20,649 vessels", "revenue" for "revenue; annual"."""
    base = c.attribute.split(";")[0].split(" [")[0].strip()
    if base.startswith("count of "):
        return base[len("count of "):]
    if base == "count":
        return canonical(c.subject.text).split()[-1] if c.subject.source == "counted-noun" and c.subject.text else None
    return base or None


def _respectively(said: list[Claim], mentions, offsets, view: str, sentence, in_sentence,
                  names=()) -> list[Claim]:
    """"Seven and 11 students got perfect scores in 2021 and 2022, respectively":
    the k-th figure is of the k-th period the sentence names, when the
    sentence gives as many figures of one kind as periods. Else "Harbour Line
    and Valley Line carried 120,000 and 45,000 passengers respectively": the
    k-th figure is of the k-th of as many names joined by "and" before it."""
    if not said or "respectively" not in view[sentence.start:sentence.end]:
        return said
    periods = [p for _s, _e, p in in_sentence if p.granularity in ("year", "fiscal-year", "month", "quarter", "half", "day")]
    out = []
    for c in said:
        kind = c.extractor.split("/")[0]
        same = [m for m in mentions if m.kind == kind and m.unit == c.unit]
        starts = [to_original(offsets, m.start, m.end)[0] for m in same]
        if len(same) < 2 or c.span.start not in starts:
            out.append(c)
            continue
        if len(periods) >= 2 and len(same) == len(periods):
            c = dataclasses.replace(c, as_of=periods[starts.index(c.span.start)])
        else:
            parts = _coordinated(view, sentence, names, same[0].start, len(same), c.subject.text)
            if parts:
                k = starts.index(c.span.start)
                own = parts[k]
                others = [p for q, p in enumerate(parts) if q != k]
                c = dataclasses.replace(c, subject=Subject(own.key, own.text, c.subject.source),
                                        attribute=_own_scope(view, c.attribute, own, others))
        out.append(c)
    return out


# what joins the names of a list: "A and B", "A, B and C", "the Phase 2 of A and the development of B"
LIST_JOIN = regex.compile(r"[^.;:\d()]{0,40}")
LIST_WORD = regex.compile(r",|&|\band\b")
LIST_SPLIT = regex.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")


def _coordinated(view: str, sentence, names, figure: int, n: int, subject: str) -> list[_Name] | None:
    """The ``n`` names, in order, that a "respectively" pairs with ``n`` figures:
    the parts of one name ("Harbour Line and Valley Line"), or the last ``n``
    names before the figures, joined by "and" or commas and by nothing more."""
    before = [x for x in names if x.end <= figure]
    outer = [x for x in before if not any(y is not x and y.start <= x.start and x.end <= y.end for y in before)]
    whole = next((x for x in outer if x.text == subject), None)
    if whole is not None:
        texts = LIST_SPLIT.split(whole.text)
        k = outer.index(whole)
        if k > 0 and _joined(view, outer[k - 1], whole):
            return None  # "A, B and C" read as "A" and "B and C": a longer list
        if len(texts) == n:
            parts, at = [], whole.start
            for t in texts:
                t = t[4:] if t.lower().startswith("the ") else t
                a = view.find(t, at, whole.end)
                if a < 0 or not _acceptable(t):
                    return None
                parts.append(_Name(a, a + len(t), t, whole.source))
                at = a + len(t)
            return parts
    if len(outer) < n:
        return None
    chosen = outer[-n:]
    if not all(_joined(view, a, b) for a, b in zip(chosen, chosen[1:])):
        return None
    if len(outer) > n and _joined(view, outer[-n - 1], chosen[0]):
        return None  # a longer list than there are figures: which is which is unclear
    if len({x.key for x in chosen}) < n:
        return None
    return chosen


def _joined(view: str, a: _Name, b: _Name) -> bool:
    """Two names next to each other in a list: only "and", commas and a few words between."""
    return LIST_JOIN.fullmatch(view, a.end, b.start) is not None and LIST_WORD.search(view, a.end, b.start) is not None


def _own_scope(view: str, attribute: str, own: _Name, others: list[_Name]) -> str:
    """Scope words said of another name of the list are not this figure's ("the
    Phase 2 of A and the development of B": phase 2 is A's)."""
    base, bracket, rest = attribute.partition(" [")
    if not bracket:
        return attribute
    inside, _, tags = rest.partition("]")
    mine = set(_scope(view, max(0, own.start - 30), own.end).split(", "))
    theirs = set()
    for o in others:
        theirs.update(_scope(view, max(0, o.start - 30), o.end).split(", "))
    kept = [t for t in inside.split(", ") if t in mine or t not in theirs]
    if not kept:
        return base + tags
    return f"{base} [{', '.join(kept)}]{tags}"


def _unambiguous(said: list[Claim], view: str, offsets) -> list[Claim]:
    """One sentence giving two values under one key ("seven local universities
    and research institutions as well as over 30 institutions") speaks of two
    things the key cannot tell apart: both stay, below the linking confidence.
    A change ("from HK$400,000 to HK$600,000") and values of different periods
    are not ambiguous."""
    if len(said) < 2:
        return said
    keys: dict[tuple, list[Claim]] = {}
    for c in said:
        keys.setdefault((c.subject.key, c.attribute, c.unit, c.as_of), []).append(c)
    doubtful = set()
    for group in keys.values():
        if len({c.value for c in group}) > 1 and not any(
                CHANGE_FROM_TO.search(c.sentence) for c in group):
            doubtful.update(id(c) for c in group)
    if not doubtful:
        return said
    return [dataclasses.replace(c, confidence=min(c.confidence, RANK_CONFIDENCE)) if id(c) in doubtful else c
            for c in said]


# "from HK$400,000 to HK$600,000", "rose from 138 to 468": one measure, two times
CHANGE_FROM_TO = regex.compile(r"\bfrom\s+[^.;]{0,40}?\d[^.;]{0,30}?\bto\s+[^.;]{0,12}\d", regex.IGNORECASE)


def _ambient_test(view: str, sentences: int):
    """A test of whether a name is ambient in this document, counted once per name."""
    seen: dict[str, bool] = {}

    def ambient(name: _Name) -> bool:
        if sentences < AMBIENT_MIN_SENTENCES:
            return False
        if name.text not in seen:
            seen[name.text] = view.count(name.text) >= AMBIENT_SHARE * sentences
        return seen[name.text]
    return ambient


def _said(memo: dict, text: str, start: int, end: int) -> str:
    """The sentence as written, white space folded: once per sentence."""
    key = ("said", start, end)
    if key not in memo:
        memo[key] = " ".join(text[start:end].split())
    return memo[key]


def _clause_tense(memo: dict, view: str, start: int, end: int):
    key = ("tense", start, end)
    if key not in memo:
        memo[key] = sentence_tense(view[start:end])
    return memo[key]


def _claim(doc, view, offsets, sentence, mention: Mention, names, lead, previous,
           in_sentence, tense, memo: dict) -> Claim | None:
    span_end = mention.end
    if mention.tail:
        # "28,000 and 63,000 square metres of floor area": read on after the unit
        mention = dataclasses.replace(mention, end=mention.tail)
    before = view[max(sentence.start, mention.start - 24):mention.start]
    if prefilter.may_end_with(before, LABEL_WORDS, dot=True) and LABEL_BEFORE.search(before):
        return None
    if mention.text[:1].isupper() and mention.text[:1].isalpha() and mention.kind == "count" \
            and not any(ch.isdigit() for ch in mention.text) and mention.start > sentence.start + 2:
        return None  # "One Country, Two Systems": a capitalised number word inside a name
    if _not_a_figure(view, sentence, mention):
        return None
    c_start, c_end = structure.clause_bounds(view, sentence, mention.start, memo)
    # "... or 1 per cent of GDP": the base of a share owns nothing in its sentence;
    # nor does the country of a currency ("4.14 million Singapore dollars")
    # (the same names for every figure of the sentence: sifted once per sentence)
    kept = memo.get(("owner names", sentence.start))
    if kept is None:
        kept = memo["owner names", sentence.start] = [
            n for n in names if not SHARE_BASE_BEFORE.search(view, max(sentence.start, n.start - 20), n.start)
            and not CURRENCY_AFTER.match(view, n.end)]
    names = kept
    if view.find("(", sentence.start, sentence.end) >= 0 and ALTERNATIVE.search(view, sentence.start, sentence.end):
        # "a 1% increase (or a 3.2% increase if ... is excluded)": figures of a
        # definition the sentence leaves open are shown, not linked
        memo.setdefault("alternative", set()).add(sentence.start)
    rate_start = max(sentence.start, mention.start - 12)
    if (view.find("=", rate_start, mention.end + 4) >= 0  # every rate has its "="
            and EXCHANGE_RATE.search(view, rate_start, mention.end + 4)) or (
            mention.kind == "count" and OUT_OF_BEFORE.search(view, max(c_start, mention.start - 12), mention.start)):
        # "$1 = 1.3586 Singapore dollars": a rate; "13th out of 136 countries": a ranking's field
        return None
    subject: _Name | None = None
    attribute = ""
    confidence = 0.0
    place = None  # "19 cities in Europe": where the counted things are
    unsaid_share = False  # "20 per cent of GDP" with nothing saying what it is
    unsaid_money = False
    adjectival = mention.kind in ("area", "length", "power", "energy") and "-" in mention.text
    if adjectival:
        np, named = _counted_noun(view, mention.end, sentence.end)
        if np is None:
            return None
        np_text = view[np[0]:np[1]]
        if named:
            subject, attribute, confidence = _Name(np[0], np[1], np_text, "counted-noun"), mention.kind, 0.85
        else:
            attribute = f"{mention.kind} of {_head(np_text)}"
    elif mention.kind == "count":
        np, named = _counted_noun(view, mention.end, sentence.end)
        modified = False  # the measure keeps its modifiers: "the number of Fintech start-ups"
        if np is None:
            np = _number_of(view, c_start, mention.start)
            named = False
            modified = np is not None
        if np is None:
            # "of which 6 396 are R&D projects"; "a total population of over 86 million"
            said = COPULA_NOUN.match(view, mention.end, sentence.end)
            np = said.span("np") if said and _plural(said.group("np").split()[-1]) else None
            if np is None:
                np = _noun_of(view, c_start, mention.start)
        possessor = None
        if np is None:
            # "Hong Kong's population stood at 7,184,000", "the estimate of the
            # Hong Kong population was 7 061 200": a named owner's measure
            found = _possessed_measure(view, c_start, mention.start, names)
            if found is not None:
                possessor, np = found
        if np is not None and (_head(view[np[0]:np[1]]) in MILESTONE_NOUNS or MILESTONE_AFTER.match(view, np[1])):
            # "to touch the 10-crore vaccination mark", "to reach the 1,000 flights
            # milestone": a threshold passed, not a count
            return None
        if np is not None:
            np = _copula_noun(view, np, sentence.end)
            np_text = view[np[0]:np[1]]
            if possessor is not None:
                subject, attribute, confidence = possessor, "count of " + canonical(np_text), 0.8
            elif named:
                subject, attribute, confidence = _Name(np[0], np[1], np_text, "counted-noun"), "count", 0.9
                owner = _named_owner(view, mention, c_start, names, previous, memo)
                if owner is not None:
                    # "HKU currently has five State Key Laboratories", "its three
                    # SKLs": those of one owner, not all of them
                    subject = _Name(owner.start, np[1], f"{owner.text} {np_text}", "counted-noun")
                    confidence = 0.85 if owner.source != "unresolved" else 0.4
            else:
                sorted_out = not modified and _sorts_its_noun(view, sentence, np, memo)
                attribute = "count of " + (canonical(np_text) if modified or sorted_out else _subgroup_head(np_text))
                subject = _following_owner(view, np[1], names)
                confidence = 0.9 if subject is not None else 0.0
                place = IN_PLACE.match(view, np[1], sentence.end)
                which = RELATIVE_CLAUSE.match(view, np[1], sentence.end)
                if which:
                    # "the 21,000 staff that work as local planners": those staff only
                    attribute += f" [{canonical(which.group('what'))}]"
        else:
            attribute = "count"
        # role words next to the figure and its noun: "1.2 million passengers a day"
        near_start = max(c_start, mention.start - 25)
        near_end = min(c_end, (np[1] if np is not None else mention.end) + 20)
        near = prefilter.folded(view[near_start:near_end])
        tags = [tag for tag, pattern, words in ROLE_TAGS
                if prefilter.may_hold(near, words) and pattern.search(view, near_start, near_end)
                # "For the first quarter of this year, ... registered 15 million
                # passengers": a fronted period with no other figure before this one
                or tag in PERIOD_TAGS and _fronted(pattern, words, view, sentence.start, mention.start)]
        acted = COUNT_VERB.search(view, max(c_start, mention.start - 40), mention.start)
        flow = None if acted else FLOW_NOUN_BEFORE.search(view, max(c_start, mention.start - 80), mention.start)
        if MARGIN_BEFORE.search(view, max(c_start, mention.start - 60), mention.start):
            tags.append("margin")
        elif COUNT_CHANGE_BEFORE.search(view, max(c_start, mention.start - 40), mention.start):
            tags.append("change")  # "fell by 54 000", "following a decrease of 28 000": not a level
        elif acted and acted.group("verb").lower().startswith("restor"):
            # "has restored power to 1.2 million": back on; "trying to restore power
            # to 1.1 million customers impacted", "restoring ... to": still out
            done = acted.group("verb").lower().startswith(("restored", "restores"))
            tags.append("by restored" if done else "by without power")
        elif np is not None and CASUALTY_AFTER.match(view, np[1], c_end):
            # "with 1090 people injured": what befell them, counted over an event
            verb = " ".join(CASUALTY_AFTER.match(view, np[1], c_end).group("verb").lower().split())
            tags.append("by " + ("killed" if DIED.search(verb) else CASUALTY_TAG.get(verb, verb)))
        elif flow:
            # "global PC shipments rose 0.1% to 67.2 million units": what the clause
            # counts is shipped over a stretch of time
            tags.append("by " + next(v for k, v in COUNT_VERB_FAMILY.items() if flow.group("noun").lower().startswith(k)))
        elif acted:
            # "promoted about 170,000 people" and "employs 2.2 million people": two measures
            tags.append("by " + next(v for k, v in COUNT_VERB_FAMILY.items() if acted.group("verb").lower().startswith(k)))
        if tags:
            attribute = "; ".join([attribute] + tags)
    elif mention.kind == "money":
        attribute = _money_attribute(view, mention, c_start, c_end, memo)
        # nothing says what the money is: the size of a fund or scheme it names,
        # but of a company or a place revenue, a price or a loss alike: shown, not linked
        unsaid_money = memo.get("money-role-unsaid", False)
        # "its £90 million Science Quarter", "the $10 billion RAISE+ Scheme": the
        # name the amount stands in front of is what it is the amount of
        named_after = next((n for n in names if mention.end < n.start <= mention.end + 2), None)
        if named_after is not None:
            subject, confidence = named_after, 0.85
    elif mention.kind in ("rank", "ratio"):
        where = rank_scope(view, mention) if mention.kind == "rank" else ""
        if mention.kind == "rank":
            # 34th in one ranking and 51st in another are two places, not a conflict
            ranking = ranking_name(view, sentence.start, sentence.end, mention.start)
            if ranking and where in ranking:
                where = ""  # "34th in the QS World University Rankings": the ranking says it all
            where = "; ".join(x for x in (where, ranking) if x)
        attribute = f"{mention.kind} [{where}]" if where else mention.kind
        # a name holding the figure ("**World No.7**" in bold) is not its owner
        names = [n for n in names if n.end <= mention.start or n.start >= mention.end]
    else:
        attribute = _quantity_attribute(view, mention, c_start, c_end)
        if attribute is None:
            return None
        if mention.kind in ("area", "length", "power", "energy") \
                and AVERAGE_BEFORE.search(view, max(c_start, mention.start - 40), mention.start):
            attribute += "; average"  # "warehouses average around 146,000 square feet": one's size, not the total
        base = SHARE_BASE.match(view, mention.end, c_end) if attribute.startswith("share of ") else None
        if base is not None:
            # "1 per cent of GDP": GDP is what the share is of, never its owner; what
            # is measured is said before ("a basic deficit of S$5.1 billion, or ...")
            names = [n for n in names if not base.start("base") <= n.start < base.end("base") + 2]
            measured = MEASURED_BEFORE.search(view, max(c_start, mention.start - 80), mention.start)
            if measured:
                attribute = f"{attribute} [{canonical(measured.group('noun'))}]"
            else:
                unsaid_share = True
    including = INCLUDING_BEFORE.search(view, max(c_start, mention.start - 25), mention.start)
    if including and mention.kind == "count" and np is not None:
        head = _head(view[np[0]:np[1]])
        # the same noun before "including": a part of that whole ("stores ..., including
        # 337 Teavana stores"); another noun is a measure of its own ("staff, including 3,100 doctors")
        including = head in canonical(view[max(c_start, including.start() - 80):including.start()]).split()
    if PART_BEFORE.search(view, max(c_start, mention.start - 30), mention.start) or \
            PART_AFTER.match(view, mention.end, c_end) or including or \
            (mention.kind == "count" and np is not None and PLUS_AFTER.match(view, np[1], c_end)) or \
            REST_BEFORE.search(view, max(c_start, mention.start - 20), mention.start):
        # "a total of over 600 ha, half (300 ha) of it ...": a part, not the whole
        attribute = f"{attribute}; part" if "; " in attribute or attribute else "part"
    unsaid_measure = unsaid_share
    if subject is None and mention.kind == "count" and np is None:
        # no counted noun: only "Recreation visits reached 312 million" says what is counted
        subject, confidence = _copula_subject(view, c_start, mention.start), 0.8
        if subject is None and not _verb_after(view, mention.end, sentence.end):
            return None
        unsaid_measure = subject is None
        # "of which 63 carry the title": what is counted was said before; the
        # owner is known, the measure is not: shown, not linked by default
    if subject is None:
        # "7 million square metres - equivalent to the size of 17 Hong Kong Science
        # Parks": what a figure is compared with does not own it
        compared = memo.setdefault("compared", {})  # (sentence, name) -> a comparison's base
        owners = []
        for n in names:
            if (sentence.start, n.start) not in compared:
                compared[sentence.start, n.start] = COMPARED_TO.search(
                    view, max(sentence.start, n.start - 40), n.start) is not None
            if not compared[sentence.start, n.start]:
                owners.append(n)
        subject, confidence = _owner(view, owners, c_start, c_end, sentence, mention, lead, previous)
        if subject is not None and memo["ambient"](subject) and not _acts(view, subject, mention):
            # the place or body the whole document is about ("Hong Kong" in a third
            # of its sentences) is the scope of everything in it, weak as an owner
            # -- unless the clause says it has, serves or employs the figure
            confidence = min(confidence, 0.4)
        if mention.kind != "count" and (subject is None or not c_start <= subject.start < c_end
                                        or mention.kind == "money"):
            # "The backlog of deferred maintenance stands at $11.9 billion" under a
            # heading or in a document about the park system: what the clause
            # says the amount is beats a name from outside the clause
            said = _copula_subject(view, c_start, mention.start)
            if said is not None:
                subject, confidence = said, 0.7
        if subject is None and mention.kind == "count" and np is not None:
            # nothing owns the figure: the counted noun itself is the subject,
            # weakly ("3,360 start-ups" is about start-ups in general)
            subject = _Name(np[0], np[1], view[np[0]:np[1]], "counted-noun")
            base, sep, tags = attribute.partition("; ")
            attribute, confidence = "count" + sep + tags, 0.5
        if subject is None:
            subject, confidence = _copula_subject(view, c_start, mention.start), 0.6
        if subject is None and mention.kind in ("area", "length") and attribute not in ("area", "length"):
            # "some 84 million acres of land" with no owner: the land itself, weakly
            # (like a count's counted noun)
            subject, confidence = _Name(mention.end, mention.end, attribute, "counted-noun"), 0.5
            attribute = mention.kind  # keyed as a bullet "Land: ... 85 million acres" is
        if subject is None:
            return None
        if mention.kind == "count":
            confidence -= 0.1
    if mention.kind == "money" and RESTATED_BEFORE.search(view, max(c_start, mention.start - 50), mention.start):
        # "a €2.4 billion (£2 billion) fine": the same amount again in another currency,
        # shown but not set against other figures (the amount as stated is)
        confidence = min(confidence, 0.5)
    if mention.kind == "money" and subject.start >= mention.end and SIZED_SUBJECT_BEFORE.match(view, sentence.start, mention.start) \
            and SIZED_NOUN_AFTER.match(view, mention.end, sentence.end):
        # "A $1.1 trillion budget bill that would keep the government running fully
        # funds the program ... Chesapeake Bay ...": the amount sizes the bill the
        # sentence is about, not a name told later: weak evidence
        confidence = min(confidence, 0.5)
    if unsaid_money and subject.source in ("title-case", "short-name") and not _funded(subject.text):
        unsaid_measure = True
    if mention.kind in ("rank", "ratio") or attribute == "percent" or unsaid_measure \
            or sentence.start in memo.get("alternative", ()):
        # what a rank, ratio or bare percentage is of is seldom said in full:
        # shown, not linked by default
        confidence = min(confidence, RANK_CONFIDENCE)
    if ("scope", c_start, c_end) not in memo:
        memo[("scope", c_start, c_end)] = _scope(view, c_start, c_end)
    scope = memo[("scope", c_start, c_end)]
    if place is None:
        # "In the U.S., IDC data showed PC shipments increasing to 17.2 million": a
        # place the sentence opens with scopes its figures
        place = FRONTED_PLACE.match(view, sentence.start, sentence.end)
    if place is not None and place.group("place").split()[0].lower() in MONTHS | WEEKDAYS:
        place = None  # "in April": a time, not a place
    if place is not None and canonical(place.group("place")) != subject.key:
        # "connected to 19 cities in Europe" is not the count of all its cities
        where = _Name(place.start("place"), place.end("place"), place.group("place"), "title-case")
        if not memo["ambient"](where):
            scope = ", ".join(x for x in (scope, "in " + canonical(place.group("place"))) if x)
    if scope:
        base, _, tags = attribute.partition("; ")
        attribute = f"{base} [{scope}]" + (f"; {tags}" if tags else "")
    as_of = _as_of(view, mention, in_sentence, c_start, c_end, memo)
    if as_of is None and mention.kind == "rank":
        # a place in "Global Innovation Index 2020" holds for that edition
        as_of = edition_period(view, sentence.start, sentence.end, mention.start)
    start, end = to_original(offsets, mention.start, span_end)
    s_start, s_end = to_original(offsets, sentence.start, sentence.end)
    clause_tense = _clause_tense(memo, view, c_start, c_end) \
        if (c_start, c_end) != (sentence.start, sentence.end) or tense is None else tense
    if clause_tense is not Tense.FUTURE and (
            TARGET_BEFORE.search(view, max(c_start, mention.start - 60), mention.start)
            or TARGET_AFTER.match(view, mention.end, min(c_end, mention.end + 40))):
        # "just shy of their goal of 100 launches", "the 100 launch target it
        # hopes to achieve": a target, however the clause is told
        clause_tense = Tense.FUTURE
    if FROM_BEFORE.search(view, max(c_start, mention.start - 12), mention.start) and (
            CHANGE_START.match(view, mention.end, c_end)
            # "to reach the 40-crore mark from 30-crore doses": the level it started from
            or TO_FIGURE_BEFORE.search(view, max(c_start, mention.start - 80), mention.start)) \
            and (as_of is None or as_of.source != "text"):
        # "has more than halved, from around 299,000 to 142,000": the figure it
        # started from is a former value, told without its date
        clause_tense = Tense.PAST
    return Claim(
        path=doc.path,
        span=doc.span(start, end),
        text=doc.text[start:end],
        sentence=_said(memo, doc.text, s_start, s_end),
        subject=Subject(subject.key, subject.text, subject.source),
        attribute=attribute,
        value=mention.value,
        interval=mention.interval,
        unit=mention.unit,
        as_of=as_of,
        tense=clause_tense,
        extractor=f"{mention.kind}/{subject.source}",
        confidence=round(max(0.0, min(HEDGED_CONFIDENCE if HEDGED.search(view, max(sentence.start, mention.start - 80),
                                                                         mention.start) else 1.0, confidence)), 2),
        qualifier=mention.qualifier,
    )


# A figure that is a target, not a level: "goal of 100", "the target is 5,000",
# "sights set on achieving 100", "hopes to reach 30"; "100 launches planned",
# "the 100 launch target"
TARGET_BEFORE = regex.compile(
    r"\b(?:goals?|targets?|aims?|ambitions?|objectives?|sights\s+set|hopes?|hoping|plans?|planning"
    r"|wants?|seeks?|intends?)\s+(?:of|on|to|for|is|was|are|were)\s+"
    r"(?:(?:achiev|reach|hit|hav|mak|complet|launch|build|attract|sell|sign|open|recruit|train|creat)(?:e|es|ing)?\s+)?"
    r"(?:(?:an?|the)\s+)?(?:(?:about|around|some|over|nearly|almost|up\s+to|as\s+many\s+as|at\s+least|more\s+than)\s+)?$",
    regex.IGNORECASE)
TARGET_AFTER = regex.compile(r"[ -](?:[\w-]+\s+){0,2}?(?:target|goal|planned)\b(?!\s+(?:at|to)\b)", regex.IGNORECASE)
RANK_CONFIDENCE = 0.5
# "CNBC also claimed that around 75 of Twitter's 1,300 employees", "reportedly
# 1,000": a figure told as someone's disputed claim or a rumour is weak evidence
HEDGED = regex.compile(r"\b(?:claimed|claims?\s+that|alleg(?:ed|es|edly)|reportedly|rumou?r(?:ed|s)?|purported(?:ly)?"
                       r"|unconfirmed|speculat(?:ed|es|ion))\b", regex.IGNORECASE)
HEDGED_CONFIDENCE = 0.5
TIME_TAIL = regex.compile(
    r"\s+(?:on|in|of|at|by|from|since|until)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b.*$")

# "from the existing some 5 595 to 7 200 in 2024/25": the first figure of a change
CHANGE_START = regex.compile(r"\s*(?:\([^)]*\)\s*)?to\s", regex.IGNORECASE)
TO_FIGURE_BEFORE = regex.compile(r"\bto\s+(?:[a-z]+\s+)?(?:the\s+)?(?:[A-Z]{0,3}\$|€|£)?\d[\d,.]*[-\w]*(?:\s+[\w-]+){0,3}\s+from\s+"
                              r"(?:(?:around|about|some|nearly|almost|over|just\s+over|roughly)\s+)?$", regex.IGNORECASE)
FROM_BEFORE = regex.compile(r"\bfrom\s+(?:(?:around|about|some|nearly|almost|over|just\s+over|roughly)\s+)?$",
                            regex.IGNORECASE)
ACADEMIC_BEFORE = regex.compile(r"\b(?:academic|school)\s+year\s+$", regex.IGNORECASE)
ACADEMIC_AFTER = regex.compile(r"\s+(?:academic|school)\s+year\b", regex.IGNORECASE)
SOURCE_EDITION = regex.compile(
    r"\baccording\s+to\s+(?:the|its|a)\s+(?P<y>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:survey|census|report|study|index|ranking|review|poll|statistics|figures)\b", regex.IGNORECASE)

# "Since 2023, ...", "Starting from April 2024, ...", "from 2024-25 onwards": a
# figure that holds from a time on (a period still open when the text was written)
ONWARDS = GRANULARITIES[-1]  # "onwards"
SINCE_FROM = regex.compile(r"(?:^|[.;:,]\s*|\n\s*(?:[-*]\s+)?|\b(?:starting|effective|with\s+effect)\s+)from\s*(?:the\s+)?$",
                           regex.IGNORECASE)
# "the highest count since 2019", "for the first time since 2010": a comparison, not a period
SUPERLATIVE_SINCE = regex.compile(
    r"\b(?:most|highest|lowest|largest|smallest|best|worst|least|fewest|biggest|first\s+time"
    r"|\w+est)\b[^.;,]{0,25}?since\s*$", regex.IGNORECASE)
ONWARDS_AFTER = regex.compile(r"\s+onwards?\b", regex.IGNORECASE)
SPACE_RUN = regex.compile(r"\s+")
PERIOD_TAGS = ("monthly", "quarterly")


def _fronted(pattern: regex.Pattern, words, view: str, start: int, figure: int) -> bool:
    if not prefilter.may_hold(prefilter.folded(view[start:figure]), words):
        return False  # none of the tag's words before the figure (as ROLE_TAGS near it)
    m = pattern.search(view, start, figure)
    return m is not None and not DIGIT.search(view, m.end(), figure)


RELATIVE_CLAUSE = regex.compile(
    r"\s+(?:that|who)\s+(?P<what>(?:work|works|worked|serve|serves|served|live|lives|lived|study|studies|"
    r"studied|teach|teaches|taught)\s+(?:[\w-]+\s+){0,3}?[\w-]+)(?=[,.;:()]|\s+(?:and|or|of|in|at|for)\b|$)",
    regex.IGNORECASE)
FRONTED_PLACE = regex.compile(r"[\s*>-]*(?:In|Across|Within|Outside)\s+(?:the\s+)?"
                              r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),")
IN_PLACE = regex.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")

# "between January and September 2022", "January-March 2023": a stretch of months, a period by itself
MONTH_SPAN = regex.compile(r"(?:(?:between|from)\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", regex.IGNORECASE)
# a digit of another figure between a period and a figure, not of a label "(FY19)"
NOT_FY_DIGIT = regex.compile(r"(?<!\bFY\s?'?\d*)\d")
FISCAL_WORDS = regex.compile(r"(?:fiscal|financial)\s+year|FY", regex.IGNORECASE)
SELF_CUE = regex.compile(r"in")

# What was done to the people or things a count counts, just before it.
COUNT_VERB = regex.compile(
    r"\b(?P<verb>promot(?:ed|es?|ing)|hir(?:ed|es?|ing)|recruit(?:ed|s|ing)?|train(?:ed|s|ing)?"
    r"|employ(?:ed|s|ing)?|laid\s+off|lay(?:s|ing)?\s+off|dismiss(?:ed|es|ing)?|admit(?:ted|s)?"
    r"|enrol(?:led|s|ls)?|graduat(?:ed|es|ing)|serv(?:ed|es|ing)|treat(?:ed|s|ing)?|rescu(?:ed|es|ing)"
    r"|welcom(?:ed|es|ing)|vaccinat(?:ed|es|ing)|evacuat(?:ed|es|ing)"
    # "the SNP lost 38 seats", "picked up 36 seats": a change, not what is held
    r"|los(?:t|es|e|ing)|gain(?:ed|s|ing)?|picked\s+up|picks?\s+up|shed(?:s|ding)?|won|wins?|winning"
    # "Lenovo shipped 17.3 million units", "delivered 1.31 million vehicles": a flow over a period
    r"|ship(?:ped|s|ping)?|shipments?\s+of|sold|sells?|selling|sales\s+of|deliver(?:ed|s|ing)?|deliveries\s+of"
    r"|produc(?:ed|es|ing)|manufactur(?:ed|es|ing)|carri(?:ed|es)|carry(?:ing)?|handl(?:ed|es|ing)"
    r"|emit(?:ted|s|ting)?|export(?:ed|s|ing)?|import(?:ed|s|ing)?"
    # "the earthquake killed at least 17,000 people": what befell them in an event
    r"|kill(?:ed|s|ing)?|injur(?:ed|es|ing)|wound(?:ed|s|ing)?|displac(?:ed|es|ing)"
    # "has restored power to 1.2 million customers": those whose outage ended
    r"|restor(?:ed|es|e|ing)\s+(?:power|service|electricity|supply)\s+to"
    # "plans to open about 2,000 new stores", "opened 590 stores": openings over a period
    r"|open(?:ed|s|ing)?|clos(?:ed|es|ing)|clos(?:e))\s+"
    # "carried 120,000 and 45,000 passengers": the verb is the second figure's too
    r"(?:[\d.,]+(?:\s+(?:thousand|million|billion))?\s*(?:,\s*(?:and\s+)?|and\s+|or\s+))?"
    r"(?:(?:about|around|approximately|some|nearly|almost|over|more\s+than|up\s+to|roughly)\s+)?$",
    regex.IGNORECASE)
COUNT_VERB_FAMILY = {
    "promot": "promoted", "hir": "hired", "recruit": "hired", "train": "trained", "employ": "employed",
    "laid": "cut", "lay": "cut", "dismiss": "cut", "admit": "admitted", "enrol": "enrolled",
    "graduat": "graduated", "serv": "served", "treat": "treated", "rescu": "rescued",
    "welcom": "welcomed", "vaccinat": "vaccinated", "evacuat": "evacuated",
    "los": "loss", "gain": "gain", "pick": "gain", "shed": "loss", "won": "won", "win": "won",
    "ship": "shipped", "sold": "sold", "sell": "sold", "sale": "sold", "deliver": "delivered",
    "produc": "produced", "manufactur": "produced", "carr": "carried", "handl": "handled",
    "emit": "emitted", "emission": "emitted", "export": "exported", "import": "imported",
    "kill": "killed", "injur": "injured", "wound": "wounded", "displac": "displaced",
    "open": "opened", "clos": "closed", "restor": "restored",
}
MILESTONE_AFTER = regex.compile(r"[ \t]+(?:mark|milestone|threshold|landmark|barrier)s?\b", regex.IGNORECASE)
MILESTONE_NOUNS = frozenset("mark marks milestone milestones threshold landmark barrier".split())
COUNT_CHANGE_BEFORE = regex.compile(
    r"(?:\b(?:(?:rose|risen|fell|fallen|dropped|declined|increased|decreased|grew|grown|jumped|climbed|slipped|shrank"
    r"|went\s+(?:up|down)|up|down|increase|decrease|rise|fall|drop|decline|climb|grow)\s+by"
    r"|(?:an?\s+)?(?:(?:net|notable|significant|slight|sharp|modest|marginal)\s+)?(?:increase|decrease|rise|fall|drop"
    r"|decline|growth|reduction|cut|uptick|upturn|downturn|gain|hike|jump|surge|boost|dip)\s+of)"
    # "up 0.3% or US$10.6 billion from a month earlier": the same change in money
    r"|\b(?:up|down|rose|fell|increased|decreased)\s+(?:by\s+)?[\d.]+\s?(?:%|per\s?cent)\s*,?\s*or"
    # "Lake Mead's level jumps 3 feet", "employment rose 54,000": a move, not the level
    r"|\b(?:jump(?:s|ed)|rise[sn]?|rose|fell|falls|drop(?:s|ped)|climb(?:s|ed)|soar(?:s|ed)|plunge[sd]|slip(?:s|ped)"
    r"|grew|grows))"
    r"\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|roughly|up\s+to|as\s+(?:much|many|few|little)\s+as)\s+)?$",
    regex.IGNORECASE)
# "a per-theater average of $558", "an average of 40,000 a day": an average, its own measure
AVERAGE_BEFORE = regex.compile(r"\baverage\s+(?:[\w-]+\s+){0,2}?(?:of\s+|was\s+|is\s+|at\s+)?"
                               r"(?:(?:about|around|some|nearly|almost|over|roughly)\s+)?$", regex.IGNORECASE)
CASUALTY_AFTER = regex.compile(
    r"\s+(?:(?:currently|still|now)\s+)?(?P<verb>injured|killed|dead|wounded|missing|displaced|hurt|affected|impacted"
    r"|without\s+(?:power|electricity|service|water)"
    # "the 85 people who lost their lives", "1,200 residents who died": the dead
    r"|(?:(?:who|that)\s+)?(?:(?:have|had)\s+)?(?:died|perished|lost\s+their\s+lives|(?:were|was)\s+killed))\b",
    regex.IGNORECASE)
# the tag of what befell those counted: "impacted" is "affected", "without electricity" "without power"
CASUALTY_TAG = {"impacted": "affected", "without electricity": "without power", "without service": "without power"}
DIED = regex.compile(r"\b(?:died|perished|lost\s+their\s+lives|killed)$")
FLOW_NOUN_BEFORE = regex.compile(r"\b(?P<noun>shipments?|sales|deliveries|exports|imports|production|manufacturing"
                              r"|emissions)\b(?:[^.;:]|\.(?=\d)){0,70}$", regex.IGNORECASE)
# "lost her seat by 149 votes", "won by 20 seats": a margin, not a count held
MARGIN_BEFORE = regex.compile(r"\b(?:lost|lose|loses|won|wins?|beat|beats|beating|best(?:ed|ing|s)?|defeated|led|leads?"
                              r"|trail(?:s|ed)?|ahead|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|outpac(?:ed|ing|es))\b"
                              r"[^.;:]{0,40}?\bby\s+(?:(?:about|around|some|over|just|only|nearly|almost)\s+)?$",
                              regex.IGNORECASE)

# What may stand between a figure and its own year in brackets: its counted noun.
OWN_YEAR = regex.compile(r"[ \t]*(?:[A-Za-z][\w&-]*[ \t]+){0,3}\([ \t]*")

# Words of a plan or target between a figure and a later date: the date is the plan's.
PLAN_WORDS = regex.compile(r"\b(?:will|wants?\s+to|aims?\s+to|plans?\s+to|intends?\s+to|seeks?\s+to"
                           r"|targets?|target(?:ing|ed)|goal|expected\s+to|set\s+to|hopes?\s+to)\b", regex.I)
SINCE_WHAT = regex.compile(r"\bsince\s+(?:the\s+|its\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?\s+(?:in|of)\s+(?:the\s+)?$",
                        regex.IGNORECASE)
BASE_WORDS = regex.compile(r"\b(?:from|than|compared|versus|vs|against)\b", regex.I)
# "more than 443,000": a bound the next figure carries, not the base of a comparison
BOUND_THAN = regex.compile(r"\b(?:more|less|fewer|greater|higher|lower)\s+than\s*\W{0,3}(?=\d)", regex.I)
LAST_NUMBER = regex.compile(r"\d[\d,.]*\D*$")


def _compared_base(between: str) -> bool:
    """Whether the words from a figure to a later date hand a figure between them
    a base's role ("7.8 million visitors, down 19 percent from its peak of 9.6
    million in 2019"): a comparison word before the last of those figures, not
    "more than" bounding one, and not words past it ("... more than 1 million
    requests from Congress ... in fiscal year 2015")."""
    unbound = BOUND_THAN.sub("", between)
    last = LAST_NUMBER.search(unbound)
    return BASE_WORDS.search(unbound, 0, last.start() if last else len(unbound)) is not None
# "40% more than in 2020", "up 12 per cent from the figure in 2020", "compared
# with 2019": the base a figure is compared with, not the time it holds for
COMPARED_WITH = regex.compile(
    r"\b(?:than|compared\s+(?:to|with)|(?:by|in)\s+comparison\s+(?:to|with)|relative\s+to|versus|vs\.?|against"
    r"|from\s+(?:the|its|a|their)\s+(?:figure|level|number|total|count|record|one)s?)"
    r"\s+(?:(?:that|those)\s+)?(?:(?:of|in|at|for|during)\s+)?(?:the\s+)?$",
    regex.IGNORECASE)

# Numbers that are not figures: "2.1 International I&T Development" (a section
# number heading its line), "Cyberport 5", "Blueprint 2.0", "Scale 2" (a small
# bare number that ends a name), "the two places" (a pair named before),
# "one zone, two parks" (a slogan in quotes), "in just three years" (a duration).
LINE_START = regex.compile(r"(?:^|\n)[ \t>]*(?:[-*+][ \t]+|#+[ \t]*|\d+\.[ \t]+)?$")
SECTION_NUMBER = regex.compile(r"\d{1,2}(?:\.\d{1,2})+")
TITLE_AFTER = regex.compile(r"[ \t]+(?!(?:million|billion|trillion|thousand|per|percent)\b)[A-Z]")
NAME_END = regex.compile(r"\b(?P<w>[A-Z][\w'’-]*[a-z][\w'’-]*)[ \t]$")
TIMES_AFTER = regex.compile(r"[ \t]+times\b", regex.IGNORECASE)
SPACED_GROUPS = regex.compile(r"(?<![\d,.])\d{1,3}(?:,[ \t]\d{3}){2,}(?![\d]|,\d)|(?<![\d,.])\d{1,3},[ \t]\d{3},\d{3}(?!\d)")
CENTS_AFTER = regex.compile(r"[ \t]+(?:cents?|pence)\b", regex.IGNORECASE)
IN_EVERY = regex.compile(r"[ \t]+in[ \t]+(?:every[ \t]+)?(?:\d{1,3}(?![\d.])|(?:two|three|four|five|six|seven|eight|nine|ten"
                      r"|twenty|hundred|thousand)\b)", regex.IGNORECASE)
ONE_IN = regex.compile(r"\b(?:one|two|three|four|five|a|\d{1,3})\s+in\s+(?:every\s+)?$", regex.IGNORECASE)
NAME_AFTER = regex.compile(r"[ \t]+[A-Z][a-z]")
BARE_SMALL = regex.compile(r"\d{1,2}(?:\.\d)?")
MODEL_NUMBER = regex.compile(r"\d{3}")
PLURAL_AFTER = regex.compile(r"[ \t]+[a-z][\w-]*[a-rt-z]?s\b")
REFERENTIAL = regex.compile(r"\b(?:the|these|those)\s+$", regex.IGNORECASE)
PARTIES = regex.compile(r"\s+(?:places|sides|parties|partners|governments|countries|cities|regions|territories)\b")
DURATION = regex.compile(r"\b(?:in|for|over|within|after|next|past|coming|just|first|last|of|aged?)\s+$",
                         regex.IGNORECASE)
DURATION_NOUN = regex.compile(r"[\s-]+(?:years?|months?|weeks?|decades?)\b", regex.IGNORECASE)
QUOTES = "\"“”"


def _not_a_figure(view: str, sentence, mention: Mention) -> bool:
    text = mention.text
    before = view[max(0, mention.start - 40):mention.start]
    if mention.kind == "count" and _times_after(view, mention.end):
        return True  # "nearly 50 times higher", "visited 3 times": a multiple, not a count
    if mention.kind == "count" and "," in view[max(0, mention.start - 12):mention.end + 12] \
            and any(g.start() <= mention.start < g.end() for g in
                    SPACED_GROUPS.finditer(view, max(0, mention.start - 24), min(len(view), mention.end + 24))):
        return True  # "19, 611, 423 voters": one number typed with spaces, whose pieces are no figures
    if mention.kind == "count" and CENTS_AFTER.match(view, mention.end):
        return True  # "earnings per share of 10 cents": a price in cents, not a count of cents
    if mention.kind == "count" and (ONE_IN.search(before) or IN_EVERY.match(view, mention.end)):
        return True  # "one in five new cars", "3 in 10 adults": a rate, not a count ("seven out of 11 areas" counts)
    if mention.kind == "count" and not mention.qualifier:
        if SECTION_NUMBER.fullmatch(text) and LINE_START.search(before) \
                and TITLE_AFTER.match(view, mention.end):
            return True
        if (BARE_SMALL.fullmatch(text) or MODEL_NUMBER.fullmatch(text) and not PLURAL_AFTER.match(view, mention.end)) \
                and mention.start > sentence.start + 1:
            # "Blueprint 2.0", "Boeing 777 equipment": a number ending a name
            name = NAME_END.search(view, max(sentence.start, mention.start - 40), mention.start)
            if name and view[sentence.start:name.start("w")].strip() and not name.group("w").endswith(("'s", "’s")):
                return True  # not the sentence's first word ("Only 12 companies")
        word = not any(ch.isdigit() for ch in text)
        if word and text.lower() == "two" and REFERENTIAL.search(before) \
                and PARTIES.match(view, mention.end):
            return True
        if DURATION_NOUN.match(view, mention.end) and DURATION.search(before):
            return True
        if word and text.islower() and NAME_END.search(view, max(sentence.start, mention.start - 30), mention.start) \
                and NAME_AFTER.match(view, mention.end):
            return True  # "Erik ten Hag": a particle of a name
        if word and _in_short_quote(view, sentence, mention):
            return True
        if word and text[:1].isupper() and TITLE_AFTER.match(view, mention.end):
            said = view[sentence.start:sentence.end].strip()
            if len(said) <= 80 and not said.endswith((".", "!", "?", ";", ":")):
                return True  # a title: "Eight Major Strategies"
    return False


# A pattern with a fixed word in it ("times", "onward") makes the regex module
# look for that word from ``pos`` to the end of the view before it tries to
# match at ``pos``: one scan of the rest of the document per call. The two
# helpers below give the pattern an end it cannot reach past, so the result
# is the same and the scan is short.

def _times_after(view: str, pos: int):
    """``TIMES_AFTER.match(view, pos)``, read within the line: "[ \\t]+times" cannot
    cross a line, and the line's "\\n" ends the word as the end of the view would."""
    line_end = view.find("\n", pos)
    return TIMES_AFTER.match(view, pos, line_end if line_end >= 0 else len(view))


def _onwards_after(view: str, pos: int):
    """``ONWARDS_AFTER.match(view, pos)``, read up to the character after
    "onwards" (the word boundary's) past the run of spaces it starts with."""
    spaces = SPACE_RUN.match(view, pos)
    if spaces is None:
        return None
    return ONWARDS_AFTER.match(view, pos, min(len(view), spaces.end() + len("onwards") + 1))


def _in_short_quote(view: str, sentence, mention: Mention) -> bool:
    """A number word inside a short quoted slogan of parts ("one zone, two parks")."""
    lo = max(sentence.start, mention.start - 40)
    opening = max(view.rfind(q, lo, mention.start) for q in QUOTES)
    if opening < 0 or view[opening] == "\u201d":
        return False
    if view[opening] == '"' and view.count('"', sentence.start, opening) % 2:
        return False  # that straight quote closes an earlier one
    hi = min(sentence.end, mention.end + 40)
    closing = [i for i in (view.find(q, mention.end, hi) for q in ('"', "\u201d")) if i >= 0]
    if not closing:
        return False
    quoted = view[opening:min(closing)]
    return "," in quoted and not any(ch.isdigit() for ch in quoted)


# "... Parks in the National Park System": a name right after the counted noun owns it.
FOLLOW_OWNER = regex.compile(r"\s+(?:(?:work(?:s|ing)?|employed|based|enrolled|studying|serving)\s+)?"
                            r"(?:in|of|at|across|within|under|for|managed\s+by|run\s+by)\s+(?:the\s+)?")

# "3.5 million people are registered users": what the people are is what is counted.
PERSON_NOUNS = frozenset("people persons individuals residents citizens".split())
COPULA_NOUN = regex.compile(r"\s+(?:are|were|have\s+been|had\s+been|became)\s+(?:now\s+)?(?P<np>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)")

# "The backlog of deferred maintenance stands at $11.9 billion": with no name
# about, the noun phrase the sentence is about is the subject.
COPULA_SUBJECT = regex.compile(
    r"""(?:^|\b(?:the|its|their|our|total|with|has|had|have)\s+|\b[\w-]+['’]s\s+)
        (?P<np>(?!(?:the|a|an|its|their|our)\b)[a-z][\w-]*
               (?:\s+(?:of|and|for|on)?\s*(?!(?:the|a|an|its|their|our)\b)[a-z][\w-]*){0,6}?)
        (?P<where>\s+(?:to|in|at|on|across)\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)?
        \s+(?:is|was|are|were|stands?\s+at|stood\s+at|standing\s+at|totals?|totall?(?:ed|ing)|reach(?:ed|ing)|amounts?\s+to
          |amounted\s+to|came\s+to|(?:was|is|were|are)\s+(?:estimated|put|valued|set)\s+at
          # "visits fell by 4% in 2025, to 319,815,290": the level a change ends at
          |(?:fell|rose|grew|increased|decreased|dropped|declined|climbed|jumped|slipped|(?:was|were)\s+(?:down|up))
           (?:\s+(?:by\s+)?(?:[^,;.]|\.\d){1,25}?)?(?:,?\s+(?:in|during)\s+[^,;.]{1,20}?)?,?\s+to)
        \s+(?:about|around|approximately|some|nearly|almost|over|more\s+than|at\s+least|up\s+to|roughly)?\s*$""",
    regex.VERBOSE,
)
# The last word of every COPULA_SUBJECT match (a verb's or a qualifier's): a
# clause that ends in another word cannot match, and most do. Tested first,
# it spares the scan, which backtracks over every lower-case word of the clause.
COPULA_LAST_WORDS = frozenset(
    """is was are were at total totals totaled totalled totaling totalling reached reaching to
    about around approximately some nearly almost over than least roughly""".split())


# "its three State Key Laboratories", "HKU currently has five State Key
# Laboratories", "HKU's five ...": the named things of one owner.
POSSESSIVE_BEFORE = regex.compile(r"\b(?:its|their)\s+(?:(?:own|current|existing|new)\s+)?$", regex.IGNORECASE)
HAVING_BEFORE = regex.compile(
    r"\s+(?:(?:currently|now|still|also|already)\s+)?"
    r"(?:has|have|had|hosts|hosted|houses|housed|runs|ran|operates|operated|owns|owned|manages|managed)\s+"
    r"(?:(?:a\s+total\s+of|some|about|around|over|more\s+than)\s+)?$", regex.IGNORECASE)
OWNER_REACH = 60


def _named_owner(view: str, mention: Mention, c_start: int, names, previous, memo) -> _Name | None:
    """Whose named things a count counts, when the clause says: a possessive
    ("its", "their", "HKU's") or the name that has them. The place or body a
    document is about ("Hong Kong has 15 ...") is their scope, not an owner."""
    before_start = max(c_start, mention.start - OWNER_REACH)
    if POSSESSIVE_BEFORE.search(view, before_start, mention.start):
        earlier = [n for n in names if n.end <= mention.start]
        owner = earlier[0] if earlier else previous("")
        return owner if owner is not None else _Name(mention.start, mention.start, "its", "unresolved")
    for name in names:
        if not before_start <= name.end <= mention.start:
            continue
        possessive = view[name.end:mention.start].strip() in ("'s", "’s")
        having = HAVING_BEFORE.fullmatch(view, name.end, mention.start) is not None
        if (possessive or having) and not memo["ambient"](name) and _organisation(name.text):
            return name
    return None


# Words that make a name a body that can own things (a place is a scope:
# "Hong Kong has 15 State Key Laboratories" counts them all).
ORGANISATION_WORDS = frozenset(
    """university universities college institute corporation company council authority agency
    ministry department bureau commission board hospital school academy foundation association
    society bank group limited ltd inc plc""".split())


def _organisation(text: str) -> bool:
    """A body by its name: an acronym ("HKU", "HKUST") or a name with a word
    for a body in it ("The University of Hong Kong")."""
    return DISTINCTIVE.fullmatch(text) is not None or any(
        w.lower().strip(".,") in ORGANISATION_WORDS for w in text.split())


def _following_owner(view: str, np_end: int, names: list[_Name]) -> _Name | None:
    m = FOLLOW_OWNER.match(view, np_end)
    if not m or MEASURE_OF_BEFORE.search(view, max(0, m.end() - 30), m.end()):
        return None  # "981.3 million tonnes of CO2": what is measured, not who owns it
    return next((n for n in names if n.start == m.end()), None)


# "a population of over 86 million", "a workforce of some 20,000": the noun the
# figure measures stands before "of" (the qualifier, if any, is part of the figure)
NOUN_OF = regex.compile(r"\b(?:a|an|the|its|their|total)\s+(?P<np>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+of\s+$")
NOUN_OF_STOP = frozenset("number total count increase decrease rise drop fall growth change share "
                         "sum maximum minimum average majority range period term duration span "
                         "length age".split())


def _noun_of(view: str, start: int, figure: int) -> tuple[int, int] | None:
    m = NOUN_OF.search(view, max(start, figure - 60), figure)
    if not m or m.group("np").split()[-1].lower() in NOUN_OF_STOP:
        return None
    return m.span("np")


def _copula_noun(view: str, np: tuple[int, int], limit: int) -> tuple[int, int]:
    if view[np[0]:np[1]].lower() not in PERSON_NOUNS:
        return np
    m = COPULA_NOUN.match(view, np[1], limit)
    words = m.group("np").lower().split() if m else ()
    if m is None or words[-1].endswith("ed") or any(w in NP_STOP for w in words):
        # "12 residents were killed on the road": what befell them, not what they
        # are ("3.5 million people are registered users")
        return np
    return m.span("np")


# How far before a figure its sentence subject can start ("The backlog of
# deferred maintenance and repairs was estimated at"): bounds the search.
COPULA_REACH = 140


MEASURE_VERB = regex.compile(
    r"(?<![\w'’])(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|was|stands?\s+at|stood\s+at|totals?|totall?ed|reached|amounts?\s+to"
    r"|amounted\s+to|(?:is|was)\s+(?:estimated|put)\s+at"
    r"|(?:grew|rose|fell|increased|decreased|climbed|dropped|declined)(?:\s+(?:by\s+)?(?:[^,;.]|\.\d){1,25}?)?,?\s+to)\s+"
    r"(?:about|around|approximately|some|nearly|almost|over|more\s+than|roughly)?\s*$")


def _possessed_measure(view: str, start: int, figure: int, names) -> tuple[_Name, tuple[int, int]] | None:
    """("Hong Kong", "population") for "Hong Kong's population stood at" or
    "the Hong Kong population was": the measure of a name said just before it."""
    m = MEASURE_VERB.search(view, max(start, figure - 60), figure)
    if not m or m.group("np") in NP_STOP or m.group("np") in NOT_COUNTED:
        return None
    np_start = m.start("np")
    for name in names:
        gap = view[name.end:np_start]
        if name.end <= np_start and gap in (" ", "'s ", "’s ") and _acceptable(name.text):
            if name.text.endswith(("'s", "’s")):  # "Hong Kong's": the name is Hong Kong
                name = _Name(name.start, name.end - 2, name.text[:-2], name.source)
            return name, m.span("np")
    return None


def _copula_subject(view: str, start: int, end: int) -> _Name | None:
    start = max(start, end - COPULA_REACH)
    clause = view[start:end]
    said = clause[:1].lower() + clause[1:]  # "Recreation visits reached ..."
    # white space in str.split's sense includes the pattern's \s: the same last word
    last = said.rsplit(None, 1)[-1:]
    if not last or last[0] not in COPULA_LAST_WORDS:
        return None
    m = COPULA_SUBJECT.search(said)
    if not m:
        return None
    words = m.group("np").split()
    if len(words) < 2 or words[0] in NP_STOP or words[-1] in NP_STOP:
        return None  # one bare word ("it", "funding") says too little
    text = m.group("np")
    # "backlog of deferred maintenance" and "deferred maintenance backlog" are one thing
    if len(words) >= 3 and words[1] == "of":
        text = " ".join(words[2:] + [words[0]])
    return _Name(start + m.start("np"), start + m.end("np"), text, "sentence-subject")


_NP_WORD = regex.compile(r"""\s*(?P<w>["“]?\w(?:[\w.'’&@+-]*[\w+])?["”]?)""")


def _counted_noun(view: str, pos: int, limit: int) -> tuple[tuple[int, int] | None, bool]:
    """The noun phrase a count counts: '16 State Key Laboratories in Hong Kong' -> 'State Key Laboratories'."""
    words: list[tuple[int, int, str]] = []
    p = pos
    in_name = False
    while p < limit and len(words) < 9:
        m = _NP_WORD.match(view, p, limit)
        if not m:
            break
        w = m.group("w")
        bare = w.strip("\"“”'’")
        lower = bare.lower()
        capital = bare[:1].isupper() or INNER_CAPITAL.match(bare) is not None or w.startswith(('"', "“"))
        if lower in NP_STOP:
            # "of" continues a Title Case name: "Branches of Chinese National ... Centres"
            if lower in ("of", "and", "for") and in_name:
                nxt = _NP_WORD.match(view, m.end(), limit)
                if nxt and nxt.group("w").strip("\"“")[:1].isupper():
                    words.append((m.start("w"), m.end("w"), w))
                    p = m.end()
                    continue
            if lower == "and" and words and not in_name:
                nxt = _NP_WORD.match(view, m.end(), limit)
                if nxt and not nxt.group("w")[:1].isdigit() and nxt.group("w").lower() not in NP_STOP \
                        and not _verb_after_and(view, nxt, limit):
                    words.append((m.start("w"), m.end("w"), w))
                    p = m.end()
                    continue
            break
        if lower in MONTHS or bare.isdigit():
            break
        if not words and lower in TIME_UNITS:
            return None, False  # "30 min delays", "a 24-hour service": a span of time, not a count
        if words and not in_name and not capital and (
                _plural(words[-1][2]) or words[-1][2].lower() in UNMARKED_PLURALS):
            break  # a plural noun heads its phrase: "423 units drew", "4,800 staff work"
        in_name = capital
        words.append((m.start("w"), m.end("w"), w))
        p = m.end()
        initials = NP_INITIALS.match(view, p, limit)
        if initials and words:
            p = initials.end()  # "communications technology (ICT) enterprises": the phrase goes on
            continue
        if view[p:p + 1] in ",;:().!?" or w.endswith(("”", '"')) and not capital:
            break
    if len(words) == 1 and not in_name and not _plural(words[0][2]):
        bare = words[0][2].strip("\"“”'’").lower()
        listed = ADJECTIVE_LIST.match(view, words[0][1], limit) if bare not in UNMARKED_PLURALS else None
        if listed:  # "20,000 permanent, temporary and seasonal employees" (not "staff and ...")
            return (words[0][0], listed.end("noun")), False
        if bare not in UNMARKED_PLURALS and DETERMINER_AFTER.match(view, words[0][1], limit):
            return None, False  # "of which 63 carry the title": a verb, nothing counted
    ands = [k for k, (_s, _e, w) in enumerate(words) if w.lower() == "and"]
    if ands and len(words) - ands[-1] - 1 < 2 and not in_name:
        words = words[:ands[-1]]  # "41 start-ups and attracted": the phrase ended before "and"
    while words and words[-1][2].lower() in ("of", "and", "for"):
        words.pop()
    if not words:
        return None, False
    # the phrase must end in a noun-like word, not an adjective, adverb or a time word
    last = words[-1][2].strip("\"“”'’").lower()
    if last.endswith("ly") or last in NOT_COUNTED:
        return None, False
    caps = sum(1 for _s, _e, w in words if w.strip("\"“”'’")[:1].isupper() or w.startswith(('"', "“")))
    named = caps >= 2 or any(w.startswith(('"', "“")) for _s, _e, w in words) or any(
        _distinctive(w.strip("\"“”'’")) and (not PLURAL_ACRONYM.fullmatch(w.strip("\"“”'’"))
                                              or f"({w.strip(chr(34) + '“”’')})" in view)  # defined: "(SKLs)"
        for _s, _e, w in words)
    return (words[0][0], words[-1][1]), named


# initials in brackets inside a noun phrase, with its noun still to come
NP_INITIALS = regex.compile(r"\s*\([A-Z][A-Za-z&]{1,8}\)(?=\s+[a-z])")


# "364 MPs", "2,000 SMEs", "40 NGOs": a plural of initials is a kind of thing, not a name
# (unless the document defines it as one: "State Key Laboratories (SKLs)")
PLURAL_ACRONYM = regex.compile(r"[A-Z]{2,5}['’]?s")


def _verb_after_and(view: str, word: regex.Match, limit: int) -> bool:
    """'13 804 staff and spanned different sectors': a verb ends the counted
    phrase; 'start-ups and listed companies': a participle before its noun does not."""
    w = word.group("w").lower()
    if not w.endswith(("ed", "ing")) or w in UNMARKED_PLURALS or "-" in w:
        return False  # "representative and potential-filled I&T enterprises": a compound adjective
    after = _NP_WORD.match(view, word.end(), limit)
    return after is None or not (_plural(after.group("w")) or after.group("w").lower() in UNMARKED_PLURALS)


# Nouns whose plural has no -s ("20,000 staff", "86 million people").
UNMARKED_PLURALS = frozenset(
    """people staff personnel children men women police cattle sheep fish deer aircraft
    crew alumni criteria media data""".split())  # not "public", "elderly", "youth": adjectives before a noun
DETERMINER_AFTER = regex.compile(r"\s+(?:the|a|an|their|its|his|her|our|your|this|that|these|those)\b")
ADJECTIVE_LIST = regex.compile(
    r"(?:,\s+[a-z][\w-]*)*,?\s+(?:and|or)\s+(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z][\w-]*s)\b")


# "Lakeshore Power ... serves about 1.25 million customers and employs more than
# 3,700 people": the name is the subject of a verb of having that holds the figure
HAVING = regex.compile(
    r"\b(?:has|had|have|owns|owned|runs|ran|operates|operated|serves|served|employs|employed"
    r"|manages|managed|maintains|maintained|holds|held|counts|counted|houses|housed)\b")


def _acts(view: str, name: _Name, mention: Mention) -> bool:
    if name.end > mention.start or mention.start - name.end > 120:
        return False
    between = view[name.end:mention.start]
    if any(ch in between for ch in ".;:"):
        return False
    verbs = list(HAVING.finditer(between))
    # the verb of having must stand next to the figure: "employs more than 3,700"
    return bool(verbs) and len(between) - verbs[-1].end() <= 25


def _verb_after(view: str, pos: int, limit: int) -> bool:
    """The figure is followed by one lower-case word that is not a plural noun and
    then a determiner: "63 carry the title", "25 drew the most visits"."""
    m = _NP_WORD.match(view, pos, limit)
    if not m:
        return False
    w = m.group("w")
    return (w.islower() and not _plural(w) and w not in NP_STOP and w not in UNMARKED_PLURALS
            and DETERMINER_AFTER.match(view, m.end(), limit) is not None)


def _plural(word: str) -> bool:
    """A lower-case word that reads as a plural noun: "units", "start-ups", not "bus", "status"."""
    w = word.strip("\"“”'’")
    return (len(w) > 3 and w.islower() and w.endswith("s")
            and not w.endswith(("ss", "us", "is", "ous", "'s", "’s", "ics"))
            and w not in SINGULAR_IN_S)


# Fields and mass nouns that end in -s but are not plurals of what is counted:
# "information and communications technology (ICT) enterprises" (like -ics
# fields: "electronics", "logistics")
SINGULAR_IN_S = frozenset("communications telecommunications news".split())


# a figure, or "a"/"an", up to two words before a noun: "four theological colleges", "an affiliated college"
_COUNTED_BEFORE = regex.compile(
    r"(?:\d|\b(?:an?|" + "|".join(NUMBER_WORDS) + r"))\s+(?P<sort>[\w-]+(?:\s+[\w-]+)?)\s+$", regex.IGNORECASE)


def _sorts_its_noun(view: str, sentence, np: tuple[int, int], memo: dict | None = None) -> bool:
    """"three federated universities, four constituent colleges, an affiliated
    college and four theological colleges": the sentence counts one noun in
    sorts, so a count's modifiers say which sort it is, and the sorts are not
    rival counts of all the colleges (nor of "twelve colleges" elsewhere).
    Another count of the bare noun ("added 40,000 volumes, bringing it to 2.1
    million printed volumes") is no other sort."""
    words = view[np[0]:np[1]].split()
    if len(words) < 2 or not words[0][:1].islower():
        return False
    head = canonical(words[-1])
    own = canonical(" ".join(words[:-1]))
    key = ("words", sentence.start)
    found = None if memo is None else memo.get(key)
    if found is None:
        # where each word of the sentence stands, by its folded form: looked up per count
        found = {}
        for m in _WORD.finditer(view, sentence.start, sentence.end):
            found.setdefault(canonical(m.group(0)), []).append(m.start())
        if memo is not None:
            memo[key] = found
    for at in found.get(head, ()):
        if np[0] <= at < np[1]:
            continue
        other = _COUNTED_BEFORE.search(view, max(sentence.start, at - 40), at)
        if other and canonical(other.group("sort")) != own:
            return True
    return False


_WORD = regex.compile(r"[\w-]+")


# Modifiers that make a count of a part of a population, not of all of it:
# "1,524 intersex people", "3,000 foreign students", "20,000 part-time staff".
SUBGROUP = frozenset("""male female intersex transgender urban rural foreign foreign-born migrant immigrant
    disabled unemployed part-time full-time international domestic non-local indigenous member associate""".split())


def _subgroup_head(np_text: str) -> str:
    """The head noun, with the subgroup modifiers before it kept: "intersex people"
    -> "intersex people"; "commonly used online services" -> "service"."""
    words = np_text.split()
    kept = [w for w in words[:-1] if w.lower() in SUBGROUP]
    return canonical(" ".join(kept + words[-1:])) if kept else _head(np_text)


def _head(np_text: str) -> str:
    """The head noun of a phrase: "commonly used online services" -> "service"."""
    words = np_text.split()
    return canonical(words[-1]) if words else ""  # "start-ups" -> "start up", whole


_NUMBER_OF = regex.compile(r"\b(?:number|total|count)\s+of\s+(?P<np>(?:[\w-]+\s+){0,2}[\w-]+)\b(?!.*\b(?:number|total)\s+of\b)", regex.I)


def _number_of(view: str, start: int, end: int) -> tuple[int, int] | None:
    """'the number of start-ups in Hong Kong grew by 6% to 3,360' -> 'start-ups';
    'the number of local start-ups rose' -> 'local start-ups' (up to its plural noun)."""
    m = _NUMBER_OF.search(view, start, end)
    if not m:
        return None
    words = []
    for w in m.group("np").split():
        if w.lower() in NP_STOP:
            break
        words.append(w)
        if _plural(w) or w.lower() in UNMARKED_PLURALS:
            break
    else:
        words = words[:1]  # no plural noun within reach: the first word only
    if not words:
        return None
    first = view.find(words[0], m.start("np"))
    return first, view.find(words[-1], first) + len(words[-1])


def _money_attribute(view: str, mention: Mention, c_start: int, c_end: int, memo: dict | None = None) -> str:
    key = ("money-tags", c_start, c_end)
    if memo is not None and key in memo:
        tags = list(memo[key])
    else:
        clause = view[c_start:c_end]
        folded = prefilter.folded(clause)
        tags = [tag for tag, pattern, words in ROLE_TAGS
                if prefilter.may_hold(folded, words) and pattern.search(clause)]
        if memo is not None:
            memo[key] = tuple(tags)
    anchor = mention.start
    change = FROM_TO_BEFORE.search(view, max(c_start, anchor - 60), anchor)
    if change:
        anchor = change.start()  # what the change is of is said before its first figure
    restated = RESTATED_BEFORE.search(view, max(c_start, anchor - 50), anchor)
    if restated:
        anchor = restated.start()  # "501 million euros (approximately $538 million)": one amount twice
    near_before = view[max(c_start, anchor - 60):anchor]
    # the verb nearest the figure: "The Fund has invested" is an investment
    verbs = list(VERB_ROLE.finditer(near_before, overlapped=True))
    verb = verbs[-1] if verbs else None
    role = "amount"
    if verb:
        v = verb.group("verb").lower()
        for stem, fam in VERB_FAMILY.items():
            if v.startswith(stem):
                role = fam
                break
    after = view[mention.end:min(c_end, mention.end + 40)]
    passive = VERB_AFTER.match(after)
    if passive:
        v = passive.group("verb").lower()
        role = next((fam for stem, fam in VERB_FAMILY.items() if v.startswith(stem)), role)
    if role == "amount" and INVESTMENT_AFTER.match(after):
        role = "invested"
    elif role == "amount" and FUNDED_AFTER.match(after):
        role = "size"
    named = ROLE_NOUN_AFTER.match(after)
    if named:  # "FY2020's record S$51.6 billion deficit"
        noun = named.group("noun").lower()
        role = next((fam for stem, fam in VERB_FAMILY.items() if noun.startswith(stem)), role)
    elif SALES_AFTER.match(after):
        role = "sales"
    price = PRICE_AFTER.match(after)
    if price:
        role = f"price per {price.group('what').lower()}"
    elif PRICE_BEFORE.search(view, max(c_start, mention.start - 60), mention.start):
        role = "price"  # "The ticket to enter costs USD 40": what one pays, not a sum held
    noun = MONEY_NOUN_AFTER.match(after) or MONEY_NOUN_BEFORE.search(view, max(c_start, mention.start - 40), mention.start)
    if noun:
        # "a $2 ticket", "a $1.6 billion jackpot", "a one-time cash option of $913 million"
        role = MONEY_NOUNS.get(canonical(noun.group("noun")), role)  # "bonus", not "bonu"
    if SAVING_BEFORE.search(view, max(c_start, mention.start - 30), mention.start) or SAVING_AFTER.match(after):
        role = "saving"  # "to save £145 million", "£145 million worth of savings": not a cost
    stage = BUDGET_STAGE.search(view, max(c_start, mention.start - 90), mention.start)
    if stage and role in ("amount", "funding", "budget"):
        # "authorized FY2007 funding of $17.932 billion", "the final appropriation was":
        # the budget's stage decides what the amount is
        role = next(fam for stem, fam in VERB_FAMILY.items() if stage.group(0).lower().startswith(stem))
    if INTO_AFTER.match(after):
        role = "injection"  # "$5 billion into the Innovation and Technology Fund": money put in
    elif GIVER_BEFORE.search(view, max(c_start, mention.start - 120), mention.start):
        role = "granted"  # "supported by the Fund, involving a funding amount of $1.12 billion": money paid out
    if INITIAL_BEFORE.search(view, max(c_start, mention.start - 80), mention.start) and "initial" not in tags:
        tags.append("initial")  # "launched in 2015 with £10 million": the starting sum
    if AVERAGE_BEFORE.search(view, max(c_start, mention.start - 40), mention.start) and "average" not in tags:
        tags.append("average")
    if MARGIN_BEFORE.search(view, max(c_start, mention.start - 60), mention.start) or \
            COUNT_CHANGE_BEFORE.search(view, max(c_start, mention.start - 40), mention.start):
        # "besting its 2019 revenue by around $400 million", "rose by $2 billion": not a level
        tags.append("margin" if MARGIN_BEFORE.search(view, max(c_start, mention.start - 60), mention.start)
                    else "change")
    elif MORE_THAN_AFTER.match(after) and "additional" not in tags:
        tags.append("change")  # "will cost $1.5 billion more than current estimates": an overrun, not a total
    recipient = RECIPIENT.search(view, mention.end, min(c_end, mention.end + 120)) or \
        RECIPIENT.search(view, max(c_start, mention.start - 80), mention.start)
    if recipient:
        tags.append("per " + canonical(recipient.group("noun")))
    if memo is not None:
        memo["money-role-unsaid"] = role == "amount"
    return "; ".join([FUNDING_ROLES.get(role, role)] + tags)


def _quantity_attribute(view: str, mention: Mention, c_start: int, c_end: int) -> str | None:
    after = view[mention.end:min(c_end, mention.end + 60)]
    if mention.kind == "percent":
        of = SHARE_OF.match(after)
        before = view[max(c_start, mention.start - 40):mention.start]
        rise = GROWTH_BEFORE.search(before) or GROWTH_AFTER.match(view, mention.end)
        if rise:
            # "down nearly 90 per cent" is a fall, "increased by 12.9%" a rise: two measures
            down = DOWNWARD.search(rise.group(0))
            base = BASE_PERIOD.match(view, mention.end, c_end)
            period = parse_period(base.group("period")) if base else None
            attribute = "decline" if down else "growth"
            # "up 1% from mid-2018": a change is of its base, not a figure to revise
            return f"{attribute} [over {period.label()}]" if period else attribute
        if of:
            np = [w for w in of.group("np").split() if w.lower() not in NP_STOP]
            if not np:
                return None
            # "59% of the founders were Hong Kong locals", "34% ... were non-locals":
            # what the share is of those who are something says which share it is
            said = SHARE_PREDICATE.match(view, mention.end + of.end(), c_end)
            which = f" [{canonical(said.group('pred'))}]" if said else ""
            return "share of " + canonical(" ".join(np)) + which
        return "percent"  # a level whose measure the text leaves implicit
    if mention.kind in ("area", "length"):
        m = AREA_NOUN.match(after)
        noun = canonical(m.group("np")) if m and m.group("np") else mention.kind
        return noun
    if mention.kind in ("power", "energy"):
        # "1.9 GW of new solar capacity", "35.2 TWh of wind power": what it measures
        m = MEASURED_OF.match(after)
        words = []
        for w in (m.group("np").split() if m else ()):
            if w.lower() in NP_STOP or w.lower() in ("last", "this", "next", "per", "year", "years", "month"):
                break
            words.append(w)
        if words or mention.kind != "energy":
            return f"{mention.kind} of {canonical(' '.join(words))}" if words else mention.kind
        # "total electricity consumption ... was 50.7 TWh", "renewable production
        # ... totaling 31.2 TWh": what the clause says the figure is of
        said = [m.group(0).lower() for m in ENERGY_SCOPE.finditer(view, max(c_start, mention.start - 120), mention.start)]
        said += [m.group(0).lower() for m in ENERGY_SCOPE.finditer(view, mention.end, min(c_end, mention.end + 40))]
        return f"{mention.kind} [{' '.join(dict.fromkeys(said))}]" if said else mention.kind
    return None


ENERGY_SCOPE = regex.compile(r"\b(?:non-renewable|renewables?|fossil|solar|wind|hydro(?:power|electric)?|nuclear|coal"
                             r"|gas|consumption|demand|import(?:s|ed)?|export(?:s|ed)?)\b", regex.IGNORECASE)


# Every SCOPE match holds one of these (hklint.extract.prefilter).
_SCOPE_WORDS = ("phase", "stage", "batch", "upon")


def _scope(view: str, start: int, end: int) -> str:
    tags = []
    if prefilter.lacks_all(view[start:end], _SCOPE_WORDS):
        return ""
    for m in SCOPE.finditer(view, start, end):
        if m.group("full"):
            tags.append("full development")
        else:
            kind = (m.group("kind") or m.group("kind2")).lower()
            n = (m.group("n") or m.group("ord")).lower()
            n = {"first": "1", "one": "1", "i": "1", "second": "2", "two": "2", "ii": "2",
                 "third": "3", "three": "3", "iii": "3", "fourth": "4"}.get(n, n)
            tags.append(f"{kind} {n}")
    return ", ".join(sorted(set(tags)))


# "the Fund gives the National Park Service up to $1.3 billion": the name after a
# verb of giving receives the amount; the giver owns it
GIVES_TO = regex.compile(r"\b(?:gives?|gave|grants?|granted|provides?|provided|awards?|awarded"
                         r"|allocates?|allocated|pays?|paid|offers?|offered)\s+(?:the\s+)?$", regex.IGNORECASE)


MEASURE_OF_BEFORE = regex.compile(r"\b(?:tonnes?|tons?|barrels?|litres?|liters?|gallons?|kilograms?|kg|pounds|ounces"
                               r"|units|doses|cubic\s+met(?:re|er)s|bushels|carats)\s+of\s+(?:the\s+)?$", regex.IGNORECASE)
HEAD_WITH_FIGURE = regex.compile(r"(?:\b(?:by|then|and)|,)\s+(?:the\s+state\s+of\s+|the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?(?P<w>[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)?)"
                              r"(?:\s+(?:with|at)\s+|\s*\(\s*)(?:(?:about|around|some|over|nearly|almost|just)\s+)?$")
SOURCE_BEFORE = regex.compile(r"\b(?:according\s+to|(?:as\s+)?(?:highlighted|reported|noted|stated|cited|quoted|estimated"
                              r"|registered|recorded|measured|compiled|monitored)"
                              r"\s+by|(?:data|figures|statistics|estimates?)\s+from|told)\s+(?:the\s+)?$",
                              regex.IGNORECASE)
PARENT_BEFORE = regex.compile(r"\b(?:subsidiary|subsidiaries|unit|division|arm|affiliate|member)\s+of\s+(?:the\s+)?$"
                              r"|\b(?:owned|controlled|run|operated)\s+by\s+(?:the\s+)?$", regex.IGNORECASE)
# "Cyberport, a wholly-owned Hong Kong government facility, is ...": what
# the commas set off after a name describes that name
APPOSITIVE = regex.compile(r",\s+(?:a|an|the)\s+[^,;.()\d]{1,80},\s")
LOCATIVE_BEFORE = regex.compile(r"\b(?:(?:based|located|headquartered|registered|incorporated|listed)\s+in"
                                r"|across|throughout)\s+(?:the\s+)?$", regex.IGNORECASE)
# "both worldwide and in North America": a place a clause is about
IN_PLACE_BEFORE = regex.compile(r"\b(?:in(?:\s+both)?|across|throughout)\s+(?:the\s+)?$", regex.IGNORECASE)


def _owner(view, names, c_start, c_end, sentence, mention, lead, previous):
    head = HEAD_WITH_FIGURE.search(view, max(c_start, mention.start - 40), mention.start)
    if head and head.start("w") > sentence.start and canonical(head.group("w")) not in GENERIC \
            and head.group("w").lower() not in MONTHS | WEEKDAYS:
        # "followed by Karnataka with 524 tigers and then Uttarakhand with 442": the
        # name the figure is given with owns it, not the list's first name
        own = next((n for n in names if n.end == head.end("w")), None)
        return own or _Name(head.start("w"), head.end("w"), head.group("w"), "title-case"), 0.6
    if mention.kind == "money":
        givers = [n for n in names if not GIVES_TO.search(view, max(0, n.start - 16), n.start)]
        names = givers if givers else names
    if mention.kind == "count":
        # a count's owner comes before it: in "two medical schools, 16 State Key
        # Laboratories" the laboratories do not own the schools
        names = [n for n in names if n.end <= mention.start]
    # "981.3 million tonnes of CO2": what a measure is of is not its owner
    names = [n for n in names if not MEASURE_OF_BEFORE.search(view, max(0, n.start - 30), n.start)]
    # "As a wholly owned subsidiary of Cathay Pacific, it operates 32 aircraft":
    # the parent is not what operates them; "as highlighted by the Wall Street
    # Journal", "according to Reuters": a source tells the figure, it does not own it
    names = [n for n in names if not PARENT_BEFORE.search(view, max(0, n.start - 40), n.start)
             and not SOURCE_BEFORE.search(view, max(0, n.start - 40), n.start)]
    names = _without_appositives(view, names, mention.start)
    names = _without_speakers(view, names, mention.start)
    added = FRONTED_ADDITION_PHRASE.match(view, c_start, mention.start)
    if added is not None:
        # "Along with ... four gorillas in a sanctuary in DRC, this brings the total
        # to 786": a name in what is added in does not own the total
        names = [n for n in names if not c_start <= n.start < added.end()]
    # "Mega Millions aside, the Powerball jackpot is $620 million", "apart from
    # Harbour Air": a name set aside owns nothing the sentence goes on to say
    set_aside = [n for n in names if ASIDE_AFTER.match(view, n.end, min(len(view), n.end + 8)) or EXCEPT_BEFORE.search(view, max(0, n.start - 20), n.start)]
    if set_aside:
        names = [n for n in names if n not in set_aside]
        if not names:
            return None, 0.0  # what the sentence is about is unnamed: not the heading's either
    # "79% of its 288,630 FPL customers and 95% of its 173,605 cooperative
    # customers": a name right after another figure is what that figure counts
    names = [n for n in names if not _counted_by_another(view, n, mention)]
    in_clause = [n for n in names if c_start <= n.start and n.end <= c_end]
    if in_clause:
        # "an airline based in Hong Kong, offering services to 162 destinations": a
        # place a name is in is its scope, not the owner, when the clause names another
        placed = [n for n in in_clause if LOCATIVE_BEFORE.search(view, max(0, n.start - 30), n.start)]
        if placed and len(placed) < len(in_clause):
            in_clause = [n for n in in_clause if n not in placed]
        best = _best_name(in_clause, mention.start)
        if lead is not None and lead.source == "lead-in" and lead.start <= best.start and best.end <= lead.end \
                and len(lead.text) > len(best.text):
            # "U of T at Scarborough: 9,603 students": the whole label, not the name it starts with
            return lead, 0.7
        return best, (0.85 if _is_programme(best) or best.source in ("bold", "quoted") else 0.7)
    in_sentence = [n for n in names if n.end <= mention.start]
    if in_sentence:
        # "the No. 1 tour both worldwide and in North America, but she also
        # brought in $1.04 billion": a place in another clause is a scope there
        placed = [n for n in in_sentence if not c_start <= n.start < c_end
                  and IN_PLACE_BEFORE.search(view, max(0, n.start - 30), n.start)]
        if placed and len(placed) < len(in_sentence):
            in_sentence = [n for n in in_sentence if n not in placed]
        best = _best_name(in_sentence, mention.start)
        return best, (0.75 if _is_programme(best) else 0.6)
    anaphor = ANAPHOR.search(view, sentence.start, sentence.end)
    earlier = previous(anaphor.group(0).split()[-1]) if anaphor else None
    if earlier is not None:
        return earlier, 0.7
    if lead is not None:
        # a heading is weak evidence: shown only with --min-confidence 0.5
        return lead, (0.7 if lead.source == "lead-in" else 0.5)
    return None, 0.0


# "Microsoft revealed that Minecraft had sold", "Elon Musk said SpaceX would":
# a name before a verb of saying tells the figure; the name it tells of owns it
SPEAKER_AFTER = regex.compile(
    r"['’]?s?\s*(?:,[^,.;]{1,40},\s*|,\s*)?(?:has\s+|have\s+|had\s+)?(?:said|says|told|tells|revealed|reveals|stated|states"
    r"|confirmed|confirms|noted|notes|added|adds|explained|explains|claimed|claims|wrote|writes|tweeted|insisted"
    r"|reported|reports|announced|announces)\b")


ASIDE_AFTER = regex.compile(r"\s+aside\b", regex.IGNORECASE)
EXCEPT_BEFORE = regex.compile(r"\b(?:apart\s+from|aside\s+from|except(?:\s+for)?|other\s+than|besides|unlike)\s+(?:the\s+)?$",
                              regex.IGNORECASE)
OWN_FIGURE_BEFORE = regex.compile(r"(?<![\w.,])(?P<n>\d(?:[\d,.]*\d)?)(?:[ \t]+(?:thousand|million|billion))?[ \t]+$")


def _counted_by_another(view: str, name: _Name, mention: Mention) -> bool:
    """A name between another figure and its counted noun on its line ("288,630
    FPL customers"); not after a year, nor in a list of names and figures ("SPD
    206 FDP 92")."""
    before = OWN_FIGURE_BEFORE.search(view, max(0, name.start - 25), name.start)
    if before is None or mention.start <= before.start() < mention.end:
        return False
    noun = _NP_WORD.match(view, name.end, min(len(view), name.end + 40))
    if noun is None or not (_plural(noun.group("w")) or noun.group("w") in UNMARKED_PLURALS):
        return False
    n = before.group("n")
    return not (len(n) == 4 and n.isdigit() and 1900 <= int(n) <= 2100)


def _without_speakers(view: str, names: list[_Name], figure: int) -> list[_Name]:
    """A speaker owns none of what they tell of another name between them and the figure."""
    speakers = [n for n in names if n.end <= figure and SPEAKER_AFTER.match(view, n.end, min(len(view), n.end + 70)) is not None
                and any(n.end < m.start and m.end <= figure for m in names)]
    return [n for n in names if n not in speakers] if speakers else names


def _without_appositives(view: str, names: list[_Name], figure: int) -> list[_Name]:
    """Names in an appositive ("Cyberport, a wholly-owned Hong Kong government
    facility, is ... with more than 1,500 start-ups") describe the name before
    it: they own none of the figures after it."""
    described = []
    for n in names:
        m = APPOSITIVE.match(view, n.end, min(len(view), n.end + 100))
        if m is not None and m.end() <= figure:
            described += [x for x in names if n.end < x.start and x.end <= m.end()]
    return [n for n in names if n not in described] if described else names


def _event_date(view: str, mention: Mention, date_start: int, c_start: int) -> bool:
    verbs = [v for v in EVENT_VERB.finditer(view, max(c_start, date_start - EVENT_REACH), date_start)
             # "61 orbital launches in 2022": the counted noun, not a verb
             if not (v.group(0).endswith("s") and COUNTED_WORDS.fullmatch(view, mention.end, v.start()))]
    if not verbs:
        return False
    verb = verbs[-1]
    if FIGURE_DIGIT.search(view, verb.end(), date_start) and not verb.end() <= mention.start < date_start:
        return False  # another figure stands between: the date may be that one's
    counted = mention.kind == "count" and verb.end() <= mention.start < date_start
    return not counted


def _as_of(view: str, mention: Mention, in_sentence, c_start, c_end, memo: dict | None = None) -> Period | None:
    """The date the figure is stated for: a cued date in its clause, else a strong cue in its sentence."""
    best = None
    best_distance = None
    before = PREVIOUS_YEAR.match(view, mention.end, min(c_end, mention.end + 40))
    if before is not None:
        # "3.1% in 2022, compared to 5.1% the previous year": the year before the one named
        years = [p for s, _e, p in in_sentence if p.granularity == "year" and s < mention.start]
        if len({p.start for p in years}) == 1:
            y = years[0].start.year - 1
            return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", f"{' '.join(before.group('when').split())} ({y})")
    for s, e, period in in_sentence:
        if 0 <= s - mention.end <= 40 and view[e:e + 1] == ")" and OWN_YEAR.fullmatch(view, mention.end, s):
            return period  # "6,616+ (2023)", "6,500 staff (2021)": the figure's own year, in brackets
        if e < mention.start and period.granularity in ("year", "fiscal-year", "quarter", "half", "month") \
                and (view[e:e + 2] in ("'s", "’s") or YEAR_DETERMINER.search(view, max(0, s - 30), s)) \
                and YEAR_OF_NOUN.fullmatch(view, e, mention.start):
            # "2021's receipts of S$1.9 billion", "Harbour Board's 2019 revenue was $5
            # billion": the year names what the figure is of
            return period
        cue = AS_OF_CUE.search(view[max(0, s - 30):s])
        if not cue and (period.granularity == "fiscal-year" and FISCAL_WORDS.search(period.text)
                        or period.granularity == "span" and MONTH_SPAN.match(period.text)) \
                and c_start <= s and e <= c_end \
                and not NOT_FY_DIGIT.search(view, min(e, mention.end), max(s, mention.start)):
            # "With fiscal year 2015 revenue of $485.7 billion": a period by itself, in its clause
            cue = SELF_CUE.match("in")
        if not cue:
            continue
        word = cue.group(0).strip().lower()
        if word.startswith("since") and SINCE_WHEN.match(view, e) and s < mention.start:
            # "the greatest loss since 2006, when 14,286 square kilometres were cleared": that year's
            word = "in"
            cue = SELF_CUE.match("in")
        onwards = (word.startswith("since") and not SUPERLATIVE_SINCE.search(view, max(0, s - 40), s)) or (
            word.startswith("from") and (SINCE_FROM.search(view, max(0, s - 40), s)
                                         or _onwards_after(view, e))) or (
            # "Since the appeal started in 1980, £480 million has been raised": from then on
            s < mention.start and FRONTED_SINCE.match(view, c_start, s) is not None)
        if word.startswith(("since", "from", "until", "through", "within")) and not onwards:
            continue  # "from 138 in 2016 to 468": a change, not a time the figure holds
        if COMPARED_WITH.search(view, max(0, s - 50), s):
            continue  # "40% more than in 2020": the base of a comparison
        if SINCE_WHAT.search(view, max(0, s - 50), s):
            continue  # "the biggest since independence in 1965": the start of a comparison
        if s > mention.end and BEATEN_RECORD.search(view, max(mention.end, s - 80), s):
            continue  # "10.2 million visitors ... outstripped the record set in 2012": the old record's year
        in_clause = c_start <= s and e <= c_end
        if not in_clause and not STRONG_CUE.match(word) and not (onwards and s < mention.start):
            continue  # "Since 2023, ... over 130": a fronted "since" covers what follows, not what went before
        if _event_date(view, mention, s, c_start):
            continue
        if s >= mention.end and CHANGE_START.match(view, mention.end, s):
            continue  # "from some 5 595 to 7 200 in 2024/25": the date is the new figure's
        # "from 138 in 2016 to 468 in 2020": a date just after a figure is its
        # own; one before it belongs to it only when nothing nearer follows
        distance = (s - mention.end) if s >= mention.end else (mention.start - e) + 20
        between = view[mention.end:s] if s >= mention.end else view[e:mention.start]
        if s < mention.start and PRESENT_AFTER.match(view, mention.end, c_end):
            continue  # "from 1,500 stores in 2011 to 4,200 stores currently": now, not 2011
        if s < mention.start and "," in between and _in_fronted_addition(view, s, c_start):
            # "Along with the 302 gorillas censused in Bwindi in 2006 and ..., this
            # brings the world total to 786": the date of what is added in, not the total's
            continue
        if DIGIT.search(between):
            if s >= mention.end and (PLAN_WORDS.search(between) or _compared_base(between)
                                     or word.startswith(("since", "from"))):
                # "counts 10 unicorns ..., wants to boost them to 30 in 2032": the plan's
                # date; "HK$2.43 billion, rebounding from a HK$678 million loss in 2022":
                # the base's; "$30 billion Fund, the $5 billion Fund, the land ...
                # starting from 2024": an onset after another figure is that one's
                continue
            distance += 100  # another figure stands nearer to this date: it is that one's
        distance += 0 if in_clause else 200
        if best_distance is None or distance < best_distance:
            if onwards:
                # "since 2023", "from September 2024": from then until the document's
                # date, which the engine fills in (ONWARDS)
                said = cue.group(0).strip() if word.startswith(("since", "from")) else "since"
                period = Period(period.start, period.end, ONWARDS, f"{said} {period.text}")
            elif period.granularity == "fiscal-year" and (ACADEMIC_AFTER.match(view, e)
                                                          or ACADEMIC_BEFORE.search(view, max(0, s - 24), s)):
                # "the 2024/25 academic year" runs from September to August
                period = Period(period.start.replace(month=9, day=1),
                                period.end.replace(month=8, day=31), "span", period.text)
            best, best_distance = period, distance
    if best is None:
        # "A 2013 data breach that ... impacted 3 billion user accounts": the
        # year the clause's subject is named by is its figures' year
        lead = LEADING_YEAR.match(view, c_start, c_end)
        if lead is not None:
            best = next((p for s, _e, p in in_sentence if s == lead.end() and p.granularity == "year"
                         and s < mention.start), None)
    if best is None:
        best = _over_a_span(view, mention, in_sentence, c_start, c_end)
    if best is None:
        best = _relative_period(view, mention, c_start, c_end, memo)
    if best is None:
        best = _source_edition(view, c_start, c_end)
    if best is None:
        # "while introducing the All India Tiger Estimation Report 2018, said, India
        # has ... around 3,000 tigers": the figures a named edition gives are of its year
        editions = [p for s, _e, p in in_sentence if p.granularity in ("year", "fiscal-year")
                    and NAMED_EDITION.search(view, max(0, s - 14), s)]
        if len(editions) == 1:
            best = editions[0]
    return best


# "5.1% the previous year", "250 staff a year earlier": the figure of the year before
# (not "+6% from the previous year", "3% more than the year before": a change over it)
PREVIOUS_YEAR = regex.compile(r"\s*(?:(?!(?:from|than|over|on|compared|against|versus|vs|more|less|higher|lower|up|down"
                           r"|above|below|since)\b)[a-z]+\s+){0,3}?(?:in\s+|during\s+)?(?P<when>the\s+(?:previous|preceding|prior)\s+year"
                           r"|the\s+year\s+before|a\s+year\s+(?:earlier|before))\b", regex.IGNORECASE)
# from a year before a noun to the noun's figure: "2021's receipts of ", "2019 revenue was "
YEAR_OF_NOUN = regex.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){1,4}?(?:of|was|were|is|are|at|totall?ed|reached|hit"
                             r"|stood\s+at)\s+(?:(?:about|around|some|nearly|almost|over|more\s+than|roughly|just)\s+)?")
YEAR_DETERMINER = regex.compile(r"(?:['’]s|\b(?:the|its|their|his|her|our))\s+$", regex.IGNORECASE)
BEATEN_RECORD = regex.compile(r"\b(?:outstrip|surpass|exceed|beat|top(?:ped|s)?\b|eclips|br(?:eak|oke))\w*\s+"
                           r"(?:the|its|a|their)\s+(?:previous\s+|old\s+|prior\s+|earlier\s+)?(?:record|high|peak|best)\b"
                           r"[^.;\d]{0,30}$", regex.IGNORECASE)
PRESENT_AFTER = regex.compile(r"[^\d.;,]{0,30}?\b(?:currently|now|today|at\s+present)\b", regex.IGNORECASE)
# a sentence that opens with an amount sizing its own noun: "A $1.1 trillion budget bill that ..."
SIZED_SUBJECT_BEFORE = regex.compile(r"\W*(?:[A-Z][A-Za-z .,'’-]{1,40}[—–-]\s*)?(?:A|An|The)\s+$")
SIZED_NOUN_AFTER = regex.compile(r"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:that|which|would|will|is|was|has|had"
                                 r"|for|to)\b")
SINCE_WHEN = regex.compile(r",?[ \t]+when\b")
FRONTED_SINCE = regex.compile(r"\s*(?:[-*•]\s*)?since\s[^,;]*$", regex.IGNORECASE)
# "Along with the 302 gorillas ...,", "When combined with the 300 gorillas from
# Uganda's 2006 census,": a fronted phrase of what is added to the sentence's figure
_ADDITION_LEAD = (r"\s*(?:[-*•]\s*)?(?:(?:when\s+)?(?:along|together|combined|taken\s+together)\s+with"
                  r"|in\s+addition\s+to|added\s+to|besides|on\s+top\s+of)\b")
FRONTED_ADDITION = regex.compile(_ADDITION_LEAD + r"[^,;]*$", regex.IGNORECASE)
FRONTED_ADDITION_PHRASE = regex.compile(_ADDITION_LEAD + r"[^,;]*,", regex.IGNORECASE)


def _in_fronted_addition(view: str, s: int, c_start: int) -> bool:
    """Whether the date at ``s`` is inside a fronted phrase that adds something
    to the figure after it (the phrase runs from the clause's start to ``s``)."""
    return FRONTED_ADDITION.match(view, c_start, s) is not None


LEADING_YEAR = regex.compile(r"\s*(?:[-*•]\s*)?(?:A|An|The)\s+(?=(?:19|20)\d\d\s+[a-z])")
NAMED_EDITION = regex.compile(r"\b(?:Report|Survey|Census|Estimation|Estimates?|Assessment|Review|Yearbook|Statistics"
                              r"|Index|Outlook|Digest|Almanac|Budget|Accounts)\s+$")


# "last year", "this month", "in April", "as of April 30": a time the text names
# without its year, resolved against the document's date by the engine (a
# Period of source RELATIVE whose year is a placeholder; see relative_to()).
RELATIVE = "relative"
_MONTH_NAMES = ("January February March April May June July August September October November "
                "December").split()
RELATIVE_TIME = regex.compile(
    r"\b(?P<cue>in|during|for|as\s+(?:of|at)|by|at\s+the\s+end\s+of|end-|last|this|on|(?:in|during)\s+the\s+month\s+of)\s*"
    r"(?:(?P<rel>(?<=last\s|this\s)(?:year|month))"
    r"|(?:the\s+)?(?P<quarter>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?!\s+(?:of\s+)?(?:\d|this|last|next))"
    r"|(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|December))"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?)?)\b(?!\s*,?\s*(?:\d{4}|of\s+\d|\d{1,2}\s*,?\s*\d{4}))",
    regex.IGNORECASE)


RELATIVE_BASE = regex.compile(
    r"\b(?:on|over|from|than|with|against|versus|vs\.?|compared)\b[^.;,\d]{0,30}$", regex.IGNORECASE)


# Every RELATIVE_TIME match holds one of these words in any case, or the
# name of a month as written (its month names are case-sensitive).
_RELATIVE_TIME_WORDS = ("year", "month", "quarter")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _may_name_relative_time(clause: str) -> bool:
    """False when RELATIVE_TIME cannot match in ``clause``: most clauses, which
    then cost two substring tests instead of the pattern's scan."""
    return prefilter.may_hold(prefilter.folded(clause), _RELATIVE_TIME_WORDS) \
        or any(map(clause.__contains__, _MONTH_NAMES))


def _relative_times(view: str, c_start: int, c_end: int, memo: dict | None) -> list:
    """The clause's periods without a year that are no base of a comparison:
    the same for every figure of the clause, found once per clause."""
    found = None if memo is None else memo.get(("relative times", c_start, c_end))
    if found is None and not _may_name_relative_time(view[c_start:c_end]):
        found = []
    if found is None:
        found = [m for m in RELATIVE_TIME.finditer(view, c_start, c_end)
                 if not (COMPARED_WITH.search(view, max(c_start, m.start() - 50), m.start())
                         or RELATIVE_BASE.search(view, max(c_start, m.start() - 40), m.start()))]
        if memo is not None:
            memo["relative times", c_start, c_end] = found
    return found


# "Ten years ago", "two decades ago", "a year ago": so many years before the page was written
YEARS_AGO = regex.compile(r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
                          r"|thirty|\d{1,2})\s+(?P<unit>years?|decades?)\s+ago", regex.IGNORECASE)
_AGO_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30}


def _years_back(m: regex.Match) -> int:
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _AGO_WORDS[n]
    return count * (10 if m.group("unit").lower().startswith("decade") else 1)


def _relative_period(view: str, mention: Mention, c_start: int, c_end: int,
                     memo: dict | None = None) -> Period | None:
    """A period the clause names without its year, nearest the figure; not the
    base of a comparison ("up 5% on last year")."""
    if "ago" in view[c_start:c_end]:
        for m in YEARS_AGO.finditer(view, c_start, c_end):
            outside = view[m.end():mention.start] if m.end() <= mention.start else view[mention.end:m.start()]
            if not DIGIT.search(outside):
                return Period(dt.date(1, 1, 1), dt.date(1, 12, 31), "year", " ".join(m.group(0).split()), RELATIVE)
    best = None
    for m in _relative_times(view, c_start, c_end, memo):
        if m.start() < mention.end and NUMBER_START.search(view, m.end(), mention.start) or \
                m.start() >= mention.end and NUMBER_START.search(view, mention.end, m.start()):
            continue  # another figure stands between: the time is that one's (not "Covid-19")
        distance = abs(m.start() - mention.start)
        if best is None or distance < best[0]:
            best = (distance, m)
    if best is None:
        return None
    m = best[1]
    if m.group("quarter"):
        q = ("first", "second", "third", "fourth").index(m.group("quarter").lower()) + 1 \
            if m.group("quarter").isalpha() else int(m.group("quarter")[0])
        last = 3 * q
        return Period(dt.date(1, last - 2, 1), dt.date(1, last, calendar.monthrange(2001, last)[1]), "quarter",
                      m.group(0).strip(), RELATIVE)
    if m.group("rel"):
        which = f"{m.group('cue').lower()} {m.group('rel').lower()}"
        if m.group("rel").lower() == "year":
            return Period(dt.date(1, 1, 1), dt.date(1, 12, 31), "year", which, RELATIVE)
        return Period(dt.date(1, 1, 1), dt.date(1, 1, 31), "month", which, RELATIVE)
    month = _MONTH_NAMES.index(m.group("month").capitalize()) + 1
    if m.group("day"):
        try:
            day = dt.date(1, month, int(m.group("day")))
        except ValueError:
            return None
        return Period(day, day, "day", m.group(0).strip(), RELATIVE)
    end = dt.date(1, month, calendar.monthrange(2001, month)[1])
    return Period(dt.date(1, month, 1), end, "month", m.group(0).strip(), RELATIVE)


def relative_to(period: Period, on: dt.date) -> Period:
    """The period a text written on ``on`` meant by "last year", "this month",
    "in April" or "as of April 30": the latest such time not after ``on``."""
    text = period.text.lower()
    if text.endswith("year"):
        year = on.year - 1 if text.startswith("last") else on.year
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", period.text, "text")
    ago = YEARS_AGO.fullmatch(text)
    if ago is not None:
        year = on.year - _years_back(ago)
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", period.text, "text")
    if text.endswith("month") and period.granularity == "month":
        first = on.replace(day=1)
        if text.startswith("last"):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return Period(first, first.replace(day=calendar.monthrange(first.year, first.month)[1]),
                      "month", period.text, "text")
    if period.granularity == "quarter":
        # "the second quarter": the latest such quarter that has ended by then
        year = on.year if (period.end.month, period.end.day) <= (on.month, on.day) else on.year - 1
    else:
        year = on.year if (period.start.month, period.start.day) <= (on.month, on.day) else on.year - 1
    start = period.start.replace(year=year)
    end = period.end.replace(year=year, day=min(period.end.day, calendar.monthrange(year, period.end.month)[1]))
    return Period(start, end, period.granularity, period.text, "text")


# "Between 2018 and 2020, the number of start-ups rose 28% to 3,360": the
# change holds for the span, the level it reached for the span's last year.
SPAN_WORDS = regex.compile(r"(?:between|from|over)\b", regex.IGNORECASE)
LEVEL_AFTER_CHANGE = regex.compile(r"\bto\s*(?:about|around|some|nearly|almost|over|more\s+than)?\s*$", regex.IGNORECASE)
CHANGE_BY = regex.compile(
    r"\b(?:rose|fell|grew|increased|decreased|dropped|declined|climbed|jumped|up|down|by)\s*$", regex.IGNORECASE)


def _over_a_span(view: str, mention: Mention, in_sentence, c_start: int, c_end: int) -> Period | None:
    spans = [(s, p) for s, e, p in in_sentence
             if p.granularity == "span" and c_start <= s and e <= c_end and s < mention.start
             and SPAN_WORDS.match(p.text)]
    if len(spans) != 1:
        return None
    _s, span = spans[0]
    if LEVEL_AFTER_CHANGE.search(view, max(c_start, mention.start - 16), mention.start):
        last = span.end.year
        return Period(dt.date(last, 1, 1), dt.date(last, 12, 31), "year", span.text)
    if mention.kind == "percent" and CHANGE_BY.search(view, max(c_start, mention.start - 12), mention.start):
        return span
    return None


# A title that names the period a document reports on: "ANNUAL REPORT, FISCAL
# YEAR 2022", "Annual Review 2022-23", "2023 Annual Report" (in its first lines).
# A title that says the page reports on one period: "Annual Report 2019", "Year in
# Review", and fact sheets ("Library At-A-Glance In fiscal year 2017", "Facts and
# Figures 2020", "2021 by the numbers")
REPORT_TITLE = regex.compile(r"\b(?:annual\s+(?:report|review)|year\s+in\s+review|yearbook|at[\s-]+a[\s-]+glance"
                             r"|fact\s*sheet|facts\s+(?:and|&)\s+figures|key\s+(?:facts|figures|statistics)"
                             r"|by\s+the\s+numbers)\b", regex.IGNORECASE)
TITLE_LINES = 4
# "now", "currently": a figure of the document's own day, not of the year reported on
# a sentence that goes on about the time of the one before it
BACK_REFERENCE = regex.compile(r"\s*(?:among\s+(?:them|these|those)|of\s+(?:these|them|those|which|this|that)"
                               r"|(?:in|during|for)\s+(?:that|the\s+same)\s+(?:period|quarter|month|year|week)"
                               r"|(?:that|the\s+same)\s+(?:year|quarter|month))\b", regex.IGNORECASE)
SAME_PERIOD = regex.compile(r"\b(?:in|during|for|over)\s+the\s+same\s+(?:period|quarter|month|year|week)\b",
                            regex.IGNORECASE)
NOW = regex.compile(r"\b(?:now|currently|today|at\s+present|to\s+date|so\s+far)\b", regex.IGNORECASE)


TITLE_MAX = 100  # characters of a title line; a longer one is a sentence or a citation


def _title_like(line: str) -> bool:
    """A short line that does not end as a sentence or a citation does ("Solar
    power Germany 2016 fact sheet: electricity generation, ... opinion.[1]")."""
    text = line.strip()
    return len(text) <= TITLE_MAX and (text.endswith("...") or not text.endswith((".", "]", ";", "!", "?")))


def _report_period(view: str, periods) -> Period | None:
    """The period a report's title says it covers, if one of its first lines is
    such a title and names exactly one period."""
    start = 0
    for _ in range(TITLE_LINES * 3):  # blank lines do not count
        end = view.find("\n", start)
        end = len(view) if end < 0 else end
        line = view[start:end]
        if line.strip():
            if REPORT_TITLE.search(line) and _title_like(line):
                named = [p for s, e, p in periods if start <= s and e <= end]
                if len(named) == 1 and named[0].granularity in ("year", "fiscal-year", "span"):
                    return dataclasses.replace(named[0], source="heading", text=line.strip())
                return None
        if end >= len(view):
            break
        start = end + 1
    return None


def _source_edition(view: str, start: int, end: int) -> Period | None:
    """"According to the 2020 start-up survey, around 26% ...": the figures a
    dated survey or report gives hold for its year."""
    m = SOURCE_EDITION.search(view, start, end)
    if not m:
        return None
    year = int(m.group("y"))
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", m.group(0).strip())
