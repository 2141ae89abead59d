"""Full citations of seeds in MLA (9th ed.), Chicago (17th ed., bibliography) or APA (7th ed.).

Facts a seed does not state itself (`attributed` in its metadata) are shown in
square brackets, the bibliographer's convention for information supplied from
outside the source. Nothing is invented: a missing date is "n.d." (Chicago,
APA) or left out (MLA); no URL is ever printed unless the metadata has one.

Why not citeproc-py: on these records it put commas and full stops outside the
closing quotation mark in American styles, repeated a missing author's title
twice (MLA) and dropped an entry altogether (Chicago author-date).

Each citation is HTML (italics, escaped metadata) and leaves here as `markupsafe.Markup`,
so templates print it as it is.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from .dates import MONTHS, DateError, parse_date
from .i18n import ENGLISH, N_, QUOTED, SOURCE, Words, pseudo
from .markup import typeset
from .schema import MetaValue, SeedMeta

MLA_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def _text(value: MetaValue | None) -> str:
    """HTML for one metadata value; attributed values go in square brackets."""
    if value is None:
        return ""
    shown = escape(typeset(value.value))
    return f"[{shown}]" if value.attributed else shown


def _italic(value: MetaValue | None) -> str:
    return f"<i>{_text(value)}</i>" if value else ""


def _ymd(meta: SeedMeta) -> tuple[int, int, int] | None:
    if meta.date is None:
        return None
    try:
        when = parse_date(meta.date.value)
    except DateError:
        return None
    return (when.start.year, when.start.month, when.start.day)


def _end(text: str) -> str:
    """Close a citation element with a full stop unless it already ends in punctuation."""
    return text if text.endswith((".", "?", "!", ".”", "?”", "!”")) else text + "."


def _quoted_title(meta: SeedMeta, words: Words) -> str:
    """“Title.” with the full stop inside the quotation marks, as American styles require
    (the marks `words`' language uses: « » in French)."""
    return words.say(QUOTED, quotation=_end(_text(meta.title)))


def _month(month: int, words: Words, style: str) -> str:
    """A month's name in a citation: the style's own English form ("Jan." in MLA), else the
    language's, as Babel gives it ("janvier", "Januar")."""
    if words.english:
        name = (MLA_MONTHS if style == "mla" else MONTHS)[month - 1]
        return name if words.catalogue == SOURCE else pseudo(name)
    from babel.dates import get_month_names

    return str(
        get_month_names("abbreviated" if style == "mla" else "wide", locale=words.catalogue)[month]
    )


def mla(meta: SeedMeta, words: Words = ENGLISH) -> Markup:
    parts = []
    if meta.author:
        parts.append(_end(_text(meta.author)))
    parts.append(_quoted_title(meta, words))
    container = meta.website or meta.publisher
    tail = []
    if container:
        tail.append(_italic(container))
    if meta.publisher and meta.website and meta.publisher.value != meta.website.value:
        tail.append(_text(meta.publisher))
    if (ymd := _ymd(meta)) is not None and not words.english:
        tail.append(_babel_date(ymd, words, "yMMMd", "yMMM"))  # "24 juin 2021", "24. Juni 2021"
    elif ymd is not None:
        year, month, day = ymd
        tail.append(
            " ".join(
                str(x) for x in (day or "", _month(month, words, "mla") if month else "", year) if x
            )
        )
    if tail:
        parts.append(_end(", ".join(tail)))
    return Markup(" ".join(parts))


def _babel_date(ymd: tuple[int, int, int], words: Words, day_form: str, month_form: str) -> str:
    """A date in a citation as `words`' language writes it (Babel's skeletons: `day_form`
    for a day, `month_form` for a month alone); a year as it is."""
    from datetime import date

    from babel.dates import format_skeleton

    year, month, day = ymd
    if not month or year < 1:  # Babel's calendar starts at 1 CE
        return str(year)
    form = day_form if day else month_form
    return str(format_skeleton(form, date(year, month, day or 1), locale=words.catalogue))


def _long_date(ymd: tuple[int, int, int] | None, words: Words = ENGLISH) -> str:
    if ymd is None:
        return words.say(NO_DATE)
    if not words.english:
        return _babel_date(ymd, words, "yMMMMd", "yMMMM")  # "24 juin 2021", "24. Juni 2021"
    year, month, day = ymd
    if day:
        return f"{_month(month, words, 'chicago')} {day}, {year}"
    return f"{_month(month, words, 'chicago')} {year}" if month else str(year)


def chicago(meta: SeedMeta, words: Words = ENGLISH) -> Markup:
    say = words.say
    parts = []
    if meta.author:
        parts.append(_end(_text(meta.author)))
    parts.append(_quoted_title(meta, words))
    container = meta.website or meta.publisher
    if meta.kind == "encyclopedia entry" and container:
        parts.append(_end(say("In {container}", container=_italic(container))))
    elif container:
        parts.append(_end(_text(container)))
    if meta.publisher and meta.website and meta.publisher.value != meta.website.value:
        parts.append(_end(_text(meta.publisher)))
    date = _long_date(_ymd(meta), words)
    if meta.date_kind == "updated" and meta.date:
        date = say("Last modified {date}", date=date)
    parts.append(_end(date))
    return Markup(" ".join(parts))


def apa(meta: SeedMeta, words: Words = ENGLISH) -> Markup:
    say = words.say
    ymd = _ymd(meta)
    if ymd is None:
        date = f"({say(NO_DATE)})."
    else:
        year, month, day = ymd
        if day and not words.english:  # (2021, 24 juin), (2021, 24. Juni)
            date = f"({year}, {_babel_date((2000, month, day), words, 'MMMMd', 'MMMM')})."
        else:
            date = f"({year}, {_month(month, words, 'apa')} {day})." if day else f"({year})."
    container = meta.website or meta.publisher
    # APA moves the title to the author position when there is no author
    head = [_end(_text(meta.author if meta.author else meta.title)), date]
    if meta.kind == "encyclopedia entry":
        body = [] if not meta.author else [_end(_text(meta.title))]
        if container:
            body.append(_end(say("In {container}", container=_italic(container))))
    else:
        body = [_end(f"<i>{_text(meta.title)}</i>")] if meta.author else []
        if container:
            body.append(_end(_text(container)))
    return Markup(" ".join(head + body))


def maker(meta: SeedMeta, words: Words = ENGLISH) -> Markup:
    """Who made the source, as HTML, for a worksheet's answer key."""
    say = words.say
    parts = [
        say("Author: {name}", name=_text(meta.author)) if meta.author else say("No author named")
    ]
    if meta.website is not None:
        parts.append(say("website: {name}", name=_text(meta.website)))
    if meta.publisher is not None:
        parts.append(say("publisher: {name}", name=_text(meta.publisher)))
    return Markup(words.listed(parts) + ".")


def dated(meta: SeedMeta, words: Words = ENGLISH) -> Markup:
    """When the source was written or updated, in its own words where it gives them, as HTML
    (packet's words and the date as `words`' language writes them)."""
    say = words.say
    if meta.date is None:
        return Markup(escape(say("No date given.")))
    if meta.date.as_written:
        return Markup(say("“{date}”, as the source puts it.", date=escape(meta.date.as_written)))
    ymd = _ymd(meta)
    when = _text(meta.date) if words.english or ymd is None else _local_date(ymd, words)
    if meta.date_kind == "updated":
        return Markup(say("Updated {date}", date=when) + ".")
    return Markup(say("Published {date}", date=when) + ".")


def _plain(value: MetaValue) -> str:
    """One metadata value as text; attributed values go in square brackets."""
    return f"[{typeset(value.value)}]" if value.attributed else typeset(value.value)


NO_DATE = N_("n.d.")  # a citation's "no date", as the styles abbreviate it
# The kinds of disagreement (`schema.DisagreementEntry.kind`), as the comparison prints them.
DISAGREEMENT_WORDS = (
    N_("date"), N_("number"), N_("name"), N_("spelling"), N_("detail"), N_("interpretation"),
)  # fmt: skip
# The kinds of source (`schema.SeedKind`) as packet prints them, marked for the catalogues.
KIND_WORDS = (
    N_("web page"), N_("encyclopedia entry"), N_("news article"), N_("book"), N_("document"),
    N_("image"),
)  # fmt: skip


def headnote_facts(meta: SeedMeta, words: Words = ENGLISH) -> tuple[tuple[str, str], ...]:
    """A document's headnote, from its seed's record: who made it, what kind of source it
    is, when, and for what purpose — each (label, text), packet's words in `words`' language
    (dates as that language writes them); facts the seed does not state are in [brackets],
    and what the record lacks is said to be unknown, never filled in."""
    say = words.say
    container = meta.website or meta.publisher
    ymd = _ymd(meta)
    when = say("Not given") if ymd is None else _local_date(ymd, words)
    if ymd is not None and meta.date_kind == "updated":
        when = say("Updated {date}", date=when)
    kind = say(meta.kind)
    return (
        (say("Author"), _plain(meta.author) if meta.author else say("Not named")),
        (say("Published by"), _plain(container) if container else say("Not named")),
        (say("Kind of source"), kind[0].upper() + kind[1:]),
        (say("Date"), when),
        (say("Purpose"), typeset(meta.purpose or meta.kind_basis)),
    )


def _local_date(ymd: tuple[int, int, int], words: Words) -> str:
    """A date as `words`' language writes it in full ("24 juin 2021"); English as before."""
    if words.english:
        return _long_date(ymd)
    from datetime import date

    from babel.dates import format_date, format_skeleton

    year, month, day = ymd
    if day:
        return format_date(date(year, month, day), "long", locale=words.catalogue)
    if month:
        return format_skeleton("yMMMM", date(year, month, 1), locale=words.catalogue)
    return str(year)


STYLES = {"mla": mla, "chicago": chicago, "apa": apa}
STYLE_NAMES = {
    "mla": N_("MLA (9th edition)"),
    "chicago": N_("Chicago (17th edition)"),
    "apa": N_("APA (7th edition)"),
}


def citation(meta: SeedMeta, style: str, words: Words = ENGLISH) -> Markup:
    """The full citation of a seed as HTML, in `style` ('mla', 'chicago' or 'apa'), its
    words ("In", "n.d.", month names) in `words`' language."""
    return STYLES[style](meta, words)
