"""The terms a sentence defines, and a term's defining clause, for drafted glossary entries.

`packet pull` drafts each glossary term from the sentence that first defines it; the
definition is the part of that sentence that says what the term is, never the whole sentence
("Rwanda: A Rwandan kingdom dominated the region…" defines nothing). The words are always the
source's own. `defined_terms` reads, in a sentence:

- a copula: "A cottier was a labourer who …", "Purgatory, in Catholic teaching, was a state
  …", "Their pact, the Triple Entente, was an understanding …";
- a name given after the defining words: "vessels known as coffin ships", "the plains …,
  which Persian writers called Hindustan", "seven prominent men – the so-called Immortal
  Seven";
- an appositive after the term: "the Sons of Liberty, a group of merchants …", "the
  Hansetag, or diet, a gathering of …", "the phrase sulh-i kul, meaning peace with all";
- words between dashes, after a colon or after "that is": "matchlocks – early muskets fired
  by … –", "a pandemic: an epidemic that crosses borders";
- a parenthesis: "the Corn Laws (taxes on imported grain)", "a numbered rank (mansab)";
- a law or body by what it did: "the Group Areas Act (1950), which set aside …";
- a translation: "the *Kanalkampf*, or "Channel battle"", "a *paseo*, literally a "stroll"";
- a name given by apposition: "Some forty thousand kilometres of roads, the Qhapaq Ñan, …";
- what a word means or where it comes from: "The word jihad means struggle", "The "Red
  Summer" of 1919 took its name from …", "putsch being the German word for …";
- a way of acting by what doing it meant: "fought a war of attrition, trying to kill …";
- a meaning in quotation marks after a plain word: "Constantinople, 'the city of
  Constantine', stood …", "Hagia Sophia, whose name means 'Holy Wisdom'";
- a thing's own name in brackets after it: "landless labourers (*peones*)";
- what people call a thing: "Historians call his long rule the *Porfiriato*", "the khedive,
  as the ruler of Egypt was titled", "Under what came to be called the millet system, …";
- a work by its kind, a law, treaty or operation by what it did: "a Christian pamphlet, Good
  Words for Exhorting the Age", "Article 27 declared that …", "By the Treaty of Troyes in
  1420 Charles VI disinherited his son", "prisoners were exchanged in Operation Little
  Switch";
- a verb glossed in brackets, a people by whom it is named after: "canonised (declared a
  saint)", "the Armagnacs, named after their leader …".
- a person by the role the text gives them, before or after the name: "the Soviet biologist
  Trofim Lysenko", "the war minister, Dmitry Milyutin", "Lord Curzon, Viceroy of India …";
- a place by its kind or its whereabouts: "the Adriatic port of Fiume", "Lancashire, in
  north-west England";
- a named law, body or event by what it did, as the sentence's subject or in a participle
  after it: "The Stolypin reforms allowed peasants …", "the Pacification of Ghent,
  promising …".

A term is a noun phrase read back from those words without NLP (`_phrase_before`): a name in
capitals, up to four lower-case words, or a term in quotation marks or italics taken whole.
An opening ("In 1847 alone,"), a clause or a list after a comma, a summing-up ("…, a reminder
of …") and a pronoun give none. `defined_after` reads a definition in the sentence after the
term ("… formed the Schmalkaldic League in 1531. This was a military alliance …");
`defining_clause` finds a named term's defining words, or an acronym's expansion.
A term without defining words is a name the text uses, not one it defines: the draft leaves it
for the teacher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dates import MONTHS, WEEKDAY, find_dates, find_day_months
from .text import NOTE_MARK, quoting

MAX_WORDS = 25  # a defining clause longer than this is most of a sentence
MAX_SAID_AFTER = 40  # … but a sentence that says what the one before named is all definition
_DETERMINER = r"(?:a|an|the|this|his|her|its|their|our|[A-Z][\w’'-]*[’']s)"
_APPOSITIVE = re.compile(
    rf"^\s*(?:,|\s[–—-]|\s?—)\s*(?P<clause>{_DETERMINER}\b[^,;:()—–]{{2,200}}?)\s*(?:,|;|\.|\s[–—-]|—|\)|$)"
)
_COPULA = re.compile(
    r"^\s*(?:,\s*)?(?:which|who)?\s*(?:is|was|are|were|became|becomes|means|meant|"
    r"refers to|referred to)\s+(?P<clause>(?:(?:a|an|the|one of)\s|"
    r"(?:[A-Z][a-z]+\s+)?[a-z]+(?:s|men)\s+(?:who|which|that|of|from)\s)"
    r"[^;:()]{2,300}?)"
    r"\s*(?:[;:.]|,\s*(?:which|who|and|but)\b|$)"
)
_PARENTHESIS = re.compile(r"^\s*\((?P<clause>[^()]{2,200})\)")
# The words that give a name: "known as", "known ever since as", "under the codename".
KNOWN_AS = (
    r"(?:known(?:\s+(?:ever\s+since|since|today|now|simply|collectively|popularly|generally|"
    r"officially|informally|locally|"
    # … "known to historians as", "known to archaeologists as", "known to the Romans as" (not
    # "known to villagers as a witch": a description)
    r"to\s+(?:later\s+|modern\s+|the\s+)?(?:history|historians|archaeologists|scholars|"
    r"contemporaries|[A-Z][a-z]+s)))?\s+as|"
    r"remembered\s+as|nicknamed|"
    r"code-?named|under\s+the\s+code\s?name|went\s+by\s+the\s+(?:[a-z]+\s+){0,3}name\s+of)"
)
# The words that may come before a name given: "also called", "more and more often called".
_BEFORE_NAMING = (
    r"(?:(?:also|commonly|widely|better|later|became|usually|often|sometimes|generally|now|"
    r"still|more\s+and\s+more)\s+){0,2}"
)
# Who calls a thing what it is called, in a relative clause: "great heaps of shell | that
# archaeologists call | shellmounds", "the area that we now call the Marina District".
_THEY_CALL = (
    r"(?:that|which)\s+(?:the\s+)?(?:[a-z]+(?:ists|ians|ars|ers)|people|we|they|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:ans|ers))\s+(?:now\s+|still\s+|often\s+|usually\s+)?"
    r"call(?:ed)?"
)
_A_RELATIVE_NAMING = re.compile(r"\s?(?:that|which)\s")  # a match of `_THEY_CALL` opens so
_NAMED_AFTER = re.compile(
    rf"(?:,\s*)?(?:\s{_THEY_CALL}|\b{_BEFORE_NAMING}(?:{KNOWN_AS}|called|named|termed|dubbed))"
    r"\s+(?:the\s+|an?\s+)?[*“\"‘']?$"
)
_WHICH_BECAME = re.compile(r",\s*which(?:\s+(?:was|were|is|are|became|had become))?\s*$")
_WHICH_THEY = re.compile(r",\s*which\s+(?:the\s+)?(?:[A-Za-z][\w’'-]*\s+){1,3}$")
_BOUNDARY = re.compile(r"[,;:()—–]|\b(?:but|which|who|that|when|where)\b")
_LEADING = re.compile(
    r"^(?:(?:there|it|they|these|this|he|she|we)\s+(?:is|was|are|were)\s+|"
    r"(?:used|formed|created|set up|founded|built|made|introduced|launched|organised|"
    r"organized|led|ran|controlled|joined|called|had|have|has)\s+)",
    re.IGNORECASE,
)
# A past-tense verb ahead of the defining words: "families controlled | huge business groups".
# … not a noun or adjective that ends as a past tense does: "the creed", "racial hatred"
_NOT_A_PAST = (
    r"(?:creed|greed|breed|steed|tweed|hatred|kindred|hundred|sacred|naked|wicked|bloodshed|"
    r"watershed|homestead)\b"
)
_VERB = re.compile(rf"(?<![\w-])(?!{_NOT_A_PAST})[a-z]{{3,}}ed\s+(?=\w)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$")
_DATE_OR_NUMBER = re.compile(r"\d")


def defining_clause(term: str, aliases: Sequence[str], sentence: str) -> str | None:
    """The words of `sentence` that define `term` (or one of its `aliases`); None if none."""
    for name in (term, *aliases):
        for m in _occurrences(name, sentence):
            clause = _after(sentence[m.end() :]) or _before(sentence[: m.start()], sentence, m)
            if clause is not None:
                return clause
    return _expansion(term, aliases)


def _occurrences(name: str, sentence: str) -> list[re.Match[str]]:
    pattern = re.escape(name).replace(r"\ ", r"\s+")
    return list(re.finditer(rf"(?<![\w-])[“\"‘']?\*?{pattern}\*?[”\"’']?(?![\w-])", sentence))


def _after(rest: str) -> str | None:
    """A parenthesis, appositive or copula just after the term."""
    if m := _PARENTHESIS.match(rest):
        clause = m["clause"].strip()
        if not _ACRONYM.match(clause) and not _DATE_OR_NUMBER.match(clause):
            return _clause(clause)
        rest = rest[m.end() :]  # "the Organisation (OEEC), an agency …": look past it
        if (m := _WHAT_IT_DID.match(rest)) and (clause := _clause(m["clause"])):
            return clause  # "the Party (CPP), which drew its support from …"
    for pattern in (_APPOSITIVE, _COPULA, _AFTER_COLON):
        if (m := pattern.match(rest)) and (clause := _clause(m["clause"])):
            return clause
    return None


# "This is known as restitution: giving back objects to …".
_AFTER_COLON = re.compile(r"^\s*:\s+(?P<clause>(?:a|an|the|[a-z]+ing)\s[^;:]{3,200}?)\s*(?:[;.]|$)")


# What a body named with its initials did or does: "the Convention People's Party (CPP), which
# drew its support from young people …"; "(NLM), founded in 1954 in Asante, which demanded …".
_WHAT_IT_DID = re.compile(
    r"^,\s*(?:(?:founded|formed|established|set\s+up|created)\b[^,;]{0,60},\s*)?"
    r"(?:which|that)\s+(?!(?:still|now|later|also|remains?)\b)"  # "which still exists today"
    r"(?P<clause>[a-z][^;:]*?)\s*(?:[;:]|\.?$)"
)


def _before(head: str, sentence: str, m: re.Match[str], *, short: bool = False) -> str | None:
    """Defining words before the term: a name given after them ("groups known as X") or an
    appositive ("Egypt's president, X,")."""
    if named := _NAMED_AFTER.search(head):
        if _A_RELATIVE_NAMING.match(named[0]):  # "… heaps of shell that archaeologists call
            return _what_they_call(head[: named.start()], short=short)  # shellmounds"
        return _named_by(head[: named.start()], short=short)
    after = sentence[m.end() :]
    if head.rstrip().endswith(",") and after.lstrip().startswith((",", ".")):
        cut = list(re.finditer(r"[,;:()—–]", head.rstrip()[:-1]))
        phrase = head.rstrip()[:-1][cut[-1].end() :] if cut else head.rstrip()[:-1]
        phrase = phrase.strip()
        if re.match(rf"{_DETERMINER}\b", phrase) or phrase[:1].islower():
            return _clause(phrase, short=short)
    return None


def _what_they_call(words: str, *, short: bool) -> str | None:
    """The noun phrase `words` ends with, that a relative clause names: "The Ohlone left |
    great heaps of shell" (that archaeologists call shellmounds), "Along the bay lay | great
    heaps of shell", "| The tactic" (which the Germans called Blitzkrieg)."""
    start = _noun_phrase_start(words) or 0
    phrase = words[start:]
    verbs = list(  # … a verb before its object, not an adjective: "heaps of | burned shell"
        re.finditer(
            rf"\b(?:[a-z]{{3,}}ed|{_IRREGULAR}|lay|lies|is|are|was|were)\s+(?=(?:the|a|an|"
            rf"great|large|huge|small|many|some|several|vast|\d|{_A_VERB_S_PARTICLE})\b)",
            phrase,
        )
    )
    phrase = phrase[verbs[-1].end() :] if verbs else phrase
    return _clause(re.sub(rf"^(?:{_A_VERB_S_PARTICLE})\s+", "", phrase), short=short)


_A_VERB_S_PARTICLE = "behind|out|up|off|away|down|back|over"  # "left | behind great heaps …"


def _named_by(words: str, *, short: bool) -> str | None:
    """What the words before "known as" (or "called", …) say the name names."""
    words = re.sub(r",\s*$", "", words)  # "In 1456 a retrial, known as the nullification trial"
    words = NOTE_MARK.sub("", words)  # "[3] The Cumans, also known as …": a note's
    if re.match(r"(?:Under|In|Through)\s+what\b", words):
        return None  # "Under what later came to be called X, …": the sentence goes on to say
    if what := re.search(r"(?:,\s*)?\b(?P<into>in\s+|into\s+)?what(?:\s+\w+){0,2}\s*$", words):
        # "Half a million people fled into France in what Spaniards remember as X": what
        # happened; "set off what was called the "scramble for concessions"": no more said
        happened = _CONNECTOR.sub("", words[: what.start()].strip())
        return _clause(happened, short=short) if what["into"] and happened else None
    if which := _WHICH_BECAME.search(words) or _WHICH_THEY.search(words):
        # "an area of …, which became known as X", "the plains …, which Persians called X"
        words = words[: which.start()]
        start = _noun_phrase_start(words)
        return _clause(words[start:], short=short) if start is not None else None
    cut = list(_BOUNDARY.finditer(words))
    phrase = words[cut[-1].end() :] if cut else words
    named_so = re.search(r"\b(?:was|were|is|are|came|come|became|become|been)\b", phrase)
    if (
        cut
        and cut[-1][0] in ("who", "which", "that")
        and not named_so
        and (
            did := re.match(
                rf"\s*(?:[a-z]{{3,}}ed|{_IRREGULAR})\s+(?!(?:by|as|to|in|on)\b)", phrase
            )
        )
        and re.search(r"\b[a-z]{3,}\s*$", phrase)  # "who ruled England called Parliament"
    ):
        # "fishermen who sailed small log rafts called jangadas": the rafts are called so; "who
        # grew tobacco in Virginia used workers called …": the workers, after the main verb
        verbs = list(re.finditer(rf"\b(?:[a-z]{{2,}}ed|{_IRREGULAR})\s+", phrase[did.end() :]))
        return _clause(phrase[did.end() + (verbs[-1].end() if verbs else 0) :], short=short)
    if cut and (restricted := _restricted(words, cut[-1])) is not None:
        # "The laws that enforced segregation were known as X"
        return _clause(re.sub(r"\s+(?:was|were|is|are)\s*$", "", restricted), short=short)
    if (
        cut
        and cut[-1][0] == "that"
        and re.fullmatch(
            r"\s*(?:it|they)\s+(?:(?:has|have|had)\s+been|was|were|is|are|became)\s*", phrase
        )
    ):  # "The fighting … cost both sides so heavily that it has been known as X"
        return _clause(words[: cut[-1].start()], short=short)
    whom = re.search(r"([^,;:]+),\s+whom\s+(?:[\w’'-]+\s+){0,3}$", words + " ")
    named = re.sub(r"^(?:\S+\s+\d{3,4}\s+)?(?:[Tt]he\s+)?", "", whom[1].strip()) if whom else ""
    if whom and re.match(r"(?:[a-z]+\s+)?[a-z]+s\b", named):  # a group, not a person
        return _clause(whom[1], short=short)  # "troops based at Versailles, whom … called X",
        # not "By 1428 the Dauphin, whom his supporters called Charles VII"
    if _NO_NOUN.search(words + " ") and not re.search(r",\s+(?:who|which)\b", words):
        return None
    return _phrase_named(phrase, words, short=short)


def _phrase_named(phrase: str, words: str, *, short: bool) -> str | None:
    """The noun phrase `phrase`, the last part of `words`, holds before "known as"."""
    phrase = _LEADING.sub("", phrase.strip())
    phrase = re.sub(r"(?:^|\s+)(?:was|were|is|are)(?:\s+(?:also|later|then))?$", "", phrase)
    if not phrase and (aside := re.search(r"([^,;]+?),\s+(?:who|which)\b", words)):
        phrase = aside[1]  # "their opponents, who upheld …, were dubbed Tories"
    start = _noun_phrase_start(phrase)
    if start:
        phrase = phrase[start:]
    elif start is None and (verb := list(_VERB.finditer(phrase))):
        phrase = phrase[verb[-1].end() :]  # "families controlled huge groups known as"
    return _clause(phrase, short=short)


# Words before "called" that name no noun phrase: "…, and was called Ma He", "has often been
# called", "in India today it is often called X", "the Dauphin, whom his supporters called X".
_NO_NOUN = re.compile(
    r"(?:\band|\bbut|,)\s+(?:was|were|is|are)\s*$|\b(?:has|have|had)\s+(?:[a-z]+ly\s+|often\s+)?been\s*$|"
    r"\b(?:it|he|she|they)\s+(?:is|was|are|were)(?:\s+[a-z]+)?\s*$|\bwhom\s+(?:[\w’'-]+\s+){0,3}$"
)


def _restricted(words: str, cut: re.Match[str]) -> str | None:
    """The noun phrase with its restrictive relative clause when `cut` is its "that",
    "which" or "who" (no comma before it): "the laws that enforced segregation"."""
    if cut[0] not in ("that", "which", "who") or words[: cut.start()].rstrip().endswith(","):
        return None
    found = list(re.finditer(r"\b(?:the|a|an|these|those)\b", words[: cut.start()], re.I))
    if not found or len(words[found[-1].start() : cut.start()].split()) > 4:
        return None
    return words[found[-1].start() :]


def _noun_phrase_start(words: str) -> int | None:
    """Where the noun phrase `words` ends with begins: at its determiner, passing back over
    complements ("an area within 30 kilometres | of the plant"); None without one."""
    # … a sentence's first word too: "A chart | of the route, known as …" (but not "The worst
    # were | towering walls …": "the" opens a sentence's subject, whatever it is)
    opens = rf"^(?:A|An)\b(?!.*\b(?:was|were|is|are|[a-z]{{3,}}ed|{_IRREGULAR})\b)"
    found = list(re.finditer(rf"{opens}|\b{_DETERMINER}\b", words))
    index = len(found) - 1
    while index > 0 and re.search(
        r"\b(?:of|within|near|beside|against|on|along)\s+$", words[: found[index].start()]
    ):
        index -= 1
    if not found:
        return None
    start = found[index].start()
    # "promoted | plowing along the natural curves": the noun the preposition's phrase follows
    head = _GOVERNING.search(words[:start])
    if head and head[1] not in _NOT_IN_TERM and not _VERB.match(head[1] + " x"):
        start = head.start(1)
    return start


_GOVERNING = re.compile(r"(?:^|\s)([a-z][\w-]+)\s+(?:along|across|over|under|with|around)\s+$")


def _expansion(term: str, aliases: Sequence[str]) -> str | None:
    """An acronym's expansion as its definition (the term is one, an alias the other)."""
    for alias in aliases:
        if _ACRONYM.match(alias) and not _ACRONYM.match(term):
            return term
        if _ACRONYM.match(term) and not _ACRONYM.match(alias):
            return alias
    return None


_A_PHRASE_S_COMMA = re.compile(r"(?<!\d),|(?<=\d),(?!\d{3}\b)")


def _clause(text: str, *, short: bool = False, most: int = MAX_WORDS) -> str | None:
    """`text` as a definition: trimmed, not empty, at most MAX_WORDS words — a longer one cut
    at its first comma within them ("a five-point statement of the new government's aims,
    promising that …"), or refused."""
    text = text.strip().strip(",;:—–-").strip()
    text = re.sub(r"^(?:and|but)\s+", "", text)  # "…provinces, and relays of runners known as"
    words = text.split()
    if text.lower() in ("they", "it", "he", "she", "we", "this", "these", "those", "them"):
        return None  # "They became known as the Gang of Four": who they are, another sentence says
    if len(words) > most:
        # … a comma that ends a phrase, not one in a number ("a route of about 2,000 miles")
        parted = _A_PHRASE_S_COMMA.search(text)
        comma = parted.start() if parted else -1
        if comma < 0 or len(text[:comma].split()) > most:
            # "a plan under which all land would be shared out according to the size of each
            # family and every household would …": its first part, if that is most of it
            ands = [i for i, w in enumerate(words[:most]) if w == "and" and i >= 12]
            if not ands:
                return None
            comma = len(" ".join(words[: ands[-1]]))
        text, words = text[:comma], text[:comma].split()
    vague = (
        len(words) <= 2
        and bool(words)
        and words[0].lower() in ("a", "an", "the", "this", "that", "another")
    )
    if vague and not short:
        return None  # "a process called enclosure": too little to define it by
    return text if words else None


# -- terms a sentence defines -------------------------------------------------------------------

Definition = tuple[str, str, tuple[str, ...]]  # (term, definition, aliases)

# Words a term's noun phrase does not reach back over: "died from | acute radiation sickness".
_NOT_IN_TERM = {
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "of", "in", "on", "at", "to", "from", "by", "with", "into", "onto", "for", "as", "under",
    "including", "and", "or", "but", "while", "was", "were", "is", "are", "be", "been", "had",
    "has", "have", "called", "named", "known", "began", "became", "new", "first", "such",
    "which", "who", "whom", "where", "when", "than", "then", "there", "it", "they", "he",
    "she", "we", "after", "before", "during", "over", "between", "about", "against", "all",
    "any", "each", "every", "some", "many", "most", "more", "other", "also", "so", "not",
    "still", "alone", "even", "only", "again", "already", "yet", "too", "later", "earlier",
    "ago", "soon", "once", "now", "how", "much", "what", "why", "today", "call", "calls", "know",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "twenty",
    "hundred", "thousand", "million", "several", "few", "both", "could", "would", "should",
    "might", "must", "can", "will", "did", "does", "do", "together", "apart", "away", "ahead",
    "instead", "afterwards", "abroad", "within", "without", "since", "until", "through",
    "across", "among", "upon", "towards", "beyond", "despite", "although", "though", "because",
    "unless", "whereas", "if", "like", "unlike", "behind", "around", "along", "near", "beside",
    "below", "above", "inside", "outside", "amid", "throughout", "toward",
    # … a pronoun before a term ("contemporaries called them | gafol": batch 41's second look;
    # not "you" or "us", which end names: "Your Country Needs You", hostile pass 63)
    "them", "him",
}  # fmt: skip
# A span of time before a term is not of it: "Within a few years | tribunals – local courts …"
# (but "holy days – saints' days …" is a term).
_SPANS_OF_TIME = {"years", "months", "weeks", "days", "decades", "centuries"}
_GENERIC = {
    "result", "effect", "effects", "aim", "outcome", "reason", "problem", "answer", "situation",
    "cause", "war", "country", "government", "people", "city", "town", "state", "time", "year",
    "years", "place", "area", "plan", "idea", "end", "rest", "first", "same", "one", "this",
    "that", "it", "he", "she", "they", "there", "what", "which", "news", "world", "day",
    "king", "queen", "emperor", "pope", "president", "leader", "minister", "army", "navy",
    "worst", "best", "largest", "biggest", "greatest", "most", "last", "next", "latest",
    "word", "term", "name", "phrase", "spark", "trigger",
    "party", "church", "capital", "home", "family", "son", "daughter", "wife", "husband",
    "second", "third", "fourth", "former", "latter", "other", "others", "days", "weeks",
    "months", "hours", "decades", "centuries",
    # … and, from batch 31 read as a teacher would, words no glossary explains: kin in a list
    # ("her sister, her grandmother, her brother"), a page, a season, a side, an account
    "sister", "brother", "mother", "father", "grandmother", "grandfather", "uncle", "aunt",
    "cousin", "page", "run", "person", "summer", "winter", "spring", "autumn", "side", "sides",
    "tradition", "account", "movement", "armies", "shootings", "tool", "basic tool",
}  # fmt: skip
# Common words that say what kind of point follows them, never a key term however set out.
_KIND_OF_POINT = {
    "result", "effect", "effects", "aim", "outcome", "reason", "problem", "answer", "situation",
    "cause", "idea", "plan", "end", "rest", "first", "same", "one", "word", "term", "name",
    "phrase", "spark", "trigger", "worst", "best", "most", "last", "next", "second", "third",
    "other", "others", "background", "summary", "conclusion", "solution", "question",
}  # fmt: skip
_NUMBERS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundreds?|thousands?|millions?|"
    r"billions?|half|dozens?|percent)\b",  # lower case: "the Expedition of the Thousand" is a name
)
# A clause that opens a sentence, not a noun phrase: "As the old shell began to crumble, …".
_MODAL = r"(?:could|would|should|might|must|can|will|may)"
_SUBORDINATE = re.compile(
    r"^(?:as|when|while|although|though|if|because|since|once|until|unless|whereas|whether)\b|"
    r"^(?-i:Where)\b",  # "Where they had few officials, …", not "…, where police beat them with …"
    re.IGNORECASE,
)
_PAST_TENSES = {
    "lost", "began", "became", "took", "made", "gave", "won", "led", "ran", "built", "drew",
    "fought", "held", "set", "sent", "met", "left", "fell", "rose", "brought", "bought", "sold",
    "told", "said", "saw", "came", "went", "found", "kept", "paid", "put", "wrote", "chose",
    "spoke", "stood", "struck", "grew", "knew", "laid", "lay", "split", "sat", "fled", "rode",
    "wore", "bore", "swore", "threw", "sank", "hid", "meant", "heard", "taught", "caught",
    "sought", "forbade", "overthrew", "withdrew", "undertook", "overcame", "flew", "drove",
    "shook", "slew", "dug", "stole", "swept", "tore", "wove", "froze", "hung", "lent", "stuck",
    "understood", "broke", "burnt", "dealt", "forgot", "forgave", "knelt", "thought", "fed",
    "bound", "spread", "shot", "cut", "hit", "beat", "spent", "shut", "arose", "bled", "wept",
    "slept", "sprang", "swung", "used", "owed",  # "Y-12 used | calutrons, electromagnetic …"
}  # fmt: skip
_IRREGULAR = "(?:" + "|".join(sorted(_PAST_TENSES)) + ")"
# What a clause tells someone did or was: "was", "had", "died", "landed", "began".
FINITE_VERB = rf"(?:was|were|is|are|had|has|did|died|[a-z]{{3,}}ed|{_IRREGULAR})"

_PARTICIPLES = "(?:Written|Driven|Taken|Given|Made|Built|Led|Held|Known|Drawn|Shaken|Beaten)"
_HAS_VERB = re.compile(rf"\b(?:[a-z]{{3,}}ed|{_IRREGULAR})\b")


def _a_verb_in(words: str) -> bool:
    """Whether `words` hold a past tense or a form of "be" or "have": a clause, not a noun
    phrase ("the army occupied the capital", "the rest was shared")."""
    return bool(_HAS_VERB.search(words) or re.search(r"\b(?:was|were|is|are|had|has)\b", words))


_WORD = r"[^\W\d_][\w’'–-]*"  # any script's letters: "Dáil Éireann", "Smoot–Hawley"
_NP_WORD = re.compile(rf"^(?:{_WORD}|[A-Z]\.)$")  # a word, or an initial: "George C. Marshall"
_OPENER = re.compile(
    r"^(?:after|before|during|in|on|at|by|for|from|when|while|with|under|over|since|until|"
    r"although|as|once|then|soon|later|today|meanwhile|however|finally|instead|unable|still|"
    r"abroad|overseas|elsewhere|afterwards|nevertheless|nonetheless|moreover|furthermore|thus|"
    # … an adverb or a participle, not a name or a pronoun that ends so ("Emily Hobhouse, a
    # clergyman's daughter", "Italy", "Everything changed in 1886, when …", "King John")
    r"hence|indeed|among|like|unlike|to|despite|"
    r"(?!(?:Emily|Italy|Sicily|Kelly|Lily|Billy|Sally|Molly|Polly|Holly|Nelly|Beverly|Ely|"
    r"Daly|Connolly|Donnelly|Reilly|Kimberly)\b)[a-z]+ly|"
    r"(?!(?:every|no|some|any)thing\b|kings?\b|\w*jing\b)[a-z]+ing)\b",
    re.IGNORECASE,
)


MAX_SENTENCE = 600  # a longer "sentence" is a list or a run without stops: it defines nothing


# A name that is also used without its "of the …": "Final Act of the Congress".
_SHORT_NAME = re.compile(r"^((?:[A-Z][\w’'-]*\s+)+[A-Z][\w’'-]*)\s+of\s+the\s+[A-Z]")


def _titled_person(term: str) -> re.Match[str] | None:
    """The title before a person's full name, whatever the text says of them: "Cardinal |
    Maffeo Barberini, a Florentine who …" is Maffeo Barberini too (not "General | Motors
    Company", a thing)."""
    titled = _TITLE.match(term)
    rest = term[titled.end() :] if titled else ""
    person = re.fullmatch(r"[A-Z][\w’'-]+(?:\s+(?:de|da|di|von|van)?\s*[A-Z][\w’'-]+){1,2}", rest)
    thing = re.search(rf"\b(?:{_KIND_OF_THING}|{_KIND_OF_PLACE})\b", rest)  # "Prince Edward Island"
    return titled if person and not thing else None


_KIND_OF_PLACE = (
    r"Island|Isles?|Bay|River|Lake|Mountains?|Sound|Strait|Cape|Point|Street|Square|Road|Hall|"
    r"House|Palace|Castle|Fort|Bridge|Gate|Hill|Park|Station|College|University|School|"
    r"Hospital|Prize|Award|Cup|Line|Canal|Coast|Land|Town|City|County|Valley"
)


def _with_its_year(term: str, sentence: str) -> tuple[str, ...]:
    """The other way the text may name `term` by its year: "the Trade Disputes Act of 1906, the
    law which …" is the Trade Disputes Act of 1906 too, and "The Pueblo Revolt of 1680 was …"
    the Pueblo Revolt."""
    if dated := re.fullmatch(r"(.*[A-Za-z])\s+of\s+\d{3,4}", term):
        # … not "Revolution" for "the Revolution of 1905", "Act" for "the Act of 1832": every
        # revolution and act in the text would be linked to it
        return (dated[1],) if " " in dated[1] else ()
    if after := re.search(rf"(?<![\w’'-]){re.escape(term)}\s+of\s+(\d{{3,4}})\b", sentence):
        return (f"{term} of {after[1]}",)
    return ()


def _outer_brackets(sentence: str) -> str:
    """The sentence without the brackets inside brackets, which would read as the definition
    of the words before them: "the zaibatsu (family-owned business groups (such as Mitsui))"
    is "the zaibatsu (family-owned business groups)"."""
    if not _NESTED.search(sentence):
        return sentence
    kept, depth = [], 0
    for character in sentence:
        depth += character == "("
        if depth <= 1:
            kept.append(character)
        depth = max(depth - (character == ")"), 0)
    return re.sub(r"\s+\)", ")", re.sub(r"(?<=\S)\s{2,}(?=\S)", " ", "".join(kept)))


_NESTED = re.compile(r"\([^()]*\(")


def _asks(sentence: str) -> bool:
    """Whether the sentence is a question — not one that ends by quoting one ("Ball preached
    on the rhyme "When Adam delved and Eve span, who was then the gentleman?"")."""
    if not sentence.rstrip(" ”\"’')").endswith("?"):
        return False
    quote = re.search(r"[“\"‘]", sentence)
    return quote is None or len(sentence[: quote.start()].split()) < 4


def defined_terms(sentence: str) -> list[Definition]:
    """(term, definition, aliases) for each term `sentence` defines, in the forms the module
    docstring lists — the term a noun phrase the sentence names, the definition its words."""
    found: list[Definition] = []
    if len(sentence) > MAX_SENTENCE or _asks(sentence):
        return found  # "Was it a movement, or a label applied afterwards?" asks, not says
    sentence = _outer_brackets(NOTE_MARK.sub("", sentence))  # "[2] Congress Poland, as …"
    sentence = re.sub(r"^Source\s+[A-Z0-9]\.\s+", "", sentence)  # "Source A. Jerome, a …"
    sentence = _A_NOTE_CALL.sub("", sentence)  # "the 'Two Thousand Words',[1] a manifesto"
    if aside := re.fullmatch(r"\((?P<said>[^()]+?[.!]?)\)\.?", sentence):
        sentence = aside["said"]  # "(The Dauphin was the title of the eldest son …)"
    finders = (
        _key_figures, _copular, _named, _appositives, _translated, _dashed, _colon, _that_is,
        _so_called, _parenthesised, _glossed_in_a_phrase, _which_named, _name_from, _method,
        _marked_gloss, _quoted_gloss, _work_named, _role_named, _named_role, _place_named,
        _place_located, _renamed, _place_now, _key_line, _who_is_who, _named_for_what_was_told,
    )  # fmt: skip
    keyed_words: list[str] = []  # a key line's meaning: "Nao – a broad, sturdy, … ship"
    unmarked: set[str] = set()
    for finder in finders:
        for term, definition, aliases in finder(sentence):
            marked = re.fullmatch(r"\s*(?:\*[^*]+\*|[“\"‘'][^”\"’']+[”\"’'])\s*", term) is not None
            # … or a key-terms line's word, a common one too: "Pope: the bishop of Rome, …"
            # (not a word that says what kind of point follows: "Problem: the harvests … failed")
            keyed = (
                re.match(rf"[*“\"‘']*{re.escape(term)}[*”\"’']*(?::|\s[–—-])\s", sentence)
                is not None
            )
            marked = marked or (keyed and term.casefold() not in _KIND_OF_POINT)
            owned = term.strip(" ,;:“”\"'‘’*")
            term = _without_its_language(_NOT_THE_TERMS.sub("", _OWNER.sub("", owned)), sentence)
            # … nor its indefinite article: "was called a locomotive", "called a thing"
            term = re.sub(r"^an?\s+(?=[a-z])", "", term) if not marked else term
            if _OWNER.match(owned):  # "Kitchener's New Army" is the New Army too
                aliases = (*aliases, owned)
            usable = _usable(term, marked=marked) and not (
                _AN_INSTRUCTION.match(definition)
                or _SAYS_NO_MEANING.match(definition)
                # … nor an address or a date: "Dr Helen Maseko (h.maseko@westbridge.ac.uk)",
                # "the Kalends of November, that is, 17 October"
                or _AN_ADDRESS.search(definition)
                or _only_a_date(definition)
                or _when_the_sentence_opens(term, sentence)
                # … nor what a speaker says to someone: "“Morning, Sheriff,” said the stranger"
                or (term in _GREETINGS and re.search(rf"[“\"‘']{term},", sentence) is not None)
                # … nor words cut before what they say: "the sheriff, that is" (of "county")
                or re.search(r",?\s+(?:that\s+is|i\.e\.?)$", definition) is not None
                # … nor the word in the language it came from: "a thing (Old Norse þing)"
                or _A_WORD_OF_A_LANGUAGE.fullmatch(definition)
            )
            # … no "that is" before it ("clinker-built (that is, made of overlapping planks …)"),
            # and a list of modifiers read to its noun ("the longship, a long, narrow,
            # shallow-draught vessel with a square sail": not "a long"; a teacher's read of
            # batch 40)
            definition = _SAID_AGAIN.sub("", definition)
            definition = _to_its_noun(definition, sentence)
            # … and no definition cut before its verb: "the river they | named the James" (a
            # clause after it goes: "a remote British island …, where he | died in 1821")
            definition = re.sub(r",?\s+(?:where|when)\s+(?:they|he|she|we)$", "", definition)
            usable = usable and not re.search(r"\b(?:they|he|she|we)$", definition)
            if term and usable and not any(term == t or term in a for t, _, a in found):
                if keyed:
                    keyed_words.append(definition)
                elif not marked:
                    unmarked.add(term)
                term, aliases = _as_named(term, definition, aliases, sentence)
                found.append((term, definition, aliases))
    # "known as justification | by faith: the teaching …": the whole name, not its start; "la
    # Noche Triste" read twice is "Noche Triste"
    return [
        f
        for f in found
        if not _a_work_of_an_event_s_name(f[0], f[1], sentence)
        # … and no word of a list of modifiers in a key line's meaning: "Nao – a broad, sturdy,
        # three-masted sailing ship" has no term "sturdy", "a smaller, lighter and faster ship"
        # none "faster ship" (but "worked by villeins, peasants who …" names one)
        if not (
            f[0] in unmarked
            and f[0][:1].islower()
            and any(_a_modifier_listed(f[0], meaning) for meaning in keyed_words)
        )
        if not any(
            t.startswith((f"{f[0]} ", f"{f[0]}, "))  # "Edmund of Langley, Duke of York"
            or _with_article(f[0], t)
            or f[0].endswith(f" and {t}")
            or t.endswith(f", {f[0]}")  # "Duke of Lancaster" of "John of Gaunt, Duke of …"
            # "called Western Christians | Latins, a name that …": the name the words define
            or (f[0].endswith(f" {t}") and said == f[1] and _ABOUT_A_NAME.match(said))
            for t, said, _ in found
        )
        # "… on the Ottoman Empire, the Treaty of San Stefano, …" names the treaty, not the empire
        and not any(f[1] in (t, f"the {t}") and d.endswith(f[0]) for t, d, _ in found)
        # "Pierre Cauchon, Bishop of Beauvais, a loyal supporter of …": who the bishop is, not
        # a term "Bishop of Beauvais"
        and not any(
            f[0] == d != t and re.match(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)? of ", d)
            for t, d, _ in found
        )
    ]


def _a_modifier_listed(term: str, meaning: str) -> bool:
    """Whether `term` is a modifier of a list in `meaning`: "a broad, sturdy, …", "a smaller,
    lighter and faster ship", "a heavy, smooth-bored gun"."""
    word = re.escape(term)
    # (a modifier ends in no plural's "s": not "the king, barons and vassals, a name for …")
    modifier = r"[a-z][\w-]*[^s\W]"
    listed = (
        rf"(?:\b(?:an?|the)\s+{modifier},\s+|\b{modifier},\s+{modifier}\s+and\s+)"
        rf"{word}\b|"
        # … or the first of the list: "a heavy, smooth-bored gun" (not "a shrine, the tomb of
        # a saint", "the sheriff, that is, …")
        rf"\b(?:an?|the)\s+{word},\s+"
        r"(?!(?:the|a|an|his|her|its|their|who|which|that|or|i\.e|namely)\b)[a-z][\w-]*\s+[a-z]"
    )
    return re.search(listed, meaning) is not None


_SAID_AGAIN = re.compile(r"^(?:that\s+is|i\.e\.|namely|in\s+other\s+words),?\s+(?=\S)", re.I)


def _to_its_noun(definition: str, sentence: str) -> str:
    """A definition cut at its first modifier's comma ("a long") read on through a list of
    three modifiers or more to its noun and the words after it, up to the next comma: "a
    long, narrow, shallow-draught vessel with a square sail and oars"."""
    if not re.fullmatch(r"an?\s+[a-z][\w-]*", definition):
        return definition
    at = sentence.find(f"{definition}, ")
    if at < 0:
        return definition
    more = _MORE_MODIFIERS.match(sentence, at + len(definition))
    return definition + more[0] if more else definition


# The rest of a list of modifiers and the noun after it: ", narrow, shallow-draught vessel …".
_MORE_MODIFIERS = re.compile(
    # … two more at least, a list's ("a long, narrow, shallow-draught vessel"; not "an earl,
    # was crowned", "a scholar, teacher and poet from": hostile pass 59)
    r"(?:,\s+(?:and\s+)?(?!(?:or|the|a|an|which|who|whom|whose|that|where|when|his|her|its|"
    r"their|this|these|those|one|some|with|in|on|at|by|for|from|of|to|through|into|across|"
    r"over|under|after|before|during|without|within|against|among|about|known|called|named|"
    r"also|once|later|formerly|then|now)\b)(?![a-z]+(?:ly|ed)\b)"
    r"[a-z][\w-]*){2,}"
    r"(?:\s+[a-z][\w’'-]*)+"
)


# Words after a term that say no meaning of it (a teacher's read of batch 37): a list of
# things done or of kinds ("1,000 men – cavalry, infantry, scientists, miners and even a
# band –"), a measure alone ("each rail – roughly 500 pounds of iron –"), each of two ("two
# lines of track, one built from the east and one from the west"), a bracket's plural
# ("Tumulus (plural tumuli) – …": the line's dash says what it is) and a word that points
# back ("called the result the Great Stink").
_SAYS_NO_MEANING = re.compile(
    r"[a-z][\w-]*(?:,\s+[a-z][\w-]*){2,},?\s+(?:and|or)\b|"
    # … or of what someone did ("the "Pilgrims" – their escape from England, their first
    # winter, …")
    r"(?:their|his|her|its)\s[^,;]{1,50},\s+(?:their|his|her|its)\s|"
    r"(?:roughly|about|some|nearly|almost|over|more\s+than|around|approximately|up\s+to|"
    # … not how far a place is: "Derby, about 125 miles from London"
    r"less\s+than)\s+[\d,.]+\s(?!(?:miles?|kilometres?|kilometers?|km|yards?|metres?)\b)"
    r"\S+(?:\s+\S+){0,3}$|"  # (not "some 338,000 soldiers were carried off the beaches")
    r"one\b[^,;]*\s+and\s+(?:one|the\s+other)\b|"
    r"(?:plural|singular|pl\.)\s|"
    r"(?:the|this|that)\s+(?:result|outcome|event|episode|affair|incident|matter|situation|"
    r"thing)$",
    re.IGNORECASE,
)


def _as_named(
    term: str, definition: str, aliases: tuple[str, ...], sentence: str
) -> tuple[str, tuple[str, ...]]:
    """A defined term as the glossary names it, and its other names: "the Final Act of the
    Congress" is the Final Act too, "the Pueblo Revolt of 1680" the Pueblo Revolt, "Marshal
    Peng Dehuai" Peng Dehuai, "Air Chief Marshal Sir Robert Brooke-Popham, the Commander-in-
    Chief Far East," (Sir) Robert Brooke-Popham; "the Chronicle of Theophanes the Confessor, a
    monk …" is the monk's."""
    if short := _SHORT_NAME.match(term):  # "the Final Act of the Congress"
        aliases = (*aliases, short[1])
    aliases = (*aliases, *_with_its_year(term, sentence))
    if (ranked := _A_RANK.match(term)) and _A_ROLE.search(definition) and not _TITLE.match(term):
        named = term[ranked.end() :]  # … and without a knight's "Sir"
        aliases = (*aliases, named, *([named[4:]] if named.startswith("Sir ") else []))
    if (work := _A_WORK_OF.fullmatch(term)) and says_who(definition):
        term = work["person"]
    titled = _TITLE.match(term) if _A_ROLE.search(definition) else None
    titled = titled or _TITLE_AND_NAME.match(term) or _titled_person(term)
    if titled:  # "Marshal Peng Dehuai" is Peng Dehuai too, "Empress Theodora"
        aliases = (*aliases, term[titled.end() :])
    if not _RELATIVE.search(definition):  # not "a violent despot, a man who …"
        term = _DESCRIBED.sub("", term)  # "a violent | cyclone, a tropical storm …"
    return term, aliases


# A military rank before a name: "Air Chief Marshal | Sir Robert Brooke-Popham".
_A_RANK = re.compile(
    r"(?:(?:Air|Vice|Rear|Field|Chief|Lieutenant|Major|Brigadier)[\s-]+)*"
    r"(?:Marshal|General|Admiral|Colonel|Commodore|Captain|Sergeant|Corporal)\s+"
    r"(?=(?:Sir\s+)?[A-Z][\w-]+\s+[A-Z])"  # not "Private Members' Bill": a possessive
)
# A work by a person: "the Chronicle of | Theophanes the Confessor, a monk writing …".
_A_WORK_OF = re.compile(
    r"(?:Chronicle|Chronicles|History|Histories|Life|Letters|Annals|Diary|Memoirs|Travels|"
    r"Journal)\s+of\s+(?P<person>[A-Z][\w’'-]*(?:\s+(?:the\s+)?[A-Z][\w’'-]*){0,3})"
)


# A film, book or painting named after an event: "The Battle of the Somme, an official film
# shot by two cameramen, …" — a definition of the film, which the glossary would give the battle.
_A_WORK_OF_AN_EVENT_S_NAME = re.compile(
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:film|book|novel|poem|painting|play|documentary|song|"
    r"opera|memoir|history)\b"
)
_AN_EVENT_S_NAME = r"\b(?:Battle|War|Siege|Revolution|Rising|Massacre|Raid)\b"


def _a_work_of_an_event_s_name(term: str, definition: str, sentence: str) -> bool:
    """Whether `definition` says `term`, an event's name or part of one, is a work named after
    it ("The Battle of the Somme, an official film …")."""
    if not _A_WORK_OF_AN_EVENT_S_NAME.match(definition):
        return False
    within = rf"{_AN_EVENT_S_NAME}\s+of\s+(?:the\s+)?{re.escape(term)}\b"
    return bool(re.search(_AN_EVENT_S_NAME, term) or re.search(within, sentence))


# Words that describe one thing of a kind, not the kind a definition says: "a violent |
# cyclone, a tropical storm …", "actually | brass, an alloy of …".
_A_NOTE_CALL = re.compile(r"(?<=[^\s\[])\[\^?\d{1,3}\](?=[\s,.;:]|$)")
_DESCRIBED = re.compile(
    r"^(?:actually|really|largely|mostly|mainly|newly|recently|formerly|supposedly|tiny|violent|low-grade|present|severe|brutal|crude|simple|typical|young|infant|elderly|heavy|huge|vast|"
    r"notorious|infamous|dreaded|feared|hated|devastating|disastrous|experienced)\s+(?=[a-z])"
)
# What a worksheet tells its reader to do, no definition: "**Important** - read this before
# the exam".
_AN_INSTRUCTION = re.compile(r"(?i:read|write|answer|remember|look\s+at|bring|do\s+not|don't)\s")
# Whose a name of two or more words is: "China's First Five-Year Plan" is the plan's name,
# "Pugachev's Rebellion" a name itself.
_OWNER = re.compile(r"^[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?[’']s\s+(?=[A-Z][\w’'-]*\s+[A-Z])")
# The languages a word a term's text explains may come from (`_without_its_language`).
_LANGUAGES = (
    r"Norse|Arabic|Latin|Greek|Hebrew|Aramaic|Persian|Sanskrit|Pali|Nahuatl|Quechua|English|"
    r"Irish|Gaelic|Welsh|French|German|Spanish|Portuguese|Italian|Dutch|Turkish|Russian|"
    r"Ukrainian|Polish|Chinese|Japanese|Korean|Mongolian|Hindi|Urdu|Zulu|Xhosa|Swahili|Māori|"
    r"Maori|Hawaiian|Tagalog|Afrikaans|Yiddish"
)
_AN_AGE_OF_A_LANGUAGE = r"(?:(?:Old|Middle|Classical|Modern)\s+)?"  # "Old Norse"
_A_LANGUAGE = rf"{_AN_AGE_OF_A_LANGUAGE}(?:{_LANGUAGES})"
# … a word of another alphabet's letters ("Old Norse þing"; not "Russian emperor": hostile pass 57)
_A_WORD_OF_A_LANGUAGE = re.compile(rf"{_A_LANGUAGE}\s+\S*[^\x00-\x7f]\S*")
# The words a term was read with that are not the term's: a preposition it followed ("Under
# the Act of Union"), what was done to it ("dying of kwashiorkor", "Talk of secession"), whose
# ally it was ("Sun's ally Song Jiaoren"), where it was born or whose style it was ("an
# Irish-born drayman", "Soviet-style central planning"); but a
# people's adjective may be the term's ("Carthaginian peace", "the Julian calendar").
_NOT_THE_TERMS = re.compile(
    r"^(?:(?:Under|In|On|At|By|With|From|After|Before|During|Like|Unlike|Through)\s+the\s+"
    r"(?=[A-Z])|"
    # … not "The Rising of the North", a name
    r"(?!King\b)(?:[A-Za-z][a-z]+ing|[Tt]alk)\s+of\s+(?=[a-z])(?!the\b)|"
    r"[A-Z][\w’'-]*[’']s\s+(?:[a-z]+\s+){1,2}(?=[A-Z][\w’'-]*\s+[A-Z])|"
    r"[A-Z][a-z]+-(?:born|style)\s+(?=[a-z]+(?:\s+[a-z]+)?$))"
)
# The language a word comes from, before the word: "Old Norse vápnatak", "the Arabic sayyid",
# "the Ukrainian words holod".
_A_LANGUAGE_S = re.compile(
    rf"{_A_LANGUAGE}(?P<words>\s+words?)?\s+"
    r"(?=[a-zà-öø-ÿþðæœāēīōū][^\s]*(?:\s+[a-zà-öø-ÿþðæœāēīōū'][^\s]*){0,3}$)"
)


def _without_its_language(term: str, sentence: str) -> str:
    """`term` without the language its word comes from, where the sentence says it comes from
    it ("from Old Norse vápnatak", "(Old Norse þing)", "the Ukrainian words holod") — not "the
    Japanese occupation", "the Swahili coast", "the Arabic pledge"."""
    language = _A_LANGUAGE_S.match(term)
    if language is None:
        return term
    # (not "died from Spanish flu", "the Byzantines' weapon (Greek fire)": hostile pass 57)
    from_it = (
        # … or an aside that says so: "El Cid, from the Arabic sayyid, 'lord'"
        r"(?:\b(?:comes?|coming|came|derived?|derives|taken|borrowed)\s+|,\s+)from\s+(?:the\s+)?"
        rf"{_AN_AGE_OF_A_LANGUAGE}{re.escape(term)}"
    )
    bracket = rf"\({_AN_AGE_OF_A_LANGUAGE}{re.escape(term)}"
    foreign = re.search(r"[^\x00-\x7f]", term[language.end() :]) is not None
    said = language["words"] or re.search(from_it, sentence)
    return term[language.end() :] if said or (foreign and re.search(bracket, sentence)) else term


def _with_article(term: str, other: str) -> bool:
    """Whether `term` is `other` after an article: "la Noche Triste", "the Duma"."""
    return (
        re.fullmatch(rf"(?:la|le|les|el|los|las|il|der|die|das|the)\s+{re.escape(other)}", term)
        is not None
    )


# A sentence that says what the one before it named: "…the ship that carried them was the cog.
# It was a broad, flat-bottomed vessel …", "…experts call non-pharmaceutical interventions. The
# phrase covers measures such as closing schools …".
_SAID_AFTER_END = (  # where the definition ends: "…, able to carry bulky cargoes", "…, named …"
    r"(?=;|[.]$|$|,\s+(?:able|named|so|and|but|while|though|most|many|some|[a-z]+ed)\b)"
)
# The kinds of law or document a name may end with: "Enabling Act", "Treaty of Wuchale".
_KIND_OF_LAW = (
    r"Act|Law|Laws|Treaty|Agreement|Pact|Convention|Declaration|Charter|Plan|Decree|Edict|Code|"
    r"Reforms?|Manifesto|Proclamation|Ordinance|Statute|Constitution|Bill|Diploma|Patent"
)
# The verbs that say when or how long a thing happened, not what it did.
_WHEN_VERBS = (
    r"began|begun|ended|started|finished|lasted|broke|took|met|opened|closed|came|continued|"
    r"followed|happened|occurred|collapsed|failed|succeeded|resumed"
)
_LAW_NOUN = (
    r"law|act|bill|treaty|decree|edict|statute|ordinance|proclamation|agreement|charter|"
    r"constitution|code|manifesto|document|declaration|convention|settlement"
)
_SAID_AFTER = re.compile(
    r"^(?:(?:It|This|The\s+(?:word|term|phrase|name))\s+(?:[a-z]+ly\s+)?(?:was|is|meant|means|covers|covered|"
    r"describes|described|refers\s+to|referred\s+to)|"
    r"By\s+(?:this|that|it)\s+(?:he|she|they|we|people|[a-z]+s)\s+(?:meant|mean|means))\s+"
    # not "It was the first day of …": when, not what
    r"(?P<clause>(?:(?:a|an|the)\s(?![A-Z]|(?:first|last|only|same|start|beginning|end|day|"
    r"year|time|moment)\b)|that\s|[a-z]+\s+such\s+as\s)[^;:]{10,300}?)"
    rf"{_SAID_AFTER_END}|"
    # "… depended on patronage. In other words, writers and artists relied on …"
    r"^(?:In\s+other\s+words|That\s+is\s+to\s+say),\s+(?P<restated>[^;:]{10,300}?)"
    rf"{_SAID_AFTER_END}|"
    # "… by proportional representation. Under this system each party received seats …",
    # "… the "horns of the buffalo". In this formation the "chest" pinned the enemy …"
    r"^(?:Under|In|At|With|By)\s+(?:this|these)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+),?\s+"
    # … after an aside: "Under this system, closely associated with Frederick Lugard, …"
    r"(?:(?:[a-z]+ly\s+)?[a-z]+ed\s+[^,;:]{3,80},\s+)?"
    r"(?=(?:a|an|the|each|every|no|all|some|many|most|if|when|whenever)\s|[A-Z“\"]|"
    # … or a bare plural and its verb: "Under this arrangement foreign rulers sent …"
    rf"[a-z]+\s+[a-z]+s\s+(?:[a-z]+ed|{_IRREGULAR})\b)"
    rf"(?P<within>(?!(?:it|they|he|she|we)\b)[^;:]{{10,300}}?){_SAID_AFTER_END}|"
    # "Sundiata took the title mansa. Usually translated as "king" or "emperor", it was …"
    r"^(?:(?:Usually|Often|Commonly|Roughly|Loosely)\s+)?[Tt]ranslated\s+as\s+"
    r"(?P<translated>[“\"‘][^”\"’]{1,60}[”\"’](?:\s+or\s+[“\"‘][^”\"’]{1,60}[”\"’])?),\s+(?:it|they)\b|"
    # "… during the Mfecane. This Nguni word is usually translated as "the crushing"."
    r"^This\s+(?:[A-Z][a-z]+\s+)?(?:word|term|name)\s+(?:is|was)\s+(?:usually\s+|often\s+)?"
    r"translated\s+as\s+[“\"‘](?P<rendered>[^”\"’]{1,60})[”\"’][.]?$|"
    # "… what the Chinese called the unequal treaties. These agreements opened ports to …"
    r"^(?:These|Such)\s+(?!(?:were|are)\b)(?:[a-z]+\s+)?[a-z]+s\s+"
    rf"(?P<did>(?:[a-z]{{3,}}ed|{_IRREGULAR})\s[^;:]{{10,300}}?){_SAID_AFTER_END}|"
    # "… won air superiority. This meant control of the skies so complete that …"
    r"^(?:This|It|That)\s+(?:meant|means)\s+(?P<bare>(?!(?:that|the|a|an|to)\b)[a-z]+\s+"
    rf"(?:of|over|by|for)\s[^;:]{{10,300}}?){_SAID_AFTER_END}|"
    # "… perfected stride piano. The name comes from the player's left hand, which …"
    r"^The\s+(?:name|word|term)\s+(?P<origin>(?:comes|came|derives|derived)\s+from\s+"
    rf"[^;:]{{10,300}}?){_SAID_AFTER_END}|"
    # "… Parliament passed the Statute of Labourers. This law tried to keep wages …": what a
    # law named did
    # (not "It": "… signed the Treaty of Versailles. It lost all of its colonies" is Germany)
    rf"^(?:This|The)\s+(?:new\s+)?(?:{_LAW_NOUN})\s+"
    rf"(?P<law>(?!(?:{_WHEN_VERBS})\b)(?:[a-z]{{3,}}ed|{_IRREGULAR})\s[^;:]{{10,300}}?)"
    rf"{_SAID_AFTER_END}|"
    # "… turned to the Freikorps. These were volunteer units of demobilised soldiers"
    r"^(?:These|They)\s+(?:were|are)\s+(?P<plural>(?:"
    # (not "These were sent to camps": what happened to them)
    rf"(?!(?:[a-z]+(?:ed|ing|ly)|the|a|an|{_IRREGULAR}|sent|given|taken|driven|chosen)\b)"
    r"(?:[a-z]+\s+){1,2}(?:[a-z]+s|people|men|women)\b|"
    # … "These were skilled workers who wove cloth …" (not "These were sent to camps")
    r"[a-z]+ed\s+(?:[a-z]+s|people|men|women)\s+(?=who|that|which|of|from|with)|"
    r"[a-z]+s\s+(?:of|who|that|which|[a-z]+ed|made|drawn|chosen|known)\s)"
    r"[^;:]{0,300}?)"
    rf"{_SAID_AFTER_END}"
)
# A short sentence naming what the one before described: "Historians call this arrangement
# the Mutual Protection of the South-East.", "The fake became known as the faux Henry."
_NAMED_BACK = re.compile(
    r"^(?:(?:Historians|Contemporaries|People|Many|Some|Critics|Scholars|They|We)\s+"
    r"(?:now\s+|later\s+|usually\s+|often\s+)?(?:call|called|know|knew|name|named|dub|dubbed|"
    r"remember|remembered)\s+(?:it|this|these|that|them)(?:\s+[a-z]+)?\s+(?:as\s+)?|"
    r"(?:This|These|That|It|They|The\s+(?P<noun>[a-z]+))(?:\s+[a-z]+)?\s+(?:became|has\s+been|"
    r"have\s+been|is|was|were|are)\s+(?:later\s+|sometimes\s+|often\s+|usually\s+|now\s+|soon\s+|"
    rf"also\s+|commonly\s+|widely\s+)?(?:{KNOWN_AS}|called)\s+)"
    r"(?:the\s+)?(?P<term>[“\"‘*]?[A-Za-z][^.;:,()]{1,60}?[”\"’*]?)"
    # "… the Cape Frontier Wars, though many …", "… the Gang of Four and were blamed …"
    r"(?:[.!]?[”\"’]?$|(?<=[A-Za-z”\"’*])(?=,\s+(?:though|although|but|which|after)\s|\s+and\s+(?:was|were|"
    r"had|[a-z]+ed)\s))"
)
_CONNECTOR = re.compile(r"^(?:But|And|However|Instead|Meanwhile|Yet|So|Then),?\s+")


def _named_back(previous: str, name: str) -> Definition | None:
    """(name, what `previous` says) — the sentence before without its opening connector."""
    term = name.strip('*“”"‘’')
    if not _usable(term) or len(term.split()) > 6 or not previous.rstrip().endswith("."):
        return None
    definition = _clause(_CONNECTOR.sub("", previous.strip()).rstrip(". "), most=MAX_SAID_AFTER)
    return (term, definition, ()) if definition else None


def _naming_back(previous: str, sentence: str) -> tuple[bool, Definition | None]:
    """Whether `sentence` gives a name to what `previous` told ("Historians call this
    arrangement …"), and the name with what was told."""
    if (back := _NAMED_BACK.match(sentence)) is None:
        return False, None
    # "… into the city. The city was known as …": the city, not what happened
    again = back["noun"] and re.search(rf"\b{back['noun']}\b", previous, re.I)
    # "It was later called off", "They were often called traitors": no name given
    pronoun = re.match(r"(?:It|They)\s", sentence) is not None
    unnamed = (pronoun and not re.match(r"[A-Z“\"‘*]", back["term"])) or bool(
        re.match(  # "The strike was later called off", "… called a mistake"
            r"(?:off|up|out|back|down|in|on|to|for|upon|away|together|a|an)\b", back["term"]
        )
    )
    return True, None if again or unnamed else _named_back(previous, back["term"])


_TRAILING_PURPOSE = re.compile(
    r"\s+(?:in\s+order\s+)?to\s+[a-z]+(?:\s+[a-z]+)?\s+(?:them|it|him|her|us)\s*$|"
    # "used the Doctrine of Lapse | to take over Indian states"
    r"(?<=[a-z])\s+to\s+(?:take|bring|win|gain|keep|seize|annex|control|rule|crush|defeat|stop|"
    r"end|protect|defend)(?:\s+(?:over|up|back|down|out|off))?\s+(?:[A-Za-z]+\s+){0,3}[a-z]+\s*$"
)
_TRAILING_TIME = re.compile(r"\s+(?:in|on|by|from|during|until)\s+[^,;]*?\d{3,4}\s*$")


_A_PLURAL_OF_A_PLACE = re.compile(r"[a-z]+s(\s+(?:of|in|from)\s+(?:the\s+)?[A-Z][\w’'-]*)$")


def _head_said_of(previous: str, *, plural: bool) -> str | None:
    """The words of `previous` that end with what the sentence after it says something of,
    without a time or purpose after it; None if the sentence after says what a `plural` is and
    `previous` ends with none."""
    head = _TRAILING_TIME.sub("", previous.rstrip(' .!?”"’'))
    head = _TRAILING_PURPOSE.sub("", head)  # "Ebert turned to the Freikorps | to crush them."
    if plural and (of := re.search(_A_PLURAL_OF_A_PLACE, head)):
        head = head[: of.start(1)]  # "the handloom weavers | of Lancashire. These were …"
    if plural and not re.search(r"(?:s|[^\W\d_][aeiou])\W*$", head):
        return None  # "These were …" says what a plural is: "… turned to the Freikorps.",
        # "… rested on the amabutho."
    return head


def defined_after(previous: str, sentence: str) -> Definition | None:
    """(term, definition, ()) when `sentence` says what `previous` ends by naming ("…they
    formed the Schmalkaldic League in 1531. This was a military alliance of Protestant
    princes and cities"), or — when it ends with its verb — what it opens with
    ("Excommunication followed in January 1521. It meant that he was cut off …"), or — when
    it names what the one before described — that ("… agreed with the foreign consuls to keep
    order in their provinces. Historians call this arrangement the Mutual Protection …")."""
    if len(previous) > MAX_SENTENCE:
        return None  # a run without stops names no term (and the patterns below stay linear)
    names, named = _naming_back(previous, sentence)
    if names:
        return named
    said = _SAID_AFTER.match(sentence)
    if said is None:
        return None
    head = _head_said_of(previous, plural=bool(said["plural"]))
    if head is None:
        return None
    words = head.split()
    if len(words) >= 2 and _HAS_VERB.fullmatch(words[-1]) and len(words) <= 4:
        head = " ".join(words[:-1])  # "Excommunication followed": its subject
    term = _phrase_before(head)
    if said["noun"] and (said["noun"] in _NOT_IN_TERM or said["noun"] in _GENERIC):
        return None  # "In this way", "At this time": not what the sentence before named
    if said["did"] and not re.search(
        rf"\b(?:called|named|dubbed|{KNOWN_AS})\s+\S+(?:\s+\S+){{0,4}}$", previous.rstrip(" .")
    ):
        return None  # "These agreements opened …" says what a name just given is
    if said["law"] and not re.search(rf"\b(?:{_KIND_OF_LAW})\b", term or ""):
        return None  # "… Parliament met. It passed …": no law named before
    clause = _said(said)
    least = 3 if said["plural"] else 1 if said["translated"] or said["rendered"] else 4
    if not term or not _usable(term) or len(term.split()) > 4 or len(clause.split()) < least:
        return None
    definition = _clause(clause, most=MAX_SAID_AFTER, short=least == 1)
    return (term, definition, ()) if definition else None


def _said(said: re.Match[str]) -> str:
    """The definition's words `_SAID_AFTER` found, whichever way the sentence put them."""
    if said["origin"]:
        return f"the name {said['origin']}"
    names = ("clause", "plural", "bare", "restated", "within", "did", "translated", "rendered")
    clause = next((said[name] for name in (*names, "law") if said[name]), "")
    return re.sub(r"^that\s+", "", clause)


_NUMBERED_LABEL = (
    r"Figure|Fig|Plate|Map|Table|Source|Image|Picture|Photo|Day|Week|Page|Chapter|Lesson|Task|"
    r"Question|Activity|Step|Part|Section|Unit|Stage|Phase|Round|Act|Scene"
)


def _usable(term: str, *, marked: bool = False) -> bool:
    """Whether `term` can be a glossary term: a short noun phrase, no date, number or pronoun;
    nor, unless the text marks it as a term in italics or quotation marks (`marked`: "a
    *plan* was …", "'put to the question'"), a generic word or a verb's phrase."""
    words = term.split()
    # a name may be long: "Declaration of the Rights of Man and of the Citizen"
    named = all(
        w[:1].isupper() or w in {"of", "the", "and", "for", "on", "de", "la", "v."} for w in words
    )
    named = named and not any(len(w) > 1 and w.isupper() for w in words)  # "CEDA Spanish …"
    if not 1 <= len(words) <= (10 if named else 6):
        return False
    numbered = re.fullmatch(  # "Article 27", "Pattern 1853 Enfield rifle", "38th parallel"
        r"(?:Article|Clause|Section|Amendment)\s+\d+[A-Z]?|"
        r"[A-Z][\w’'-]*\s+\d+(?:\s+[A-Z][\w’'-]*)+(?:\s+[a-z]+)?|\d+(?:st|nd|rd|th)\s+[a-z]+|"
        # "the 15th Hussars", "the 8th Australian Division" (not "the 4th July")
        rf"\d{{1,3}}(?:st|nd|rd|th)\s+(?!(?:{'|'.join(_MONTH_NAMES)})\b)"
        r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}|"
        # … "the Compromise of 1850", "the 21 demands" (not "300 men", "20 years"), "Committee
        # Room 15" (not "June 1941", "Late 879", "Figure 3", "Day 2")
        rf"(?!(?:{'|'.join(_MONTH_NAMES)}|{_NUMBERED_LABEL})\b)(?:[A-Z][\w’'-]*\s+){{1,3}}\d{{1,2}}|"
        # … "the Pueblo Revolt of 1680", "the Immigration and Nationality Act of 1965"
        r"(?:[A-Z][\w’'-]*\s+(?:(?:and|of|the)\s+)?){1,6}of\s+\d{3,4}|\d{1,3}\s+(?!(?:years|days|months|weeks|hours|men|women|"
        r"people|soldiers|troops|miles|kilometres|acres)\b)[a-z]+s|"
        # … "the 1967 riots": a year naming what happened in it
        r"1\d{3}\s+(?:riots|revolutions|risings|strikes|reforms|protests|elections)|"
        r"(?:[A-Z][\w’'-]*\s+(?:(?:of|and|the)\s+){0,2}){1,6}Act\s+1\d{3}",  # "… Act 1965"
        term,
    )
    if not numbered and any(
        re.search(r"\d", w) and not re.fullmatch(r"[A-Z]{1,3}-\d{1,3}", w) for w in words
    ):
        return False  # a date or a number, but "U-2", "V-2" and "Article 27" are names
    if _NUMBERS.search(term) or term in _MONTH_NAMES or _A_TIME.search(term):
        return False  # "the late fourteenth century": when, not what
    if re.match(r"(?:Chapter|Part|Section|Unit|Book|Volume|Lesson|Week)\s", term):
        return False  # "Chapter Four (1848–1849) – the springtime of peoples": a contents line
    if re.fullmatch(rf"(?:{_NUMBERED_LABEL}|Document|Extract|Interpretation)\s+[A-Z]", term):
        return False  # "Source A: a paraphrase of …": a caption's label
    if (words[0] in _NOT_A_TERM_START and not marked) or term in _PRONOUNS:
        return False  # "within days", "given another operational post": no noun phrase
    return not (term.lower() in _GENERIC and not marked) and words[-1] not in _NOT_IN_TERM


# What a speaker says before the name of who they speak to ("“Yes, Warden,” said …").
_GREETINGS = {
    "Yes", "No", "Right", "Sorry", "Morning", "Evening", "Afternoon", "Goodnight", "Goodbye",
    "Hello", "Thanks", "Aye", "Well", "Okay", "OK", "Please", "Welcome", "Good morning",
    "Good evening", "Good afternoon", "Good night", "Thank you", "Excuse me", "Cheers", "Sir",
}  # fmt: skip
_NO_SUBJECT = {
    "What", "Which", "Who", "Every", "Each", "All", "Some", "Most", "Many", "No", "Any", "Others",
}  # fmt: skip
_PRONOUNS = {"it", "them", "him", "her", "they", "us", "themselves", "himself", "herself", "itself"}
# Lower-case words a term does not begin with: prepositions, and participles a verb's phrase
# begins with.
_NOT_A_TERM_START = {
    "in", "on", "at", "by", "for", "from", "with", "within", "without", "into", "during",
    "after", "before", "until", "since", "across", "through", "among", "against", "towards",
    "given", "taken", "made", "sent", "held", "kept", "told", "brought", "put", "done", "seen",
    "shown", "thought", "found", "left", "paid", "sold", "won", "lost",
    "this", "that", "these", "those",  # "called this type a carrack": a word pointing back
}  # fmt: skip


_A_TIME = re.compile(r"\b(?:century|centuries|decade|decades)$")
_MONTH_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
}  # fmt: skip


# A definition that is an address (or a date, `_only_a_date`): no meaning of a term.
_AN_ADDRESS = re.compile(r"@|\bhttps?://|\bwww\.")


def _when_the_sentence_opens(term: str, sentence: str) -> bool:
    """Whether a time of day ends the phrase that opens the sentence with when it happened:
    "That morning, the first immigrant …" — what follows the comma is the sentence's subject,
    not what the word means."""
    at = sentence.find(f"{term},")
    if at <= 0 or not term[:1].islower():
        return False
    # (not a place's: "Inside the keep, the strongest tower of the castle, …" defines it:
    # hostile pass 57)
    return (
        _A_TIME_OF_DAY.fullmatch(term) is not None
        and _THAT_TIME.fullmatch(sentence[:at]) is not None
    )


# A sentence's opening phrase of time: "That morning,".
_A_TIME_OF_DAY = re.compile(
    r"morning|afternoon|evening|night|day|week|month|year|spring|summer|autumn|winter"
)
_THAT_TIME = re.compile(
    r"(?:That|This|The\s+next|The\s+following|Each|Every|(?:Later|Early|Late)\s+that)\s+"
)


def _only_a_date(words: str) -> bool:
    """Whether `words` are a date and nothing else, as `dates` reads one: "17 October", "the
    5th of May 1915"."""
    words = words.removeprefix("the ").rstrip(".")
    if len(words) > 40 or not re.search(r"\d", words):
        return False  # … a date has its day or year in digits, and is short
    spans = [(start, end) for start, end, _ in find_dates(words)]
    spans += [(start, end) for start, end, _, _ in find_day_months(words)]
    return any(start == 0 and end == len(words) for start, end in spans)


_MAIN_CLAUSE = re.compile(
    r"^\w+\s+(?:\S+\s+){2,}(?:they|he|she|we|it)\s+(?:were|was|had|could|would|did|[a-z]+ed|"
    # "While he was abroad he began to call himself | Guido, the Italian form of his name"
    r"began|took|made|gave|became)\s+(?:[a-z]+\s+){0,3}(?:by|the|a|an|(?-i:[A-Z]\w*))\b"
)
# "After the Reichstag was set on fire on 27 February, …": a clause, however it ends.
_CLAUSE_OPENING = re.compile(r"(?:after|before|until|since|once)\b.*\b(?:was|were|had|did)\b", re.I)


# A time, then a main clause with its subject and verb: "Since the fifteenth century the
# imperial title had stayed in the hands of the Habsburgs", "In the early nineteenth century
# only a minority of men could vote for the House of Commons".
_A_TIME_THEN_CLAUSE = re.compile(
    r"(?:since|after|before|until|in|by|from|during)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?"
    r"(?:\d{3,4}s?|[a-z]+(?:-[a-z]+)?\s+century|[A-Z][a-z]+\s+\d{3,4})\s+"
    r"(?!(?:and|or|to|when|as|at|in|on|by|for|with|from|of|near)\b)(?:[\w’'-]+\s+){1,6}?"
    rf"(?:{_MODAL}\s+(?:[a-z]+\s+)?[a-z]{{3,}}|"
    r"(?:had|has|have)\s+(?:been\s+[a-z]{3,}ing|(?:been\s+)?[a-z]{3,}ed)|"
    rf"{_HAS_VERB.pattern})\s+\S",
    re.IGNORECASE,
)
_ADVERB_THEN_NAME = re.compile(
    r"(?:Meanwhile|Then|Now|Later|Soon|Still|Instead|Thus|Finally|Eventually)\s+"
    r"\*?(?:[A-Z][\w’'-]*\s*)+\*?"  # … the name may be marked: "Later *William Hutton*"
)


_A_TIME_WORD = (
    r"month|year|day|week|spring|summer|autumn|winter|morning|evening|night|decade|century"
)


def _opening(head: str) -> bool:
    """Whether the part of a sentence before a comma is an opening phrase rather than ending
    with a noun phrase: "In 1847 alone", "As the old shell began to crumble", "at Lahore"."""
    segments = re.split(r"[,;:]", head.rsplit(";", 1)[-1])  # "…; in Russia, the tsar": anew
    segment = segments[-1].strip()
    # "Rationing, the controlled distribution of scarce goods, began …"; "Meanwhile Malacca,
    # a trading city …" (an adverb, then the subject); a phrase inside the sentence
    rationing = len(segments) == 1 and re.fullmatch(r"[A-Z][a-z]+ing", segment)
    # … or a time, then the main clause: "Since 1337 England had been fighting the …"
    named = _ADVERB_THEN_NAME.fullmatch(segment) or _A_TIME_THEN_CLAUSE.match(segment)
    if rationing or named or _mid_sentence(segments, segment):
        return False
    if _SUBORDINATE.match(segment) and _after_a_main_clause(segments):
        return False  # "Messengers asked him to delay, because the Oba was taking part in …"
    if _SUBORDINATE.match(segment) or _CLAUSE_OPENING.match(segment):
        # … unless the main clause follows without a comma: "Once raiders crossed the
        # coastline they were tracked by the Observer Corps, a force of …"
        return not _MAIN_CLAUSE.search(segment)
    if len(segments) == 1 and re.match(
        rf"(?:[A-Z][a-z]+ed|{_PARTICIPLES})\s+(?:by|first|in|at|from)\b", segment
    ):
        return True  # "Edited by Locke, the special issue …", "Printed first in Augsburg, …"
    # … the subject may be marked: "In 1801 *William Hutton*, a 78-year-old bookseller, …"
    # … or a day without its year: "On 15 April martial law – rule by military authority –"
    date_then_subject = (
        rf"^{_OPENER.pattern}[^,]*?(?:\d{{3,4}}s?|\d{{1,2}}\s+(?:{'|'.join(MONTHS)})"
        # … not "On 11 November at 11 o'clock, the guns …", "On 14 October near Hastings, …"
        r"(?!\s+(?:at|in|near|on|by|from|to|of|after|before|during|around|about|outside)\b))"
        r"\s+\*?(?!(?:alone|only|onwards?)\b)\w"
    )
    if re.match(date_then_subject, segment, re.IGNORECASE):
        return False  # "In November 2016 the New Safe Confinement": a date, then the subject
    if re.search(r"(?:\d|[A-Z][\w’'-]*)\s+(?:the|a|an)\s+[A-Z]", segment) or re.search(
        rf"\b(?:that|this|the\s+same|the\s+next|the\s+following|the\s+previous)\s+"
        rf"(?:{_A_TIME_WORD})\s+(?:(?:[A-Z][\w’'.-]*|{_PARTICLE})\s+)*[A-Z][\w’'-]*$",
        segment,
    ):
        return False  # "After the Second World War the Viet Minh": a name, then the subject;
        # "At the end of that month General Mariano Paredes": a time, then the subject
    if re.search(r"[’']s\s+[a-z]+\s+[A-Z][\w’'-]*$", segment) and not _HAS_VERB.search(segment):
        return False  # "During Musa's reign Gao": a time, then the subject
    subject = re.search(r"\b([a-z][\w’'-]*)\s+(?:the|a|an)\s+[A-Z]", segment)
    if subject and subject[1] not in _NOT_IN_TERM:
        return False  # "For a generation the Byzantine Empire": a time, then the subject
    if re.match(r"[A-Za-z]+ing\s+[a-z]+s\b", segment):
        return False  # "Leading members of the Duma, the elected parliament …"
    # "By the 1940s the colony was the world's largest producer of cocoa": a clause, not an
    # opening
    # "In the north-west they used Kharosthi, a script …": the main clause, not an opening
    return bool(_OPENER.match(segment)) and not (
        _A_VERB.search(segment) or re.search(r"\b(?:they|he|she|we)\s+[a-z]{3,}\b", segment)
    )


def _after_a_main_clause(segments: list[str]) -> bool:
    """Whether the sentence the comma-separated `segments` begin opens with its main clause, so
    that a clause after it ("…, when it took a new name from …") is inside the sentence."""
    first = segments[0].strip()
    return (
        len(segments) >= 2
        and not _OPENER.match(first)
        and not _SUBORDINATE.match(first)
        and _a_verb_in(first)
    )


def _mid_sentence(segments: list[str], segment: str) -> bool:
    """Whether the last of a sentence's comma-separated `segments` is a phrase inside it, not
    part of its opening: "he merged the Falange, …, with the Carlists", "…, including scutage"."""
    if len(segments) < 2:
        return False
    as_role = re.match(r"as\s(?!(?:it|they|he|she|we|I|you|this|that)\b)", segment) and not (
        re.search(r"\b(?:was|were|is|are|had|has|have|did|does|do)\b", segment)
    )
    if as_role and not _HAS_VERB.search(segment):
        return True  # "…, as imperial commissioner, an envoy given full powers …"
    if re.search(r"\b(?:was|were|is|are|became|become)\s*$", segments[-2]):
        return False  # "A protectorate was, in theory, a territory …": an aside, not a term
    first = segments[0].strip()
    # … or a main clause after an opening: "On 6 May 1882 the new Chief Secretary, …, were
    # stabbed to death in Phoenix Park, Dublin, by the Invincibles, a small secret society"
    told = any(re.search(r"\b(?:was|were)\s+[a-z]{3,}ed\b", s) for s in segments[1:-1])
    mid = not _OPENER.match(first) or bool(_HAS_VERB.search(first)) or told
    if mid and re.match(r"(?:with|to|for|from|into|against|by|in|on|at)\s", segment):
        return not _HAS_VERB.search(segment)
    # … "Aksum's early kings worshipped several gods, among them Mahrem, a god of war"
    among = mid and re.match(r"among\s+(?:them|these|others)\s+[A-Z]", segment) is not None
    return among or bool(re.match(r"(?:like|unlike|to|[a-z]+ly|[a-z]+ing)\b", segment, re.I))


def _phrase_before(text: str) -> str:
    """The noun phrase `text` ends with: capitalised words with the small words inside names
    ("Cat and Mouse Act", "First Barons' War"), or up to four lower-case words back to a
    determiner, preposition or verb ("died from | acute radiation sickness")."""
    # "changed to *transportation* | for life, which meant …": the marked word, not its phrase
    text = re.sub(  # … and "the *Act of Settlement* | of 1701, the law that …"
        r"(\*[^*]{2,60}\*)\s+(?:(?:for|in|at|on)\s+[a-z]+(?:\s+[a-z]+)?|of\s+\d{3,4})\s*$",
        r"\1",
        text,
    )
    if (set_apart := _set_apart(text)) is not None:
        return set_apart
    if place := _A_PLACE_OPENING.fullmatch(text.strip()):
        return place["name"]  # "Opposite the Ardennes, a region of steep hills …, the French"
    words = text.rstrip().split()
    if len(words) > 1 and words[-1].lower() in ("type", "kind", "class", "sort"):
        words = words[:-1]  # "reactors of the RBMK type" → RBMK
    if len(words) >= 2 and re.fullmatch(_NAMING_VERBS, words[0]):
        words = words[1:]  # "Renamed | Tianjing, the 'Heavenly Capital', the city …"
    if not words:
        return ""
    if _whole_head(words):  # "Oyer and terminer, an old legal phrase …"
        return " ".join(_bare(w) for w in words)
    taken = _taken_back(words)
    taken = _joined_back(words, taken)
    at = len(words) - len(taken)
    named = [i for i, w in enumerate(taken[:-1]) if w in _NAMING_NOUNS]
    if named:
        taken = taken[named[-1] + 1 :]  # "took the title | mansa", "the Greek phrase | eis …"
    taken = _without_a_verb_s_object(words[:at], taken)
    while taken and (taken[0].lower() in _LEADING_SMALL or taken[0] in _ARTICLES):
        taken.pop(0)  # … and "remembered it as | la Noche Triste", not "La Libre Parole"
    taken = _without_a_day_s_month(words[:at], taken)
    first = len(words) - len(taken)
    initials = first >= 1 and _A_BODY_S_INITIALS.fullmatch(words[first - 1])
    if initials and _A_BODY_S_WORDS.intersection(taken):
        taken = [words[first - 1], *taken]  # "the U.S. Life-Saving Service" (not "the U.K. |
        # Attlee", a sentence's end and the next one's name)
    phrase = " ".join(taken)
    whole = taken and phrase == " ".join(words).strip("“”\"'‘’()")
    # "After the war, …": an opening, not a term; but "Rationing, the controlled …"
    opening = whole and _OPENER.match(phrase) and not re.fullmatch(r"[A-Z][a-z]+ing", phrase)
    return "" if opening else phrase


def _without_a_verb_s_object(before: list[str], taken: list[str]) -> list[str]:
    """`taken` without a word that is the verb or the first object before it: "granted the
    merchants | privileges", "owed the state | mit'a", "wings that produce | lift" (a plural's
    "that", whose verb is plural too)."""
    if len(taken) < 2 or not taken[0].islower():
        return taken
    giving = len(before) >= 2 and before[-1] == "the" and before[-2] in _GIVING
    # … after a noun's "that", not a verb's ("argued that | free trade, …", "knew that | total
    # war, …"): the noun's is a relative pronoun, the verb after it no part of the term
    relative = (
        len(before) >= 2
        and before[-1].lower() in ("that", "which", "who")
        and re.fullmatch(r"[a-z]+s", before[-2]) is not None
        and before[-2] not in _SAYS
    )
    return taken[1:] if giving or relative else taken


_SAYS = {"says", "argues", "believes", "claims", "insists", "thinks", "knows", "means", "shows"}


# A country's initials before a body of it: "the U.S. Army Signal Corps", "the U.K. Post Office".
_A_BODY_S_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_A_BODY_S_WORDS = {
    "Army", "Navy", "Air", "Senate", "Congress", "Service", "Corps", "Department", "Office",
    "Marines", "Court", "Government", "Embassy", "Treasury", "Mint", "Bureau", "Commission",
}  # fmt: skip


def _opening_before_someone(head: str, clause: str) -> bool:
    """Whether `head` is a place after a preposition opening the sentence and the appositive
    after it says who the subject is, not what the place is: "Near Verdun, the French
    commander, Pétain, …" (but "Beyond the Danube, the border of the Roman Empire, …")."""
    return bool(_A_PLACE_OPENING.fullmatch(head.strip())) and bool(_A_COMMANDER.fullmatch(clause))


# Someone by their command, before their name: "the French commander", "the Soviet leader".
_A_COMMANDER = re.compile(
    r"the\s+(?:[A-Z]?[a-z]+\s+){0,2}(?:commander|general|leader|king|queen|president|minister|"
    r"chief|officer|admiral|governor|emperor|bishop|pope|captain|marshal|ruler)"
)


# A place after a preposition of place opening a sentence: "Opposite | the Ardennes".
_A_PLACE_OPENING = re.compile(
    r"(?:Opposite|Beyond|Across|Near|Behind|Beside|Around|Along|Outside|Below|Above)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3})"
)


# The word before a day that is not a name's ("The failed 20 July plot", "Castro's 26 July
# Movement" keep the month): "On 15 April", "On Sunday 3 September", "the night of 9 November",
# "Between 9 and 10 November".
_A_DAY_AFTER = (
    r"(?i:on|by|from|until|till|since|after|before|of|and|between)|"
    rf"{WEEKDAY},?"
)


def _without_a_day_s_month(before: list[str], taken: list[str]) -> list[str]:
    """`taken` without the month of a day written before it: "On 15 April | martial law – rule
    by …" is "martial law", not "April martial law"."""
    # … inside a sentence ("On 15 April", "On Sunday 3 September", "the night of 9 November"):
    # not "The 20 July plot", "2 May Morris – …"
    day = (
        len(before) >= 2
        and re.fullmatch(r"\d{1,2}", before[-1]) is not None
        and re.fullmatch(_A_DAY_AFTER, before[-2]) is not None
    )
    return taken[1:] if day and len(taken) > 1 and taken[0] in MONTHS else taken


def _set_apart(text: str) -> str | None:
    """The phrase `text` ends with where its words mark it: quoted or in italics (the "century
    of humiliation", the *petits blancs*, "with | extenuating circumstances"), or an idiom with
    a possessive inside ("lay | no man's land, ground that …")."""
    quoted = re.search(
        # … in a typewriter's single quotes too, opened after a space: "his 'Kindergarten'"
        r"(?:[“\"‘]([^“”\"‘’]{2,60})[”\"’]|\*([^*]{2,60})\*|(?:(?<=\s)|^)'([^'’\n]{2,60})')\s*$",
        text,
    )
    said = quoted and (quoted[1] or quoted[2] or quoted[3])
    if said and len(said.split()) <= 6:
        return re.sub(r"^(?:with|without|in|on|by|for)\s+", "", said)
    idiom = re.search(r"\bno\s+man[’']s\s+land$", text)
    return idiom[0] if idiom else None


# Verbs with two objects: "granted the merchants privileges".
_GIVING = {
    "granted", "gave", "give", "gives", "owed", "owe", "owes", "offered", "sold", "sent",
    "promised", "denied", "allowed", "paid", "handed", "lent", "taught", "showed", "awarded",
}  # fmt: skip


_LEADING_SMALL = {
    "of", "and", "for", "the", "de", "von", "a", "an", "this", "these", "that", "those", "its",
    "his", "her", "their", "our", "them", "him", "us", "themselves", "himself", "herself",
    "itself",
}  # fmt: skip
_ARTICLES = {"la", "le", "les", "el", "los", "las", "il", "der", "die", "das"}
# The nouns a name follows ("the title | mansa") and the verbs that give one.
_NAMING_NOUNS = {
    "title", "name", "word", "term", "phrase", "rank", "motto", "slogan", "nickname",
}  # fmt: skip
_NAMING_VERBS = r"(?:Re)?[Nn]amed|Renamed|Called|Dubbed|Nicknamed|Styled|Titled|Known"


def _bare(word: str) -> str:
    """A word without the quotation marks and brackets around it; "Barons'" keeps the mark of
    a plural's possessive."""
    bare = word.lstrip("“\"'‘(").rstrip('”")')
    return bare if bare.endswith(("s’", "s'")) else bare.rstrip("’'")


def _taken_back(words: list[str]) -> list[str]:
    """The words of the noun phrase `words` ends with, read back from its last."""
    capitals = _capitalised(words[-1])
    taken: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        bare = _bare(words[index])
        if taken and (joins := _joined_before(words, index, taken)):
            taken.insert(0, words[index] if joins == "link" else bare)
            if joins == "first":
                break
            continue
        if not _NP_WORD.match(bare):
            break
        if _gerund_phrase(bare, taken, words[:index]):  # "were buying | on margin"
            taken.insert(0, bare)
            continue
        if not _in_phrase(bare, capitals, taken, words[:index]):
            if _modifier(bare, capitals, taken, index):  # "the | Quit India movement"
                taken.insert(0, bare)
                for word in reversed(words[1:index]):
                    if not (word[:1].isupper() and _NP_WORD.match(_bare(word))):
                        break
                    taken.insert(0, _bare(word))
            break
        taken.insert(0, bare)
    return taken


def _joined_before(words: list[str], index: int, taken: list[str]) -> str | None:
    """How `words[index]` joins the phrase read back after it (`taken`) where a noun phrase's
    words do not: "first", an ordinal, a count or a year after "the" ("the | 38th parallel", "the
    | 21 demands", "the | 1967 riots"); "link", a case's "v." ("Woodruff v. | North Bloomfield
    Gravel Mining Company")."""
    bare = _bare(words[index])
    counted = re.fullmatch(r"\d{1,4}", bare) and words[index - 1 : index] == ["the"]
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", bare) or counted:
        return "first"
    return "link" if words[index] in ("v.", "v") and taken[0][:1].isupper() else None


# Nouns a term goes on from with "of": "the principle of legitimacy", "the balance of power".
_OF_HEADS = {
    "principle", "balance", "doctrine", "theory", "policy", "separation", "freedom", "sphere",
    "spheres", "concert", "rule", "right", "rights", "dissolution", "dictatorship", "law",
    "oath", "fixity",
}  # fmt: skip


def _joined_back(words: list[str], taken: list[str]) -> list[str]:
    """A lower-case term's "of" or "by" phrase read back too: "the | priesthood of all
    believers", "as | justification by faith" (a noun, then "of"/"by", then the words taken)."""
    if (kin := _a_son_of(words, taken)) is not None:
        return kin
    if not taken or taken[0][:1].isupper():
        return taken
    index = len(words) - len(taken)
    link = index - 1
    if link >= 1 and words[link] == "all" and words[link - 1] == "of":
        link -= 1  # "of all": "a chain of | beacons" is a chain, not a term
    head = link - 1
    if (
        head >= 0
        and (
            words[link] == "by"
            or words[link:index] == ["of", "all"]
            or (words[link] == "of" and words[head] in _OF_HEADS and len(taken) <= 2)
            # "a ticket of leave", "a certificate of residence": one thing of one uncounted
            # thing (not "a chain of | beacons", "a march of | ex-servicemen", nor a word from
            # another language: "a cornerstone of | laïcité")
            or (
                words[link] == "of"
                and len(taken) == 1
                and not taken[0].endswith(("s", "men"))
                and taken[0].isascii()
                and head >= 1
                and words[head - 1] in ("a", "an")
            )
        )
        and re.fullmatch(r"[a-z][a-z-]+", words[head])
        and words[head] not in _NOT_IN_TERM
        and not _HAS_VERB.fullmatch(words[head])
        and (
            head == 0
            or words[head - 1].lower() in ("the", "as", "for", "of", "in", "a", "an", "and", "or")
            or words[head - 1].endswith((";", ":"))  # "…; fixity of tenure, meaning …"
        )
    ):
        return [words[head], *words[link:index], *taken]
    return taken


def _a_son_of(words: list[str], taken: list[str]) -> list[str] | None:
    """A name read back to the kin it is of, or None: "| Eleazar son of Ananias, the captain
    …" (not an office: "the leader of | the Jacobins – a radical club –" glosses the club)."""
    name = list(taken)
    while name and name[0] in ("of", "the"):
        name.pop(0)
    if not name or not name[0][:1].isupper():
        return None
    index = len(words) - len(name)
    of = index - 2 if words[index - 2 : index] == ["of", "the"] else index - 1
    if of < 2 or words[of] != "of":
        return None
    head, before = words[of - 1], words[of - 2]
    if head in ("son", "daughter") and index - of == 1 and re.fullmatch(r"[A-Z][a-z]+", before):
        return [before, *words[of - 1 : index], *name]  # "Eleazar son of Ananias"
    return None


def _whole_head(words: list[str]) -> bool:
    """Whether the words before the comma are a sentence's short opening noun phrase, taken
    whole: "Oyer and terminer", not "After the war" or "Later still"."""
    head = " ".join(words)
    return (
        1 < len(words) <= 4
        and words[0][:1].isupper()
        and words[0].lower() not in _NOT_IN_TERM
        and not _OPENER.match(head)
        and not _SUBORDINATE.match(head)
        and not _HAS_VERB.search(head)
        and not re.search(r"\b(?:like|unlike|[a-z]+ing)\b", head, re.IGNORECASE)
        and all(_NP_WORD.match(_bare(w)) for w in words)
        and not any(w.lower() in _NOT_IN_TERM - {"and", "of", "the"} for w in words[1:])
    )


def _gerund_phrase(bare: str, taken: list[str], before: list[str]) -> bool:
    """A preposition inside a gerund's phrase: "buying on margin"."""
    return (
        bare.lower() in ("on", "of", "in")
        and bool(taken)
        and bool(before)
        and before[-1].lower().endswith("ing")
        and before[-1][:1].islower()
    )


# Small words inside names: "Umkhonto we Sizwe", "Leonardo da Vinci", "Ludwig van Beethoven".
_NAME_PARTICLES = {
    "we", "da", "de", "di", "du", "del", "della", "van", "von", "vom", "zur", "zum", "der",
    "den", "la", "le", "al", "el", "bin", "ibn", "y", "dos", "das", "ter", "zu", "of", "and",
    "des", "les", "do", "nad", "pod", "na", "ap", "ab",
}  # fmt: skip
# An era's letters after a year, never a name's first word.
_ERAS = {"BCE", "BC", "CE", "AD"}
# … as a pattern, the words that join a name's parts, not two names ("of", "and") nor a
# Xhosa name's "we": "Mariano Paredes y Arrillaga", "Jean de la Valette"
_PARTICLE = "|".join(sorted(_NAME_PARTICLES - {"of", "and", "we"}))


# How many of a kind, never a name's first word ("Many | Flemings"), and those that may be
# ("All Souls College", "Three Principles of the People") but not a term's first word.
_COUNTING = {"many", "most", "some", "several", "few", "both", "each", "every"}
_QUANTIFIERS = _COUNTING | {"all", "other", "such", "more", "no", "any", "two", "three", "four",
                            "five"}  # fmt: skip


# Capitalised, these open a sentence, never a name ("First", "New" and "Thousand" may).
_NEVER_IN_NAME = {
    "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "in",
    "on", "at", "to", "from", "by", "with", "into", "onto", "for", "as", "under", "including",
    "but", "while", "which", "who", "whom", "where", "when", "than", "then", "there", "it",
    "they", "he", "she", "we", "after", "before", "during", "over", "between", "about",
    "against", "also", "so", "still", "even", "only", "yet", "soon", "once", "now",
    "meanwhile", "later", "instead", "thus", "finally", "eventually",  # "Meanwhile | Malacca"
    *_COUNTING,  # "Many | Flemings"
}  # fmt: skip
# What follows "the" inside a name: "Alfred the Great", "William the Conqueror".
_EPITHETS = {
    "Great", "Terrible", "Conqueror", "Confessor", "Elder", "Younger", "Bold", "Good", "Wise",
    "Pious", "Fair", "Magnificent", "Navigator", "Lionheart", "Bald", "Fat", "Lame", "Just",
}  # fmt: skip
# Past tenses that are not "-ed": "The besiegers built | siege towers" (not "lay", "set",
# "left" or "split": "lay investiture", "a tea set").
_PAST = _PAST_TENSES - {"lay", "set", "left", "split", "laid"}


# Adjectives that describe what a lower-case term names, not part of its name: "four great |
# kontors", "huge | crowds".
_DESCRIBING = {
    "great", "large", "small", "big", "huge", "vast", "old", "important", "famous", "powerful",
    "rich", "wealthy", "major", "main", "little", "long", "short", "strong", "weak", "own",
    "various", "different", "certain", "whole", "entire", "same", "similar", "growing",
    "so-called", "terrible", "deadly", "bitter", "fierce", "popular", "second", "third",
    "fourth", "first", "last", "final", "real", "key", "chief", "hardest", "biggest", "greatest",
    "worst", "best", "immediate", "underlying", "deeper", "other", "experienced", "loose",
}  # fmt: skip


# Possessives inside a term's name: "people's communes", "women's suffrage".
_COLLECTIVE = {"people", "women", "men", "children", "workers", "peasants", "soldiers"}


# Words after which "to" is a preposition, not an infinitive's: "subjected to X".
_TO_AS_PREPOSITION = {
    "subjected", "referred", "devoted", "exposed", "opposed", "related", "sentenced",
    "condemned", "committed", "dedicated", "compared", "added", "admitted", "accustomed",
    "due", "according", "close", "next", "up", "owing", "thanks", "similar", "equal",
    "turned", "turning", "resorted", "switched", "converted",
}  # fmt: skip


def _capitalised(word: str) -> bool:
    """Whether `word` is a name's: capitalised, or after an Arabic article ("al-Zanj")."""
    # … "ʻIolani Palace": a Hawaiian name opens with its ʻokina
    arabic = re.match(r"(?:al|el|ad|as|an|ar|at|az)-[A-Z]", word) is not None
    return word.lstrip("ʻ")[:1].isupper() or arabic


def _modifier(bare: str, capitals: bool, taken: list[str], index: int) -> bool:
    """Whether a capitalised word names what the lower-case words after it are: "Jupiter
    missiles", "Olympic-class liners" (not "The"), or is the sentence's first word of them
    ("Annual parliaments, meaning …"; not "Meanwhile troops", "Many soldiers")."""
    first = (
        index == 0 and not _an_opening_word(bare) and bare.lower() not in _DESCRIBING | _QUANTIFIERS
    )
    return (
        not capitals
        and bool(taken)
        and (index > 0 or first)
        and bare[:1].isupper()
        and bare.lower() not in _NOT_IN_TERM
        and not bare.endswith(("’s", "'s"))
    )


def _in_phrase(bare: str, capitals: bool, taken: list[str], before: list[str]) -> bool:
    """Whether `bare` belongs to the noun phrase `taken` ends (read backwards; `before`, the
    words ahead of it)."""
    if capitals:  # "Umkhonto we Sizwe", "Charles de Gaulle", "Cat and Mouse Act"
        if bare.lower() == "the":  # "Society of the Friends", "Ivan the Terrible", not
            # "In Boston | the Sons of Liberty"
            after_particle = bool(before) and before[-1].lower() in ("of", "and", "for", "on")
            return bool(taken) and (after_particle or (len(taken) == 1 and taken[0] in _EPITHETS))
        if bare in _ERAS:
            return False  # "In about 728 BCE | Tefnakht, the ruler of Sais": a date's, not his
        small = bool(taken) and (bare in ("of", "and", "for") or bare in _NAME_PARTICLES)
        # "In Boston", "During", "This": a sentence's first word, not a name's (but after a
        # word, a name's: "on show in | He Tohu", "published The Town | That Was Murdered")
        inside = bool(before) and re.fullmatch(r"[A-Za-z][\w’'-]*", before[-1]) is not None
        if bare[:1].isupper() and bare.lower() in _NEVER_IN_NAME and not inside:
            return False
        return _capitalised(bare) or small
    # "tried to impose | conscription", but "subjected to | peine forte et dure"
    infinitive = (
        not bare.endswith("ed")  # "handed to | chartered companies"
        and len(before) >= 2
        and before[-1].lower() == "to"
        and bool(taken)
        and before[-2].lower() not in _TO_AS_PREPOSITION
    )
    return not (
        bare.lower() in _NOT_IN_TERM
        or bare.lower() in ("up", "down", "out", "off", "back")  # "set up | ghettos"
        or bare.lower() in _DESCRIBING
        or (bool(taken) and bare.lower() in _SPANS_OF_TIME)
        or bool(_NUMBERS.search(bare.lower()))
        or len(taken) >= 4
        or (_VERB.match(bare + " x") and not (taken and before and before[-1] in _BEFORE_ADJECTIVE))
        or bare in _PAST
        or bare[:1].isupper()
        or (bare.endswith(("’s", "'s")) and bare.lower()[:-2] not in _COLLECTIVE)
        or infinitive
        # "China would recover | sovereignty – the right to rule –", "did not recognise |
        # sovereignty": a verb after a modal, or after one and "not"
        or (bool(taken) and bool(before) and before[-1].lower() in _MODALS)
        or (
            bool(taken)
            and len(before) >= 2
            and before[-1].lower() == "not"
            and before[-2].lower() in (*_MODALS, "did", "does", "do")
        )
    )


# Words after which the next is a verb: "would | recover" (not "do": "had to do | relief
# work"; nor "not": "was not | absolute monarchy").
_MODALS = {
    "would", "could", "should", "might", "will", "can", "must", "may", "shall", "cannot",
}  # fmt: skip
# Words after which a participle is an adjective: "handed to | chartered companies".
_BEFORE_ADJECTIVE = {
    "a", "an", "the", "to", "of", "in", "with", "by", "for", "from", "into", "as", "these",
    "this", "those", "its", "their", "his", "her",  # "These | migrated archives – colonial …"
}  # fmt: skip
# Words a bare noun phrase does not begin with: "Calais, only to learn that …", "the coast,
# and thousands of men drowned", "goods, on thousands of products".
_NOT_A_NOUN = (
    r"(?!(?:and|but|or|so|yet|nor|only|just|even|then|when|while|as|if|though|although|thousands|still|"
    r"this\s+time|that\s+time|"
    r"already|now|once|formerly|first|originally|he|she|it|they|we|you|i|especially|"
    r"particularly|mainly|mostly|usually|probably|possibly|perhaps|"
    r"hundreds|millions|many|most|some|all|both|on|in|at|by|for|with|from|to|of|not|never|"
    r"earlier|later|"
    r"after|before|until|since|because|where|which|who|whom|whose|that|was|were|is|are|had|"
    r"has|have|be|been|[a-z]+ing(?!-)|[a-z]+ed(?=\s+(?:by|the|a|an|to|in|on|at|with|from|his|"
    r"her|their|its|into|onto|across|through|towards?|against|over|that|anyone|everyone|"
    r"someone|them|him|us|people)\b)|"
    r"built|made|led|held|known|given|came|went|took|gave|saw|won|ran|"
    r"began|became|fell|rose|grew|drew|fought|left|lost|sent|set|kept|stood|told)\b)"
)
# "India became independent, a day after …": a time, not a definition.
_NOT_A_TIME = (  # … but "a time of foreign rule" is what a thing was
    r"(?!(?:a|the|one|this|that)\s+(?:day|week|month|year|decade|century|moment|time)\b"
    r"(?!\s+(?:of|when|in\s+which)\b))"
)
# Participles a defining noun phrase goes on with: "cloth spun and woven by hand".
_PARTICIPLE = (
    r"(?:[a-z]{2,}ed|spun|woven|made|built|worn|written|given|known|held|sold|grown|drawn|"
    r"kept|bought|brought|set|run|fought|taken|won|led|paid|sent|chosen|done)"
)
# What an appositive that defines begins with: a determiner ("a plant disease"), "meaning",
# "which meant", "in which", "or" and a lower-case word ("the tariff, or tax on …"), or a bare
# noun phrase going on with a relative clause, a participle or "of" ("private sea captains who
# were licensed", "old vessels packed with tar", "testimony that …").
# A word inside a bare noun phrase: "spread | to dozens of" is a verb's phrase, not a noun's.
_INNER = r"(?!(?:to|of|in|on|at|by|for|with|from|into|or|but|the|a|an)\b)[a-z][\w-]*\s+"
_APPOSITIVE_OPENING = (
    rf"(?:{_NOT_A_TIME}{_DETERMINER}\b|one\s+of\b|meaning\b|which\s+(?:meant|means)\b|"
    # "Radagaisus, another Gothic leader, …" (not "another at Lake Trasimene"); "Lee Kuan Yew,
    # later Singapore's first prime minister, …", "Mark Antony, then Caesar's fellow consul,"
    # — one person's office by its owner (not "then Pompey's sons in Spain", "later the
    # Habsburg Empire", "then the whole of Italy fell …": what came next)
    r"another\s+(?=[A-Za-z][\w-]*\s+[a-z])(?!(?:at|in|on|of|by|to|for|from|with)\b)|"
    r"(?:later|then)\s+(?=[A-Z][\w’'-]*[’']s\s+(?:[a-z]+\s+){0,2}[a-z]+[^s\W](?:[,;.]|$))|"
    # "Dartmouth, then a separate town of a few thousand people", "Albert Einstein, then the
    # most famous scientist in the world," — what it was at the time (`_what_came_next`)
    r"(?:then|once)\s+(?=(?:a|an|the)\s+[a-z])|"
    r"(?:named|called)\s+after\b|"  # "the Armagnacs, named after their leader Bernard, …"
    r"from\s+the\s+(?:[A-Z][a-z]+\s+)*word\s+for\b|"  # "Boers, from the Dutch word for …"
    # "stadtholder, in effect chief magistrate …"
    r"(?:in\s+effect|effectively|essentially|roughly|approximately)\s+(?=[a-z])(?![a-z]+ing\b)|"
    r"[a-z]+(?:able|ible)\s+(?:only\s+)?(?:to|for|from)\s|"  # "a city, answerable only to …"
    r"in\s+which\b|or\s+(?=[A-Za-z])|"
    # "which was a committee …", "a claim, which was the patch of ground a miner …"
    r"(?:which|who)\s+(?:was|were|is|are)\s+(?=(?:a|an|one\s+of|the)\s)|"
    # … "customs duties, which are taxes on goods being traded"
    r"(?:which|who)\s+(?:were|are)\s+(?=[a-z]+s\s+(?:on|of|for|in|that|which|who)\s)|"
    # … "in ellipses, which are stretched-out circles, and …": a plural noun and no more
    r"which\s+(?:were|are)\s+(?=[a-z-]+\s+(?!(?:theirs|ours|yours)\b)"
    r"[a-z]{3,}(?<!ou)(?<!s)s(?:,|;|\.|$))|"
    rf"{_NOT_A_NOUN}(?:[a-z][\w-]*\s+){{0,3}}[A-Za-z][\w-]*(?=\s+(?:who|which|that|whose|where)\s)|"
    rf"{_NOT_A_NOUN}(?:{_INNER})?(?:[a-z]+(?:tion|sion|ment|ance|ence|ity|ship|hood|ism)|rule)"
    r"(?=\s+(?:to|for|of|from|by|with|against)\s)|"  # "compensation to the Allies for …"
    rf"[A-Z][\w-]+\s+(?:and\s+)?(?:{_INNER}){{0,2}}[a-z][\w-]*s"
    r"(?=\s+(?:who|which|that|of|from|under)\s)|"  # "Mande-speaking merchants who …"
    rf"{_NOT_A_NOUN}(?:{_INNER}){{0,2}}[a-z][\w-]*s(?=\s+(?:of|such\s+as|with|not\s+to|to|between|among)\s)|"
    # "reprisals, revenge attacks on civilians": no verb before the noun ("faced enemies on")
    rf"{_NOT_A_NOUN}(?:(?![a-z]+ed\b){_INNER}){{0,2}}[a-z][\w-]*s(?=\s+(?:on|against)\s)|"
    rf"{_NOT_A_NOUN}(?:(?!(?:and|or)\b){_INNER}){{0,2}}[a-z][\w-]*"
    rf"(?=\s+{_PARTICIPLE}\s+(?:(?:up|out)\s+)?(?:[a-z]+ly\s+)?"
    r"(?:with|by|from|for|ready|and|in|on|to|of|into|around|across|under)\s)|"
    # "bashi-bazouks, irregular troops not subject to …", "Flemings, people from Flanders",
    # "Âli Pasha and Fuad Pasha, younger diplomats whom Reşid had promoted"
    rf"{_NOT_A_NOUN}(?:{_INNER}){{0,2}}(?:[a-z][\w-]*s|people|men|women)"
    r"(?=\s+(?:not\s+(?:subject|bound|allowed)|from|whom)\s)|"
    # "palm oil, used in Britain to make soap", "the composite bow, built up from layers of
    # wood": what it is by what it was for or made of (not "…, founded in 1200": when)
    # (not "The speech, made by Churchill on 4 June 1940": who made it)
    r"(?:used|built|made|designed|worn|grown|woven|carved|cast|forged|pulled|powered)\s+"
    r"(?:up\s+)?(?:in\s+[A-Z][a-z]+\s+)?(?:to|from|of|for|as)\s+(?!\d)|"
    # "title deeds, documents proving their right to it": a plural, then what it does
    rf"{_NOT_A_NOUN}(?:{_INNER}){{0,2}}[a-z][\w-]*s(?=\s+(?!being\b)[a-z]{{3,}}ing\s)|"
    # "the Pax Mongolica, Latin for "Mongol peace"", "these gueux, French for 'beggars'"
    r"[A-Z][a-z]+\s+for\s+(?=[“\"‘'])|"
    # "conscription, compulsory military service, was abolished": a bare noun phrase between
    # the subject and its verb
    r"(?!(?:free|open|safe|cheap|new|old|available|rare|common|scarce|bread)\b)"
    r"(?!(?:[a-z][\w-]*\s+){0,3}(?:above\s+all|for\s+the\s+first\s+time|in\s+particular|"
    r"at\s+least|of\s+course|at\s+last)\b)"
    r"(?!(?:al|el|ad|as|an|ibn|bin)-[A-Z])"  # "The last Abbasid caliph, al-Mutawakkil III, was"
    rf"{_NOT_A_NOUN}(?=[a-z][\w-]*\s+(?:[a-z][\w-]*\s+){{0,4}}"
    r"(?![a-z]+(?:ed|ous|ful|ive|al|ic|y|less|ing|ent|ant|ble)\b)"
    r"[A-Za-z][\w-]*,\s+(?:was|were|is|are|had|has)\s))"
)
_APPOSITIVE_AT = re.compile(
    rf",\s+(?P<clause>{_APPOSITIVE_OPENING}(?:[^,;:()]|,(?=\d{{3}}\b)|\([^()]{{1,60}}\)){{3,200}}?)"
    # "Lyndon B. Johnson" and "No. 11" go on; a dash ends: "a supporter of Zionism – the …"
    # … and "born c. 1489" goes on
    r"\s*(?=,(?!\d{3}\b)|;|:|(?<!\s[A-Z])(?<!\bNo)(?<!\bSt)(?<!\bDr)(?<!\bc)(?<!\bca)\.|$|\[|\s[–—]\s)"
)
_NAMED_AT = re.compile(
    rf"\b{_BEFORE_NAMING}"
    rf"(?:{KNOWN_AS}|"
    r"(?<!\bso-)(?<!\bso )called(?!\s+(?:for|on|upon|off|up|in|out|back|to|at)\b)|"
    # "a baker named Denis François", not "was named Governor-General of Zhili": appointed
    r"(?<=[a-z]\s)(?<!\bwho\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)named(?=\s+[A-Z])|"
    # "Historians call his long rule the *Porfiriato*"
    r"(?:(?<=ians\s)|(?<=lars\s)|(?<=ople\s)|(?<=\bwe\s)|(?<=they\s))"
    r"call(?=\s+(?:this|these|that|his|her|its|their)\s)|"
    # "great heaps of shell that archaeologists call shellmounds": what they call it named
    rf"(?<=\s){_THEY_CALL}(?=\s+(?!(?:it|them|this|these|him|her|for|on|upon|off|up|in|out|"
    r"back|to|at)\b)[“\"‘*]?[A-Za-z])|"
    r"termed|dubbed)"
    # … "the" or, before a word the writer marks, "a": "a blanket known as a *swag*"
    r"\s+(?:the\s+|an?\s+(?=[*“\"‘]))?"
    r"(?P<term>[“\"‘][^”\"’]{2,60}[”\"’]|[^\s,;:.()]+(?:\s+[^\s,;:.()]+){0,9})"
)
# "the Raj, as British rule in India was known", "the "Harlem Hellfighters", as the unit
# became known", "Garveyism, as his creed came to be called, combined …"
_AS_KNOWN = re.compile(
    r"(?P<term>^.+?|[“\"‘][^”\"’]{2,60}[”\"’]|\*[^*]{2,60}\*),\s+as\s+"
    r"(?P<clause>[^,;.–—]{3,120}?)\s+(?:was|is|were|are|became|come\s+to\s+be|came\s+to\s+be|"
    # "was then called", "was universally known" (not "as his reliance on Rasputin was widely
    # known": why)
    r"had\s+become|has\s+become)\s+(?:then\s+|still\s+|often\s+|usually\s+|universally\s+|"
    r"popularly\s+|commonly\s+|generally\s+|locally\s+|officially\s+|informally\s+)?"
    r"(?:known|called|titled|styled)\b[^,;–—]*(?P<end>[,;–—]|$)"
)
# What such an "as" refers back to: "the unit", "his creed", "it".
_BACK_REFERENCE = re.compile(r"(?:the|his|her|their|its|this|these|it|they)(?:\s+[a-z]+)?", re.I)
_COPULA_AT = re.compile(
    # "Strictly speaking, 'Inca' was …": a quoted subject after an opening
    r"(?:^|[,;]\s+(?:while|and|but|whereas)\s+|^[A-Z][a-z]+(?:\s+[a-z]+){0,2},\s+(?=[“\"‘'])|"
    # "…; a sanjak was an Ottoman administrative district": what a word is, after a semicolon
    r";\s+(?=(?:a|an)\s+(?:[^\s,;:()]+\s+){1,2}(?:was|is)\s+(?:a|an)\s)|"
    r";\s+(?=(?:a|an)\s+[^\s,;:()]+\s+(?:was|is)\s+the\s)|"  # "; a staple is the basic food"
    # "In Mexican political tradition a *plan* was …": where the word is used, then the word
    r"^In\s+(?:[A-Za-z]+\s+){0,3}(?:tradition|law|usage|practice|terms|English|parlance),?\s+"
    r"(?=(?:(?:a|an|the)\s+)?[*“\"‘']))"
    r"(?P<subject>(?:(?:the|a|an)\s+)?"
    r"[^\s,;:()]+(?:\s+[^\s,;:()]+){0,4}?)"
    # an aside: "Purgatory, in Catholic teaching, was", "Congress Poland, as historians call
    # this state, was", or the subject's name: "Their partnership, the Quadruple Alliance, was"
    r"(?:,\s+(?:(?:in|according\s+to|for|among|to|as)\s+[^,;:]{2,40}|"
    r"(?P<name>(?-i:the\s+[A-Z][^,;:]{2,40}))),)?"
    r"(?:\s+(?:themselves|itself))?"  # "The samurai themselves were"
    r"(?:\s+\((?P<other>[^()]{2,40})\))?"  # "The Sea Beggars (Watergeuzen) were"
    r"\s+(?:was|were|is|are)"
    r"(?:,\s+(?:in\s+effect|effectively|essentially|in\s+(?:practice|theory|principle|fact)|"
    r"at\s+first),)?\s+"  # "was, in effect, his", "was, in theory, a territory"
    r"(?P<clause>(?:a|an|the|his|her|its|their|one\s+of|(?-i:[A-Z][\w’'-]*[’']s)|when|where)\s+"
    r"[^;:]{3,200}?|"
    # "The Peace of Utrecht was not a single document but a series of treaties"
    r"not\s+(?:a|an|the)\s+[^;:]{3,80}?\s+but\s+(?:a|an|the)\s+[^;:]{3,150}?|"
    # … a person's office: "Lord Curzon was Viceroy of India from 1899 to 1905"
    r"(?-i:[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\s+of\s+(?:the\s+)?(?-i:[A-Z])[^;:]{2,120}?|"
    # … a coin's worth ("A shilling was worth twelve old pence"), a war's years ("The Thirty
    # Years' War was fought between 1618 and 1648"), which `_copular` reads only of those
    r"(?:worth|fought\s+(?:between|from|in|on)\b)\s*[^;:]{3,150}?|"
    r"(?!(?:[a-z]+ed|given|taken|driven|chosen|made|held|sent|told|kept|left|led|paid|sold|"
    r"built|brought|found)\b)"
    # … "Mortars are short, wide-mouthed guns that lob …"
    r"(?:[a-z][\w-]*,\s+(?=[a-z][\w-]*\s+[a-z]+s\s+(?:who|which|that)\s))?"
    r"(?:[a-z][\w-]*\s+(?:and\s+)?){0,2}(?:[a-z]+s|men|women|people|children|clergy|nobility|"
    r"gentry|peasantry|cavalry|infantry)"
    # "… were members of the priestly class", "… are goods such as wool", "… were part-time
    # volunteer cavalry, recruited largely from …", "Rangers were irregular soldiers recruited
    # in the American colonies"
    r"(?:\s+(?:who|which|that|in|of|for|made|used|written|such\s+as|held|brought|kept|built|"
    r"chosen|beside|near|along|(?:recruited|raised|trained|hired|employed|paid|armed|appointed|"
    r"elected|designed|sent|drawn)\s+(?:in|by|from|for|to|at|with|under))\s+|"
    r"(?:(?<=cavalry)|(?<=infantry)),\s+(?=[a-z]+ed\s))"  # not "… were dockers, angered by …"
    r"[^;:]{3,200}?|"
    # … "Miscreants are wrongdoers or villains."
    r"[a-z]+s\s+or\s+[a-z]+s(?=[.;)]|$))"
    r"(?=[;:.]|,\s*(?:while|and|but|whereas)\b|$)",
    re.IGNORECASE,
)
_PAREN_AT = re.compile(r"\s\((?P<clause>[^()]{3,200})\)")


def _some_people_described(subject: str, clause: str) -> bool:
    """Whether `clause` says what some people were (`_A_KIND_DESCRIBED`) of a `subject` that
    is no kind — "The casualties were mostly conscripts sent to the front" — or what they
    were like: "The Spartans were brave, ruthless fighters who …"."""
    some = re.match(r"(?i:the|most|many|some|all|these|those|his|her|their|its)\b", subject)
    return bool(_A_KIND_DESCRIBED.match(clause) and (some or _WHAT_THEY_WERE_LIKE.match(clause)))


# A kind of people or things said with its adjectives or what raised it ("Mortars are short,
# wide-mouthed guns that …", "Rangers were irregular soldiers recruited in …"): of a kind only
# when the subject is one ("Mortars", not "The casualties"), and no judgement.
_A_KIND_DESCRIBED = re.compile(
    r"[a-z]+s\s+or\s+[a-z]+s$|"
    r"[a-z][\w-]*,\s|(?:[a-z][\w-]*\s+){0,3}(?:[a-z]+s|men|women|people|children)\s+"
    r"(?:recruited|raised|trained|hired|employed|"
    r"paid|armed|appointed|elected|designed|sent|drawn)\b"
)
_WHAT_THEY_WERE_LIKE = re.compile(
    r"(?:mostly\s+|largely\s+|often\s+)?(?:brave|ruthless|fierce|skilled|disciplined|cruel|proud|"
    r"savage|fearless|feared|warlike|great|fine|finest|excellent|superb|loyal|hardy|tough|"
    r"mostly|largely|often)\b"
)


# A verb with its object: the words after a comma are a clause ("the Pope governed the Papal
# States"), not a noun phrase ("private captains licensed by a government").
_VERB_OBJECT = re.compile(
    # "a ruined Egyptian fort" is no verb: a participle after a determiner is an adjective
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)"
    rf"\b(?!(?:called|named|termed|dubbed|hundred)\b)(?:[a-z]{{3,}}ed|{_IRREGULAR})\s+"
    r"(?:(?:a|an|the|his|her|their|its)\s|[A-Z])|"
    r"^(?:(?!(?:who|whom|whose|which|that|where|when|what)\b)\S+\s+){1,4}"
    r"(?:was|were|is|are|had|has|became)\b|"
    # … "…, the Emperor fell ill and died at Shaqiu": a named subject after "the" and its verb
    # (not "…, the Court ruled that …", a case's ruling: what it was; nor "the Left paper", "the
    # Souls set": nouns)
    r"^(?:the|a|an)\s+[A-Z][\w’'-]*\s+(?:fell|died|was|were|became|went|came|took|won|fled|knelt|"
    r"rode|sailed|returned|arrived|landed|abdicated)\b|"
    # an absolute phrase: "…, the first parties traveling in the winter of 1831"
    r"^the\s+(?:(?!of\b)[a-z]+\s+)?[a-z]+s\s+[a-z]+ing\b|"
    # a subject and a verb that takes what was done next: "…, the German government agreed
    # to pay" (not "the amount of Cuban sugar the USA promised to buy", nor "a group who
    # refused to …")
    r"^(?:the|a|an)\s+(?:(?!(?:who|whom|which|that|of)\b)[A-Za-z-]+\s+){1,3}"
    r"(?:agreed|decided|refused|promised|tried|failed|voted|chose|offered|began|planned|"
    r"attempted|threatened|managed|hoped|vowed|resolved)\s+to\s+[a-z]|"
    # a named subject and its verb: "…, the consul Gaius Duilius used the corvus"
    rf"\b[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+(?:[a-z]{{2,}}ed|{_IRREGULAR})\s+(?:a|an|the|his|her|their|its)\s|"
    # a bare subject and its verb: "In Langa, a township …, police fired on a crowd"
    r"^(?!(?:a|an|the)\b)[a-z]+\s+[a-z]{2,}ed\s+(?:on|at|upon|into)\s|"
    # … or its verb and object: "U-boats, off the American coast, | sank hundreds of ships"
    rf"^(?:{_IRREGULAR})\s+(?!(?:by|in|on|at|from|to|as|with|for|under|after|during|into|near)\b)[a-z]+s?\s+of\b|"
    # … or a plural one: "…, the rebels dug in and held up …" (not "the lands ruled by …")
    rf"^the\s+[a-z]+s\s+(?:[a-z]{{2,}}ed|{_IRREGULAR})\s+(?!by\b)(?:in|on|up|out|off|back|down|and)\b"
)
# A bare noun phrase going on with a participle, then "and" another thing: "the Eight Banners,
# hereditary units made up mainly of Manchus, and the Green Standard Army, …" is two things
# described, not a list.
_DESCRIBED_BEFORE_AND = re.compile(rf"[a-z][\w-]*\s+[a-z][\w-]*s\s+{_PARTICIPLE}\b[^,;]*,\s+and\s")
_LIST_GOES_ON = re.compile(
    r",\s+(?:and\s+)?(?:the|a|an|their|his|her|its|our)\s[^,;]{1,60}?(?:,|\s+and\s)"
)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b")


def _a_clause(words: str) -> bool:
    """Whether the words after a comma are a clause or a list, not a noun phrase that says
    what the words before are: "the Pope governed the Papal States", "the world was swept",
    "the Steelyard in London and the community at Bruges", "a reminder of where …"."""
    words = re.sub(r"\s*\([a-z][^()]*\)", "", words)  # "the jangadeiros (fishermen …) refused in"
    verb, relative = _VERB_OBJECT.search(words), _RELATIVE.search(words)
    if verb is not None and (relative is None or verb.start() < relative.start()):
        return True
    listed = re.search(r"\band\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$", words)
    if listed and _PLACES_GOVERNED.search(words):
        listed = None  # "the region around Samarkand and Bukhara": one place, by two names
    names = re.match(r"(?:the|a|an)\s+[A-Z]", words) and re.search(
        r"\band\s+(?:[a-z]+ly\s+)?(?:the|a|an)\s+[A-Z]", words
    )  # "the Yard at London and the Court at Ghent", "… and finally the Naimans": names
    present = _PRESENT_CLAUSE.match(words)  # "…, the village hosts the festival": a main clause
    if (
        _MORE_OF_A_LIST.search(words)
        or _PREDICATES.match(words)
        or _MODAL_CLAUSE.match(words)
        or present
    ):
        return True  # "its monarchy, the privileges of its nobles and much of …"; "…, the
        # kings would stay in the Angkor area …": a main clause
    return bool(listed and len(words.split()) <= 8) or bool(names or _SUMMING_UP.match(words))


_PRESENT_CLAUSE = re.compile(
    r"(?:the|a|an)\s+[a-z][\w-]*\s+(?!was\b|has\b)[a-z]{3,}s\s+(?:the|a|an|its|his|her|their)\b"
)
_PLACES_GOVERNED = re.compile(
    r"^(?:the|a|an)\s+[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?(?:of|around|between|from|near|in)\s+"
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+and\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+[A-Z][\w’'-]*)*$"
)
# A subject and a modal verb: "the kings would stay …", "the new state could not survive".
_MODAL_CLAUSE = re.compile(
    r"(?:the|a|an|his|her|their|its)\s+"
    r"(?:(?!(?:that|which|who|whom|whose|where|when)\b)[a-z][\w-]*\s+){1,3}"
    r"(?:would|could|should|might|will|can|must|cannot)\s+(?:not\s+)?[a-z]{2,}\b"
)
# The rest of a list: "…, the privileges of its nobles and much of its traditional society".
_MORE_OF_A_LIST = re.compile(r"\band\s+(?:much|many|most|some|all|part)\s+of\b")
# Verbs in a row, not a noun phrase: "…, tied red armbands to their sleeves and set out to …".
_PREDICATES = re.compile(rf"^[a-z]{{2,}}ed\b.*\band\s+(?:[a-z]{{3,}}ed|{_IRREGULAR}|set)\b")


# An appositive that sums up the sentence before it, not the word before it: "…, a reminder
# of where its founder's family had come from", "…, a gap that helped to set off …".
_SUMMING_UP = re.compile(
    r"(?:a|an)\s+(?:[a-z]+\s+)?(?:reminder|sign|gap|move|step|decision|blow|mark|feat|setback|"
    r"turning\s+point|reversal|change|shift|fact|measure\s+of|testament|sign)\s+"
    r"(?:that|which|of|in|to)\b|"
    # "…, a decision many historians have since judged …", "…, an approach favoured by …"
    r"(?:a|an)\s+(?:[a-z]+\s+)?(?:event|episode)\s+(?:that|which)\b|"
    r"(?:a|an)\s+(?:[a-z]+\s+)?(?:decision|approach|summons|verdict|gesture|insult|outcome|"
    r"result|achievement|mistake|error|judgement|judgment)\s+"
    r"(?:many|most|some|few|that|which|[a-z]+ed|[a-z]+ing)\b"
)
# A role a person is introduced by: "Babur, a Central Asian prince", "a former nun".
_ROLE = (
    r"prince|princess|king|queen|emperor|empress|sultan|shah|tsar|pope|monk|nun|friar|priest|"
    r"preacher|bishop|archbishop|cardinal|general|admiral|commander|officer|soldier|leader|"
    r"ruler|founder|son|daughter|wife|husband|widow|brother|sister|father|mother|merchant|"
    r"lawyer|diplomat|president|minister|governor|writer|poet|painter|scientist|doctor|"
    r"nurse|engineer|architect|builder|scholar|professor|teacher|journalist|activist|"
    r"campaigner|politician|statesman|elector|duke|duchess|earl|count|lord|baron|knight|"
    r"chief|chieftain|warlord|missionary|explorer|navigator|sailor|captain|inventor|"
    r"philosopher|theologian|reformer|Sunni|Shia|Muslim|Christian|Catholic|Protestant|man|"
    r"woman|boy|girl|judge|mayor|senator|secretary|ambassador|envoy|heir|successor|lieutenant|"
    r"official|clerk|consul|marshal|banker|economist|historian|superintendent|commissioner|"
    r"viceroy|chancellor|hero|missionary|beggar|servant|farmer|peasant|labourer|laborer|"
    r"nobleman|noblewoman|aristocrat|slave|widower|orphan|commoner|citizen|courtier|bandit|"
    r"outlaw|pirate|adventurer|mercenary|warrior|grandson|granddaughter|nephew|niece|cousin|"
    r"uncle|aunt|interpreter|translator|eunuch|astronomer|physician|surgeon|novelist|"
    r"playwright|composer|artist|sculptor|pilot|sergeant|colonel|corporal|trader|landowner|"
    r"abbot|abbess|prophet|martyr|rebel|revolutionary|spy|smith|[Rr]ani|[Rr]aja|[Mm]aharaja|"
    r"[Nn]awab|[Bb]egum|[Ee]mir|[Cc]aliph|vizier|shogun|daimyo|[Pp]haraoh|treasurer|chairman|"
    r"biologist|physicist|chemist|mathematician|premier|regent|monarch|editor|publisher|"
    r"chronicler|archaeologist|cleric|imam|rabbi|deputy|delegate|successor|aide|adviser|"
    r"advisor|favourite|mistress|consort|tutor|disciple|member|satirist|geographer|negotiator|"
    r"collector|director|guardian|ancestor|emissary|agent|courtesan|crusader|photographer|"
    r"associate|colleague|critic|follower|head|anarchist|traveller|traveler|rival|ally|friend|"
    r"enemy|opponent|pretender|protector|claimant|usurper|printer|chaplain|settler|magistrate|"
    r"surveyor|interpreter|tribune|praetor|quaestor|prefect|patriarch|khan|cameraman|"
    r"correspondent|reporter|botanist|naturalist|sociologist|MP|MEP|broadcaster|presenter|"
    r"conquistador|industrialist|manufacturer|businessman|businesswoman|philanthropist|"
    r"financier|entrepreneur|locksmith|signalman|stoker|handler|gardener|designer|"
    r"bricklayer|shipbuilder|whaler|lecturer|curate|vicar|rector|pastor|sachem|sagamore|"
    r"tyrant|satrap|archon|polemarch|dictator|steward|sheriff|councillor|alderman|dispatcher|"
    r"athlete|sprinter|gymnast|swimmer|dancer|actress|actor|singer|filmmaker|"
    r"inspector|detective|constable|warden|policeman|headmaster|headmistress|foreman|"
    r"shopkeeper|innkeeper|brewer|blacksmith|planter|colonist|"
    r"prospector|aviator|airman|seaman|fisherman|master|inquisitor|tenor|soprano|boss|"
    r"notary|seamstress|"
    # … and a science by its ending ("the geologist", "the cartographer"; not "an apologist"),
    # and trades (not "a warmonger", "a troublemaker", "a racist": what someone thought of them)
    r"(?!apologist)[a-z]+ologist|[a-z]+ographer|anatomist|druggist|pharmacist|dentist|pianist|"
    r"violinist|ironmonger|fishmonger|shoemaker|watchmaker|clockmaker|dressmaker|cabinetmaker|"
    r"mapmaker|wheelwright|shipwright"
)
# A ship, named after its kind as a person after a role: "the battlecruiser HMS Repulse", "the
# old White Star liner Olympic", "his flagship *Mikasa*".
_SHIP = (
    r"battleship|battlecruiser|cruiser|destroyer|frigate|corvette|carrier|liner|steamship|"
    r"steamer|flagship|warship|submarine|troopship|galleon|schooner|sloop|ironclad|gunboat|"
    r"airship|whaler|barque|clipper"
)
# A person named after the role the text gives them: "the Soviet biologist Trofim Lysenko",
# "the war minister, Dmitry Milyutin", "one of its senior officials, Sir Otto Niemeyer",
# "Philip's new governor, Alexander Farnese, Duke of Parma". A capitalised role is one only
# before a comma ("The federal Treasurer, Ted Theodore"; not "the Christian Democrats"), a
# plural one only after "one of" (not "the leaders Mao and Zhou").
# The small words inside a person's name: "Maurice of Nassau", "Johan van Oldenbarnevelt".
_IN_A_NAME = rf"of|{_PARTICLE}"  # "Ernst vom Rath", "Francisco José do Nascimento"
_ROLE_NAMED = re.compile(
    r"(?<![\w’'-])(?P<role>(?P<one>one\s+of\s+)?"
    r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[A-Z][\w’'-]*[’']s)\s+"
    # … not a preposition: "the Far East under | Admiral Zinovy Rozhestvensky"
    rf"(?:(?!(?:of|and|or|in|to|for|by|with|at|on|the|a|an|under|from|into|over|after|before|"
    rf"during|through|against|across|towards?|near|beside|behind|beyond)\b|\d)[\w’'-]+\s+){{0,3}}?"
    rf"(?:(?i:{_ROLE})\s+and\s+)?"  # "the geographer and archaeologist Karl Butzer"
    rf"(?:[a-z]+-)?(?P<word>(?i:{_ROLE}|{_SHIP})(?P<plural>s)?)(?:-in-law)?"
    # "The Governor of New South Wales, Sir Philip Game", "the commander in Scotland, …",
    # "the Chancellor of the Exchequer, Winston Churchill,"
    r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}(?=,))?)(?P<comma>,)?\s+"
    # … not a day's name: "told the correspondent Tuesday that …"
    r"(?P<name>(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    # … initials too: "the English writer G. K. Chesterton"
    rf"{'|'.join(_MONTH_NAMES)})\b)(?:Sir\s+|Dame\s+|(?:Dr|Mr|Mrs|Ms|Prof|Revd?)\.?\s+)?"
    r"(?:[A-Z]\.\s?){0,3}"
    # … not the rest of the role ("the Inquisitor | General, Fernando de Valdés"); with an
    # article ("The last Abbasid caliph, al-Mutawakkil III,")
    rf"(?!(?i:{_ROLE}),)(?:(?:al|el|ad|as|ibn)-)?[A-ZÀ-ÖØ-Þ][\w’'-]+"
    # "Ahmad al-Mansur", "Johan David Åkerblad"
    # … "Matteo Perez d'Aleccio", "Jean de la Valette", "Philip the Good"
    rf"(?:\s+(?:(?:(?:{_IN_A_NAME})\s+){{1,2}}|the\s+|(?:al|el|ad|as|ibn)-|d[’'])?"
    rf"(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ][\w’'-]+)){{0,3}}"
    # "the Russian tsar Nicholas I", "the young king Ptolemy V", "the emperor Alexios I Komnenos"
    r"(?:\s+[IVX]+\b(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)?)?"
    r"(?:,\s+(?:Duke|Duchess|Earl|Count|Countess|Prince|Princess|Marquis|Lord|Baron)\s+of\s+[A-Z][\w’'-]*)?)"
    rf"(?=\s*(?:[,.;:)]|$|[–—]\s)|\s+(?:and|or|who|whose|that|by|had|has|was|were|is|in|at|on|to|"
    rf"from|with|"
    rf"himself|herself|also|later|then|now|retold|[a-z]{{2,}}ed|{_IRREGULAR}|[a-z]{{3,}}ly|"
    # "the Cambridge historian Christopher Clark argues …", "the caliph Yazid II's order"
    r"argues|says|writes|claims|suggests|believes|notes|describes|calls)\b|[’']s\b)"
)
# A person named before the role the text gives them: "Lord Salisbury, the newly appointed
# Foreign Secretary,", "Lord Curzon, Viceroy of India from 1899 to 1905," — after an opening
# too ("Early in April 1878 Lord Salisbury, …", which `_appositives` leaves: "In 1847 alone,
# the …" is no name), and the name alone ("Salisbury and Count Pyotr Shuvalov, the Russian
# ambassador": Shuvalov).
_CAPITAL = "A-ZÀ-ÖØ-Þ"  # "Élisabeth Dmitrieff", "Ōkubo Toshimichi"
_NAME_WORD = rf"[‘“]?[{_CAPITAL}][\w’'-]+[’”]?"  # "Francisco ‘Pancho’ Villa"
_NAMED_ROLE = re.compile(
    # … with initials: "Commodore John D. Sloat, commander of …"
    rf"(?<![\w’'-])\*?(?P<name>(?:(?:{_NAME_WORD}|[A-Z]\.)\s+(?:(?:{_IN_A_NAME}|the)\s+)?){{0,4}}"
    rf"(?:{_NAME_WORD}|[A-Z][\w’'-]*\s+[IVX]+))\*?,\s+"
    r"(?P<role>(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[A-Z][\w’'-]*[’']s)\s+)?"
    r"(?:(?!(?:of|and|or|in|to|for|by|with|at|on|who|which|where|that|was|were|had)\b)"
    rf"[\w’'-]+\s+){{0,4}}?(?:[a-z]+-)?(?P<word>(?i:{_ROLE}))\b(?P<rest>[^,;:()]{{0,120}}?)"
    r"(?:\s+\([A-Z][^()]{0,40}\))?)"  # "leader of the German People's Party (DVP)"
    r"(?=\s*(?:[,;:)]|\.(?:\s|$)|$))"
)


# The titles a person holds of a place: "Richard, Duke of York"; a peer's, part of the name.
_A_TITLE = r"(?:Duke|Duchess|Earl|Count|Countess|Prince|Princess|Marquis|Lord|Baron|King|Queen)"
_A_PEER = r"Duke|Duchess|Earl|Count|Countess|Marquis|Marquess|Viscount|Lord|Baron|Baroness"


_TITLED_NAME = re.compile(
    r"\b(?:Viscount|Count|Countess|Lord|Lady|Sir|Dame|Duke|Duchess|Earl|Baron|Baroness|Marquis|"
    r"Prince|Princess|General|Admiral|Colonel|Captain|Dr|Mr|Mrs|Ms)\b"
)


def _named_role(sentence: str) -> list[Definition]:
    """ "Lord Curzon, Viceroy of India from 1899 to 1905, …" → (Lord Curzon, Viceroy of …)."""
    found: list[Definition] = []
    for m in _NAMED_ROLE.finditer(sentence):
        role = m["role"]
        # not "Gandhi, spinning cloth …"; but "Duke John of Saxony, brother of the Elector …"
        bare = re.match(rf"(?:[a-z]+\s+)?(?:{_ROLE})\s+(?:of|to|at)\s", role)
        if bare and re.match(r"(?:head|member)\b", role) and not _TITLED_NAME.search(m["name"]):
            bare = None  # "New Orleans, head of the river trade": a city; "the Viscount of …"
        # … an office held then or later: "Napoleon Bonaparte, then First Consul,"
        held = re.match(r"(?:then|later|once|formerly)\s+[A-Z]", role)
        if (name := _person_named(m, sentence)) and (
            _DETERMINED.match(role) or role[0].isupper() or bare or held
        ):
            found.append((name, role, ()))
    return found


def _person_named(m: re.Match[str], sentence: str) -> str | None:
    """The person named before the role at `m`, or None where the words are no one's: a place
    ("In London, Prime Minister Anthony Eden …"), a linking word ("However, the pope …"), a
    list, a faith, a name or a clause after the role ("…, Tsar Nicholas I died", "…, the pope
    and the emperor could not agree"), a title that is part of the name."""
    opened, words = _after_opening(m["name"])  # "In 1905 Lord Curzon", "When Gandhi"
    before = sentence[: m.start("name")].split()[-1:]  # "…; in Russia, the tsar": a place
    if before == ["of"] and len(words) > 1:
        before = []  # "with the help of Christoph Schappeler, preacher at …": a person's
    # … a place ("went to Paris, capital of …"), not kin: "passed to Henry VI, son of the one
    # and grandson of the other"
    kin = re.fullmatch(_KIN, m["word"], re.IGNORECASE)
    if (
        not words
        or words[0] in _DISCOURSE
        or ({w.casefold() for w in [*opened, *before]} & _PLACE_BEFORE and not kin)
    ):
        return None
    rest = m["rest"]
    if _ROLE_NOT_A_PERSON.match(m["word"]) or _A_NAME_NEXT.match(rest) or _A_VERB_NEXT.match(rest):
        return None
    if _FINITE.search(_RELATIVE.split(rest)[0]) or words[-1] in _ERAS:
        return None
    title = m["role"].startswith(m["word"]) and m["word"][:1].isupper()
    church = re.fullmatch(r"Bishop|Archbishop|Abbot|Abbess|Cardinal|Prior", m["word"])
    if title and re.fullmatch(r"\s+of\s+(?:Peace|God|Heaven|Kings|Lords|Cities|Darkness)", rest):
        return None  # "Jesus Christ, Prince of Peace": a title of praise, not an office
    if (
        title
        and re.fullmatch(r"\s+of\s+[A-Z][\w’'-]*", rest)
        and (re.fullmatch(_A_PEER, m["word"]) or (len(words) == 1 and not church))
    ):
        return None  # "John Churchill, Duke of Marlborough", "Mary, Queen of Scots": a title,
        # part of the name (but "Félix Dupanloup, Bishop of Orléans", "Odo, Bishop of Bayeux",
        # "Catherine of Aragon, Princess of Wales" say who they were)
    if re.search(rf"{_NAME_WORD},\s*$", sentence[: m.start("name")]):
        return None  # "Hughes, Hurston, the painter …": a list
    return re.sub(r"[‘’“”]", "", " ".join(words))  # as `_appositives` has it


_DETERMINED = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s")
_KIN = (
    r"(?:grand|great-grand|step|half-)?(?:son|daughter|wife|husband|brother|sister|father|"
    r"mother|nephew|niece|cousin|uncle|aunt|widow|heir)"
)
_FINITE = re.compile(r"\b(?:could|would|should|might|must|was|were|had|has|did|is|are)\b")
_PLACE_BEFORE = {"in", "at", "from", "to", "near", "into", "on", "through", "across", "of"}
_A_NAME_NEXT = re.compile(r"[\s-]+(?:Sir\s+)?[A-Z][a-z]")  # "Lord Glasgow", "Prime Minister Eden"
# "In the third century BC, an Indian emperor had …": the subject of a clause, no role
_A_VERB_NEXT = re.compile(rf"\s+(?:had|has|was|were|is|did|[a-z]{{3,}}ed|{_IRREGULAR})\b")


def _after_opening(words: str) -> tuple[list[str], list[str]]:
    """Capitalised words read as a name, split into the sentence's opening and the name after
    it: "In 1905 Lord Curzon" → (["In"], …), "When the Treaty of Paris" → (["When", "the"],
    ["Treaty", "of", "Paris"]), "April Lord Salisbury", "His Universal Negro …"."""
    name = words.split()
    at = next(
        (i for i, word in enumerate(name) if not _an_opening_word(word)),
        len(name),
    )
    return name[:at], name[at:]


def _an_opening_word(word: str) -> bool:
    folded = word.casefold()
    return (
        folded in _OPENING_WORDS
        or folded in _NOT_A_NAME_START
        or word in _MONTH_NAMES
        or word in _ERAS  # "In about 728 BCE | Tefnakht, the ruler of Sais"
    )


# Capitalised words that open a sentence, not a name: "When Gandhi, the …".
_OPENING_WORDS = {
    "in", "on", "at", "by", "when", "after", "before", "during", "under", "since", "while",
    "although", "though", "as", "and", "but", "then", "meanwhile", "later", "early", "late",
    "from", "with", "for", "to", "the", "a", "an", "if", "once", "until", "even", "also",
    "through", "near", "into", "across", "of", "among", "against", "because", "unlike", "like",
    "besides", "including", "except", "both", "either", "neither",
}  # fmt: skip


# A place named after its kind, with a word about it: "the Adriatic port of Fiume", "the
# largely German port of Danzig", "the Sydney suburbs of Bankstown and Newtown" — not "the
# city of Paris", which says nothing a student would not know, nor a state ("the independent
# kingdom of Belgium", "the British colony of Nigeria"): a country is in an atlas. The word
# about it is a name's ("Adriatic", "largely German"): "the main port of Prussia" is a part
# of Prussia, and so are "the textile towns of Lancashire and Yorkshire".
_PLACE_KIND = (
    r"port|city|town|village|island|fortress|suburb|valley|oasis|harbour|pueblo|fort|mission"
)
_PLACE_NAMED = re.compile(
    r"(?<![\w’'-])(?P<kind>[Tt]he\s+(?:(?!(?:of|where|which|that|whose)\b)[\w’'-]+\s+){0,2}?"
    r"(?:[A-ZÀ-ÖØ-Þ][\w’'-]*\s+)"
    rf"(?:{_PLACE_KIND})(?P<plural>e?s)?)\s+of\s+"
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
    rf"(?:\s+and\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?)(?!\s+[A-Z])|"
    # "the Aztec capital, Tenochtitlan,", "the Han capital, Chang'an,": a capital named after it
    r"(?<![\w’'-])(?P<capital>[Tt]he\s+[A-Z][\w’'-]*\s+capital),\s+"
    rf"(?P<city>{_NAME_WORD}(?:\s+{_NAME_WORD})?)(?=\s*[,.;])"
)


_ROLE_NOT_A_PLACE = re.compile(r"\b(?:Jewish|Muslim|Christian|Catholic|Protestant|Arab)\b")


def _place_named(sentence: str) -> list[Definition]:
    """ "the Adriatic port of Fiume" → (Fiume, the Adriatic port)."""
    found: list[Definition] = []
    for m in _PLACE_NAMED.finditer(sentence):
        if m["capital"]:
            found.append((m["city"], m["capital"], ()))
            continue
        names = re.split(r"\s+and\s+", m["name"]) if m["plural"] else [m["name"]]
        if (len(names) > 1) == bool(m["plural"]) and not _ROLE_NOT_A_PLACE.search(m["kind"]):
            found += [(name, m["kind"], ()) for name in names]  # not "the towns of Lancashire"
    return found


# A place the text locates: "Lancashire, in north-west England,", "Philae, on an island in
# the Nile", "Breitenfeld, near Leipzig", "Abu Simbel, far up the Nile" — words that say
# where, not when ("Flanders, on 24 June 1340") or in what ("Purgatory, in Catholic
# teaching"; "Robert Conquest, in The Harvest of Sorrow (1986)").
_WHERE = (
    r"near|close\s+to|far\s+(?:up|down)|far\s+to\s+the(?=\s+(?:north|south|east|west))|"
    r"further\s+[a-z]+\s+along|"
    r"(?:just\s+)?(?:(?:north|south)-(?:east|west)|north|south|east|west|outside)(?:\s+of)?|"
    r"(?:mostly\s+)?in|on|off|at\s+the\s+(?:mouth|head|foot|edge|tip|entrance|confluence|"
    r"(?:(?:northern|southern|eastern|western)\s+)?end)\s+of|"
    # "Derby, about 125 miles from London", "Versailles, about 20 kilometres south-west of Paris"
    r"(?:about|some|around|roughly|nearly|almost)\s+[\d,]+\s+(?:miles|kilometres|kilometers|km)"
)
_GEOGRAPHY = re.compile(
    r"\b(?:(?:north|south|east|west|central)(?:ern|-(?:east|west)(?:ern)?)?|coast|river|island|"
    r"sea|delta|mountains?|hills|valley|highlands|lowlands|desert|plain|border|frontier|"
    r"region|province|bay|gulf|lake|loch|walls|what\s+is\s+now|mouth|tip|Nile|Rhine|Danube)\b",
    re.IGNORECASE,
)
_PLACE_LOCATED = re.compile(
    rf"(?<![\w’'-])\*{{0,2}}(?P<name>{_NAME_WORD}(?:\s+(?:of\s+)?{_NAME_WORD}){{0,4}})\*{{0,2}},\s+"
    rf"(?P<where>(?P<preposition>{_WHERE})\s+[^,.;:()\d]{{2,80}}?)(?=\s*(?:[,;]|\.(?:\s|$)|$))"
)


# A town where something happened and, without a comma, where it is: "caught the band at
# Leipheim on the Danube on 4 April", "stormed the town of Weinsberg near Heilbronn" (not a
# day: "in London on Monday").
_AT_PLACE_BY = re.compile(
    r"\b(?:at|town\s+of|village\s+of|city\s+of)\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+)\s+"
    r"(?P<where>(?:near|on)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)?)"
    r"(?=\s*[,.;]|\s+(?:on|in|and|where|which|to|by|with)\b)|"
    # "fled to Debrecen in eastern Hungary", "defeated at Segesvár in Transylvania"
    # … "preached at Oihi in the Bay of Islands", "from Te Hāpua in the far north"
    r"\b(?:at|to|from)\s+(?P<town>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)?)\s+"
    r"(?P<region>in\s+(?:(?:northern|southern|eastern|"
    r"western|central|(?:north|south)-(?:eastern|western))\s+|the\s+(?=[A-Z][\w’'-]+\s+of\s+[A-Z]))?"
    r"(?!(?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b)[A-ZÀ-ÖØ-Þ][\w’'-]+"
    r"(?:\s+of\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)?|in\s+the\s+far\s+(?:north|south|east|west))"
    r"(?=\s*[,.;]|\s+(?:on|and|where|which|to|by|with|in\s+\d)\b)|"
    # "seized Jiaozhou Bay on the Shandong coast", "leased Guangzhouwan on the south coast",
    # "ceded … the Liaodong Peninsula in southern Manchuria", "the New Territories north of
    # Kowloon": a place taken, given or reached, and its coast, region or bearing
    r"\b(?P<verb>at|to|ceded|leased|seized|captured|occupied|annexed|gained|reached|and\s+the)\s+"
    rf"(?:the\s+)?(?P<taken>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+"
    r"(?P<bearing>(?:in|on)\s+the\s+(?:(?:north|south|east|west)(?:-(?:east|west))?\s+|"
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+\s+)?coast(?:\s+of\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)?|"
    r"in\s+(?:northern|southern|eastern|western|central)\s+[A-ZÀ-ÖØ-Þ][\w’'-]+|"
    r"(?:north|south|east|west)\s+of\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)"
    r"(?=\s*[,.;]|\s+(?:on|and|where|which|to|by|with|while|in)\b)"
)


_A_PLACE_NAME = re.compile(
    r"\b(?:Bay|Peninsula|Islands?|Strait|Cape|Coast|Valley|Hill|Harbour|Harbor|Point|Gulf|"
    r"Sound|Head|Territories|Fort|Castle|Pass|River|Lake|Mountains?|Plain|Delta)$"
)


# Where a place is, by another's name: "in north-west England", "near Leipzig", "on an island
# in the Nile", "in what is now Germany" — not "in the west", "near the end of the war".
_SAYS_WHERE = re.compile(
    rf"\b(?!(?:{'|'.join(_MONTH_NAMES)})\b)[A-ZÀ-ÖØ-Þ][\w’'-]+|\bwhat\s+is\s+now\b|^(?:just\s+)?(?:north|south|east|west)\S*\s+of\s|"
    r"^far\s+to\s+the\s|^(?:about|some|around|roughly|nearly|almost)\s+[\d,]+\s|"
    r"^further\s+(?:north|south|east|west|up|down)\b|^at\s+the\s|^off\s+the\s+[a-z-]+\s+coast\b|"
    # "Sichuan, in the west"
    r"^in\s+the\s+(?:far\s+)?(?:north|south|east|west)(?:-(?:east|west))?$"
)


# A place by what it is now: "Libau (now Liepāja, in Latvia)", "Fernando Po (today's Bioko)",
# "the island of Hispaniola (today shared by Haiti and the Dominican Republic)".
_PLACE_NOW = re.compile(
    rf"(?<![\w’'-])(?P<name>{_NAME_WORD}(?:\s+(?:(?:{_IN_A_NAME})\s+)?{_NAME_WORD}){{0,2}})\s+"
    # … a place's name, not where a thing or person is: "(now in the British Museum)"
    r"\((?P<now>(?:now|today|modern|present-day)(?:[’']s)?\s+"
    r"(?:(?:called|known\s+as|part\s+of|shared\s+by)\s+)?"
    rf"(?!the\b){_NAME_WORD}[^()]{{0,80}})\)"
)


# A key-terms list's line: "picketing – standing outside a shop or workplace …", "heimin –
# commoners: farmers, artisans and merchants", "Windhandel – "wind trade": dealing in …" —
# a term of at most four words, not a sentence's opening ("In 1850 – …").
_KEY_LINE = re.compile(
    r"(?P<term>(?!(?:The|A|An|This|These|That|It|He|She|They|We|In|On|At|By|But|And)\s)"
    # … "Committee Room 15": a name with its number
    r"[^\s–—:;,.()\d]+(?:\s[^\s–—:;,.()\d]+){0,3}(?:\s\d{1,2})?)(?:\s+\((?P<other>[^()]{2,40})\))?"
    # … or "=", as revision notes have it: "embargo = an official ban on trade"
    # … not a list ("transport – …"); a span of years in it is no dash: "council in 1608–09"
    r"\s(?P<sign>[–—=])\s(?P<clause>(?![\w-]+,\s)(?:[^–—]|(?<=\d)–(?=\d)){2,200}?)\.?"
)


_CAUSE_OR_EFFECT = re.compile(r"\b(?:causes?|effects?|results?|consequences?|reasons?|factors?)\b")
_NO_MEANING = re.compile(
    r"\d|(?:at|from|to|in|on|by|for|with|of|about|into|after|before|during|since|until)\b"
)


# What happened on the day, told in a clause: "on the night of 24-25 April 1914 the UVF landed
# some 25,000 rifles at Larne".
_TOLD_ON_A_DAY = re.compile(
    r"(?:on|in)\s+(?:the\s+night\s+of\s+)?\d[^–—]{0,40}?\d{4},?\s+(?:\S+\s+){2,}\S+"
)


def _key_line(sentence: str) -> list[Definition]:
    """ "swaraj – self-rule" → (swaraj, self-rule); "Russian Justice (Russkaya Pravda) – …"
    has another name."""
    m = _KEY_LINE.fullmatch(sentence.strip())
    if m is None or _a_verb_in(m["term"]) or re.match(rf"{_A_LABEL}\b", m["term"]):
        return []  # "Kossuth was elected …": a sentence; "Casualties – 60,000": a label
    if m["sign"] == "=" and (m["term"][:1].isupper() or _CAUSE_OR_EFFECT.search(m["term"])):
        return []  # "Wall Street Crash = mass unemployment in Germany": what it led to
    # "Curragh incident – on 20 March 1914 Gough …" (not "Trigger – on 28 June 1914 …": a
    # label of one word)
    told = _TOLD_ON_A_DAY.match(m["clause"]) and " " in m["term"]
    meaningless = _NO_MEANING.match(m["clause"]) and not told
    if meaningless or not re.search(r"(?<![\w’'-])[a-z]{3,}", m["clause"]):
        return []  # "Bloody Sunday – 22 January 1905", "Victory – at a price", "Winner –
        # William of Normandy": a date, a phrase or a name, no meaning
    return [(m["term"], m["clause"], (m["other"],) if m["other"] else ())]


def _place_now(sentence: str) -> list[Definition]:
    """ "Chemulpo (now Incheon)" → (Chemulpo, now Incheon)."""
    found: list[Definition] = []
    for m in _PLACE_NOW.finditer(sentence):
        if name := " ".join(_after_opening(m["name"])[1]):  # "At | Chemulpo (now Incheon)"
            found.append((name, m["now"], ()))
    return found


def _place_located(sentence: str) -> list[Definition]:
    """ "Lancashire, in north-west England," → (Lancashire, in north-west England); "at Leipheim
    on the Danube" → (Leipheim, on the Danube)."""
    found: list[Definition] = [
        (m["name"] or m["town"] or m["taken"], m["where"] or m["region"] or m["bearing"], ())
        for m in _AT_PLACE_BY.finditer(sentence)
        # … a place given or leased, or one by its kind: not "Pizarro seized Atahualpa in
        # northern Peru", a person taken
        if not m["taken"]
        or m["verb"] in ("at", "to", "reached", "ceded", "leased", "annexed")
        or _A_PLACE_NAME.search(m["taken"])
    ]
    for m in _PLACE_LOCATED.finditer(sentence):
        _, words = _after_opening(m["name"])
        name, where = " ".join(words), m["where"]
        before = sentence[: m.start("name")] + m["name"].removesuffix(name)  # "The" of "The Allies"
        if not words or words[0] in _DISCOURSE or not _SAYS_WHERE.search(where):
            continue  # "Then, in the north, …"; "Rommel, in the desert"; "Henry, near death"
        if where.startswith("at ") and not _GEOGRAPHY.search(where.split(" of ", 1)[1]):
            continue  # "Wellington, at the head of the Allied army": no place
        if _GONE_TO.match(where) and not _TO_A_PLACE.search(before):
            continue  # "Stalin, south-west of Moscow, massed …", "Drake, off the coast of …"
        if re.search(
            r"\b(?:like|such\s+as|exile)\b|^\S+\s+The\b|^\S+\s+(?:its|his|her|their)\s", where
        ):
            continue  # "Edo, in places like Satsuma", "Napoleon, in exile on …", "Robert
            # Conquest, in The Harvest of Sorrow", "Kingston, Jamaica, on its way back to …"
        if re.search(r"\b[Tt]he\s+$", before) and words[-1].endswith("s"):
            continue  # "The Allies, on the Western Front, …": a people, not a place
        if re.search(r"\b(?:along|across|throughout)\s+(?:the\s+)?(?:[a-z]+\s+)?$", before):
            continue  # "grew up along the middle Nile, in what is now northern Sudan": where
            # the kingdom grew, not where the river is
        compass = re.match(r"in\s+the\s+(?:far\s+)?(?:north|south|east|west)", where)
        if re.search(r"\bin\s+$", before) and where.startswith("in ") and not compass:
            continue  # "in Soviet Ukraine, in the neighbouring Kuban region …": a list
        if re.search(r"\s+and\s+(?:in|on|at)\s", where + sentence[m.end() :][:8]):
            continue  # "… in the Kuban region and in Kazakhstan"
        found.append((name, where, ()))
    return found


# Where a place is by a compass point, a distance or a coast — said of a person too ("Stalin,
# south-west of Moscow, massed his reserves"), so read only after a word that goes to a place.
_GONE_TO = re.compile(
    r"(?:just\s+)?(?:north|south)-(?:east|west)|(?:about|some|around|roughly|nearly|almost)\s+\d|"
    r"off\s|at\s+the\s"
)
_TO_A_PLACE = re.compile(
    r"\b(?:at|in|on|to|near|from|of|reached|captured|occupied|took|seized|besieged|entered|"
    r"attacked|the)\s+$"
)


# Words that open a sentence and link it to the last, no name: "However, the pope …".
_DISCOURSE = {
    "Then", "Instead", "Meanwhile", "There", "Here", "Later", "However", "Yet", "Nevertheless",
    "Ironically", "Today", "Elsewhere", "Similarly", "Moreover", "Indeed", "Finally", "Thus",
    "Eventually", "Therefore", "Still", "Also", "Again", "Afterwards", "Soon", "Now", "Besides",
    "Unfortunately", "Fortunately", "Interestingly", "Overall", "Altogether", "Nonetheless",
}  # fmt: skip


# A list of key figures, each a name, the years they lived and who they were: "Catherine the
# Great (1729–1796) – Empress of Russia and …", two to a line where a PDF runs them together.
_A_MONTH = rf"(?:{'|'.join(sorted(_MONTH_NAMES))})"
# … of two words or more, none in capitals ("the WSPU Millicent Fawcett") nor a chapter's
_FIGURE_WORD = rf"(?![A-Z]{{2,}}\b)(?!(?:Chapter|Part|Section|Unit|Book|Volume)\b){_NAME_WORD}"
_FIGURE_NAME = (
    rf"(?!{_A_MONTH}\s){_FIGURE_WORD}(?:\s+(?:(?:{_IN_A_NAME}|the)\s+)?{_FIGURE_WORD}){{1,4}}|"
    rf"(?!{_A_MONTH}\s){_FIGURE_WORD}\s+[IVX]+"
)
_LIFE = r"\s*\((?:c\.\s*|b\.\s*)?\d{3,4}\s*[–-]\s*(?:c\.\s*)?\d{2,4}\)\s+[–—-]\s+"
_KEY_FIGURE = re.compile(
    rf"(?:^|(?<=\s))(?P<name>(?:{_FIGURE_NAME})){_LIFE}"
    rf"(?P<role>[^–—;]{{3,200}}?)(?=\s+(?:{_FIGURE_NAME}){_LIFE}|\.?$|;)"
)


# A worksheet's or fact box's label before a colon, no term: "Task: …", "Causes: …".
_A_LABEL = (
    r"(?:Aim|Aims|Task|Tasks|Question|Questions|Note|Notes|Answer|Objective|"
    r"Objectives|Homework|Extension|Source|Sources|Date|Dates|Name|Class|Key\s+terms?|Plenary|"
    r"Tip|Warm-up|Starter|Caption|Photo\s+credit|Credit|Further\s+reading|Reading|Motto|Status|"
    r"Author|Provenance|Purpose|Audience|Tone|Bias|Casualties|Population|Religion|Duration|"
    r"Winner|Verdict|Conclusion|Example|Vocabulary|Theme|Outcome|Result|Location|Capital|"
    r"Language|Currency|Ruler|Leader|Place|Type|Causes?|Consequences?|Significance|Context|"
    r"Content|Origin|Chapter|Part|Section|Unit|Lesson|Week|Summary|Answers?|Hint|Remember|"
    r"Learning\s+objectives?|Extract|Born|Died|Winner|Loser|Turning\s+point|Key\s+dates?|"
    r"Background)"
)
# A "Who's who" line with a colon: "Henry VI: Lancastrian king, pious but unfit to rule",
# "Richard Neville, Earl of Warwick: the most powerful nobleman of his day" — a name, and
# who they were, by a role (a line may begin with a capital: "Margaret of Anjou: Henry VI's
# French queen").
_WHO_IS_WHO = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:(?:{_IN_A_NAME})\s+)?(?:{_NAME_WORD}|[IVX]+\b)){{0,4}})"
    rf"(?:,\s+(?P<title>(?:{_A_TITLE})\s+of\s+{_NAME_WORD}))?(?::|\s[–—])\s+"  # "…: …", "… – …"
    r"(?P<role>[^;:–—]{3,200}?)\.?"
)


# One person's role, in a line's first words: "Lancastrian king", "Henry VI's French queen",
# "Henry Tudor, the first Tudor king".
_ONE_ROLE = re.compile(rf"(?:[\w’'-]+,?\s+){{0,5}}?(?-i:{_ROLE})\b(?!s\b)")


def _who_is_who(sentence: str) -> list[Definition]:
    m = _WHO_IS_WHO.fullmatch(sentence.strip())
    if m is None or re.match(rf"{_A_LABEL}\b", m["name"]) or not _ONE_ROLE.match(m["role"]):
        return []  # "Causes: Economic crisis and the king": a fact box's label; "Unity:
        # regional rulers who …", "Military: the General Service …": no one's role
    if not (role := _clause(m["role"], short=True)):
        return []
    if m["title"]:
        return [(f"{m['name']}, {m['title']}", role, (m["name"],) if " " in m["name"] else ())]
    return [(m["name"], role, ())]


def _key_figures(sentence: str) -> list[Definition]:
    """ "Frederick II (1712–1786) – King of Prussia, who pressed …" → (Frederick II, King of …)."""
    found: list[Definition] = []
    for m in _KEY_FIGURE.finditer(sentence):
        if definition := _clause(m["role"], short=True):
            found.append((m["name"], definition, ()))
    return found


# A title before a name, which the name is known by without it too: "Marshal Peng Dehuai".
_A_ROLE = re.compile(rf"\b(?i:{_ROLE})s?\b")


def says_who(definition: str) -> bool:
    """Whether a definition says who someone is: "a priest who had been in trouble …", "the
    king's uncle" — a role in its first words."""
    return _SAYS_WHO.match(definition) is not None


_SAYS_WHO = re.compile(rf"(?:a|an|the|his|her)\s+(?:[\w’'-]+\s+){{0,3}}?{_A_ROLE.pattern}", re.I)


_TITLE_WORD = (
    # (a title of two words before its first: "Major General George B. McClellan")
    r"(?:(?:Lieutenant|Major|Brigadier)[\s-](?:Colonel|General)|Vice[\s-]President|Commodore|Petty\s+Officer|Senator|Ambassador|Chief\s+Justice|"
    r"Prime\s+Minister|Marshal|General|Admiral|Colonel|Captain|Major|Cardinal|Archbishop|Bishop|Archduke|"
    r"King|Queen|Emperor|Empress|Tsar|Tsarina|Pope|President|Prince|Princess|Sultan|Shah|"
    r"Chancellor|Premier|Lord|Lady|Chairman|Field\s+Marshal|Count|Countess|Baron|Baroness|Duke|"
    r"Duchess|Lieutenant|Sergeant|Commander|Governor|Sheikh|Emir|Ras|Dr|Sir|Dame|Chief|"
    r"Father|Reverend)\s+"
)
_TITLE = re.compile(rf"^{_TITLE_WORD}(?=[A-Z][\w’'-]+\s+[A-Z])")
# "Empress Theodora" (not "Father Christmas")
_TITLE_AND_NAME = re.compile(
    rf"^(?!Father\s){_TITLE_WORD}(?!(?:{_KIND_OF_PLACE}|Hotel|Theatre|Cinema|Inn|Club)$)"
    r"(?=[A-Z][\w’'-]+$)"
)  # … not "the Ambassador Hotel", "the Senator Theatre": a place


def _with_owner(sentence: str, start: int, words: str) -> str:
    """`words`, at `start` in `sentence`, with the rest of a possessive name before them:
    "Edward | IV's daughter" is "Edward IV's daughter"."""
    if not re.match(r"[A-Z][\w’'-]*[’']s\s", words):
        return words
    before = re.search(r"(?<![\w’'-])[A-Z][\w’'-]*\s+$", sentence[:start])
    if (
        before is None
        or _an_opening_word(before[0].strip())
        or not sentence[: before.start()].strip()
        or (_A_PLACE_OR_TIME.search(sentence[: before.end()]) and not _NUMERAL_S.match(words))
    ):
        return words  # "In 1483 | Edward's …", a sentence's first word, "In London | …"
    return sentence[before.start() : start] + words


_PLACE_OR_TIME_BEFORE_AN_OWNER = re.compile(
    r"^(?i:in|on|at|under|during|after|before|from|by|since|until)\s+(?:[A-Z][\w’'-]*\s+)+?"
    r"(?=(?![IVX]+[’']s)[A-Z][\w’'-]*[’']s\s)"
)
_NUMERAL_S = re.compile(r"[IVX]+[’']s\s")  # "Edward | IV's widow": the name goes on
# Where or when a sentence begins, before a name: "In London | Warwick's brother", "Under
# Henry VIII | Wolsey's successor", "On Sunday | Henry's chaplain".
_A_PLACE_OR_TIME = re.compile(
    r"(?:^|[,;]\s*)(?i:in|on|at|under|during|after|before|from|by|since|until)\s+"
    r"(?:[A-Z][\w’'-]*\s+){1,3}$"
)


def _role_named(sentence: str) -> list[Definition]:
    """ "the Soviet biologist Trofim Lysenko, whose …" → (Trofim Lysenko, the Soviet biologist)."""
    found: list[Definition] = []
    sentence = sentence.replace("*", "")  # "the new lieutenant governor, **Sir Thomas Gates**"
    for m in _ROLE_NAMED.finditer(sentence):
        capitalised = m["word"][:1].isupper() and not _an_office_s_holder(m)
        if (capitalised and not m["comma"]) or (m["plural"] and not m["one"]):
            continue
        if _ROLE_NOT_A_PERSON.match(m["word"]) or (
            not m["comma"] and re.fullmatch(r"man|woman|boy|girl", m["word"])
        ):
            continue  # "the Christian, Jewish and Muslim communities"; "The man Stalin trusted"
        if m["comma"] and not re.match(r"\s*(?:[,;.)]|$)", sentence[m.end() :]):
            continue  # "… issued by his father, Protestants had been burned": a new clause
        if (
            m["comma"]
            and re.search(r"\b(?:of|to)\s+$", sentence[: m.start()])
            and (m["role"][:3].lower() == "the")
        ):
            continue  # "the killer of the president, Lee Harvey Oswald": not the president
        one_word = " " not in m["name"]
        # "the pope, Spain, and Venice", "the king, Henry, and the queen": a list (but "the
        # iconophile patriarch Nikephoros, and a synod met …" goes on)
        listed = r"and\s" if m["comma"] else r"and\s+(?:the\s+)?[A-Z]"
        if one_word and re.match(
            rf"\s*,\s*(?:{listed}|{_NAME_WORD}\s*(?:,|and\b))", sentence[m.end() :]
        ):
            continue
        if (
            (m["word"].lower() in _A_STATE_MAY_BE and one_word)
            or _no_role(m, sentence)
            or _A_BUILDING_OR_BODY.search(m["name"])
        ):
            continue  # "Its most powerful member, Britain, refused …": a country; "The Mayor
            # Richard J. Daley Center", "New York's real boss, Tammany Hall,": a place, a body
        titled = m["name"].split(", ")  # "John of Gaunt, Duke of Lancaster" is John of Gaunt
        role = _with_owner(sentence, m.start("role"), m["role"])  # "Edward | IV's daughter"
        # … not "Edward" alone for "Edward, Earl of March": a first name is many people's
        other = tuple(titled[:1]) if len(titled) > 1 and " " in titled[0] else ()
        name = m["name"]
        # "his brother-in-law, General Charles Leclerc" (but "Sir Otto Niemeyer" whole)
        # … nor a ship's: "the German cruiser Admiral Graf Spee"
        person = not re.fullmatch(_SHIP, m["word"], re.I)
        if (
            (title := _TITLE.match(name))
            and person
            and not re.match(r"(?:Sir|Dame|Lord|Lady)\s", name)
        ):
            name, other = name[title.end() :], (*other, name)
        found.append((name, role, other))
    return found


def _no_role(m: re.Match[str], sentence: str) -> bool:
    """Whether the words read as a role before a name are none: a clause ("The rebels even
    invited Prince | Louis of France"), or a role or a ship a relative clause without "that"
    follows ("The general Napoleon feared most was Wellington", "The flagship Nelson sailed
    in, …", "The public broadcaster John Reith built, the BBC, was …")."""
    rest = sentence[m.end() :]
    clause = m["word"][:1].isupper() and _HAS_VERB.search(m["role"])
    verb = rf"\s+(?:[a-z]+ly\s+)?(?:(?:was|were)\s+[a-z]+ing|[a-z]{{3,}}ed|{_IRREGULAR})"
    # … a verb left without its object or its preposition's ("built,", "sailed in,"), or a
    # second verb after it with no "that" between ("feared most was")
    whose = re.match(
        rf"{verb}(?:\s+(?:in|on|to|from|with|aboard|into))?\s*,|{verb}\b(?:(?!\bthat\b)[^,;:.])*?\s"
        r"(?:was|were|is|are)\b",
        rest,
    )
    # … and a ship's, a second verb of any kind: "The little steamer Livingstone took up the
    # Zambezi leaked badly"
    ship = re.fullmatch(_SHIP, m["word"], re.I) and re.match(
        rf"{verb}\b[^,;:.]*?\s(?:[a-z]{{3,}}ed|{_IRREGULAR})\b", rest
    )
    return bool(clause or whose or ship)


def _an_office_s_holder(m: re.Match[str]) -> bool:
    """Whether a capitalised role before a name is an office and the name a person's: "the
    former British Prime Minister David Lloyd George" (not "the Christian Democrats", "the
    Lord Mayor of London", "the Slave Trade Question")."""
    office = re.fullmatch(
        r"Minister|President|Secretary|Chancellor|Governor|Premier|Treasurer|Emperor|Empress|"
        r"King|Queen|Prince|Princess|Duke|General|Admiral|Marshal|Colonel|Captain|Commander|"
        r"Patriarch|Pope|Caliph|Sultan|Tsar|Shah|MP|Viceroy|Ambassador|Senator|Archbishop|"
        r"Cardinal|Khan|Mayor",
        m["word"],
    )
    name = m["name"]
    person = " " in name and not re.search(rf"\b(?:{_KIND_OF_THING})\b", name)
    return bool(office) and person and not re.match(rf"(?i:{_ROLE})\b", name)


# The roles a state may have as well as a person: "Its most powerful member, Britain",
# "Germany's main rival, Britain", "France's ally, Sardinia".
_A_STATE_MAY_BE = {
    "member", "rival", "ally", "enemy", "opponent", "neighbour", "neighbor", "master", "boss",
}  # fmt: skip


# The last word of a building's or a body's name, no person's: "Center", "Hall", "Nation".
_A_BUILDING_OR_BODY = re.compile(
    r"\b(?:Center|Centre|Bazaar|Hall|Street|Square|Building|Tower|Bridge|Park|Market|Mosque|"
    r"Palace|Airport|Station|School|College|University|Museum|Library|Hospital|Church|"
    r"Cathedral|Nation|Board|Company|Council|Party|Committee)$"
)
# The roles of `_ROLE` that are also a people's or a faith's name, no role before a name.
# … or a word that also describes ("the rebel Confederacy").
_ROLE_NOT_A_PERSON = re.compile(
    r"(?:Sunni|Shia|Muslim|Christian|Catholic|Protestant|rebel|revolutionary)s?$", re.I
)


# When a person was born or died, and nothing else: "born that October", "died in 1547".
_BORN_WHEN = re.compile(
    r"(?:born|died)(?:\s+(?:in|on|at|that|the|same|following|next|year|month|spring|summer|"
    r"autumn|winter|\d{1,4}|(?-i:[A-Z][a-z]+)))+"
)


def _appositives(sentence: str) -> list[Definition]:
    """ "the Deutsche Mark, a new currency for their zones," → (Deutsche Mark, a new …)."""
    found: list[Definition] = []
    read_to = 0  # the end of the last appositive read, which may run past its match
    read_to_clause, placed = -1, 0  # where the last appositive drafted ends, and starts
    for m in _APPOSITIVE_AT.finditer(sentence):
        if m.start() < read_to or not _appositive_defines(sentence, m):
            continue
        if m.start() == read_to_clause and (
            _THE_MAIN_VERB.match(m["clause"]) or _A_PLACE_OPENS.fullmatch(sentence[:placed])
        ):
            continue  # "the Châtelet, the royal law court of Paris, | gathered hundreds of …";
            # "In Paris, the capital of France, | the price of bread doubled": the main clause
        head = sentence[: m.start()]
        term, aliases = _appositive_term(head, m["clause"])
        clause = _APPOSITIVE_LEAD.sub("", m["clause"])
        name = _name_in_apposition(clause)
        if name and not all(w[:1].isupper() or w in _NAME_PARTICLES for w in term.split()):
            # "roads, the Qhapaq Ñan,", "its formation, the "horns of the buffalo"": the name
            # of what is before ("the commander, the Marquis of …" is a person)
            found += _named_by_apposition(name, head)
            continue
        if re.fullmatch(rf"(?:the\s+)?(?:{_TRANSLATED.pattern})", clause) or _BORN_WHEN.fullmatch(
            clause
        ):
            continue  # "a fifth, the quinto real or 'royal fifth'": a name and its translation;
            # "his baby son, Edward of Westminster, born that October": when, not who
        if re.match(r"(?:named|called)\s+after\b", clause) and not re.fullmatch(
            r"[A-Z][\w’'-]+s", term
        ):
            continue  # a people named after its leader ("the Armagnacs, named after …"), only
        if clause.startswith("meaning "):
            term, clause = _meaning(sentence, m, term)
        elif (
            not m["clause"].startswith("or ")
            and not _A_PLACE_OPENS.fullmatch(head)  # "In Paris, the capital, | crowds …"
            and (more := _rest_of_phrase(sentence, m.end("clause"), clause))
        ):
            clause += more[0]  # "a bundle of knotted, coloured cords whose knots …"
            read_to = more.end()
        # a word glossed in two: "the szlachta, the nobility,", "the Sejm, the parliament,"
        glossed = (
            " " not in term
            and re.fullmatch(r"(?:the|a|an)\s+[a-z]{3,}(?<!ed)(?<!ing)", clause)
            and not re.search(rf"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+{re.escape(term)}\s*$", head)
            # "a knight, a …", "the arsenal, the prison, and the town hall", "the soldiers, the
            # priest, the children": a list
            and not re.match(r"\s*,\s+(?:(?:and|or)\s+)?(?:a|an|the)\s", sentence[m.end() :])
            and not re.search(r",\s+(?:the\s+)?\S+\s*$", head)
            and term not in _NO_SUBJECT
        )
        # … and a meaning may be short: "the nickname Cunctator, meaning "the Delayer""
        listed = re.match(r"\s*,?\s+(?:and|or)\s", sentence[m.end("clause") :]) is not None
        short = (
            bool(glossed)
            or m["clause"].startswith("meaning ")
            or _a_role(term, clause, listed=listed)
        )
        if term and (definition := _clause(clause, short=short)):
            # … without the "and" an aside cut off: "a land tax paid by peasants but,
            # crucially, not by nobles" (hostile pass 64: such terms had been dropped)
            definition = re.sub(r"\s+(?:and|or|but)$", "", definition)
            found.append((term, definition, aliases))
            read_to_clause, placed = m.end(), m.start()
    return _other_names(found)


_A_CONSEQUENCE = re.compile(
    r"meaning\s+(?!that\b)(?:(?!(?:who|which|that|whom)\b)\w+\s+){0,4}"
    r"(?:would|could|should|might|must|will|can|was|were|had)\s"
)


def _a_role(term: str, clause: str, *, listed: bool = False) -> bool:
    """Whether `clause` is a person's role in a word or two, enough to say who `term` is:
    "Jan Kiliński, a shoemaker", "Pierre Lorillard, a tobacco heir", "Lord Chelmsford, the
    Viceroy" (an office, capitalised — unless `listed`, the next of a list: "sent to Thomas
    Cranmer, the King, and the Council")."""
    office = "" if listed else rf"|the\s+(?:[A-Z][\w-]+\s+)?(?=[A-Z])(?i:{_ROLE})"
    return bool(
        re.fullmatch(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+", term)
        and re.fullmatch(
            rf"(?:a|an)\s+(?:[a-z]+\s+)?(?:[a-z]*(?:maker|smith|wright|keeper|seller|dealer|"
            rf"worker|owner|weaver|miner)|(?i:{_ROLE})){office}",
            clause,
        )
    )


# An appositive's end, then the sentence's verb and its object: "the Châtelet, the royal law
# court of Paris, gathered hundreds of statements" (not "…, founded in 1200").
_THE_MAIN_VERB = re.compile(
    rf"(?:[a-z]{{3,}}ed|{_IRREGULAR})\s+(?!(?:by|in|on|at|from|to|as|with|for|under|after|"
    r"during|into|near|between)\b)[a-z]"
)


# The words an appositive opens with that are not its definition's: "or", "in effect", …
_APPOSITIVE_LEAD = re.compile(
    r"^(?:or|which\s+(?:meant|means)|in\s+effect|effectively|essentially|"
    r"(?:which|who)\s+(?:was|were|is|are))\s+"
)


def _inside_dashes(head: str, rest: str) -> bool:
    """Whether the words between `head` and `rest` are between dashes after a name, as
    another name for it: "Alta California — Upper California, Mexico's … —" (`_dashed`);
    not "The new king – Edward VI, a boy of nine –"."""
    return bool(re.search(r"[A-Z][\w’'-]*\s[–—]\s[^–—]*$", head) and re.match(r"\s*[–—]", rest))


# The main clause after an appositive inside a sentence's opening: "Under the placards, the laws
# against heresy …, | Protestants had been burned", "According to Zosimus, a pagan Greek
# historian, | one senator protested", "north of the Tonle Sap, the great lake …, | were the
# heart of …" (the verb of a subject the appositive was inside).
_THE_SUBJECT_AFTER = re.compile(
    r"\s*,\s+(?:(?:(?:the|one|many|some|most|two|three)\s+)?"
    r"(?!(?:who|which|that|whose)\s)[A-Za-z][a-z]+(?<!ly)(?:[’']s\s+[a-z]+)?\s+"
    rf"(?:had|have|has|were|was|would|could|did|{_IRREGULAR}|[a-z]{{3,}}ed)|"
    r"(?:had|have|has|were|was|would|could)\s+[a-z]+)\b"
)


# … but only after an opening without a verb of its own, which says where, when or by whose
# account (not "After Lincoln was shot at Ford's Theatre, the first assassination of a
# president, Johnson …", "Before Munich, the high point of appeasement, …": what happened).
_A_PHRASE_OPENS = re.compile(
    r"^(?i:According\s+to|Under|In|On|At|For|From|Near|Throughout|Among|During|With|By|Within|"
    rf"Since|Apart\s+from)\s+(?!.*\b(?:[a-z]{{3,}}ed|{_IRREGULAR}|was|were|is|are|had)\b)"
    r"[^,;:]*$"
)


_AN_OWNER_S_CLAUSE = re.compile(
    rf"[A-Z][\w’'-]*[’']s\s+[a-z]+\s+(?:[a-z]{{3,}}ed|{_IRREGULAR}|was|were|had)\b"
)


def _no_gloss_of(word: str, clause: str) -> bool:
    """Whether an appositive cannot say what the word before it is: a number ("about 6,080
    feet, | roughly 1.15 miles": batch 41's teacher's read)."""
    roughly = r"(?:or\s+)?(?:(?:about|roughly|some|nearly|almost|around)\s+)?"
    number = re.fullmatch(rf"{roughly}[\d.,]+", clause)
    return number is not None and re.fullmatch(r"[a-z][\w’'-]*", word) is not None


# "then a …", "once the …": what a name then was, or what came next (`_what_came_next`).
_THEN_A = r"(?:then|once)\s+(?:a|an|the)\s+"


def _what_came_next(sentence: str, m: re.Match[str]) -> bool:
    """Whether the appositive `m`, "then a …" or "once the …", says what came next or how
    often ("for a week, then the army withdrew", "won gold in Seoul, then the silver",
    "York, then a string of mining villages, then Durham", "met at Winchester, once a year"),
    not what a name then was: a place, a rank or a role, or the most of something
    ("Dartmouth, then a separate town", "Albert Einstein, then the most famous scientist")."""
    clause, head = m["clause"], sentence[: m.start()]
    if not re.match(_THEN_A, clause):
        return False  # (one person's office by its owner is `_APPOSITIVE_OPENING`'s own)
    # … a verb of its own, not of a clause about it: "once the ground froze" (but "then the
    # only Chinese port where Western merchants were allowed to trade")
    own = re.split(r"\b(?:where|which|who|whom|whose|that|when)\b", clause, maxsplit=1)[0]
    subject = re.fullmatch(r"(?:The\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s*", head)
    status = _A_STATUS.match(clause) or (subject and _A_SUBJECT_S_STATUS.match(clause))
    return (
        re.search(r"[A-Z][\w’'.-]*\W*$", head) is None
        or not status
        or re.search(rf"\b(?:{FINITE_VERB}|would|will|could)\b", own) is not None
        # … nor the next of a list or a journey: "York, then a string of mining villages, then
        # Durham", "the tie crews, then the iron men, …, and finally the gangs", "moved to
        # Winchester, then the capital" (hostile pass 40: and then to the capital?)
        or re.match(r"\s*,\s+(?:and\s+)?then\b", sentence[m.end() :]) is not None
        or re.search(r"\bfinally\b", sentence[m.end() :]) is not None
        or (_JOURNEY_S_END.search(head) is not None and _A_BARE_NOUN.fullmatch(clause) is not None)
    )


# A place a journey goes to, and a noun alone after "then": "moved to Winchester, | then the
# capital," may go on to the capital (not "returned to Petrograd, then the capital of Russia").
_JOURNEY_S_END = re.compile(r"\bto\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\W*$")
_A_BARE_NOUN = re.compile(rf"{_THEN_A}[\w’'-]+")


# What a name then was: "then a separate town", "then the capital of …", "once the largest
# church in …", "then a senior railway official", "then the world champions".
_A_STATUS = re.compile(
    rf"{_THEN_A}(?!(?:year|week|month|day|fortnight|decade|century|time|"
    r"while)\b)(?:[\w’'-]+\s+){0,3}?"
    r"(?:(?:most|largest|biggest|greatest|oldest|richest|wealthiest|poorest|smallest|newest|"
    r"youngest|strongest|busiest|finest|best|highest|tallest|longest|only|first|chief|"
    r"leading|principal|foremost)\b|(?:capital|city|town|village|port|fortress|temple|"
    r"colony|province|state|kingdom|empire|country|nation|republic|territory|district|suburb|"
    r"seat|centre|center|home|heart|hub|part|headquarters|stronghold|residence|champions?|"
    rf"(?i:{_ROLE})s?)\b)"
)
# … and, of a name the sentence opens with ("Zanzibar, then a sultanate under British
# protection, fought …"), these too — not of a place a sequence passes ("He served at Pearl
# Harbor, then a base on Guam", "fought at Verdun, then a major offensive")
_A_SUBJECT_S_STATUS = re.compile(
    rf"{_THEN_A}(?:[\w’'-]+\s+){{0,3}}?(?:base|power|sultanate|resort|"
    r"station|major|examiner|librarian|student|prisoner|seamstress|exile|goldsmith|prodigy|"
    r"assistant)\b"
)


def _appositive_defines(sentence: str, m: re.Match[str]) -> bool:
    """Whether the appositive `m` says what the words before it are — not the subject after an
    opening ("In 1847 alone, the …"), a clause, a list, or words inside a quotation."""
    head, rest, clause = sentence[: m.start()], sentence[m.end() :], m["clause"]
    main_after = (
        re.match(
            rf"\s*,\s+(?:they|he|she|we|I|(?:the\s+)?[a-z]+s\s+(?:[a-z]{{3,}}ed|{_IRREGULAR}))\s",
            rest,
        )
        or (  # … "During Reconstruction (1865–1877), the period when …, Black men voted": after
            # a name (not "After the battle, a bloody affair, French soldiers looted …")
            re.search(r"\b[A-Z][\w’'-]+(?:\s*\([^()]*\))?\s*$", head)
            and re.match(
                rf"\s*,\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:[a-z]+s|(?:wo)?men|people)\s+"
                rf"(?:[a-z]{{3,}}ed|{_IRREGULAR})\s",
                rest,
            )
        )
        or (
            _THE_SUBJECT_AFTER.match(rest)
            and _A_PHRASE_OPENS.match(re.split(r"[,;:]\s+", head)[-1]) is not None
            # … a phrase after another ("On 22 August 1642, at Nottingham, the start of the Civil
            # War, …") only with what a place is ("at Palo Alto, a stretch of open prairie")
            and (re.match(r"an?\s", clause) is not None or _A_PHRASE_OPENS.match(head) is not None)
        )
        or (  # "After his death the caifazes, a secret network …, took his work further"
            re.search(r"\s(?:the|a|an)\s+[\w’'-]+$", head)
            and re.match(r"(?:a|an|or)\s", clause)  # not "the peasants, the great majority, …"
            and re.match(rf"\s*,\s+(?:[a-z]{{3,}}ed|{_IRREGULAR})\s", rest)
        )
    )
    named_place = (
        _A_PLACE_OPENS.fullmatch(head)
        and re.match(r"(?:a|an|the)\s+[a-z]", clause)
        and _MAIN_CLAUSE_NEXT.match(rest)
    )
    if (
        _opening(head)
        and not (main_after or named_place or _subject_of_opening(head, rest, clause))
    ) or _a_clause(clause):
        return False  # … but "Working with the Army, a small militia …, they planned …"
    if (
        _NAMES_ANOTHER.search(clause)
        or _what_came_next(sentence, m)
        or _after_names(head)
        or _inside_dashes(head, rest)
        or _no_gloss_of(head.split()[-1] if head.split() else "", clause)
    ):
        return False  # "…, a phase the Germans called X"; "Hughes, Hurston, the painter …";
        # "Alta California — Upper California, Mexico's … —": the dashes' (`_dashed`)
    if (named := _ROLE_NAMED.match(clause)) and not named["comma"] and named["word"].islower():
        return False  # "Morris, Rossetti, the painter Madox Brown and …": another person
    if (_OPENINGS.match(head) or _AN_OWNER_S_CLAUSE.match(clause)) and not rest.strip(' .”"’'):
        return False  # "In 1529, at a diet held in Speyer, the Catholic majority voted …";
        # "According to Bede, a monk at Jarrow, | Augustine's mission landed in Kent." (but
        # "Magna Carta, John's charter sealed at Runnymede in 1215, | limited …")
    if _a_list_goes_on(clause, rest) or _LISTED_AFTER_A_COLON.search(head + clause):
        return False  # "the Peterhof at Novgorod, the German Bridge at Bergen, the Steelyard …";
        # "…: Jamaicans only, all passengers from the Caribbean, or everyone on board"
    if _an_example(head, clause, rest) or (
        _a_second_appositive(head) and not clause.startswith("or ")
    ):
        return False  # … but "Tribonian, the quaestor, | or chief legal officer" glosses a word
    if re.match(
        r"(?:much|many|most|some|all|none|each|both|one)\s+of\s+(?:which|whom|them)\b", clause
    ) or _A_CONSEQUENCE.match(clause):
        return False  # "the Catholic Church, much of which had sided with the army"; "rejected
        # the peace terms, meaning the war would go on": what followed
    if _NO_DEFINITION.match(clause) or clause.startswith("the so-called "):
        # "the Hippodrome, each made to …", "icons, traditionally placed in the 720s",
        # "Christ, the Virgin Mary or a saint": who did what, when, or a list; "…, the so-called
        # Eight-Nation Alliance": a name for the whole (`_so_called`)
        return False
    # "died from overwork, disease and savage punishment that …"; "England had been fighting
    # France, a conflict that would last …": what the clause tells, not France (but "the
    # Thirty Years' War, a conflict that …")
    comment = _A_COMMENT.match(clause) and not re.search(rf"\b(?:{_KIND_OF_THING})\W*$", head)
    if _listed(clause) or quoting(head) or comment or _kinds_listed(head, clause):
        return False
    # "taught a plain, functional style": two adjectives
    return not (_ADJECTIVE_BEFORE.search(head) and not re.match(rf"{_DETERMINER}\b", clause))


def _kinds_listed(head: str, clause: str) -> bool:
    """Whether an appositive goes on a list of things of a kind after words that say so: "often
    in the shape of a lion, | a bull or an elephant" (one of three shapes, not what a lion is;
    but "tribute to a cacique, | a chief or a lord" glosses the word)."""
    one = r"(?:a|an|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
    kinds = r"(?:shape|form|figure|image|likeness|kind|sort|type|such\s+as|like)"
    joined = r"(?:or|and)\s+(?:even\s+)?"
    # … or after two of them already: "a knight, a nobleman, | a bishop or an abbey"
    listed = rf"\b{kinds}\s+(?:of\s+)?{one}(?:,\s+{one})*$|{one},\s+{one}$"
    # … and three things joined by "and" are a list whatever comes before: "carried a gladius,
    # | a pilum and a scutum" (but "a cacique, | a chief or a lord" may gloss the word)
    three = re.search(rf"\b{one}$", head) and re.fullmatch(rf"{one}\s+and\s+{one}", clause)
    return bool(three) or (
        re.search(listed, head) is not None
        and re.fullmatch(rf"(?:{joined})?{one}(?:,?\s+{joined}{one})?", clause) is not None
    )


def _a_second_appositive(head: str) -> bool:
    """Whether the words before an appositive end with another after a name: "Stilicho, the
    commander-in-chief, | the son of a Vandal officer …" says who Stilicho was, not what a
    commander-in-chief is; "'master of soldiers', | the title of …" glosses the word before
    the quotation."""
    return bool(
        re.search(r"[A-Z][\w’'-]*,\s+(?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}$", head)
        # … "the Kinder, the German word for “children”, | a name many of them used": the Kinder
        or re.search(
            r",\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}(?:word|term|name)\s+for\s+"
            r"[“\"‘'][^”\"’']{1,40}[”\"’']$",
            head,
        )
        or re.search(r"(?:\s[–—-]|,)\s+['‘“\"][^'’”\"]{2,60}['’”\"]$", head)
    )


_INCLUDING = r"\b(?:included|includes|include|including)\s+"


def _an_example(head: str, clause: str, rest: str) -> bool:
    """Whether the words before an appositive end with one of a list — "The Dreyfusards
    included republicans, socialists such as …" — or an example the sentence's verb follows:
    "chronicles …, such as the Mahavamsa ('Great Chronicle'), claim that …"."""
    included = rf"{_INCLUDING}(?:(?:the|a|an)\s+)?\S+(?:\s+\S+)?$"
    # … not "Reformers such as Robert Owen founded cooperatives, shops owned by …": the verb
    # after the example says what the appositive is of
    such_as = re.search(r"\bsuch\s+as\s+(?:the\s+)?([^,;:]+)$", head)
    example = such_as is not None and not _a_verb_in(such_as[1])
    if example:
        return not re.match(rf"{_DETERMINER}\b", clause)
    # … and "included the New Guard, a right-wing paramilitary group" says what one of them is
    # (not "including a West Indian, a Hungarian and a white Englishman", "included Britain, a
    # naval power, France and Russia": a list; nor "included cotton, the most important": a
    # ranking)
    described = (
        re.match(r"(?:a|an)\s", clause)
        and not re.search(r"\band\s+(?:a|an|the)\s", clause)
        and not re.match(
            r"\s*,\s+(?:and\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}\s*(?:,|\band\b|\.$)", rest
        )
        and not re.search(rf"{_INCLUDING}an?\s", head)
    )
    return bool(re.search(included, head)) and not described


# The last of a list of alternatives a colon opens: ": A, B, or C".
_LISTED_AFTER_A_COLON = re.compile(r":\s[^:;]*,[^,:;]*,?\s*or\s[^,:;]*$")


# An opening that names a place or a thing, described before the main clause: "In Langa, a
# township outside Cape Town, police fired …", "At the Battle of Mylae, off the north coast of
# Sicily, the consul …" — not a date ("In 1847 alone, the …").
_A_PLACE_OPENS = re.compile(
    r"(?:In|At|On|Near|Outside|Among|Beyond|Across)\s+(?:entering\s+|reaching\s+)?(?:the\s+)?"
    rf"(?!(?:{'|'.join(_MONTH_NAMES)})\b){_NAME_WORD}(?:\s+(?:of\s+)?{_NAME_WORD}){{0,3}}"
)
_MAIN_CLAUSE_NEXT = re.compile(
    r",\s+(?:(?:in|on|at|by)\s+[^,;:()]{1,30},\s+)?"  # "…, in early October, federal soldiers"
    r"(?!(?:who|whom|whose|which|that|and|but|or|so|while|as)\b|[a-z]+ed\b)"
    r"(?:[^,;:()]|\([^()]{1,80}\)){1,130}?\s"  # "the jangadeiros (fishermen who …) refused"
    rf"(?:was|were|had|has|is|are|[a-z]{{3,}}ed|{_IRREGULAR})\b"
)


# An appositive that comments on what the clause before it tells: "…, a conflict that would
# last until 1453", "…, an act that horrified Christendom", "…, a loss that cost the country
# dearly".
_A_COMMENT = re.compile(
    r"(?:a|an|another)\s+(?:[a-z]+\s+)?(?:conflict|humiliation|act|massacre|loss|shock|tragedy|"
    r"catastrophe|disaster|crime|atrocity|blunder|humiliation|betrayal|victory|defeat|"
    r"triumph|coup|gamble|provocation|outrage|scandal)\s+(?:that|which|the|for|to|towards)\b"
)
# What a dash says of the claim before it: "… that yellow fever is spread by the Aedes aegypti
# mosquito – a theory confirmed by Walter Reed's army commission …".
_A_CLAIM = re.compile(
    r"(?:a|an)\s+(?:[a-z]+\s+)?(?:theory|idea|view|claim|argument|belief|assumption|"
    r"suggestion|hypothesis)\s+(?:confirmed|proved|disproved|later|first|shared|held|put)\b"
)  # … not "heliocentrism – the theory that the Earth … orbit the Sun", a definition
# An appositive that is no definition: what each or some did, when a thing is placed, the last
# items of a list of alternatives.
_NO_DEFINITION = re.compile(
    r"(?:each|both|all|some|most|many|none|several)\s+(?:[a-z]+ed|made|given|sent|held)\b|"
    # … what others held: "identify them with the bodhisattva Lokeshvara, others with the king"
    r"(?:others|some|many|most|few|several|all|both)\s+(?:with|in|as|to|by|for|from|at|on)\b|"
    # … how a name was used: "'Ned Ludd', sometimes addressed from Sherwood Forest"
    r"(?:sometimes|often|usually|always|occasionally)\s+(?:addressed|signed|written|sent|dated)\b|"
    r"(?:traditionally|usually|generally|commonly|conventionally)\s+(?:placed|dated|put|set)\b|"
    r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+or\s+(?:a|an|the)\s+[a-z]+$|"
    # … a measure, not what a thing is: "the Swiss border, a distance of about 400 miles", "the
    # First World War, well over a million"
    r"(?:a|the)\s+(?:distance|total|figure|sum|journey|length|height|depth)\s+of\b|"
    r"(?:well\s+)?(?:over|under|about|around|nearly|almost|some|roughly|more\s+than|"
    r"fewer\s+than|less\s+than)\s+(?:a|an|\d)"
)


def _a_list_goes_on(clause: str, rest: str) -> bool:
    """Whether the appositive `clause` is an item of a list that goes on in `rest` — not one
    of a chain, each describing the name the one before ends with ("…, the elected overlord
    of the Holy Roman Empire, a loose patchwork of …")."""
    if re.match(r"\s*,\s+and\s", rest) and re.match(r"[a-z]+s\s+(?:in|of)\s+which\b", clause):
        return True  # "processions with elephants and parasols, markets in which women did
        # most of the trading, and daily bathing": the list's next item, no definition
    if clause.startswith("or ") or _RELATIVE.search(clause) or _OBJECTS_GO_ON.search(clause):
        return False  # … "a route of about 2,000 miles across the plains, | the Rocky Mountains
        # and the Great Basin": the list is where the route went
    if _CHAINED.match(clause) and re.match(r",\s+(?:the|a|an)\s+[a-z]", rest):
        return False
    return bool(_LIST_GOES_ON.match(rest)) and not _DESCRIBED_BEFORE_AND.match(clause + rest)


# A phrase whose last noun a list may go on from: "… across the plains".
_OBJECTS_GO_ON = re.compile(
    r"^(?:a|an|the)\s[^;]*\b(?:across|through|over|between|among|along|via)\s+(?:the\s+)?[a-z][\w-]*$"
)
# An appositive that describes, ending with a name the next appositive describes in turn.
_CHAINED = re.compile(
    r"(?:the|a|an)\s+(?:[A-Z][a-z]+-[a-z]+\s+)?[a-z].*\s(?:[A-Z][\w’'-]*|\([A-Z]{2,}\))$"
)


def _subject_of_opening(head: str, rest: str, clause: str) -> bool:
    """Whether the appositive between `head` and `rest` follows the subject of an opening
    clause, before its verb: "When potato blight, a disease that …, struck in 1845, …"."""
    segment = re.split(r"[,;:]", head)[-1].strip()
    verb_next = re.match(rf"\s*,\s+(?:[a-z]{{2,}}ed|{_IRREGULAR})\b", rest)  # "…, died in 1763"
    if re.fullmatch(
        r"(?:the|a|an)\s+(?:[a-z]+\s+){0,2}[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*(?:\s+[IVX]+)?", clause
    ):
        return False  # "When the last of the dynasty, the famous Cleopatra VII, died": her name
    return bool(verb_next and _SUBORDINATE.match(segment) and not _A_VERB.search(segment))


_A_VERB = re.compile(rf"{_HAS_VERB.pattern}|\b(?:was|were|is|are|had|has|have)\b")


def _name_in_apposition(clause: str) -> str | None:
    """The name an appositive is and no more ("the Qhapaq Ñan", "the "horns of the
    buffalo""), or None."""
    # … "his Tyrolean Constitution of 1526": a name, by its author's possessive and its year
    if re.fullmatch(
        r"(?:the|a|an|his|her|its|their)\s+(?:[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+(?:of|and|the|de))*\s*)+"
        r"(?:\s*of\s+\d{3,4})?",
        clause,
    ):
        return re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", clause)
    if italic := re.fullmatch(r"(?:the\s+)?\*([^*]{2,60})\*", clause):
        return italic[1]  # "a peasant revolt in the north, the *Jacquerie*,", "One boat, *Noah's
        # Ark*, carried …"
    # "a new weapon, the Pattern 1853 Enfield rifle": a name with a number, and its kind
    if re.fullmatch(r"the\s+[A-Z][\w’'-]*\s+\d+(?:\s+[A-Z][\w’'-]*)+\s+[a-z]+", clause):
        return clause.removeprefix("the ")
    # "The dynasty's founder, Ashoka's grandfather Chandragupta Maurya, …": a person, by their
    # kin or role to another
    kin = re.fullmatch(  # … a role: not "Germany's industrial heartland Ruhr Valley"
        rf"[A-Z][\w’'-]*[’']s\s+(?:[a-z]+\s+)?(?:grand|great-grand|step|half-)?(?i:{_ROLE})\s+"
        r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,3})",
        clause,
    )
    if kin:
        return kin[1]
    # "One boat, Noah's Ark, carried …", "a meeting place, Lotta's Fountain": a name with a
    # possessive inside, capitalised throughout
    if re.fullmatch(r"[A-Z][a-z]+[’']s(?:\s+[A-Z][\w’'-]*){1,3}", clause):
        return clause
    quoted = re.fullmatch(r"the\s+[“\"‘]([^”\"’]{2,60})[”\"’]", clause)
    return quoted[1] if quoted else None


# After an appositive cut at a comma between adjectives, the rest of its noun phrase: after an
# adjective ("a bundle of knotted, | coloured cords whose knots recorded numbers"), or after
# a determiner and one adjective ("the Golden Horn, a deep, | narrow inlet that …").
_AFTER_COMMA = (
    r",\s+(?!(?:the|a|an|and|or|but|his|her|its|their|he|she|it|they|we|was|were|is|are|had|has|then|now|also|"
    r"soon|later|still|once)\b)"
)
_RELATIVE_TAIL = r"(?:\s+(?:whose|who|which|that)\b[^,;:().]*)?"
_MORE_ADJECTIVES = re.compile(
    r"(?<=[a-z]ed|.al|ous|ful|.ic|ive)(?<!\b(?:and|was))"  # the clause ends with an adjective
    + _AFTER_COMMA
    # … not the sentence's verb: "Valentín Gómez Farías, a leading liberal, | tried to pay …"
    + r"(?![a-z]+\s+(?:to|the|a|an|his|her|their|its|that|him|them|it)\b)"
    + r"[a-z]+(?:ed|al|ous|ful|ic|ive|y)?\s+[a-z]+s?\b"
    + _RELATIVE_TAIL
)
_ONE_ADJECTIVE = re.compile(r"(?:a|an|the)\s+[a-z][\w-]*")
_NOUN_AFTER = re.compile(
    _AFTER_COMMA
    + r"[a-z][\w-]*\s+(?!(?:from|to|in|on|at|by|of|with|for|into|over|and|or)\b)(?![a-z]+ed\b)"
    + r"[a-z][\w-]*\b"
    + _RELATIVE_TAIL
)


def _rest_of_phrase(sentence: str, end: int, clause: str) -> re.Match[str] | None:
    """The rest of an appositive's noun phrase cut at a comma between adjectives, after
    `clause`, which ends at `end` in `sentence`."""
    # … an adjective, not a name: "a coal town on the Union Pacific, | killed …"
    if re.search(r"\b[a-z][\w-]*$", clause) and (more := _MORE_ADJECTIVES.match(sentence, end)):
        return more
    if re.search(r"[A-Z][\w’'-]*$", clause) and (names := _MORE_NAMES.match(sentence, end)):
        return names  # "… a mixed population of Orthodox Serbs, | Catholic Croats and Muslims"
    return _NOUN_AFTER.match(sentence, end) if _ONE_ADJECTIVE.fullmatch(clause) else None


# The rest of a list of names an appositive ends with, to its "and": ", Catholic Croats and
# Muslims".
_MORE_NAMES = re.compile(
    r"(?:,\s+(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)+,?\s+and\s+(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*"
    r"(?=\s*[,;.)]|$)"
)
# A kind of thing the clause before names: "…, a process known as *Africanisation*".
_A_KIND = (
    r"(?:a|an)\s+(?:process|practice|policy|system|strategy|tactic|method|condition|doctrine|"
    r"principle|phenomenon|period|arrangement|custom|tradition|idea|goal|aim|ideal)\s+"
    r"(?:(?:later|now|often|usually|sometimes|that\s+(?:became|came\s+to\s+be))\s+)?"
)
_A_KIND_NAMED = re.compile(rf"{_A_KIND}(?:known\s+as|called|termed|dubbed)\b")
# An appositive that gives what it says a name: "…, a phase the Germans called the X", "…, a
# process known as X".
_NAMES_ANOTHER = re.compile(
    r"^(?:a|an)\s+(?:[a-z-]+\s+){1,2}(?:the\s+)?(?:[A-Z][\w’'-]*|[a-z]+s)\s+"
    r"(?:called|named|dubbed|knew\s+as)\b"
    rf"|^{_A_KIND_NAMED.pattern}"
)


# Openings in a row, then the sentence's subject: "In 1529, at a diet held in Speyer".
_OPENINGS = re.compile(
    rf"^{_OPENER.pattern}[^,;:]*,\s+(?:at|in|on|during|after|before|under)\s[^,;:]*$", re.I
)


def _after_names(head: str) -> bool:
    """Whether `head` ends with a list of names: "Wallace Thurman, Hughes, Hurston", "the
    Peterhof at Novgorod, the German Bridge at Bergen"."""
    name = r"\s*(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*"
    place = r"the\s+(?:[A-Z][\w’'-]*\s*)+(?:(?:at|in|of)\s+(?:[A-Z][\w’'-]*\s*)+)?"
    if re.search(rf"\b{place},\s*{place}$", head):
        return True
    # "Hughes, Hurston", "Illinois, Missouri and Arkansas" — not a time, then a name: "That
    # October, Władysław Gomułka, a communist …"
    first = (
        rf"(?!\s*(?:That|This|Last|Next|Early|Late|Later|In|On|At|By|{'|'.join(_MONTH_NAMES)})\b)"
    )
    return re.search(rf"(?:^|,){first}{name},{name}$|,{name},?\s+and{name}$", head) is not None


def _named_by_apposition(name: str, head: str) -> list[Definition]:
    """(name, the noun phrase `head` ends with) for "Some forty thousand kilometres of roads,
    the Qhapaq Ñan, …": from its determiner or number, within the clause it ends."""
    words = re.split(r"[,;:–—]\s*|\b(?:and|but|while)\s+", head)[-1]
    start = re.search(rf"\b(?:{_DETERMINER}|some|[Tt]he|[A-Z][a-z]+)\s", words)
    if start is None or name in _MONTH_NAMES:
        return []
    phrase = re.sub(
        r"^(?:In|On|By|From|After|Before|During)\s+[^,]*?\d{3,4}\s+", "", words[start.start() :]
    )
    main = re.sub(r"\b(?:who|which|that)\b.*", "", phrase)  # "Those who fought for the government"
    object_ = rf"\b(?:was|were|is|are|as|[a-z]{{3,}}ed|{_IRREGULAR})\s+((?:a|an)\s[^,;]+)$"
    if complement := re.search(object_, words):
        # "The spark was a new weapon, the Pattern 1853 …", "they published a weekly
        # newspaper, the *Cherokee Phoenix*, …"
        phrase = main = complement[1]
    if _a_verb_in(main):
        # "… reached beyond the walls of his palace, the Red Fort": the noun phrase it ends with
        ends = [*re.finditer(rf"\b(?:{_DETERMINER})\s", words)]
        last = words[ends[-1].start() :] if ends else ""
        if not last or _a_verb_in(last) or len(last.split()) > 5 or not _PLAIN_NOUN.search(last):
            return []  # "the army occupied the capital, the …": a clause, not a noun phrase
        phrase = last
    definition = _clause(phrase)
    if definition is None or all(w[:1].isupper() for w in definition.split()[1:]):
        return []  # "Lord Carnarvon, the Colonial Secretary": one name for another
    return [(name, definition, ())]


# A name given after what it is: "A new minister in London, the Secretary of State for India,
# took charge", "She wrote under a pen name, Fémmina, partly …", "into a single colony,
# Eritrea." — a noun phrase from its determiner, then the name alone between commas, before
# the sentence's verb or its end; not a list ("the three powers, Britain, France and …"), a
# time ("The next day, Napoleon, …") or a place before its subject ("In the capital, Paris, …").
_NAME_AFTER = (
    rf"(?:{_NAME_WORD}|[A-Z]\.)"
    rf"(?:\s+(?:(?:{_IN_A_NAME}|the|for|ne|na)\s+)?(?:{_NAME_WORD}|[IVX]+\b|[A-Z]\.)){{0,5}}"
)
# A person named with the title of a place: "Richard, Duke of York", "Edward, Earl of Warwick".
_TITLED_HEAD = re.compile(
    rf"(?:^|(?<=[a-z]\s))(?<!,\s)(?<!\bof\s)(?<!\bde\s)"
    rf"({_NAME_WORD}(?:\s+(?:(?:{_IN_A_NAME})\s+)?{_NAME_WORD}){{0,3}}),\s+"
    rf"({_A_TITLE}\s+of\s+{_NAME_WORD})\s*$"
)  # … not one named after a role: "the king's uncle, John of Gaunt, Duke of Lancaster, …"
_RENAMED = re.compile(
    r"(?:^|(?<=\s))(?P<what>(?:[Oo]ne\s+of\s+)?(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|"
    # … or a possessive name: "Edward IV's daughter"
    rf"[Tt]his|[Oo]ur|(?:[{_CAPITAL}][\w’'-]*\s+){{0,2}}[{_CAPITAL}][\w’'-]*[’']s)\s+"
    r"[^,;:()“”\"]{2,80}?),\s+"
    # … a name in italics too: "One boat, *Noah's Ark*, carried …"
    rf"(?P<name>(?:the\s+)?(?:{_NAME_AFTER}|\*[A-Z][^*,;]{{1,60}}\*))"
    rf"(?:,\s+{_A_TITLE}\s+of\s+{_NAME_WORD})?"
    r"(?=\s*(?:[.;]|$|[–—]\s)|,\s+(?!(?:and|or|but|the|a|an|his|her|its|their)\b)[a-z])"
)
# Words a sentence opens with before a noun phrase that is no name's: "Against the advice of
# his generals, Adolf Hitler, …", "Without the support of the nobles, …".
_OPENS = {
    "against", "without", "despite", "beyond", "behind", "beside", "within", "upon", "amid",
    "during", "after", "before", "with", "in", "on", "at", "by", "from", "under", "through",
    "for", "among", "since", "until", "following", "near", "to", "into", "across", "over",
}  # fmt: skip
_A_TIME_OR_PLACE = re.compile(
    r"\b(?:day|days|week|weeks|month|months|year|years|summer|spring|autumn|winter|morning|"
    r"evening|night|afternoon|time|century|decade|period|moment|meantime|end|beginning|start|"
    r"same|following|next|previous)\b"
)


def _renamed(sentence: str) -> list[Definition]:
    """ "The largest of all, the Great Stela, is …" → (Great Stela, The largest of all)."""
    found: list[Definition] = []
    for m in _RENAMED.finditer(sentence):
        if not (what := _what_renamed(m, sentence)):
            continue
        # … or, where it says too little ("The compromise, the Act of Accord, let Henry keep
        # the crown for life …"), what a law or body did (not a person: "The loser, Samuel
        # Tilden, accepted the result")
        did = _WHAT_THE_NAMED_DID.match(sentence, m.end())
        did = did if re.search(rf"\b(?:{_KIND_OF_NAME})\b", m["name"]) else None
        if definition := _clause(what) or (did and _clause(did["did"])):
            name = m["name"].removeprefix("the ").strip("*")
            if titled := _TITLE.match(name):  # "Captain Alfred Dreyfus" is Alfred Dreyfus
                found.append((name[titled.end() :], definition, (name,)))
            else:
                found.append((name, definition, ()))
    return found


_WHAT_THE_NAMED_DID = re.compile(
    rf",\s+(?P<did>(?!took\s+its\s+name)(?:[a-z]{{3,}}ed|{_IRREGULAR}|let|set|put)\b[^;.]{{8,200}}?)"
    r"(?=[;.]|$)"
)


def _what_renamed(m: re.Match[str], sentence: str) -> str | None:
    """The noun phrase the name at `m` is given to, or None where the words are no such thing:
    an opening ("In the capital, | Paris, …"), a list, a second name for the first ("… to
    form the Guomindang, | the Nationalist Party"), a state ("Its most powerful member,
    Britain, …")."""
    opening = sentence[: m.start()].split()
    if len(opening) == 1 and opening[0].casefold() in _OPENS:
        return None  # "During the siege of the city, Marshal Ney, …": when, not who; but
        # "Meanwhile his protector, Frederick the Wise, died …"
    if sentence[m.end() :].lstrip().startswith(("and ", "or ")):
        return None
    # the last noun phrase, not one after a preposition: "organised its possessions on the
    # Red Sea coast into | a single colony, Eritrea", "| the leader of the party, …", "| a
    # small island off the coast of Africa, …"
    inner = re.finditer(rf"(?<!\sof)(?<!\soff)\s{_DETERMINER}\s", m["what"])
    # … not inside a possessive name: "Edward | IV's daughter"
    starts = [d.start() for d in inner if not re.search(r"[A-Z][\w’'-]*$", m["what"][: d.start()])]
    starts = [*reversed(starts), 0]
    what = next((m["what"][i:].strip() for i in starts if _what_it_is(m["what"][i:])), None)
    if what is not None:  # "In Germany | Hitler's party, the NSDAP, …"
        what = _PLACE_OR_TIME_BEFORE_AN_OWNER.sub("", what)
    if what is None or (what.split()[-1][:1].isupper() and opening):
        return None  # … unless the sentence opens with it: "A new minister in London, …"
    place = re.search(rf"\b(?:{_A_NAMED_PLACE})$", what)  # "Their headquarters, Alamut,"
    if " " not in m["name"] and not re.match(r"(?:a|an)\s", what) and not place:
        return None  # a one-word name only after "a" or "an" or a kind of place: "a pen name,
        # Fémmina" (not "His son, Henry,": a first name is many people's)
    return what


_A_NAMED_PLACE = (  # the kinds of place a one-word name may be given after
    r"capital|headquarters|stronghold|fortress|citadel|port|base|residence|palace|castle|"
    r"city|island|harbour|harbor|oasis"
)


def _what_it_is(words: str) -> bool:
    """Whether `words` are a noun phrase a name may be given to: a common noun in it, at most
    ten words, not a time, a clause ("the army occupied the capital, …") or two."""
    plain = [w for w in words.split()[1:] if w.islower() and w not in _NAME_PARTICLES]
    return (
        bool(plain)  # not "the United States, Japan, …": a list of names
        and len(words.split()) <= 10
        and not _A_TIME_OR_PLACE.search(words)
        and not _a_verb_in(_RELATIVE.split(words)[0])
        and not re.search(r"\b(?:and|or|but|until|when|while|after|before|because|since)\s", words)
    )


# A noun phrase's last word, a common noun: "the Aztec capital", not "the year" or "the city".
_PLAIN_NOUN = re.compile(r"\s(?!(?:year|day|time|city|country|area|place|way)$)[a-z][\w-]+$")


_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the)\s+(?:plain|simple|new|cheap|broad|narrow|dark|bright|hard|soft|"
    r"[a-z]+(?:al|ive|ful|ous|ic|less|able|ible))$"
)


def _listed(clause: str) -> bool:
    """Whether an appositive is the rest of a list: lower-case words joined by "and" before
    any relative ("craftsmen and overseers who …"), or the same determiner again after "and"
    ("their neighbours and sometimes their own parents")."""
    bare = not re.match(rf"(?:{_DETERMINER}|meaning|or|which|in\s+which)\b", clause)
    lead = re.split(r"\b(?:who|which|that|whose|where)\b", clause, maxsplit=1)[0].split()[:5]
    if clause[:1].islower() and bare and "and" in lead[1:-1]:
        before = lead[lead.index("and") - 1]
        if not re.fullmatch(_PARTICIPLE, before):  # "cloth spun and woven by hand"
            return True
    again = re.match(r"(their|his|her|its|our)\s.*\band\s+(?:\w+\s+){0,2}\1\b", clause)
    return again is not None


# Another name in brackets: "(Yuanmingyuan)", "("Eagle Day")", "(often spelled quipu)".
_OTHER_NAME = re.compile(
    r"\s\((?:(?:(?:also|often|sometimes|usually)\s+)?(?:spelled|spelt|written|called|or)\s+"
    r"[“\"‘']?(?P<said>[^()“”\"‘’]{1,40}?)[”\"’']?|"
    r"[“\"‘]?(?P<name>[A-ZÀ-ÖØ-Þ][^()“”\"‘’*]{1,40}?)[”\"’]?|"
    r"\*(?P<italic>[^()*]{1,40})\*)\)$"  # "serfdom (*Leibeigenschaft*), the personal bondage …"
)
_SPELLED = re.compile(r"(?:(?:also|often|sometimes|usually)\s+)?(?:spelled|spelt|written)\s")


# A marked word and its translation, ending what an appositive follows.
_TRANSLATION_BEFORE = re.compile(
    r"(?:\*(?P<term>[^*]{2,40})\*|[“\"](?P<quoted>[^”\"]{2,40})[”\"]|(?<![\w’'-])(?P<plain>[\w’'-]{3,40}))"
    r"\s*(?:,\s+or|,|\s[–—])\s+"
    r"(?:the\s+)?[“\"‘](?P<said>[^”\"’]{2,60})[”\"’]$"
)


# Where a gloss holds, between the term and the gloss: "the Mahdi – in Islamic tradition, | a …".
_ASIDE_AFTER_DASH = re.compile(r"\s[–—-]\s+(?:in|for|to|among|according\s+to)\s+[^,–—]{2,40}$")


def _appositive_term(head: str, clause: str) -> tuple[str, tuple[str, ...]]:
    """The term an appositive `clause` follows (`head`, the sentence before it), and its
    other name if a bracket gives one: "the Old Summer Palace (Yuanmingyuan), a vast …"."""
    aliases: tuple[str, ...] = ()
    if other := _OTHER_NAME.search(head):
        head, aliases = head[: other.start()], (other["said"] or other["name"] or other["italic"],)
    elif translated := _TRANSLATION_BEFORE.search(head):
        # "the *pacto del olvido*, or "pact of forgetting", an unwritten agreement …"
        term = translated["term"] or translated["quoted"] or translated["plain"]
        return term, (translated["said"],)  # … or "a Volksraad, or "people's council", an …"
    unbracketed = _without_its_bracket(head)
    if unbracketed is None or _opening_before_someone(unbracketed, clause):
        return "", aliases
    head = unbracketed
    if named := _a_name_with_its_year_or_region(head, clause):
        return named, aliases
    head = re.sub(r"(\b[A-Z][\w’'-]*)\s+of\s+\d{3,4}$", r"\1", head)  # "Velvet Revolution of 1989"
    # … "the Gallic Wars of 58–50 BC, Caesar's conquest of …": the wars, not the era
    head = re.sub(
        r"(\b[A-Z][\w’'-]*)\s+of\s+\d{1,4}(?:\s*[–-]\s*\d{1,4})?\s+(?:BC|BCE|AD|CE)$", r"\1", head
    )
    if titled := _TITLED_HEAD.search(head):  # "Richard, Duke of York, the richest nobleman"
        name, title = (
            re.sub(r"^[A-Z][a-z]+s\s+of\s+", "", titled[1]),
            titled[2],
        )  # not "Supporters of"
        return f"{name}, {title}", ((name,) if " " in name else ())  # not "Richard" alone
    if name_given := _A_NAME_GIVEN.search(head) if _ABOUT_A_NAME.match(clause) else None:
        return name_given[1], aliases  # "called Western Christians | Latins, a name that …"
    term = _phrase_before(head)
    if term and (kind := _KIND_OF_A_NAMED.search(head[: len(head.rstrip()) - len(term)])):
        term = f"{kind[1]} {term}"  # "signed the armistice of Malmö, a seven-month truce …"
    two_names = rf"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+)\s+or\s+(?:the\s+)?{re.escape(term)}\s*$"
    if term[:1].isupper() and (other_name := re.search(two_names, head)):
        return other_name[1], (term,)  # "the Indian Mutiny or the Sepoy Mutiny, names which …"
    if clause.startswith("or ") and not term and head.strip():
        term = head.split()[-1]  # "repealed, or cancelled,": a word glossed
    return _one_of_the_term(term, clause), aliases


# An office or a battle of a place or a body, and an appositive that says what the place or
# the body is: "became Governor of New South Wales, the British colony in Australia" (New South
# Wales), "President of the Royal Society, Britain's leading scientific society", "the Battle
# of Metemma, on the border with Sudan" — not "Governor of Bengal, a post he held …".
_AN_OFFICE_OR_BATTLE_OF = re.compile(
    r"(?:President|Governor(?:-General)?|Viceroy|Secretary|Minister|Mayor|Bishop|Archbishop|"
    r"Chancellor|Director|Chairman|Battle|Siege)\s+of\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,4})$"
)
_WHAT_THE_PLACE_IS = re.compile(  # … its head: not "a five-month struggle for the city"
    r"(?:(?:a|an|the|[A-Z][\w’'-]*[’']s)\s+"
    r"(?:(?!(?:of|for|in|on|at|to|from|with|by|the|a|an|who|whose|which|that)\b)[\w’'-]+\s+)"
    r"{0,3}?(?:colony|society|country|"
    r"kingdom|state|province|city|town|region|island|company|bank|party|organi[sz]ation|"
    r"association|agency|body|university|college|academy|league|union|republic|empire|"
    # … the head, what the phrase ends with or what follows it: not "a trade union leader"
    r"territory|federation)(?=\s*(?:$|[,;.)]|\s(?:in|of|on|at|for|with|that|which|where|"
    r"founded|created|based|whose)\b))|(?:on|in|near|at)\s+the\s+(?:border|coast|edge|banks?)\b)"
)


# A place and the state or country it is in, after a word that says where: "at Rock Springs,
# Wyoming", "reached Reno, Nevada" — an appositive saying what kind of settlement it is is the
# place's, not its region's ("Wyoming: a coal town on the Union Pacific").
_A_PLACE_AND_ITS_REGION = re.compile(
    r"\b(?:at|in|near|from|to|reached|of|outside|into)\s+"
    r"(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}),\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?$"
)
_A_SETTLEMENT = re.compile(
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|port|settlement|fort|camp|station|"
    r"harbou?r|outpost|mission|suburb|hamlet|market\s+town|capital|seaport|trading\s+post)\b"
)


def _a_name_with_its_year_or_region(head: str, clause: str) -> str | None:
    """The name an appositive follows where the words before it are a name and its year ("the
    Compromise of 1850": one word and its year), a place and its region ("at Rock Springs,
    Wyoming, a coal town on …": the town, not Wyoming) or an office of a place or a body."""
    if named_by_its_year := re.search(r"(?<=\bthe\s)[A-Z][\w’'-]*\s+of\s+\d{3,4}$", head):
        return named_by_its_year[0]
    placed = _A_PLACE_AND_ITS_REGION.search(head) if _A_SETTLEMENT.match(clause) else None
    if placed:
        return placed["place"]
    # … or an office of a place or a body: "Governor of New South Wales, the British colony …"
    office = _AN_OFFICE_OR_BATTLE_OF.search(head) if _WHAT_THE_PLACE_IS.match(clause) else None
    return office["name"] if office else None


def _without_its_bracket(head: str) -> str | None:
    """`head` without a bracket or aside after its last word that is not part of the term — a
    year, a gloss ("his nökör (companions), men who …", "the Second Seminole War (1835–1842),
    the …"), a name's English ("Narodna Odbrana ('National Defence'), a society …") — or None
    where the bracket may be the name or its gloss: "the corvus ("raven"), a boarding bridge
    …", "a new tax ('ship money'), a levy …". "The Spanish fleet ('the Armada')" keeps the
    name in its bracket. An aside after a dash goes too: "the Mahdi – in Islamic tradition, a
    redeemer …"."""
    if aside := _ASIDE_AFTER_DASH.search(head):
        head = head[: aside.start()]
    head = re.sub(r"\s*\((?:[a-z][^()]{0,40}|\d{3,4}(?:[–-]\d{2,4})?)\)$", "", head)
    if (quoted := _QUOTED_AFTER.search(head)) is None:
        return head
    named, said = _capitalised(head[: quoted.start()].split()[-1]), quoted["said"]
    if named and _capitalised(said):
        return head[: quoted.start()]
    return head if named or _capitalised(said) else None


_QUOTED_AFTER = re.compile(r"\s*\([“\"‘'](?!the\s)(?P<said>[^()]{1,60})[”\"’']\)$")
# A name given to someone, and an appositive about the name: "The Byzantines often called
# Western Christians Latins, a name that simply meant …" — the name is the term.
_A_NAME_GIVEN = re.compile(
    r"\b(?:called|named|dubbed|nicknamed)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+)+"
    r"(?<=[a-z]s\s)([A-Z][\w’'-]*s)$"  # "Western Christians | Latins", not "Northern | Ireland"
)
_ABOUT_A_NAME = re.compile(r"(?:a|an|the)\s+(?:[a-z]+\s+)?(?:name|nickname|word|term|label)\b")


def _one_of_the_term(term: str, clause: str) -> str:
    """The part of the words read as a term that `clause` is said of: one of two names, a
    word glossed, a place an office is of."""
    pair = re.fullmatch(r"[A-Z][\w’'-]+ and ([A-Z][\w’'-]+)", term) or re.fullmatch(
        r"[A-Z].* and the ([A-Z][\w’'-]*(?: (?:of )?[A-Z][\w’'-]*)*)", term
    )  # "the Sea of Marmara and the Golden Horn, a deep …": the second
    # … or two people of two names or more, and "a …" one of them is: "Granville Sharp and
    # Thomas Clarkson, a Cambridge graduate" (not "Karl Marx and Friedrich Engels, the authors
    # of …", "the French and Indian War", "Saint Kitts and Nevis": one name)
    two = (
        r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+ and "
        rf"((?:(?:[A-Z][\w’'.-]*|{_PARTICLE})\s+)+[A-Z][\w’'-]+)"
    )
    if not pair and re.match(r"an?\s", clause) and not _ONE_NAME_WITH_AND.search(term):
        pair = re.fullmatch(two, term)
    if pair and re.match(r"(?:the|a|an)\s", clause):
        term = pair[1]  # "Maya and Nahuatl, the language of the Mexica": one of the two
    if _A_WORD.match(clause) and term[:1].islower() and " " in term:
        term = term.split()[-1]  # "grant them volia, a Russian word that means …": the word
    if _A_PLACE_KIND.match(clause) and (office := _AN_OFFICE_OF.fullmatch(term)):
        term = office[1]  # "Governor-General of Zhili, the province around Beijing": the place
    return term


# What an appositive says a place is: "the province around Beijing", "a port on the Red Sea".
_A_PLACE_KIND = re.compile(
    r"(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:province|region|city|town|port|island|river|"
    r"district|territory|village|valley|county|state)\b(?![’'])"  # not "the county's landowner"
)
_AN_OFFICE_OF = re.compile(
    r"(?:[A-Z][\w’'-]*\s+)*(?:Governor(?:-General)?|Viceroy|Duke|Duchess|Earl|Count|Bishop|"
    r"Archbishop|Prince|Princess|King|Queen|Lord|Mayor|Emperor|Sultan|Khan|Shah|Nawab|Raja|"
    r"Prefect|Margrave|Elector|Marquis)\s+of\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
)


# A thing named by its kind, lower-case, and a place: "the armistice of Malmö".
_KIND_OF_A_NAMED = re.compile(
    r"\bthe\s+((?:armistice|treaty|battle|siege|peace|edict|diet|congress|truce|convention|"
    r"capitulation|partition|sack|massacre)\s+of)\s+$"
)
# An appositive that says the words before it are a word: "volia, a Russian word that …".
_A_WORD = re.compile(r"(?:a|an|the)\s+(?:[A-Z][\w-]*\s+)?(?:word|term)\b")


def _meaning(sentence: str, m: re.Match[str], term: str) -> tuple[str, str]:
    """The term and gloss of "…, meaning …": "the members suffragettes, meaning …" glosses
    one word; "the phrase sulh-i kul, meaning peace with all" the phrase; a quoted gloss is
    taken whole ("meaning “whose realm, his religion”")."""
    clause = m["clause"].removeprefix("meaning ")
    if not term and (word := re.search(r"\b([a-z]{4,})\s*$", sentence[: m.start()])):
        term = word[1]  # "to be expropriated, meaning taken over by the state"
    last = term.split()[-1] if term else ""
    quoted = re.search(r"[”\"’*]\s*$", sentence[: m.start()])  # "capitalist roaders", meaning
    # … or a name given: "what they called godly law, meaning the justice of God's word"
    named = (
        term
        and re.search(  # … "called him the Sahib al-Zanj", "call this reform …"
            rf"\b(?:call|called|termed|dubbed|{KNOWN_AS})\s+(?:\S+\s+){{0,2}}?(?:the\s+)?"
            rf"{re.escape(term)}\s*$",
            sentence[: m.start()],
        )
    )
    kind = rf"(?:\b(?:this|these|that|his|her|its|their)|[’']s)\s+{re.escape(term)}\s*$"
    if named and " " in term and re.search(kind, sentence[: m.start()]):
        term = term.split(" ", 1)[1]  # "call this reform | haihan chiken", "call the WSPU's
        # members | suffragettes": the name, not its kind
    whole = sentence[: m.start()].strip() == term  # "Annual parliaments, meaning …"
    # … "a sea-level canal, meaning a channel cut …": a compound's first word is its own, and
    # so is "the right of abode, meaning …"'s "right of" (not "a system of | apartheid", and
    # not all of `_OF_HEADS`: "the doctrine of ahimsa, meaning non-violence" glosses "ahimsa")
    whole = whole or bool(
        re.fullmatch(
            r"[a-z]+-[a-z]+\s+[a-z]+|[a-z]+(?:al|ic|ive|ous)\s+[a-z]+|"
            r"(?:right|rights|freedom|rule|balance|separation|oath|fixity)\s+of\s+[a-z]+",
            term,
        )
    )
    # … and two words after "the" or "was" are one phrase: "The liquor trade, meaning the
    # brewers …", "The emperor's title was negusa nagast, meaning "king of kings"" (not "the
    # Latin fenestra, meaning window": a language's word)
    phrase = (
        len(term.split()) == 2
        and term.islower()
        and re.search(
            rf"(?:^|\b(?:[Tt]he|was|were|is|are))\s+{re.escape(term)}\s*$", sentence[: m.start()]
        )
    )
    whole = whole or bool(phrase)
    term = term if quoted or named or whole or (term[:1].isupper() and _capitalised(last)) else last
    if glossed := _GLOSSED.search(sentence[: m.start()]):
        term = glossed["term"]
    if quoted := re.match(r"[“\"]([^”\"]{2,120})[”\"]", sentence[m.start("clause") + 8 :]):
        clause = quoted[1]
    return term, re.sub(r"^that\s+", "", clause)


# What a gloss after "meaning" explains: "the phrase sulh-i kul", "the principle of cuius
# regio, eius religio".
_GLOSSED = re.compile(
    r"\b(?:phrase|word|words|term|name|nickname|motto|slogan|principle\s+of|idea\s+of|"
    r"policy\s+of)\s+"
    r"(?P<term>[^\s,;:()]+(?:\s+[^\s,;:()]+){0,3}(?:,\s+[^\s,;:()]+(?:\s+[^\s,;:()]+){0,3})?)$"
)


def _other_names(found: list[Definition]) -> list[Definition]:
    """ "the Hansetag, or diet, a gathering of …": (Hansetag, diet) and (diet, a gathering
    …) read as one term with another name, (Hansetag, a gathering …, (diet,))."""
    merged: list[Definition] = []
    for term, definition, aliases in found:
        if merged and merged[-1][1] == term and len(term.split()) <= 3:
            named = merged.pop()
            merged.append((named[0], definition, (*named[2], term)))
        else:
            merged.append((term, definition, aliases))
    return merged


# Between dashes, what a noun phrase is: "matchlocks – early muskets fired by … –",
# "quarantine – keeping people who might carry a disease apart –"; not a clause ("– he said –").
_DASHED = re.compile(
    r"(?:\s[–—]\s|—)(?P<clause>(?!(?:and|but|or|so|then|when|while|as|if|though|although|not|"
    r"never|he|she|it|they|we|i|you|who|whose|whom|where|which|that|there|this|these|those|in|"
    r"on|at|by|for|"
    r"with|from|to|of|after|before|until|over|under|into|across|through|towards|during|perhaps|"
    r"probably|possibly|including|such|especially|"
    r"notably|particularly|mainly|mostly|chiefly|the\s+so-called|[a-z]+ed(?!\s+[a-z]+s\b)|"
    + _IRREGULAR
    + r")\b)"
    r"(?:[a-z]|(?:a|an|the)\s|[A-Z][a-z]+\s+(?=who|which|that)|"
    # … a possessive name: "The Japanese occupation – Japan's rule of Hong Kong from … –"
    r"[A-Z][a-z]+[’']s\s+(?=[a-z]+\s+(?:of|over|in|at|on|for|from)\s)|"
    # … another name, then what it is: "Alta California — Upper California, Mexico's …"
    r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*,\s+(?=[A-Z][\w’'-]*[’']s\s|(?:a|an|the)\s))"
    r"(?:[^–—;:()]|\([^()]{1,40}\)){3,200}?)"
    # … or a semicolon before the next word glossed: "purple – the colour of …; burial-shroud – …"
    r"(?:\s[–—]\s|—|(?=\.$|$)|(?=;\s+[\w’'-]+(?:\s+[\w’'-]+)?\s[–—]\s))"
)
# After a colon, what the noun phrase before it is: "a pandemic: an epidemic that crosses …".
_COLON = re.compile(
    # … a plural after its adjective too: "squatter settlements: crowded huts of wood …"
    r":\s+(?P<clause>(?:(?:a|an|the)\s(?![A-Z])|"
    # "… were unionists: they wanted to keep the union", a plural's "they" and what they did
    rf"they\s+(?=(?:[a-z]{{3,}}ed|{_IRREGULAR})\s)|"
    # … "Californios: Spanish-speaking settlers of Mexican descent"
    r"(?:(?:[a-z]+(?:ed|al|ous|ful|ic|ive|y)|[A-Z][a-z]+-[a-z]+)\s+)?[a-z]+s\s+"
    r"(?=(?:[a-z]+ed\s+(?:by|on|in|to|with|"
    r"from|at|for|against|upon)|who|which|that|of)\b)|"
    r"[a-z][\w-]*\s+[a-z]+\s+(?=[a-z]+ed\s+(?:with|by|from|in|into)\b)|"
    # "quotas for grain procurement: compulsory deliveries to the state at …", "These towns
    # were oases: fertile places in the desert where …"
    rf"{_NOT_A_NOUN}(?![^;:]*\s+and\s+[a-z]+s\s+(?:from|of|in|to)\b)"  # not "silks from …
    # and spices from …": a list
    rf"(?:[a-z][\w-]*\s+){{0,2}}[a-z]+s\s+(?=(?:in|to|for|where|from)\s))"
    r"[^;:]{3,200}?)(?=[;.]$|$)"
)


# "the dispensing power, that is, the Crown's claim to exempt …"
_THAT_IS = re.compile(
    r",\s+(?:that\s+is|i\.e\.|in\s+other\s+words),?\s+(?:with\s+)?(?P<clause>[^;:()]{3,200}?)"
    r"(?=,|;|\.$|$)"
)
# "seven prominent men – the so-called Immortal Seven, among them …"
_SO_CALLED = re.compile(
    r"(?P<head>[^,;:–—]{3,80}?)\s*(?:[–—]|,)\s*the\s+so-called\s+"
    r"(?P<term>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})"
)


# A word in italics or quotation marks and its translation in quotation marks: "the
# *Kanalkampf*, or "Channel battle"", "the German word *Blitzkrieg*, "lightning war"", "the
# quinto real or 'royal fifth'".
_TRANSLATED = re.compile(
    r"(?:(?P<marked>\*[^*]{2,40}\*|[“\"‘][^”\"’]{2,40}[”\"’])"
    r"(?:,\s+(?:or\s+|the\s+|literally\s+(?:an?\s+|the\s+)?|which\s+(?:is|means)\s+(?:[A-Z][a-z]+\s+for\s+)?|"
    r"(?:usually|often)\s+translated\s+as\s+)?|\s+or\s+|\s[–—-]\s+)|"
    r"(?<![\w’'-])(?P<plain>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?),?\s+or\s+|"
    # "the Sans-culottes, literally 'without breeches'"
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}),\s+literally\s+)"
    r"(?P<quote>[“\"‘'])(?P<gloss>[^”\"’']{2,60}?)[”\"’']"
)


# A word in italics or quotation marks and, after a comma, a bare noun phrase saying what it
# is: "*Generalísimo*, supreme commander of all their forces".
_MARKED_GLOSS = re.compile(
    r"(?P<term>\*[^*]{2,40}\*|[“\"][^”\"]{2,40}[”\"]|(?<!\w)[‘'][^’'\n]{2,40}[’']),\s+"
    r"(?P<clause>(?!(?:and|but|or|which|who|whom|that|the|a|an|when|where|while|he|she|it|they|we|"
    r"I|you|his|her|its|their|as|in|on|at|by|for|with|from|to|of|not|so|then|now|also)\b)"
    r"[a-z][a-z-]+(?:\s+[a-z][\w’'-]*){1,12})(?=[,;.]|$)"
)


def _marked_gloss(sentence: str) -> list[Definition]:
    """ "*Generalísimo*, supreme commander of all their forces" → (Generalísimo, supreme …)."""
    found: list[Definition] = []
    for m in _MARKED_GLOSS.finditer(sentence):
        clause = m["clause"]
        if _TRANSLATION_BEFORE.search(sentence[: m.end("term")]):
            continue  # "the *grands blancs* – the "big whites", rich planters …": a translation
        main = re.sub(r"\b(?:which|who|whom|that|whose)\b.*", "", clause)
        participle = r"^[a-z]+ed\s+(?=(?:across|by|from|with|in|on|to|into|for|of|at|over|under)\b)"
        if not re.match(participle, main) and _a_verb_in(main):
            continue  # "…", said the minister: a clause; but "'blown from guns', tied across …"
        if definition := _clause(clause):
            found.append((m["term"], definition, ()))  # marked: `defined_terms` strips it
    return found


def _translated(sentence: str) -> list[Definition]:
    """ "the *Kanalkampf*, or "Channel battle"" → (Kanalkampf, Channel battle)."""
    found: list[Definition] = []
    for m in _TRANSLATED.finditer(sentence):
        if re.search(r"\b(?:meaning|means|meant|translated\s+as)\s+$", sentence[: m.start()]):
            continue  # "the Arabic word sahil, meaning "shore" or "coast"": glosses, no term
        term = (m["marked"] or m["plain"] or m["name"]).strip('*“”"‘’')
        if m["plain"] and (term in _NOT_IN_TERM or term.split()[0] in _NOT_IN_TERM):
            continue
        passive = re.search(r"\b(?:was|were|is|are|been|be|being)\s+$", sentence[: m.start()])
        if m["plain"] and " " in term and passive and _HAS_VERB.fullmatch(term.split()[0]):
            term = term.split()[1]  # "he was proclaimed | chakravartin, or "universal monarch""
            # (not "bound feet, or 'golden lilies'")
        if len(term.split()) <= 4 and (definition := _clause(m["gloss"], short=True)):
            found.append((term, definition, ()))
    return found


# A plain word or name and, after a comma, its meaning in quotation marks: "Constantinople, 'the
# city of Constantine', stood …", "addressed as wansui, 'ten thousand years', a form of …".
_QUOTED_GLOSS = re.compile(
    r"(?<![*”\"’'])(?<!\*\s),\s+(?P<the>the\s+)?[‘“\"'](?P<gloss>[^”\"’'.!?,]{2,60})[”\"’']"
    r"(?=\s*(?:[,;.)]|\s[–—]|$))"
)
_SAYING = re.compile(
    r"\b(?:said|says|say|wrote|writes|declared|announced|proclaimed|cried|shouted|asked|replied|"
    r"added|told|warned|insisted|argued|answered|called\s+out|recalled|remarked)\s*$"
)


_NAME_MEANS = re.compile(
    r",\s+(?P<the>)whose\s+(?:name|title)\s+(?:means|meant|translates\s+as|is\s+[A-Z][a-z]+\s+for)\s+"
    r"[‘“\"'](?P<gloss>[^”\"’'.!?,]{2,60})[”\"’']"
)


# A work named after its kind: "he finally read a Christian pamphlet, Good Words for Exhorting
# the Age."
_WORK_NAMED = re.compile(
    r"\b(?P<kind>(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:pamphlet|book|novel|poem|newspaper|play|"
    r"treatise|song|manifesto|essay|painting|film|tract|journal|magazine|opera|hymn|ballad|"
    r"report|memoir|chronicle|epic|anthem)),\s+(?P<term>[A-Z][^,;.]{2,60}?)(?=[.;]$|$)"
)


def _work_named(sentence: str) -> list[Definition]:
    """ "a Christian pamphlet, Good Words for Exhorting the Age." → (Good Words …, a
    Christian pamphlet)."""
    found: list[Definition] = []
    for m in _WORK_NAMED.finditer(sentence):
        if (definition := _clause(m["kind"], short=True)) is not None:
            found.append((m["term"], definition, ()))
    return found


def _quoted_gloss(sentence: str) -> list[Definition]:
    """ "they called themselves Rhomaioi, 'Romans'" → (Rhomaioi, Romans), "Hagia Sophia, whose
    name means 'Holy Wisdom'" → (Hagia Sophia, Holy Wisdom); not what was said ("Luther
    wrote, 'Here I stand'")."""
    found: list[Definition] = []
    for m in (*_QUOTED_GLOSS.finditer(sentence), *_NAME_MEANS.finditer(sentence)):
        head = sentence[: m.start()]
        if _SAYING.search(head):
            continue
        term = _phrase_before(head)
        if not term or (m["the"] and term[:1].islower()) or term.split()[-1] in _NAMING_NOUNS:
            continue  # "its formation, the "horns of the buffalo"", "the slogan, "…"": a name
        if len(term.split()) <= 4 and (definition := _clause(m["gloss"], short=True)):
            found.append((term, definition, ()))
    return found


# A way of acting and, after a comma, what doing it meant: "Its fighters used guerrilla tactics,
# moving in small bands and relying on ambushes", "fought a war of attrition, trying to kill …".
_METHOD = re.compile(
    r"\b(?:used|use|uses|adopted|employed|fought|waged|wage|offer|offered|practised|practiced|"
    r"pursued|followed|relied\s+on|turned\s+to|resorted\s+to)\s+(?:a\s+|an\s+)?"
    r"(?P<term>(?!(?:the|this|that|these|those|their|his|her|its|our|some|many)\b)"
    r"[a-z][a-z-]+(?:\s+(?:of\s+)?[a-z][a-z-]+){0,2}),\s+"
    r"(?P<clause>[a-z]{3,}ing\b[^;:]{3,200}?)(?=[;.]$|$|,\s+(?:and|but)\s)"
)


def _method(sentence: str) -> list[Definition]:
    """ "American commanders fought a war of attrition, trying to kill enemy soldiers faster
    than they could be replaced" → (war of attrition, trying to kill …)."""
    found: list[Definition] = []
    for m in _METHOD.finditer(sentence):
        if len(m["term"].split()) >= 2 and (definition := _clause(m["clause"])):
            found.append((m["term"], definition, ()))
    return found


# "The "Red Summer" of 1919 took its name from the blood spilled that year, …"
# A movement's followers by what they believed: "Anarcho-syndicalists believed that society
# should be run by workers' unions rather than by any state."
_BELIEVED = re.compile(
    r"^(?:The\s+)?(?P<term>[A-Z][\w-]*(?:ists|ites|ians))\s+"
    r"(?P<clause>(?:believed|argued|held|wanted|insisted|demanded)\s+that\s[^;:]{5,200}?)(?=[;.]$|$)"
)
# "Perestroika means restructuring."
_MEANS = re.compile(
    r"^(?:[^;:]*,\s+and\s+)?(?!(?:This|That|It|These|Those|Which|What)\b)(?:The\s+)?"
    # … or a quoted word after its kind: "Husák's policy of 'normalisation' meant restoring …"
    r"(?:[A-Z][\w’'-]*[’']s\s+)?(?:(?:policy|idea|principle|doctrine|notion)\s+of\s+)?"
    r"(?P<term>\*[^*\s]+\*|[A-Z][\w-]*|(?<=of\s)[‘'][a-z][\w-]*[’'])\s+"
    r"(?:means|meant|signifies|signified)\s+(?!that\b)[“\"‘']?(?P<clause>[^;:“”\"‘’']{2,120}?)[”\"’']?"
    r"(?=;|[.]$|$)"
)
# "To extirpate means to destroy completely, to root out.", "'Under seventy' means everyone
# younger than seventy" (a quoted phrase of a source the text quotes)
_TO_DO_MEANS = re.compile(
    # … what a word means, not what doing a thing meant then ("To fail meant to starve")
    r"^(?:To\s+(?P<verb>[a-z][\w-]*(?:\s+(?:out|up|off|down|in|back|over))?)\s+means\s+"
    # … a phrase of a word or two, not a slogan or an answer ("'Remember the Alamo' meant
    # revenge", "'Yes' meant war"), nor what it meant to people ("'Liberty' meant different
    # things to different people")
    r"(?=to\s)|[‘“\"'](?P<quoted>(?!(?i:yes|no)[’”\"'])[A-Za-z][\w’-]*(?:\s+[\w’-]+)?)[’”\"']\s+"
    r"(?:means|meant)\s+(?!(?:that|different|many|much|little|more|less|nothing|something|"
    r"everything|so|very|too|a\s+lot)\b)(?=\S+\s))"
    # … said by someone: "… meant freedom from taxes, Adams argued"
    r"(?![^;]*,\s+(?:the\s+)?[\w’'-]+\s+(?:argued|said|wrote|claimed|insisted|declared|believed|"
    r"thought|feared)\b)"
    r"(?P<clause>[^;:“”\"‘’]{2,120}?)(?=;|[.]$|$)"
)
_STOOD_FOR = re.compile(
    r"^(?:The\s+)?(?P<term>[A-Z][\w-]*)\s+(?:stood|stands)\s+for\s+(?P<clause>[^;:]{3,120}?)(?=[;.]$|$)"
)
_NAME_FROM = re.compile(
    r"^(?P<head>[^,;:]{2,80}?)(?:\s+(?:of|in)\s+\d{4})?\s+"
    r"(?P<clause>(?:took|takes|gets|got|draws|drew|owes|owed)\s+(?:its|their|his|her)\s+name\s+"
    r"from\s+[^;]{3,200}?)(?=[;.]$|$)"
)


# "The word jihad means struggle", "The term apartheid refers to a system of …"
_THE_WORD_MEANS = re.compile(
    r"^The\s+(?:word|term|name|phrase|expression)\s+(?!\w+ly\s)"
    r"(?P<term>[^\s,;:]+(?:\s+[^\s,;:]+){0,3}?)(?:,\s+[^,;:]{3,60},)?\s+(?:[a-z]+ly\s+)?"
    # … "The word mamluk is Arabic and means …": the language it is from, then what it means
    r"(?:(?:is|was|comes\s+from|came\s+from)\s+(?:an?\s+)?[A-Z][a-z]+(?:\s+word)?,?\s+and\s+)?"
    r"(?:means|meant|refers\s+to|referred\s+to|describes|described|denotes|denoted)\s+"
    r"(?P<clause>[^;:]{3,200}?)(?=[;.]$|$)"
)


# An article of a law, or a law, by what it did: "Article 27 declared that the land … belonged
# to the nation", "Military: the General Service Enlistment Act of 1856 required …".
_ARTICLE_DID = re.compile(
    r"^(?:[A-Z][a-z]+:\s+)?(?:[Tt]he\s+)?"
    r"(?P<term>(?:Article|Clause|Section|Amendment)\s+\d+[A-Z]?|"
    r"(?:[A-Z][\w’'-]*\s+(?:of\s+)?){1,5}(?:Act|Law|Edict|Decree|Ordinance|Statute|Bill))"
    r"(?:\s+of\s+(?:the\s+[A-Z][^,]{2,40}?|\d{4}))?\s+"
    r"(?P<clause>(?:declared|gave|allowed|stated|guaranteed|granted|banned|forbade|required|"
    r"abolished|established|created|provided|promised|protected|limited|ordered|transferred|"
    r"ended|introduced|imposed|restricted|replaced|forced|outlawed|made)\b"
    r"[^;]{5,300}?)(?=[;.]$|$)"
)
# "By the Treaty of Troyes in 1420 Charles VI disinherited his son, …": what the treaty did.
_BY_THE_TREATY = re.compile(
    r"^(?:In\s+\d{3,4},\s+)?(?:[Bb]y|[Uu]nder)\s+the\s+"  # "In 1585, by the Treaty of Nonsuch, …"
    r"(?P<term>(?:Treaty|Peace|Edict|Agreement|Convention|Compromise)\s+of\s+"
    r"[A-Z][\w’'-]*(?:[-\s][A-Z][\w’'-]*){0,2})"
    r"(?:,?\s+(?:signed\s+)?(?:of|in|on)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{3,4})?,?\s+"
    rf"(?P<clause>[A-Za-z](?=[^;.]*\b(?:[a-z]+ed|{_IRREGULAR})\b)[^;]{{5,300}}?)(?=[;.]$|$)"
)
# A named operation by what happened in it: "In April 1953 sick and wounded prisoners were
# exchanged in Operation Little Switch."
_IN_OPERATION = re.compile(
    r"^(?:(?:In|On|By|From)\s+[^,]*?\d{4},?\s+)?(?P<clause>[A-Za-z](?:[^,;:]|,(?=\d)){10,200}?)\s+in\s+"
    r"(?P<term>Operation\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})(?=[,;.]|\s+which\b|$)"
)
# "Under what later came to be called the millet system, each religious community ran …"
_UNDER_WHAT = re.compile(
    r"^(?:Under|In|Through)\s+what\s+(?:[a-z]+\s+){0,4}(?:called|known\s+as|termed)\s+"
    r"(?:the\s+)?(?P<term>[^,;:]{2,60}?),\s+(?P<clause>[^;:]{10,300}?)(?=[;.]$|$)"
)


def _name_from(sentence: str) -> list[Definition]:
    """ "The "Red Summer" of 1919 took its name from the blood spilled …" → (Red Summer, took
    its name from …)."""
    if (
        said := _THE_WORD_MEANS.match(sentence)
        or _STOOD_FOR.match(sentence)
        or _BELIEVED.match(sentence)
        or _MEANS.match(sentence)
        or _TO_DO_MEANS.match(sentence)
        or _ARTICLE_DID.match(sentence)
        or _BY_THE_TREATY.match(sentence)
        or _IN_OPERATION.match(sentence)
        or _UNDER_WHAT.match(sentence)
    ):
        # … to its end: "means empire, | but Hitler used it to mean much more"
        definition = _clause(re.split(r",\s+but\s", said["clause"])[0], short=True)
        named = said["term"] if "term" in said.re.groupindex else said["verb"] or said["quoted"]
        term = named.strip("*“”\"‘’'")
        return [(term, definition, ())] if definition else []
    if (m := _NAME_FROM.match(sentence)) is None:
        return []
    term, definition = _phrase_before(m["head"]), _clause(m["clause"])
    if re.fullmatch(r"(?:The|This|That)\s+[a-z]+", m["head"].strip()):
        return []  # "The rifle took its name from …": the one the text has just named
    return [(term, definition, ())] if term and definition else []


def _that_is(sentence: str) -> list[Definition]:
    """ "the Old Style, that is, according to the Julian calendar" → (Old Style, …)."""
    found = _noun_phrase_before(sentence, _THAT_IS)
    for m in _GLOSSED_PARTICIPLE.finditer(sentence):
        if definition := _clause(m["clause"], short=True):
            found.append((m["term"], definition, ()))
    return found


# A verb's participle glossed after it: "were evicted, that is, legally forced out of their
# homes", "had been devalued, meaning its value was lowered against other currencies".
_GLOSSED_PARTICIPLE = re.compile(
    r"\b(?:was|were|be|been|being|is|are)\s+(?:[a-z]+ly\s+)?(?P<term>[a-z]{3,}ed),\s+"
    r"(?:that\s+is,?\s+(?=(?:[a-z]+ly\s+)?[a-z]{3,}ed\b)|"
    # "devalued, meaning its value was lowered", not "defeated, meaning the war was over"
    r"meaning\s+(?=(?:its|their|his|her|that\s+(?:it|they))\s|(?:[a-z]+ly\s+)?[a-z]{3,}ed\b|to\s))"
    r"(?P<clause>[^;:()]{3,120}?)(?=,|;|\.$|$)"
)


def _so_called(sentence: str) -> list[Definition]:
    """ "seven prominent men – the so-called Immortal Seven" → (Immortal Seven, seven …)."""
    found: list[Definition] = []
    for m in _SO_CALLED.finditer(sentence):
        if definition := _clause(m["head"].strip(), short=True):
            found.append((m["term"], definition, ()))
    return found


# A verb glossed between dashes or after "or": "order a squadron to scramble – to take off
# immediately –".
_GLOSSED_VERB = re.compile(
    r"\bto\s+(?P<term>[a-z][a-z-]{2,}(?:\s+(?:out|up|off|down|in|back|over))?)\s*(?:\s[–—]\s|—|,\s+or\s+)"
    r"(?P<clause>to\s+[a-z][^–—;:(),]{3,80}?)\s*(?:\s[–—]\s|—|,|(?=\.$|$))"
)


def _dashed(sentence: str) -> list[Definition]:
    """ "matchlocks – early muskets fired by lowering a slow-burning cord onto the powder –" →
    (matchlocks, early muskets …); not "the Regiment – the "Hellfighters", as the unit became
    known –", a name for what is before (`_as_known`); nor a key line's name with another
    in brackets, "Wahunsenacawh (Powhatan) – paramount chief of …" (`_key_line`)."""
    if (line := _KEY_LINE.fullmatch(sentence.strip())) and re.search(
        r"[^\W\d]{2}", line["other"] or ""
    ):
        return []  # (but "Somme (1916) – …" keeps its year out of the name, as here)
    found = _noun_phrase_before(sentence, _DASHED)
    found = [
        f
        for f in found
        if not re.search(r"\bas\s[^,;]*\b(?:known|called)\b", f[1])
        # "… went to Manchus – people mockingly called it …": a name for what is before
        and not _CALLED_IT.search(f[1])
        # … or what they call what is told before: "like a liquid – geologists call this
        # liquefaction –" (`_named_for_what_was_told`)
        and not re.match(r"(?:[a-z]+\s+){1,2}call\s+this\b", f[1])
        # "living as a Christian – crypto-Judaism, as historians call it –": a word for all
        # that is told before (but "the German Peasants' War – the *Bauernkrieg*, as Germans
        # call it –" gives the war's other name)
        and not re.match(r"[a-z][\w-]*,\s+as\s+[a-z]+\s+call\s+it\b", f[1])
        # "Chinese, Tamil and Persian – offering gifts …", "the sea – the kala pani or
        # 'black water' –": what they did, or a name and its translation
        and not re.fullmatch(r"[A-Z][\w’'-]* and [A-Z][\w’'-]*", f[0])
        and not re.fullmatch(rf"(?:the\s+)?(?:{_TRANSLATED.pattern})", f[1])
        # "the merchants – many of them Muslims –": some of them, not what they are
        and not re.match(r"(?i:many|most|some|all|few|none|several)\s+of\s+them\b", f[1])
        # "… spread by the Aedes aegypti mosquito – a theory confirmed by …": said of the claim
        and not _A_CLAIM.match(f[1])
        # "some 8,000 to 10,000 men — the figures vary —": said of the count
        and not _A_HEDGE.match(f[1])
    ]
    found = [_the_name_said(term, said, aliases) for term, said, aliases in found]
    found = [
        (term, said, _another_name(said) or aliases)
        for term, said, aliases in found
        # "The Tsar's adviser – Rasputin, a Siberian holy man –": his name and who he was
        # (`_appositives`), not a name for an adviser
        if not (_another_name(said) and not term[:1].isupper())
    ]
    if (line := _KEY_TERM_LINE.match(sentence)) and not found and (said := _clause(line["clause"])):
        found.append((line["term"], said, ()))  # "autocracy – rule by one person …; in Russia, …"
    return found + [(m["term"], m["clause"], ()) for m in _GLOSSED_VERB.finditer(sentence)]


# Those whose word for a thing is a term: "heaps of shell that archaeologists call shellmounds"
# (not the colonists', the villagers' or the Germans' word for it).
_SCHOLARS = (
    r"[a-z]+ologists|historians|scholars|scientists|economists|linguists|geographers|"
    r"astronomers|geologists|physicists|chemists|mathematicians|engineers|lawyers"
)
# Nouns for a people or a body of them, what "the Nabataeans were …" may say they were.
_A_KIND_OF_PEOPLE = (
    r"people|peoples|nation|tribe|tribes|dynasty|family|league|group|sect|order|party|kingdom|"
    r"state|empire|confederation|confederacy|clan|wing|movement|faction|community|caste|"
    r"class|followers|supporters|descendants|inhabitants|rulers|settlers"
)


def _the_name_said(term: str, said: str, aliases: tuple[str, ...]) -> Definition:
    """The name a dash's words say what it is, where it is the word before the dash another
    way: "a noble Nabataean family – the Nabataeans were the Arab people whose capital was
    Petra –" → (Nabataeans, the Arab people …)."""
    m = re.fullmatch(
        r"(?:the\s+)?(?P<name>[A-Z][\w’'-]+)\s+(?:were|was|are|is)\s+(?P<what>"
        # … what they were: "the Arab people whose …", "a league of trading towns", "French
        # Protestants", "descendants of Vikings who …" — not what they were like ("careful
        # builders", "superb horsemen", "feared all over Europe", "better prepared")
        rf"(?:the|a|an)\s+(?!(?:[a-z]+est|best|worst|first|last|most|[a-z]+like|fierce|proud|brave|"
        rf"cruel|savage|great|powerful|mighty|skilled|peaceful|feared)\b)(?:[\w’'-]+\s+){{0,3}}?"
        rf"(?:{_A_KIND_OF_PEOPLE})\b.*|(?:[A-Z][\w’'-]*\s+)+[A-Z][a-z]+s\b.*|"
        r"[A-Z]?[a-z]+s\s+(?:who|that)\s.+|descendants\s+of\s.+|also\s+(?:called|known)\s.+)",
        said,
    )
    if m and re.search(rf"\b{re.escape(m['name'][:5])}", term) and (what := _clause(m["what"])):
        return m["name"], what, aliases
    return term, said, aliases


_A_HEDGE = re.compile(
    r"(?:the\s+)?(?:figures|numbers|estimates|sources|accounts|reports|dates)\s+"
    r"(?:vary|differ|disagree|conflict|are\s+(?:disputed|uncertain|unclear))\b|"
    r"(?:historians|scholars)\s+(?:disagree|differ)\b"
)
_CALLED_IT = re.compile(r"\b(?:called|named|dubbed|nicknamed)\s+(?:it|them|this|these|him|her)\b")
# A name for what the sentence told before it: "Strikers went from mill to mill pulling the
# plugs out of the boilers, so the disturbances became known as the Plug Plot riots"; "… a new
# cabinet in which most posts went to Manchus – people mockingly called it the "princes'
# cabinet"".
_SO_NAMED = re.compile(
    r"^(?P<told>[^;:]{20,}?),\s+(?:and\s+)?so\s+(?:the\s+[a-z]+|it|they|these|this)\s+"
    rf"(?:became|were|was)\s+(?:later\s+|soon\s+)?(?:{KNOWN_AS}|called)\s+(?:the\s+)?"
    r"(?P<term>\*{1,2}[^*]{2,60}\*{1,2}|[“\"‘][^”\"’]{2,60}[”\"’]|[A-Z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,4})"
    r"\s*[.!]?$"
)
_CALLED_IT_AFTER_A_DASH = re.compile(
    r"(?P<told>[^–—;:]{10,}?)\s[–—-]\s+(?:[A-Za-z]+\s+){1,2}?(?:[a-z]+ly\s+)?"
    r"(?:called|dubbed|nicknamed)\s+(?:it|them)\s+(?:the\s+)?"
    r"(?P<term>[“\"‘][^”\"’]{2,60}[”\"’]|\*[^*]{2,60}\*)"
)


def _named_for_what_was_told(sentence: str) -> list[Definition]:
    """(Plug Plot riots, Strikers went from mill to mill …) for "…, so the disturbances became
    known as the Plug Plot riots"; (princes' cabinet, a new cabinet in which …) for "… – people
    mockingly called it the "princes' cabinet"" — a name given to what the words before told."""
    if so := _SO_NAMED.match(sentence):
        told = re.sub(r"^(?:In|On|By)\s+[^,]*?\d{3,4},?\s+", "", so["told"])
        definition = _clause(told)
        return [(so["term"].strip('*“”"‘’'), definition, ())] if definition else []
    if (called := _CALLED_IT_AFTER_A_DASH.search(sentence)) is None:
        return []
    told = called["told"]
    start = _noun_phrase_start(told)
    definition = _clause(told[start:]) if start is not None else None
    return [(called["term"].strip('*“”"‘’'), definition, ())] if definition else []


def _another_name(said: str) -> tuple[str, ...]:
    """The name a definition between dashes opens with: "Upper California, Mexico's …"."""
    named = re.match(r"((?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*),\s", said)
    listed = re.search(r"\band\s+(?:the\s+)?[A-Z]", said)  # "Britain, the USA and the …"
    return (named[1],) if named and not listed else ()


# A key term's line that goes on after its definition: "autocracy – rule by one person with
# unlimited power; in Russia, the tsar".
_KEY_TERM_LINE = re.compile(
    r"(?P<term>(?:[^\s–—;:,.]+\s){0,3}[^\s–—;:,.]+)\s[–—]\s"
    r"(?P<clause>(?:a|an|the|[a-z])[^–—;:]{3,200}?)\s*;\s"
)


# A term in quotation marks or italics, and after a colon what it stands for: "the "Four
# Olds": old customs, old culture, old habits and old ideas".
_MARKED_COLON = re.compile(
    # … a word set in bold or italics needs no "the": "many of them were **serfs**: peasants …"
    r"(?:\b[Tt]he\s+[“\"‘](?P<quoted>[^“”\"‘’]{2,40})[”\"’]|(?:\b[Tt]he\s+)?\*(?P<italic>[^*]{2,40})\*|"
    # … or a slogan in single quotes after a verb: "was 'socialism with a human face':
    # Communism that people supported willingly"
    r"\b(?:was|is|were|are|called|of)\s+[‘'](?P<single>[^‘’'.]{2,40})[’']):\s+"
    r"(?P<clause>(?!(?i:he|she|it|they|we|I|you|this|that|there|the|in|on|at|by)\b)[A-Za-z]"
    r"[^;:]{3,200}?)(?=[;.]$|$)"
)
# "…, putsch being the German word for a sudden attempt to seize power by force"
_BEING_THE_WORD = re.compile(
    r"(?:^|,\s+)(?P<term>[\w’'-]+(?:\s+[\w’'-]+)?)\s+being\s+(?:the|a)\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:word|term|name)\s+for\s+(?P<clause>[^,;:]{3,200}?)(?=[,;.]|$)"
)


# What a policy or principle is, after a colon: "a policy of non-intervention: every European
# power would promise not to send arms to either side".
_POLICY_COLON = re.compile(
    r"\b(?:policy|principle|doctrine|idea|system)\s+of\s+(?P<term>[a-z][\w-]+(?:\s+[a-z][\w-]+)?):\s+"
    r"(?P<clause>[^;:]{10,200}?)(?=[;.]$|$)"
)


def _colon(sentence: str) -> list[Definition]:
    """ "It was a pandemic: an epidemic that crosses borders" → (pandemic, an epidemic …)."""
    found = [] if _SAYS_WHAT_THIS_IS.match(sentence) else _noun_phrase_before(sentence, _COLON)
    for m in _MARKED_COLON.finditer(sentence):
        if definition := _clause(m["clause"]):
            found.append((m["quoted"] or m["italic"] or m["single"], definition, ()))
    for m in [*_BEING_THE_WORD.finditer(sentence), *_POLICY_COLON.finditer(sentence)]:
        if definition := _clause(m["clause"], short=True):
            found.append((m["term"], definition, ()))
    gloss = _GLOSS_LINE.match(sentence)
    if (
        gloss
        and not found
        and _a_gloss(gloss["term"], gloss["clause"])
        and (definition := _clause(gloss["clause"], short=True))
    ):
        found.append((gloss["term"], definition, ()))
    return found


def _a_gloss(term: str, clause: str) -> bool:
    """Whether "term: clause" is a key term and its meaning — not a clause and what it says
    ("Clemenceau chose the headline: …"), a heading of a list ("Crops: maize, potatoes …")
    or an instruction."""
    if _HAS_VERB.search(term) or re.search(r"\b(?:was|were|is|are|had|has)\b", term):
        return False
    if _a_remark(re.sub(r"^(?:an?|the)\s+", "", term, flags=re.I)) and term != term.split()[-1]:
        return False  # "A fair conclusion: a series of …": what the writer says
    if _AN_INSTRUCTION.match(clause) or _A_SENTENCE.match(clause):
        return False
    if re.fullmatch(r"[\w’' -]+(?:,\s+[\w’' -]+)+,?\s+and\s+[\w’' -]+", clause):
        return False  # "Crops: wheat, rice, barley, bananas, coffee and sugar cane"
    # … not a sentence: "Military: the General Service Enlistment Act of 1856 required …"
    # (but "a Latin word meaning 'and the Son', added to the creed": a phrase after a comma;
    # "the French, led by Pétain, held out": a verb after an aside)
    verb = rf"(?:was|were|is|are|had|has|[a-z]{{3,}}ed|{_IRREGULAR})\b"
    told = re.match(rf"((?:\S+\s+){{0,7}}?)(?<!,\s){verb}", clause)
    # … a verb of a clause that says which: "Platt Amendment: a US law of 1901 that Cuba was
    # forced to write into its constitution"
    which = re.match(r"(?:a|an|the)\s(?:\S+\s+){0,5}?(?:that|which|who|whom|whose)\s", clause)
    told = None if which and told and len(which[0]) <= len(told[1]) else told
    return not (told or re.match(rf"[^,]+,[^,]+,\s+(?:[a-z]+ly\s+)?{verb}", clause))


# A line of a list of key terms, the term and after a colon what it means: "Default: failure
# to make a payment or delivery when it is due." — not a worksheet's "Aim: explain why …".
_GLOSS_LINE = re.compile(
    rf"(?P<term>(?!{_A_LABEL}\b)"
    r"[A-Za-zÀ-ÿ][\w’'-]*(?:\s+[\w’'-]+){0,3}):\s+"
    r"(?P<clause>(?!(?:he|she|it|they|we|I|you|this|that|there|these|those|in|on|at|by|when|"
    r"after|before|see|explain|describe|compare|discuss|identify|list|use)\b)"
    r"[a-z“\"‘][^;:]{3,200}?)\.?$"
)


# "This was the Manchu hairstyle: the front of …": what the sentence before named is, not a term.
# But "It was a pandemic: an epidemic that …" gives a term.
_SAYS_WHAT_THIS_IS = re.compile(
    r"(?:This|It|That|These|They)\s+(?:was|is|were|are)\s+the\s[^,;:]+:"
)
# Words after a colon or a dash that are a sentence of their own: a noun phrase, then its verb.
_A_SENTENCE = re.compile(
    # "… refused Black tenants: cards in windows and newsagents often read 'No coloured'"
    r"[a-z]+s\s+(?:[a-z]+\s+){0,5}?(?:often|usually|always|never|sometimes|also|still|soon)\s+"
    rf"(?:[a-z]{{3,}}ed|{_IRREGULAR}|read|said)\b|"
    # "… their guns – their ships carried heavy cannon"
    rf"(?:their|his|her|its)\s+(?:[a-z-]+\s+){{0,2}}(?:[a-z]{{3,}}ed|{_IRREGULAR})\b|"
    r"(?:a|an|the)\s+(?:(?!(?:who|which|that|whose|whom|where)\b)[a-z-]+\s+){0,3}(?:had|has|have|was|were|is|are|did|could|would|will|"
    r"can|may|might|must|should)\b"
)


def _noun_phrase_before(sentence: str, pattern: re.Pattern[str]) -> list[Definition]:
    found: list[Definition] = []
    for m in pattern.finditer(sentence):
        if _A_SENTENCE.match(m["clause"]):
            continue  # "Treat the dates as anchors: the movement had no founding day"
        # "Since the Carlsbad Decrees of 1819 — measures that …": the name, not its year
        # … "The First Opium War (1839–1842) – a conflict …": the name, not its years
        head = re.sub(
            r"(?<=[A-Za-z])(?:\s+of\s+\d{3,4}|\s*\(\d{3,4}(?:\s*[–-]\s*\d{2,4})?\))\s*$",
            "",
            sentence[: m.start()],
        )
        # … "Russian Justice (Russkaya Pravda) – Pestel's plan …": the name, not its other one
        head = re.sub(r"(?<=[A-Z][\w’'-])\s+\([A-Z][^()]{1,60}\)\s*$", "", head)
        named = re.search(r"[A-Z][\w’'-]+\s+[A-Z][\w’'-]+$", head.rstrip())  # "Carlsbad Decrees"
        if not head.strip() or (len(head.split()) <= 5 and _opening(head) and not named):
            continue  # "At the top sat the *grands blancs* – …" is no opening
        term = _phrase_before(head)
        if (
            pattern is _DASHED
            and re.match(r"[A-Z][\w’'-]*[’']s\s", m["clause"])
            and not re.match(r"\s*[–—]", sentence[m.end("clause") :])
        ):
            continue  # "Hitler invaded Poland – Britain's guarantee … meant war": a clause, not
            # "The Japanese occupation – Japan's rule of Hong Kong … – lasted …"
        if (
            pattern is _DASHED
            and _SAID_OF_THE_CLAUSE.match(m["clause"])
            and re.search(
                rf"\b(?:in|at|on|near|from|to|into)\s+(?:the\s+)?{re.escape(term)}\W*$", head
            )
        ):
            continue  # "… met Athenagoras in Jerusalem – the first meeting between a pope and
            # a patriarch …": said of the meeting, not of Jerusalem
        back = re.search(rf"\b(?:this|that|these|those)\s+{re.escape(term)}\W*$", head, re.I)
        if back and (pattern is _COLON or not back[0].lower().startswith("these")):
            continue  # "… encapsulates that view: a change of ruler …", "attacked this practice
            # – selling church offices –"; but "to cut out these middlemen – traders who buy
            # goods and sell them on –" says what they are
        if pattern is _COLON and _no_term_before_a_colon(term, head, m["clause"]):
            continue
        if m["clause"].startswith("they ") and not (
            term.endswith("s")
            and re.search(rf"\b(?:were|are|became|themselves)\s+{re.escape(term)}\W*$", head)
        ):
            continue  # "they" is the plural's the sentence says they were: "… were unionists:
            # they wanted …", not "The plan failed: they had no money", "The Aztecs welcomed
            # the Spaniards: they believed …" (the Aztecs did)
        if term and len(term.split()) <= 4 and (definition := _clause(m["clause"])):
            found.append((term, definition, ()))
    return found


# A dash's words that rank the happening the clause before tells: "the first meeting between
# …", "the largest strike in …" — not a place ("the first permanent English colony").
_SAID_OF_THE_CLAUSE = re.compile(
    r"(?:the|a|an)\s+(?:first|last|only|second|third|largest|biggest|worst|greatest|longest|"
    r"most\s+[a-z]+)\s+(?!(?:[\w-]+\s+){0,3}(?:city|town|capital|port|village|region|province|"
    r"state|country|kingdom|island|river|fortress|fort|settlement|district|colony|prison|church|"
    r"cathedral|palace|castle|monastery|abbey|school|university|museum|temple|mosque|harbour|"
    r"mine|factory|camp|site|building|bridge|battlefield|lake|mountain|valley|"
    r"desert|coast|plain|square|street|house|hall|library)s?\b)"
)


def _no_term_before_a_colon(term: str, head: str, clause: str) -> bool:
    """Whether the words before a colon are no term the words after it define: what there
    were some of, a list's label, what the writer says, what something was like."""
    counted = r"(?:one|two|three|four|five|six|several|many|some|few|main|chief|other)"
    # … not "some founded | quilombos: settlements of fugitives …"
    listed = re.search(
        rf"\b{counted}\s+(?:(?![a-z]+ed\b)[a-z]+\s+)?{re.escape(term)}\W*$", head, re.I
    )
    label = re.fullmatch(r"[A-Z][\w’'-]*", head.strip())
    glossed = re.match(r"(?:a|an|the)\s", clause)  # "Rentenmark: the temporary …"
    copula = re.search(rf"\b(?:was|were|is|are)\s+{re.escape(term)}\W*$", head)
    return bool(
        listed  # "Soldiers had one great fear: gas attacks …": what they were
        # "Unity: regional rulers who had once been rivals … fought together"
        or (label and not glossed and not _a_gloss(head.strip(), clause))
        # "A fair conclusion: a series of short, sharp …": what the writer says
        # (a key-terms line's word is a term: "theme: a military district")
        # (but "A primary source: a source from the time …" names a kind)
        or (term and head.strip() != term and _a_remark(term))
        # "Attainder was brutal: an act of attainder declared …": what it was like (but "The
        # punishment was attainder: an act of Parliament …" names it)
        or (
            copula
            and " " not in term
            and not _plural(term)
            and not _a_name_for_a_thing(term, clause)
        )
    )


def _a_remark(words: str) -> bool:
    """Whether words before a colon are a label, maybe with words judging it: "Conclusion",
    "A fair conclusion", "My answer" — not the name of a kind of thing ("primary source")."""
    *judging, label = words.split() or [""]
    return re.fullmatch(
        rf"(?i:{_A_LABEL}|answer|reply|response|cause|reason|view)", label
    ) is not None and all(
        word.casefold() in _JUDGING | _LIKE or re.search(r"[’']s$", word) for word in judging
    )


_JUDGING = {
    "fair", "possible", "likely", "useful", "reasonable", "balanced", "overall", "brief",
    "stronger", "my", "our", "your", "their", "his", "her", "one", "another", "next", "further",
    "most", "typical", "principal", "obvious", "the", "a", "an", "this", "that",
}  # fmt: skip


def a_heading_word(words: str) -> bool:
    """Whether the words before a colon on a line are a fact box's or a plan's heading —
    "Date", "Casualties", "Weather", "Political", "Monday" — not a term its line explains
    ("parish", "heretic", "offensive" are terms)."""
    # … and a kind of cause or a fact's verb, capitalised: "Industrial:", "Crowned:"
    return (
        re.fullmatch(
            rf"(?i:{_A_LABEL}|{_FACT_FIELD})|{WEEKDAY}|[A-Z][a-z]+(?:al|ed)", words.strip()
        )
        is not None
    )


# A fact box's fields and a list of causes' kinds, besides a worksheet's labels (`_A_LABEL`).
_FACT_FIELD = (
    r"Battle|Weather|Commanders?|Armies|Killed|Dead|Wounded|Reign|Founded|Dynasty|Political|"
    r"Economic|Social|Religious|Military|Cultural|Legal|Diplomatic|Technological|Geographical|"
    r"Ideological|Short-term|Long-term|Immediate|Personal"
)


def _plural(word: str) -> bool:
    """Whether a word is a plural by its ending: "unionists", not "disastrous", "class"."""
    return word.endswith("s") and not word.endswith(("ous", "ss", "us", "is"))


def _a_name_for_a_thing(word: str, clause: str) -> bool:
    """Whether one word after "was" and before a colon names what the colon explains — a
    noun by its ending ("collectivisation", "sovereignty"), or a word no description, before
    a noun phrase ("attainder: an act of Parliament …") — not what something was like
    ("brutal", "stubborn", "unfair", "devastating")."""
    if re.search(r"(?:tion|sion|ism|ity|ty|ment|ance|ence|ship|dom|hood|cy)$", word):
        return True
    plain = not (
        a_description(word) or word.startswith("un") or word.endswith(("ing", "ent", "ant"))
    )
    return plain and re.match(r"(?:a|an|the)\s", clause) is not None


def a_description(word: str) -> bool:
    """Whether one word is one that says what something was like ("brutal", "short",
    "Political"), not what it is called ("attainder", "sovereignty", "collectivisation"): by
    its ending or as one of the commonest such words."""
    folded = word.casefold()
    return folded in _LIKE or bool(_LIKE_ENDS.search(folded))


_LIKE_ENDS = re.compile(r"(?:ous|ful|ive|less|ible|able|ical|ish|al|ic|ly|ed)$")
_LIKE = _DESCRIBING | {
    "simple", "clear", "harsh", "swift", "stark", "grim", "bad", "good", "poor", "quick",
    "slow", "new", "deep", "cheap", "hard", "bloody", "heavy", "angry", "easy", "complex",
    "mixed", "worse", "better", "bleak", "dire", "plain", "true", "false", "cruel", "savage",
    "unique", "short-term", "long-term", "social", "personal", "religious", "military",
    "economic", "political", "cultural", "stubborn", "weary", "proud", "brave", "wise", "calm",
    "fierce", "rigid", "timid", "tense", "modern",
}  # fmt: skip


# What a name means, said by doing it: "what some called rollback, pushing communism back …".
_GERUND_GLOSS = re.compile(r",\s+(?P<gloss>[a-z]+ing\b[^,;:]{5,200}?)(?=[;.]$|$)")


def _named(sentence: str) -> list[Definition]:
    """ "vessels known as coffin ships" → (coffin ships, vessels); "the Raj, as British rule
    in India was known" → (Raj, British rule in India)."""
    found: list[Definition] = []
    for m in _NAMED_AT.finditer(sentence):
        if _names(sentence, m):
            found += _name_given(sentence, m)
    for known in _AS_KNOWN.finditer(sentence):
        if term := _phrase_before(known["term"]):
            found += _as_known(term, known, sentence)
    return found


def _name_given(sentence: str, m: re.Match[str]) -> list[Definition]:
    """What the name given by the "known as", "called", … at `m` names."""
    rest = sentence[m.start("term") + len(m["term"]) :]
    head = sentence[: m.start()].rstrip()
    if own := _OWN_NAME.match(m["term"]):  # "The rebels, who called themselves the …"
        return _named_themselves(_name_after(own[1]), head)
    if (said := re.search(r",\s+as\s+(?:\w+\s+){0,2}\w+$", head)) and m[0].startswith("called"):
        # "hurried off to the diggings, as miners called the gold-bearing streams …": the name
        # is before, what it names after
        term, what = _phrase_before(head[: said.start()]), re.match(r"[^,;.]+", m["term"] + rest)
        # … not "as the priest called the faithful to prayer": a calling, not a name
        naming = what and not re.search(r"\s(?:to|for|into|upon|on|at|out|in)\s", what[0])
        definition = _clause(what[0].strip(), short=True) if what and naming else None
        return [(term, definition, ())] if term and definition else []
    called = None if re.search(r"\bknown\b", m[0]) else _CALLED_OBJECT.match(m["term"])
    if called:  # "called the newcomers Okies" — not "known as the flight to Varennes"
        return _called_object(called, rest)
    if re.match(r"call\s", m[0]):
        return []  # "Congress Poland, as historians call this state, was …": no name given
    term = m["term"] if _a_pair_glossed(m, sentence) else _name_after(m["term"])
    relative = _A_RELATIVE_NAMING.match(m[0]) is not None
    judged = (
        relative
        and (
            # "customs which the settlers called barbaric": what they thought; "… the dockers
            # called last week": a strike called, not named
            re.fullmatch(
                r"[a-z]+(?:ic|ous|ful|less|ive|al|ible|able|ish|ant|ent)|cruel|evil|mad|wicked|"
                r"wrong|unjust|unfair|illegal|(?:last|next|this|that)\s+[a-z]+|yesterday|today|"
                r"tomorrow|(?:an?\s+)?(?:mistake|blunder|failure|disaster|catastrophe|success|"
                r"triumph|tragedy|crime|betrayal|folly|masterpiece|turning\s+point)",
                term,
            )
            is not None
            # … and what people in general called something only by a name they gave it,
            # capitalised or marked ("the plague that people called the Black Death"), not their
            # word for it ("an old woman that the villagers called a witch"); a scholar's word too
            or (
                term[:1].islower()
                and not re.match(r"[“\"‘*]", m["term"])
                and not re.search(
                    rf"\b(?:{_SCHOLARS})\s+(?:now\s+|still\s+|often\s+|usually\s+)?call", m[0]
                )
            )
        )
    )
    if (
        not term
        or judged
        or (m[0].startswith("called") and _A_JUDGEMENT.fullmatch(m["term"].rstrip(".")))
    ):
        return []  # … "Churchill, then Secretary of State for War, called the shooting
        # monstrous": what he judged it, no name
    if m["term"].startswith(term):  # what follows the name, not the words read after it
        rest = sentence[m.start("term") + len(term) :]
    described = re.search(r"\bwhat\s+(?:[a-z]+\s+){0,2}$", head + " ")
    if described and (gloss := _GERUND_GLOSS.match(rest)):
        return [(term, gloss["gloss"], ())]  # "what some called rollback, pushing …"
    if head.endswith(",") and m[0].startswith("also"):
        return _also_called(head[:-1], term, rest)
    if (named := _a_name_s_other_name(sentence, m, term, rest)) is not None:
        return named
    return _known_as(term, sentence, m, rest)


def _a_pair_glossed(m: re.Match[str], sentence: str) -> bool:
    """Whether the name given at `m` is a pair of lower-case words that a colon or dash then
    glosses ("known as bite and hold: seizing …", "carrots and sticks – …"), not two names
    ("called roundheads and cavaliers.") nor two adjectives ("known as cruel and greedy.")."""
    pair = re.fullmatch(r"([a-z]+) and ([a-z]+)", m["term"])
    return (
        pair is not None
        and not (_HAS_VERB.fullmatch(pair[2]) or pair[2] in _NOT_IN_TERM)
        and re.match(r"\s*(?::|\s[–—-]\s)", sentence[m.end("term") :]) is not None
    )


def _a_name_s_other_name(
    sentence: str, m: re.Match[str], term: str, rest: str
) -> list[Definition] | None:
    """A name given just after another name with "the": the sentence's subject ("The
    Temporary Relief Act, better known as the Soup Kitchen Act, was passed …") → (Temporary
    Relief Act, better known as the Soup Kitchen Act); after a relative clause's object ("the
    theologians who advised the Holy Office, better known as the Roman Inquisition, …",
    "Wellesley, who commanded the British Army, later known as the Iron Duke") → nothing: the
    name may be the object's or the person's, and the words do not say. None where neither:
    the rules for "known as" read it ("Followers of the Prophet, known as Muslims")."""
    head = sentence[: m.start()].rstrip()
    said = re.match(r"[^,;:.()–—]+", sentence[m.start() :])
    whole = said is not None and said[0].rstrip().endswith(term)  # not "the Big | Four"
    if not (whole and term[:1].isupper()) or _after(rest):
        return None
    if opens := _A_SUBJECT_NAMED.fullmatch(head):
        return [(opens["name"], f"{sentence[m.start() : m.start('term')]}{term}", (term,))]
    return [] if _AN_OBJECT_NAMED.search(head) else None


# A sentence's subject, a name with "the", before a comma: "The Temporary Relief Act,", "In
# 1616 the Holy Office,"; and a relative clause's object: "… who advised the Holy Office,".
_THE_NAME = r"[Tt]he\s+(?P<name>[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,4}),"
_A_SUBJECT_NAMED = re.compile(rf"(?:(?:In|By|On|From)\s+[^,]{{1,30}}?,?\s+)?{_THE_NAME}")
_AN_OBJECT_NAMED = re.compile(
    rf"\b(?:who|which|that)\s+(?:[a-z]+ly\s+)?(?:[a-z]{{3,}}ed|{_IRREGULAR})\s+{_THE_NAME}$"
)


def _as_known(term: str, known: re.Match[str], sentence: str) -> list[Definition]:
    """The definition of a name given with "as … was known": the words the "as" clause says
    ("British rule in India"), or — when they only refer back ("the unit") — the noun phrase
    before the name ("the 369th Infantry Regiment – the …") or what the sentence goes on to
    say of it ("Garveyism, as his creed came to be called, combined racial pride …")."""
    clause = known["clause"]
    if not _BACK_REFERENCE.fullmatch(clause):
        definition = _clause(clause)
        return [(term, definition, ())] if definition else []
    head = sentence[: known.end("term")]
    head = head[: head.rfind(term)].rstrip('“"‘*')
    if before := re.search(r"(?:^|[,;:]\s*)([^,;:–—]{3,120}?)\s*(?:[–—]|,)\s*(?:the\s+)?$", head):
        start = _noun_phrase_start(before[1])
        if start is not None and (definition := _clause(before[1][start:])):
            return [(term, definition, ())]
    rest = sentence[known.end() :]
    whole = len(term.split()) <= 3 and " of " not in term  # not "Pictures of Bloody Sunday"
    if whole and known["end"] == "," and (said := re.match(r"\s*([a-z]+ed\b[^;.]{10,300})", rest)):
        definition = _clause(said[1])
        return [(term, definition, ())] if definition else []
    return []


def _names(sentence: str, m: re.Match[str]) -> bool:
    """Whether "called", "named", … at `m` gives a name: not "called Luther before the Diet"
    (summoned), "named Franco head of state" (made) or "what many called …" (a description)."""
    if re.match(r"(?:\S+\s+)?(?:before|into|back|home|together|up|off|away)\b", m["term"]):
        return False  # "called Luther before the Diet", "called home to fight in …"
    if re.match(r"(?:his|her|their|its|the)\s+\S+\s+to\s+[a-z]+\b", m["term"]):
        return False  # "called his followers to gather at …": summoned
    head = sentence[: m.start()].rstrip()
    described = re.search(r"(?<!\bin )(?<!\binto )\bwhat\s+(?:[a-z]+\s+){0,2}$", head + " ")
    if described and not _GERUND_GLOSS.match(sentence, m.end()):
        return False  # … but "towards what some called rollback, pushing communism back …"
    whom = re.search(r"\b[A-Z][\w’'-]*,\s+whom\s+(?:[\w’'-]+\s+){0,3}$", head + " ")
    if whom and not re.match(r"[*“\"‘]", m["term"]):
        return False  # "the Dauphin, whom his supporters called Charles VII": a person, but
        # "troops based at Versailles, whom the Communards called the *Versaillais*"
    return not _APPOINTED.match(sentence, m.start())


_APPOINTED = re.compile(
    r"named\s+(?:[A-Z][\w’'-]*\s+)+(?:as|to|head|chief|commander|leader|the|a|an|his|her|its|their)\b"
)
_OWN_NAME = re.compile(r"^(?:themselves|itself)\s+(?:the\s+)?(\S.*)$")


def _named_themselves(term: str, head: str) -> list[Definition]:
    """ "The rebels, who called themselves the Nationalists," → (Nationalists, The rebels)."""
    who = re.search(r"(?:^|[,;:]\s*)([^,;:]{3,80}?),\s+(?:who|which)$", head)
    start = _noun_phrase_start(who[1]) if who else None
    if who and start is None and re.match(r"(?:The|Those|These)\s", who[1]):
        start = 0
    definition = _clause(who[1][start:], short=True) if who and start is not None else None
    return [(term, definition, ())] if term and definition else []


def _called_object(called: re.Match[str], rest: str) -> list[Definition]:
    """ "called the newcomers Okies, a scornful name …" → (Okies, a scornful name …), or
    (Okies, the newcomers) without an appositive."""
    term = _name_after(re.sub(r"^the\s+", "", called[2]))
    if re.match(r"\s*,?\s+or\s+[“\"‘']", rest):
        return []  # "called the retreat the *Rückzug*, or "withdrawal"": its translation says
    thing = re.sub(r"(?:\s+(?:the|a|an))+$", "", called[1])  # "called the barrier the X"
    # "Historians call this sudden rush for territory the Scramble for Africa"
    thing = re.sub(r"^(?:this|these|that|those)\s+(?=\S+\s)", "", thing)
    if thing.split()[0] in (
        "it", "them", "this", "these", "that", "those", "him", "her", "themselves", "himself",
        "herself", "itself",
    ):  # fmt: skip
        return []  # "called it the Boston Massacre": what "it" is, another sentence says
    thing = thing if re.match(rf"{_DETERMINER}\s", thing) else f"the {thing}"
    definition = _after(rest) or _clause(thing, short=True)
    return [(term, definition, ())] if term and definition else []


def _known_as(term: str, sentence: str, m: re.Match[str], rest: str) -> list[Definition]:
    """ "vessels known as coffin ships" → (coffin ships, vessels); "Tokyo, known as Edo" gives
    another name, not a definition."""
    definition = _after(rest) or _named_before(sentence, m, rest)
    if definition and all(w[:1].isupper() for w in definition.split() if w not in ("of", "the")):
        # "Tokyo, known as Edo", "Mehmed II, known as the Conqueror": another name
        return []
    return [(term, definition, ())] if definition else []


# A sentence's subject, and the name it is given: "Payments to the unemployed were commonly
# called the *dole*".
_NAMED_SUBJECT = re.compile(
    r"(?P<subject>(?!(?:In|On|At|During|After|Before|Later|Then|Most|Many|Some|Anyone|All|"
    r"Few|Several|Each|Every|Under|By|For|From|With|When|While|Once|Soon)\b)"
    r"[A-Z][a-z]+(?:\s+(?!was\b|were\b|is\b|are\b)[a-z][\w’'-]*){1,6})\s+(?:was|were|is|are)"
)
# What someone "called" a thing when they judged it: "the shooting monstrous", "the treaty
# unjust" — a thing in lower case, then an adjective (not "a locomotive", "a heretic").
_A_JUDGEMENT = re.compile(
    r"(?:(?:the|this|that|it|them|his|her|their)\s+)?(?!(?:a|an)\s)(?:[a-z-]+\s+){1,3}?"
    r"(?:[a-z-]+(?:ous|ful|less|ical|ible)|unjust|unfair|illegal|wrong|evil|mad|cruel|wicked|"
    r"barbaric)"
)
_CALLED_OBJECT = re.compile(r"^([a-z]\S*(?:\s+[a-z]\S*){0,5}?)\s+((?:the\s+)?[A-Z“\"‘'*].*)$")


def _also_called(head: str, name: str, rest: str) -> list[Definition]:
    """ "the Great Famine, also called the Great Hunger, was …": another name for a name;
    "walls of wind-blown earth, also called black blizzards": the term and what it names."""
    named = _phrase_before(head)
    if named[:1].isupper() and (definition := _after(rest)):
        return [(named, definition, (name,))]
    start = _noun_phrase_start(head)
    if start is None:  # "The worst were | towering walls of wind-blown earth"
        verbs = list(re.finditer(r"\b(?:was|were|is|are|[a-z]{3,}ed)\s+", head))
        start = verbs[-1].end() if verbs else None
    definition = _clause(head[start:]) if start is not None else None
    return [(name, definition, ())] if definition else []


def _named_before(sentence: str, m: re.Match[str], rest: str) -> str | None:
    """The words before "known as" that it names, with the clause after the name that goes
    on to say what it is: "a rule known as the Gregory clause, which refused help …" → "a
    rule which refused help …"; "posts were handed to Africans, a process known as
    *Africanisation*" → the clause the process is."""
    head = sentence[: m.start()]
    if kind := re.search(rf"(?:,|\s[–—-])\s+{_A_KIND}$", head):
        # "… – a policy often called …": what the clause before the dash tells, from its last
        # comma ("This was partly true, but many believed that the real aim was to …")
        cuts = r"[;:]\s*" if kind[0].startswith(",") else r"[;:,]\s*(?:but\s+|and\s+)?"
        return _clause(re.split(cuts, head[: kind.start()])[-1])
    subject = _NAMED_SUBJECT.fullmatch(head.strip())
    if subject and not _BACK_REFERENCE.fullmatch(subject["subject"]):
        return _clause(subject["subject"])  # "Payments to the unemployed were called the dole"
    definition = _before(sentence[: m.start("term")], sentence, m, short=True)
    if definition and _A_RELATIVE_NAMING.match(m[0]):
        # "The plague that people called the Black Death | killed a third of Europe": the noun
        # phrase and what the sentence says it did
        did = re.match(rf"\s+((?:[a-z]{{3,}}ed|{_IRREGULAR})\b[^,;:.]{{3,100}})", rest)
        return f"{definition} that {did[1]}" if did else definition
    which = re.match(rf"^\s*,\s*(which|who|that)\s+({_A_CLAUSE_WITH_A_LIST})", rest)
    if definition:  # "looked to | five great bishops, called patriarchs, who led …"
        definition = re.sub(r"^(?:to|in|on|at|from|by|with|for|into)\s+", "", definition)
    if which and re.match(r"means\s|meant\s+[“\"‘']", which[2]):
        return _clause(which[2])  # "… became known as the Voortrekkers, which means "those …""
    if definition and re.fullmatch(r"(?i:(?:[a-z]+\s+)?(?:they|he|she|it|we))", definition):
        return None  # "later they became known as …": who they are, the sentence before says
    if definition is not None and which is not None:
        return f"{definition} {which[1]} {which[2]}"
    return None if definition is None else _enough_said(definition, sentence, m, rest)


def _enough_said(definition: str, sentence: str, m: re.Match[str], rest: str) -> str | None:
    """The words before a name given, where they say enough of what it names: "a dyer called
    Geoffrey Litster", "a retrial, known as the nullification trial," — not "a process known
    as …"."""
    head = sentence[: m.start()]
    person = re.match(  # a name of two or three words, and a verb: "… Litster led the rebels",
        # or one and "who": "a queen named Gudit who attacked Aksum"
        rf"(?!(?:The|An?)\s)[A-Z][^\W\d_]+(?:(?:\s+[A-Z][^\W\d_]+){{1,2}}(?=\s*[,.;]|\s*$|\s+"
        rf"(?:[a-z]{{3,}}ed|{_IRREGULAR}|was|had)\b)|(?=\s+who\b))",
        m["term"],
    )
    named = person and _name_after(m["term"]) == person[0]
    # … or a thing's capitalised name: "a charter called the Letter of Majesty"
    named = bool(named) or (
        m["term"][:1].isupper() and re.search(r"\bthe\s+$", sentence[: m.start("term")]) is not None
    )
    if re.fullmatch(r"(?:a|an)\s+[a-z][\w-]+", definition) and named:
        return definition  # "a dyer called Geoffrey Litster": enough for a person
    # … and for a name given between commas: "In 1456 a retrial, known as the nullification
    # trial, declared …" (not "a process, known as …": a kind, `_A_KIND`)
    aside = head.rstrip().endswith(",") and re.match(r"\s*,", rest) is not None
    kind = re.fullmatch(_A_KIND, f"{definition} ") or _BACK_REFERENCE.fullmatch(definition)
    # … nor "This massacre, known as …" (one told before), "A man, known as the Mahdi, …"
    vague = re.fullmatch(r"(?i:an?)\s+(\w+)", definition)
    if aside and not kind and not (vague and vague[1] in _TOO_GENERAL):
        return definition
    return _clause(definition)  # "a process known as …": too little


# Words too general to say what a name names: "A man, known as the Mahdi", "A son, …".
_TOO_GENERAL = {
    "man", "woman", "son", "daughter", "boy", "girl", "child", "person", "people", "group",
    "movement", "war", "thing", "place", "town", "city", "country", "king", "queen", "leader",
    "ruler", "book", "ship", "battle", "party", "body", "meeting", "event", "force", "army",
}  # fmt: skip


def _marked_name(text: str) -> str | None:
    """The name `text` begins with in quotation marks or italics, or None."""
    if quoted := re.match(r"[“\"‘']([^“”\"‘’']{1,60})[”\"’']", text):
        return quoted[1]  # "called the new money 'greenbacks' because …"
    if text[:1] in '“"‘':
        return text.strip('“”"‘’')
    if italic := re.match(r"\*([^*]{1,60})\*", text):
        return italic[1]  # "Historians call his long rule the *Porfiriato*"
    return None


def _name_after(text: str) -> str:
    """The name given after "known as": quoted, capitalised words, or lower-case words up to a
    preposition or conjunction."""
    text = text.strip()
    if (marked := _marked_name(text)) is not None:
        return marked
    words: list[str] = []
    names = text[:1].isupper()
    split = text.split()
    for word, following in zip(split, [*split[1:], ""], strict=True):
        small = word.lower() in ("of", "and", "the", "for", "at", "on", "in")  # "… in One Country"
        after_the = following == "the" and word.lower() != "in"  # not "Nestorians in the West"
        if names and small and words and (following[:1].isupper() or after_the):
            words.append(word)  # "the Religious Society of Friends", not "the Bibighar on 15 July"
            continue
        if not names and word in ("to", "on", "from") and words and following[:1].isupper():
            words.append(word)  # "the flight to Varennes", "the march on Rome"
            names = True
            continue
        if names and not word[:1].isupper():
            # "a dyer called Geoffrey Litster | led the rebels", but "the Sino-Soviet split"
            verb = _HAS_VERB.fullmatch(word) and following.lower() in _BEFORE_ADJECTIVE
            # "the Diktat | took away …" (but "the Sino-Soviet split", "the Test Match set")
            # … a verb with its object or particle ("the Mayflower left Plymouth"), or after a
            # person's name ("a carpenter named James Marshall saw …"), not "the Tudor rose"
            past = (
                re.fullmatch(_IRREGULAR, word)
                and word not in _A_PAST_OR_A_NOUN
                and (
                    re.fullmatch(
                        r"the|a|an|his|her|their|its|away|up|over|off|out|\d.*|[A-Z].*", following
                    )
                    or len(words) > 1
                )
            )
            noun = re.fullmatch(r"[a-z][\w’'-]*|\d{1,4}", word) and not past  # not "X | – the …"
            if word.lower() not in _NOT_IN_TERM and not _VERB.match(word + " x") and not verb:
                words += [word] if noun else []  # "the Gregory clause": a name's common noun
            break
        if word.lower() in _NOT_IN_TERM and words and not (names and word[:1].isupper()):
            break
        if words and (_VERB.match(word + " x") or _HAS_VERB.fullmatch(word)):
            break  # "bulkheads | divided her hull"
        words.append(word)
    while words and words[-1].lower() in (*_NOT_IN_TERM, "for", "at", "on"):
        words.pop()
    return " ".join(words)


# Past tenses that are nouns too: "the Sino-Soviet split", "the Hollywood set".
_A_PAST_OR_A_NOUN = {"split", "set", "cut", "cast", "shot", "spread", "put", "hit", "bid", "fall"}


def _said_of_its_kind(written: str, subject: str, clause: str) -> bool:
    """Whether a copula's predicate without an article says what its subject is: an office of a
    person ("Lord Curzon was Viceroy of India"), a coin's worth in coins ("A shilling was worth
    twelve old pence"), an event's years ("The Thirty Years' War was fought between 1618 and
    1648"), what a named thing was not but was ("The Peace of Utrecht was not a single document
    but a series of treaties"; not "Slavery was not a side issue but …": an argument)."""
    if clause.startswith("worth"):
        return re.match(r"an?\s", written, re.I) is not None and _IN_COINS.match(clause) is not None
    if clause.startswith("fought"):
        return (
            _A_NAME_OF_A_KIND.search(subject) is not None
            and re.match(r"fought\s+(?:between|from|on|in)\s+[^;:]{0,30}?\b\d{3,4}\b", clause)
            is not None
        )
    if clause.startswith("not "):
        return len(subject.split()) >= 2 and subject[:1].isupper()
    if re.match(r"(?-i:[A-Z])(?![\w’'-]*[’']s\s)", clause) and not clause.startswith(
        ("The ", "A ", "An ")
    ):  # … not "The shogun was Japan's supreme military ruler": an owner
        return (
            _NAMED_PERSON.fullmatch(subject) is not None
            # … not "The East India Company was Ruler of Bengal"
            and not (_A_NAME_OF_A_KIND.search(subject) or _ONE_NAME_WITH_AND.search(subject))
            and _A_ROLE.match(clause) is not None
        )
    return True


_IN_COINS = re.compile(
    r"worth\s+(?:[\w-]+\s+){1,2}(?:old\s+)?(?:pence|penny|pennies|shillings?|pounds?|ducats?|"
    r"guilders?|florins?|marks?|francs?|dollars?|cents?|crowns?|sous|deniers?|livres?|reales|"
    r"pesos?|rupees?|annas?|groats?|farthings?|kopecks?|roubles?|rubles?)\b",
    re.IGNORECASE,
)
_NAMED_PERSON = re.compile(
    rf"(?:(?:{_TITLE_WORD})?[A-Z][\w’'-]+(?:\s+(?:{_PARTICLE}|[A-Z][\w’'.-]*))*\s+[A-Z][\w’'-]+)"
)


def _an_opening(subject: str, m: re.Match[str]) -> bool:
    """Whether a copula's subject is a sentence's opening, not a term: "The following day",
    "The fighting", "The only survivor" — but "A friendly society was …", "A lynching is …"
    are noun phrases, and "Sitting Bull was a Hunkpapa Lakota" a person's name (not "Fighting
    Germany was a costly business")."""
    described = re.match(r"(?:an?\s|(?:the|a|an)\s+(?!only\b)[a-z]+ly\s)", m["subject"], re.I)
    if not _OPENER.match(subject) or described:
        return False
    return not (
        re.fullmatch(r"[A-Z][a-z]+ing\s+[A-Z][\w’'-]+", subject)
        and (says_who(m["clause"]) or re.match(r"an?\s+[A-Z]", m["clause"]))
    )


def _copular(sentence: str) -> list[Definition]:
    """ "A cottier was a labourer who …" → (cottier, a labourer who …)."""
    found: list[Definition] = []
    for m in _COPULA_AT.finditer(sentence):
        subject = re.sub(
            r"^(?:the|a|an)\s+", "", (m["name"] or m["subject"]).strip(), flags=re.IGNORECASE
        )
        subject = re.sub(r"^[\w-]+[’']s\s+", "", subject)  # "A ship's maiden voyage is …"
        subject = re.sub(r"^so-called\s+", "", subject)  # "The so-called Long March was …"
        words = subject.split()
        # "The Pueblo Revolt of 1680 was …": a name, its year too
        proper = all(
            w[:1].isupper() or w.lower() in ("of", "and", "the") or w.isdigit() for w in words
        )  # … "The Battle of the Boyne was …" too
        if not (proper or len(words) <= 3) or _an_opening(subject, m):
            continue
        if words and (words[0].lower() in _LEADING_SMALL or words[0] in _DESCRIBING):
            continue  # "His greatest work was …", "Its oldest part was …": not a term
        if any(w in _PRONOUNS or w in ("that", "which", "who") for w in words) or (
            words[0] in _NO_SUBJECT
        ):
            continue  # "Hong himself was …", "What followed was …", "Every Mongol man was …",
            # "The weeks that followed were the most dangerous …" (a time, no term)
        if re.fullmatch(
            r"the\s+(?:[A-Z][\w’'-]*\s*(?:(?:of|and|the|de)\s+)?)+", m["clause"].split(",")[0]
        ) or _some_people_described(m["subject"], m["clause"]):
            continue  # "The instrument of enforcement was the Force Publique": a name; "The
            # casualties were mostly conscripts sent to …": some people
        if (
            re.match(r"one\s+of\s+(?:them|these|those)\b", m["clause"])
            or not _said_of_its_kind(m["subject"], subject, m["clause"])
        ) or (
            re.match(r"(?:the|a|an)\s+(?:first|last|only)\b", m["clause"])
            and not (proper and _A_NAME_OF_A_KIND.search(subject))
        ):
            continue  # "Cotton was the first industry to be transformed": a fact, not a definition
            # (but "The Race Relations Act 1965 was the first law in Britain to …" says what it is)
        if sentence[m.start() : m.start() + 1] == ";" and words[-1].strip("*").casefold() not in (
            sentence[: m.start()].casefold()
        ):
            continue  # "Wages fell; a strike was a likely result": no word the sentence named
        clause = m["clause"]
        if clause.count(")") > clause.count("("):  # "(…; a ferman was an imperial decree)"
            clause = clause[: clause.index(")")]
        if (definition := _clause(clause)) is not None:
            found.append((subject, definition, (m["other"],) if m["other"] else ()))
    return found


_KIND_OF_NAME = (
    rf"{_KIND_OF_LAW}|Accord|Programme|Program|Policy|Party|League|Union|Movement|Society|"
    r"Association|Committee|Council|Congress|Commission|Court|Army|Front|Doctrine|Scheme|"
    r"System|Campaign|Truce|Peace|Pacification|Conference|Settlement|Alliance"
)
_KIND_OF_EVENT = (
    r"Crisis|Affair|Rebellion|Revolt|Rising|Uprising|Massacre|Incident|Scandal|War|Battle"
)
# A name that says what kind of thing it names, and may be "the first …" of its kind: "the
# Race Relations Act 1965", "the Great Exhibition of 1851" (not "New Zealand", "Queen Victoria").
_A_NAME_OF_A_KIND = re.compile(
    rf"^(?!(?:Soviet|European)\s+Union$).*\b(?:{_KIND_OF_NAME}|{_KIND_OF_EVENT}|Exhibition|"
    r"Expedition|Voyage)\b|\b\d{4}$"
)
# … and one whose words "and" joins: "the French and Indian War", "Hopkins, Gilkes and Company".
_ONE_NAME_WITH_AND = re.compile(
    rf"\b(?:{_KIND_OF_NAME}|{_KIND_OF_EVENT}|Federation|Company|Co\.?|Sons|Brothers|Museum|"
    r"Gallery|Library|Institute|College|School|University|Hospital|Railway)$"
)
_WHICH_NAMED = re.compile(
    # "the Representation of the People Act 1918, which …"
    rf"(?P<name>(?:[A-Z][\w’'–-]*\s+(?:(?:of|and|the|for|on)\s+(?:the\s+)?)?){{1,8}}"
    rf"(?:{_KIND_OF_NAME}|(?P<event>{_KIND_OF_EVENT}))\b|"
    # "the Plan of Ayala, which denounced Madero …"
    rf"(?:{_KIND_OF_NAME})\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})"
    # "the Test Act of 1673, which", "the Commonwealth Immigrants Act 1962, which"
    r"(?:\s*\([^()]{1,40}\)|\s+(?:of\s+)?\d{4}(?:[–-]\d{2,4})?)?,\s+"
    # "the Peace of Münster, signed on 30 January 1648, in which …"
    r"(?:(?:signed|agreed|issued|launched|held|founded|made)\b[^,;:()]{0,50},\s+)?"
    # an event by what happened in it: "the Exclusion Crisis of 1679-81, in which …"
    # … or by who fought it: "The Paraguayan War (1864–1870), which Brazil fought …"
    r"(?P<clause>(?(event)(?:in\s+which|which(?=\s+[A-Z]))|(?:in\s+)?which)\s+"
    r"(?!(?:was|were|is|are|had|has)\b)"
    r"[^,;:()]{3,200}?)\s*(?=,|;|\.|$)"
)


def _which_named(sentence: str) -> list[Definition]:
    """ "the Group Areas Act (1950), which set aside separate parts of towns …" → (Group Areas
    Act, which set aside …): a law, treaty or body is defined by what it did."""
    found: list[Definition] = []
    for m in _WHICH_NAMED.finditer(sentence):
        if re.search(r"(?:\d|\b[A-Z][\w’'-]*)\s+of\s+(?:the\s+)?$", sentence[: m.start("name")]):
            continue  # "Section 28 of the Local Government Act 1988, which …": the section's
        name = re.sub(r"^(?:The|A|An)\s+", "", m["name"].strip())
        aliases: tuple[str, ...] = ()
        if year := re.match(r"\s+(\d{4}),", sentence[m.end("name") :]):
            name, aliases = f"{name} {year[1]}", (name,)  # "the Race Relations Act 1965"
        if (definition := _clause(m["clause"])) is not None:
            found.append((name, definition, aliases))
    return found


# A named law, body, event or policy by what it did, as the sentence's subject: "The Stolypin
# reforms allowed peasants to leave the commune …" — not when or how it happened ("The Treaty
# of Versailles was signed on 28 June 1919", "The Korean War ended in 1953").
_KIND_OF_THING = (
    rf"{_KIND_OF_NAME}|{_KIND_OF_EVENT}|Siege|Company|Empire|Restoration|Fury|"
    r"Ambush|Defenestration|Edicts?|Protectorate|Revolution|Famine|Strike|Raid|Expedition|"
    r"Diet(?=\s+of\s)|reforms|ambush|plaques"
)
# A document and what it says, in a participle after it: "the Pacification of Ghent, promising
# to work together …" — a document's, not a war's ("the Peninsular War, commanding …").
_DOCUMENT_SAYS = re.compile(
    r"(?<![\w’'-])(?P<name>(?:[A-Z][\w’'–-]*\s+(?:(?:of|and|the|for|on)\s+)?){0,5}"
    r"(?:Act|Law|Treaty|Agreement|Accord|Pact|Convention|Declaration|Charter|Manifesto|"
    r"Proclamation|Edict|Decree|Code|Bill|Pacification|Statute|Constitution|Ordinance|Truce|"
    r"Peace)(?:\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?),\s+"
    r"(?P<clause>(?:calling|promising|declaring|granting|giving|allowing|forbidding|banning|"
    r"requiring|ordering|guaranteeing|ending|setting|recognising|recognizing|creating)\b"
    r"[^,;:()]{8,200}?)\s*(?=[,;:]|\.(?:\s|$)|$)"
)


def _what_it_says(sentence: str) -> Definition | None:
    if (m := _IN_THE_NAME.match(sentence)) and m["name"] not in _WELL_KNOWN:
        definition = _clause(_TRAILING_TIME.sub("", m["clause"]), most=MAX_WORDS)
        if definition and not re.search(r"\d", m["clause"]):
            return (m["name"], definition, ())
    for m in _DOCUMENT_SAYS.finditer(sentence):
        _, words = _after_opening(m["name"])  # "By the Treaty of …"
        if len(words) >= 2 and (definition := _clause(m["clause"], most=MAX_WORDS)):
            return (" ".join(words), definition, ())
    return _what_a_clause_says(sentence)


# A relative clause's words, with a list inside them: "who had interests in coal, steel,
# shipping and newspapers", "who led the Christians of Rome, Constantinople, Alexandria, Antioch
# and Jerusalem", up to the comma after it.
# … after a name of up to 15 letters, the lookbehinds each of one width
_AFTER_A_NAME = "(?:" + "|".join(rf"(?<=\s[A-Z][a-z]{{{n}}})" for n in range(1, 15)) + ")"
_A_LIST_GOES_ON = (
    r"(?:,\s+(?=[a-z]+,|[a-z]+\s+and\s+[a-z]+\b)|"
    rf"{_AFTER_A_NAME},\s+(?=[A-Z][\w’'-]+,|[A-Z][\w’'-]+\s+and\s+[A-Z]))"
)
_A_CLAUSE_WITH_A_LIST = (
    rf"(?:[^,;:()]|{_A_LIST_GOES_ON}){{8,160}}?(?=\s*(?:(?!{_A_LIST_GOES_ON}),|[;:.]|$))"
)


def _what_a_clause_says(sentence: str) -> Definition | None:
    """ "Alsace-Lorraine, which Germany had taken from France in 1871, was returned" →
    (Alsace-Lorraine, which Germany had taken …): a name by the clause that describes it."""
    for m in _NAME_WHICH.finditer(sentence):
        # a word the writer set in bold or italics: "the **handloom weavers**, who …"
        if m["marked"] or m["kind"]:
            if definition := _clause(f"{m['relative']} {m['clause']}", most=MAX_WORDS):
                return (m["marked"] or m["kind"], definition, ())
            continue
        opened, words = _after_opening(m["name"])
        name = " ".join(words)
        after_the = m.start() == 0 or sentence[: m.start()].endswith(("the ", "The "))
        if (
            opened
            or (m["relative"] != "which" and not after_the)  # a person: `_who_they_were`
            or (len(words) < 2 and "-" not in name)
            or name in _WELL_KNOWN
            or _NOT_IN_TERM & {*words} - {"of", "the"}
        ):
            continue  # "France, which …", "Buddhism, which …": a name a student knows; two
        if definition := _clause(f"{m['relative']} {m['clause']}", most=MAX_WORDS):
            return (name, definition, ())
    return _who_they_were(sentence) or _what_was_done(sentence)


# A measure and what it did, after the verb that brought it in: "introduced universal military
# service, making men of all classes liable …", "imposed a blockade, cutting Biafra off …",
# "in a mass campaign of civil disobedience, deliberately breaking a law …".
_WHAT_WAS_DONE = re.compile(
    r"\b(?:introduced|imposed|carried\s+out|declared\s+(?:themselves|itself)|enacted|swore|"
    r"practi[sc]ed?|a\s+(?:[a-z]+\s+)?(?:campaign|policy|programme|system)\s+of)\s+"
    r"(?:(?:a|an|the)\s+)?"
    r"(?P<name>(?:[\w’'-]+\s+){0,3}?[\w’'-]+),\s+"
    # … what it did, not what its makers hoped or said: "hoping to overtake Britain"
    r"(?P<clause>(?:[a-z]+ly\s+)?(?!(?:during|including|according|following|concerning|hoping|"
    r"thanking|believing|arguing|saying|fearing|expecting|wishing|trying)\b)"
    r"[a-z]{3,}ing\s[^,;:()]{8,160}?)(?=\s*(?:[,;:.]|$))"
)
# A named body or thing and how it was made, or what it was worth: "The Famine Inquiry
# Commission, set up by the Government of India …", "The C bonds, worth 82 billion gold marks".
_NAME_MADE = re.compile(
    rf"(?<![\w’'-])(?P<name>{_NAME_WORD}(?:\s+(?:(?:of|and|the|for)\s+)?{_NAME_WORD}){{0,5}}"
    r"(?:\s+[a-z]+s?)?),\s+"
    # … made, not doing: "…, founded in 1877", not "…, founded monasteries"
    r"(?P<clause>(?:(?:set\s+up|founded|established|created|formed)\s+"
    r"(?=(?:by|in|on|at|as|after|under|from|during)\s)|"
    r"(?:stationed|chaired|worth|totalling|totaling|made\s+up)\s)[^,;:()]{6,160}?)"
    r"(?=\s*(?:[,;:.]|$))"
)


# The last word of a body's name: "Famine Inquiry Commission", "Chernigov regiment".
_A_BODY = re.compile(
    r"^(?:Commission|Committee|Council|Society|Company|Party|Association|League|Corps|Army|Fleet|"
    r"Bank|Fund|Board|Office|Court|Assembly|Union|Government|Conference|Congress|Convention|Club|"
    r"Guard|Institute|Academy|University|School|Church|Order|Brotherhood|Front|Movement|Alliance|"
    r"Federation|regiment|battalion|brigade|division|squadron|bonds|Legion|Legions)$"
)


def _what_was_done(sentence: str) -> Definition | None:
    for m in _WHAT_WAS_DONE.finditer(sentence):
        name = m["name"]
        if re.search(r"\b(?:his|her|its|their|this|that|war|them|it)\b|\d", name) or (
            " " not in name
        ):
            continue  # "declared war, …"; "imposed peace, ending …", "a campaign of terror": a
            # word for what they did that time
        if definition := _clause(m["clause"], most=MAX_WORDS):
            return (name, definition, ())
    for m in _NAME_MADE.finditer(sentence):
        _, words = _after_opening(m["name"])
        name = " ".join(words)
        if len(words) < 2 or words[0] in _DISCOURSE or name in _WELL_KNOWN:
            continue
        if re.search(r"\sand\s|[’']s\s+[a-z]", name) or not any(map(_A_BODY.match, words)):
            continue  # "Sendai and Yonezawa, formed …": two; "Chelmsford's army": no name;
            # "George Washington, stationed at Valley Forge": a person
        if re.fullmatch(
            r"(?:founded|established|created|formed|set\s+up)\s+in\s+\d{3,4}", m["clause"]
        ):
            continue  # "The Royal Society, founded in 1660": when, not what
        if definition := _clause(m["clause"], most=MAX_WORDS):
            return (name, definition, ())
    return None


def _who_they_were(sentence: str) -> Definition | None:
    """ "…, most famously Hugo Stinnes, who had interests in coal, steel …" → (Hugo Stinnes,
    who had interests in …): a person by the clause that says who they were, wherever the
    sentence names them ("with Katsu Kaishū, who …", "under Ezana, who ruled …")."""
    for m in _PERSON_WHO.finditer(sentence):
        opened, words = _after_opening(m["name"])
        name = " ".join(words)
        if not words or words[0] in _DISCOURSE or name in _WELL_KNOWN or _NOT_IN_TERM & {*words}:
            continue
        if {w.casefold() for w in opened} & _PLACE_BEFORE:
            continue  # "In Nazi Germany Jews, who …": a place, then a people
        before = sentence[: m.start("name")]
        if re.search(rf"{_NAME_WORD},\s*$", before):
            continue  # "Hughes, Hurston, Douglas, who …": the last of a list
        if re.search(r"\b(?:the|van|von|de|da|der|du|la|le)\s+$", before) or re.search(
            r"[‘’“”']", name
        ):
            continue  # "the Dutch, who …": a people; "de Klerk"; "the 'lads of Pest', who"
        if re.search(r"\b(?:and|or)\s+$", before) or re.match(
            r"(?:will|can|should|must|may|might)\b|\S+\s+(?:it|them|him|her)\b", m["clause"]
        ):
            continue  # "Lenin, Trotsky and Stalin, who …"; "Mr Smith, who will mark …"; "who
            # edited it to insult the French": what they did that day
        if len(words) == 1 and (
            re.search(r"\b(?:of|in|from|at|to|by|than|with|for|into|on|over)\s+$", before)
            or re.search(r"(?:ans|ese|ish|s)$", name)
            or any(w.casefold() == "the" for w in opened)
        ):
            continue  # "the Muslim rulers of Egypt, who …": the rulers; "ordinary Parisians"
        if role := re.match(r"(?:[A-Z][\w’'-]*\s+)*?[A-Z]{2,}\s+(?=[A-Z][a-z])", name):
            name = name[role.end() :]  # "The Whig MP Thomas Macaulay, who …"
        if definition := _clause(f"who {m['clause']}", most=MAX_WORDS):
            titled = _TITLE.match(name)  # "Major Chukwuma Kaduna Nzeogwu" is Chukwuma … too
            return (name, definition, (name[titled.end() :],) if titled else ())
    return None


_PERSON_WHO = re.compile(
    # … "Ulysses S. Grant, who …": a middle initial
    rf"(?<![\w’'-])(?P<name>{_NAME_WORD}(?:\s+(?:(?:{_IN_A_NAME})\s+|[A-Z]\.\s+)?{_NAME_WORD}){{0,4}}"
    r"(?:\s+[IVX]+)?)"
    # … and the years of their life: "Liang Qichao (1873–1929), who …"
    r"(?:\s+\((?:c\.\s*|b\.\s*)?\d{3,4}\s*[–-]\s*(?:c\.\s*)?\d{2,4}\))?"
    r",\s+who\s+"
    r"(?!(?:meant|means|is|was|were|are|also|still|now|then|in\s+turn)\b)"
    rf"(?P<clause>{_A_CLAUSE_WITH_A_LIST})"
)


# A name and the clause that describes it: "the Qing dynasty, whose emperors came from …",
# "the handloom weavers, who wove cloth by hand …" (not "…, which meant that …").
_NAME_WHICH = re.compile(
    r"(?:\*(?P<marked>[^*]{2,60})\*|"
    # "the …", "The royal town was Mbanza Kongo, which …" (not "executed Mary Queen of Scots,
    # which outraged Catholic Europe": the execution did)
    r"(?:(?<=\bthe\s)|(?<=^)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bis\s)|(?<=\bare\s)|(?<=\bbecame\s)|"
    r"(?<=\ba\s)|(?<=\ban\s))"  # "drew up a New Economic Model, which …"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+(?:(?:of|the|de|and)\s+){0,2}[A-Z][\w’'-]+){0,4}"
    r"(?:\s+(?:dynasty|calendar|empire|kingdom|war|revolt|rebellion|movement|party|river|"
    r"mountains|islands|festival|weavers|labourers))?)|"
    # a kind of measure, body or movement: "an emancipation fund, which was meant to …", "the
    # temperance movement, which urged …", "land purchase acts, which lent tenants …"
    r"(?:(?<=\bthe\s)|(?<=\ban\s)|(?<=\ba\s)|(?<=\bpass\s))"
    r"(?P<kind>(?:(?!(?:new|old|further|heavy|high|higher|special|extra|second|first|other|"
    r"large|small|great|harsh|unpopular)\b)[a-z][\w-]+\s+){1,2}"
    r"(?:movement|fund|acts?|laws?|tax|taxes|duties|system|policy|courts?|council|scheme|"
    r"programme|tribute|bonds?)))"
    r",\s+(?P<relative>which|who|whose)\s+"
    r"(?!(?:meant|means|is|are|had|has|also|still|now|later|then)\b)"
    r"(?!(?:was|were)\s+(?!(?:meant|designed|intended)\s+to\b))"  # "which was meant to buy …"
    # … not what doing something to it did: "broke with the Church of Rome, which allowed him
    # to marry Anne Boleyn", "… Moctezuma II, which left the Aztecs leaderless"
    r"(?!(?:outraged|shocked|angered|alarmed|horrified|infuriated|dismayed|surprised)\b)"
    r"(?!(?:allowed|enabled|forced|left|let)\s+(?:him|her|them|us|the\s+[A-Z]))"
    rf"(?P<clause>{_A_CLAUSE_WITH_A_LIST})"
)


# What happened in a named war or campaign, or by a treaty: "In the Crimean War (1853–1856)
# Russia fought an alliance led by …", "In the Four Pests Campaign, launched in 1958, the
# population was mobilised to kill …", "by the Cyprus Convention, Britain promised to …".
_IN_THE_NAME = re.compile(
    r"^(?:(?:In|During|By|Under|Through)\s+)the\s+"
    rf"(?P<name>(?:[A-Z][\w’'–-]*\s+(?:(?:of|and|the|for|on)\s+){{0,2}}){{1,5}}"
    r"(?:War|Battle|Siege|Campaign|Revolution|Rebellion|Revolt|Rising|Uprising|Crisis|Famine|"
    r"Expedition|Raid|Offensive|Treaty|Convention|Agreement|Pact|Act|Settlement|Peace|Policy|"
    r"Plan|Programme|System|Reforms?))\b"
    r"(?:\s*\([^()]{1,40}\)|\s+of\s+\d{4}(?:[–-]\d{2,4})?)?"  # "(1853–1856)", "of 1956–57"
    r"(?:,\s+[^,;:()]{1,100},)?\s+"  # ", launched in 1958,"
    rf"(?P<clause>(?:the\s+)?(?:[A-Z][\w’'-]*|[a-z]+)(?:\s+[A-Z][\w’'-]*)?\s+"
    rf"(?:was\s+|were\s+|had\s+)?(?:[a-z]{{3,}}ed|{_IRREGULAR})\b[^;:()]{{8,200}}?)"
    r"\s*(?=[;:]|(?<!\b[A-Z])\.(?:\s|$)|,\s+(?:and|but|which|while|so)\b|$)"
)


_NAME_DID = re.compile(
    # "On 23 March the Enabling Act gave …", "In 1909 the Morley-Minto Reforms gave …"
    r"^(?:(?:In|On|By|After)\s+(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?\d{1,4}(?:\s+[A-Z][a-z]+)?,?\s+"
    # … a law's, after a date ("On 23 March the Enabling Act gave …"), not an army's
    rf"(?=the\s+(?:[A-Z][\w’'–-]*\s+(?:(?:of|and|the|for|on)\s+){{0,2}}){{1,6}}"
    rf"(?:{_KIND_OF_LAW})\b)"
    # … or the clause after ", and", a law's: "…, and the Law Code of 1649, known as …, bound
    # …" (not "…, and the Red Army pushed them back", "Britain, France, and the Russian …")
    r"|[^;:()]*?(?:,\s+and|;)\s+"
    rf"(?=the\s+(?:[A-Z][\w’'–-]*\s+(?:(?:of|and|the|for|on)\s+){{0,2}}){{1,6}}"
    rf"(?:{_KIND_OF_LAW})\b))?"
    rf"(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w’'–-]*\s+(?:(?:of|and|the|for|on)\s+){{0,2}}){{1,6}}"
    rf"(?:{_KIND_OF_THING})\b(?:\s+of\s+(?:[A-Z][\w’'-]*|\d{{4}})(?:\s+[A-Z][\w’'-]*){{0,3}}|"
    r"\s+\d{4}(?!\s*[–-]))?|"  # "The Ballot Act 1872"
    rf"(?:{_KIND_OF_THING})\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,3}})"
    # "The Act of Proscription of 1746 banned …", "the Act of Supremacy of November 1534 made
    # …", "the Combination Acts of 1799 and 1800 made …"
    r"(?:\s+of\s+(?:[A-Z][a-z]+\s+)?\d{4}(?:\s+and\s+\d{4})?)?"
    # "The Act of Supremacy (1534) made …", "The Diet of Speyer in 1526 discussed …"
    r"(?:\s*\(\d{4}(?:[–-]\d{2,4})?\)|\s+in\s+\d{4})?"
    # ", passed in March 1881,", ", known in Russian as the Ulozhenie,"
    rf"(?:,\s+(?:[a-z]{{3,}}ed|known|{_IRREGULAR})\b[^,;:()]{{1,60}},)?\s+"
    # … "still forbade", "then confirmed": what it did, after an adverb
    r"(?:(?:still|then|also|soon|finally|formally|further|effectively)\s+)?"
    rf"(?P<clause>(?!(?:{_WHEN_VERBS})\b)(?:[a-z]{{3,}}ed|{_IRREGULAR})\b[^;:()]{{8,240}}?)"
    r"\s*(?=[;:]|(?<!\b[A-Z])\.(?:\s|$)|,\s+(?:and|but|which|while|so)\b|\s\(|$)"
)


def what_it_did(sentence: str) -> Definition | None:
    """ "The Stolypin reforms allowed peasants to leave …" → (Stolypin reforms, allowed …), "…
    issued the No Rent Manifesto, calling on tenants to …" → (No Rent Manifesto, calling …): a
    named thing by what it did or a document by what it says — a description, which the draft
    takes only for a name no sentence defines."""
    # read without its marks: "The **Act of Proscription** of 1746 banned …"
    if (m := _NAME_DID.match(sentence.replace("*", ""))) is None:
        return _what_it_says(sentence)
    name = _OWNER.sub("", m["name"].strip())  # "China's First Five-Year Plan"
    dated = name
    name = re.sub(r"(?<=[a-z])\s+of\s+\d{4}$", "", name)  # "The October Diploma of 1860 gave …"
    if len(name.split()) < 2 or name in _WELL_KNOWN or re.match(r"\S+[’']s\s+[a-z]", name):
        return None  # "The Soviet Union withdrew …"; "The WCTU's campaign led …": no name
    said = _TRAILING_TIME.sub("", m["clause"])
    if len(said.split()) < 3 or re.search(r"\d", said):
        # "… began in 1868": when, not what; "… won 37 per cent of the vote": a result — but
        # "The Famine Inquiry Commission, set up by …, reported in 1945" says how it was made
        return _what_was_done(sentence)
    definition = _clause(said, most=MAX_WORDS)
    return (name, definition, () if dated == name else (dated,)) if definition else None


_NOT_A_NAME_START = {"whether", "his", "her", "its", "their", "our", "this", "that", "these"}
# Names a student knows, or will meet in every history lesson, whatever the text says of them.
_WELL_KNOWN = {
    "Soviet Union", "First World War", "Second World War", "Cold War", "Ottoman Empire",
    "British Empire", "Roman Empire", "Communist Party", "United Nations", "European Union",
    "United States", "United Kingdom", "Indian Ocean", "Atlantic Ocean", "Pacific Ocean",
    "Middle East",
}  # fmt: skip


def _glossed_in_a_phrase(sentence: str) -> list[Definition]:
    """A word glossed in brackets inside its phrase: "the starboard (right-hand) side",
    "commanded by Kapitänleutnant (Lieutenant-Commander) Walther Schwieger", "the iwi (tribe)
    Te Rarawa" — not a name's other name ("the Thukela (Tugela) River"), its letters ("the
    Economic Co-operation Administration (ECA) was …") or a name's last word."""
    found: list[Definition] = []
    named = {term for term, _, _ in _parenthesised(sentence)}
    for m in _GLOSSED_IN_A_PHRASE.finditer(sentence):
        if m["gloss"] in named:
            continue  # "peasants (serfs)": the bracket's word is the term, `_parenthesised`
        before = [w for w in sentence[: m.start()].split()[-2:] if w not in _NAME_PARTICLES]
        if _capitalised(m["term"].lstrip("ʻ’'")) and before and _capitalised(before[-1]):
            continue  # "the Land Law (Ireland) Act", "Rua do Ouro (Gold Street)": a name's end
        if m["term"].lower() in _LEADING_SMALL or _NOT_A_GLOSS.match(m["gloss"]):
            continue
        found.append((m["term"], m["gloss"], ()))
    return found


_GLOSSED_IN_A_PHRASE = re.compile(
    r"(?<![\w’'-])(?P<term>[^\W\d_][\w’'-]{2,})\s+"
    # … a gloss of three words at most, in small letters or of two capitalised ones
    r"\((?P<gloss>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}|[A-Z][a-z]+(?:[- ][A-Z][a-z]+)+)\)"
    r"\s+(?=[^\W\d_])"
)
_NOT_A_GLOSS = re.compile(
    r"(?:see|cat|fig|plate|now|meaning|literally|later|soon|modern|the|a|an|or|and|i\.e|e\.g)\b",
    re.IGNORECASE,
)


def _parenthesised(sentence: str) -> list[Definition]:
    """ "the Corn Laws (taxes on imported grain)" → (Corn Laws, taxes on imported grain);
    "NASA (the National Aeronautics and Space Administration)" → (NASA, …)."""
    found: list[Definition] = []
    for m in _PAREN_AT.finditer(sentence):
        # "(Islahat Fermanı; a ferman was …)": its other name, then a sentence of its own
        found += _bracketed(sentence[: m.start()], m["clause"].split(";")[0].strip())
    return found


# A sentence in brackets: "(Rumelia was the Ottoman name for their lands in Europe)".
_BRACKETED_SENTENCE = re.compile(
    r"(?:[A-Z][\w’'-]*|(?:the|a|an)\s+[a-z]+)(?:\s+[\w’'-]+){0,3}\s+(?:was|were|is|are)\s+"
    r"(?:a|an|the)\s"
)
# "The Dutch East India Company (usually known by its Dutch initials, VOC)"
_INITIALS = re.compile(
    r"(?:usually\s+|often\s+|also\s+)?(?:known|called|abbreviated)\s+(?:by|as|to)\b[^()]*?"
    r"(?P<acronym>[A-Z][A-Z0-9&]{1,9})$"
)


# A verb a bracket glosses after it: "gave up (abdicated)", "set free (manumitted)".
_DONE_BEFORE = re.compile(
    rf"\b((?:{_IRREGULAR}|[a-z]{{3,}}ed)(?:\s+(?:up|down|out|off|away|over|back|free))?)\s*$"
)


def _bracketed(head: str, clause: str) -> list[Definition]:
    """What a bracket after `head` holding `clause` defines."""
    if (
        _ACRONYM.match(clause)
        or _DATE_OR_NUMBER.search(clause[:4])
        or _SPELLED.match(clause)
        or re.match(r"(?:today|now)\b", clause)
        # … a catalogue's or a book's number: "(cat. nos. 14–16)", "(fig. 3)", "(see p. 12)",
        # "(plate 4)" (not "(fig tree)", "(no one provokes me …)": words)
        or re.match(r"(?i:cat|fig|figs|pl|pls|nos?|pp?|vol|ch|cf|ill|inv)\.\s", clause)
        or re.match(r"(?i:see)\s+(?:p|pp|fig|page|plate|below|above|section|chapter)\b", clause)
        or re.match(r"(?i:plate|figure|illustration)\s+\d", clause)
    ):
        return []  # an acronym after its expansion, a date, a spelling, a place's name today
    if _BRACKETED_SENTENCE.match(clause):
        return _copular(clause)
    if _A_HEDGE.match(clause):
        return []  # "in front of perhaps 1,000 to 1,300 men (estimates vary)": said of the count
    if re.match(
        rf"[A-Z][\w’'-]*(?:\s+[\w’'-]+){{0,2}}\s+(?:was|were|is|are|had|{_IRREGULAR})\b", clause
    ):
        return []  # "John of Gaunt's grand London house (Gaunt himself was away …)": an aside
    if re.fullmatch(r"[a-z]{4,}ed", clause) and (done := _DONE_BEFORE.search(head)):
        return [(clause, done[1], ())]  # "Charles gave up (abdicated) his lands"
    term = _phrase_before(head)
    if initials := _INITIALS.match(clause):
        return [(initials["acronym"], term, ())] if term else []
    verb = re.search(r"\b([a-z]{3,}(?:ed|ised|ized))\s*$", head)  # "ceded (gave up …)"
    if not term and verb and re.match(rf"(?:[a-z]+ed|{_IRREGULAR})\b", clause):
        return [(verb[1], clause, ())]  # "Joan was canonised (declared a saint)"
    italic = head.endswith("*")  # "*colectividades* (collectives)"
    own_name = re.fullmatch(r"[a-z][\w-]+|\*[^*\s]+(?:\s[^*\s]+){0,2}\*", clause)
    if own_name and term[:1].islower() and not italic and not _foreign(term, clause):
        # "a numbered rank (mansab)", "landless labourers (*peones*)": the thing's own name
        article = list(re.finditer(r"\b(?:a|an|the)\s", head))
        what = head[article[-1].start() :] if article else ""
        # … but "a system in which | peasants (serfs)": the noun phrase the bracket follows
        # … and not "a distinction between | veneration (proskynesis)", "an image, and |
        # worship (latreia)": the word the bracket follows
        whole = (
            what
            and len(what.split()) <= 6
            and not _RELATIVE.search(what)
            and not re.search(r",|\b(?:of|between|for|with|to|from|in|on|at|by)\s", what)
        )
        definition = _clause(what if whole else term)
        return [(clause.strip("*"), definition, ())] if definition else []
    quoted = clause[:1] in '“"‘'  # a translation: ("Spear of the Nation")
    named = not re.search(r"\b[a-z]{2,}\b", clause) and not quoted and not italic
    if named and not _ACRONYM.match(term):
        return []  # "(Ottoman Empire)": a name, but "*Union des femmes* (Women's Union)"
    definition = _clause(re.sub(r"^literally\s+", "", clause).strip("“”\"‘’'"))
    return [(term, definition, ())] if term and definition else []


def _foreign(term: str, gloss: str) -> bool:
    """Whether `term` is a foreign word and `gloss` its English: "his nökör (companions)"."""
    return not term.isascii() and gloss.isascii()
