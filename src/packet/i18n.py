"""The words packet itself prints, in the project's language: gettext catalogues (Babel's
`.po` files in `locale/`, one per shipped language), read once per process.

`language` in packet.toml is the language of the project's content and, unless `--language`
says otherwise, of packet's own words. The catalogues are read from their `.po` text and
compiled in memory, so the repository holds only what translators edit. `PSEUDO` is a
language for tests: every catalogue string transformed, so that a word packet prints without
its catalogue stands out.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

LOCALE = Path(__file__).parent / "locale"
DOMAIN = "packet"
SOURCE = "en"  # the language packet's words are written in: no catalogue
SHIPPED = ("en", "fr", "es", "de")
PSEUDO = "qps"  # a pseudo-locale: each catalogue string ⟦accented and wrapped⟧
_PLACEHOLDER = re.compile(r"(\{[a-z_]*\}|%\([a-z_]+\)[sd]|%[sd])")
_ACCENTED = str.maketrans(
    "AEIOUYaeiouyCcNnSsZz",
    "ÀÉÎÖÛÝàéîöûýÇçÑñŠšŽž",
)


def base_language(tag: str) -> str:
    """A language tag's language, without its region or script: "fr-CA", "fr_CA" → "fr"."""
    return tag.replace("_", "-").split("-")[0].lower()


def same_language(one: str, other: str) -> bool:
    """Whether two language tags name the same language ("fr" and "fr-CA" do)."""
    return base_language(one) == base_language(other)


def catalogue_language(language: str) -> str:
    """The shipped catalogue for a language tag: "fr-CA" → "fr"; English (and any language
    packet has no catalogue for) → "en"."""
    base = base_language(language)
    if language == PSEUDO:
        return PSEUDO
    return base if base in SHIPPED else SOURCE


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalogue of `language` (by `catalogue_language`), compiled from its `.po`."""
    chosen = catalogue_language(language)
    if chosen == SOURCE:
        return gettext.NullTranslations()
    if chosen == PSEUDO:
        return _Pseudo()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with (LOCALE / chosen / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalog = read_po(po, locale=chosen, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def pseudo(text: str) -> str:
    """`text` as the pseudo-locale gives it: ⟦letters accented⟧, each placeholder outside
    the marks — the values filled in are not the message's, and a word of packet's among
    them must show untransformed."""
    return "".join(
        part if _PLACEHOLDER.fullmatch(part) else f"⟦{part.translate(_ACCENTED)}⟧"
        for part in _PLACEHOLDER.split(text)
        if part
    )


class _Pseudo(gettext.NullTranslations):
    """Every message of the catalogues transformed, and only those: a word packet prints
    that the catalogues lack (a value passed to `_` that no `N_` marked) stays as it is, and
    so stands out."""

    def __init__(self) -> None:
        super().__init__()
        from babel.messages.pofile import read_po

        with (LOCALE / f"{DOMAIN}.pot").open("rb") as pot:
            self.messages = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot)}

    def gettext(self, message: str) -> str:
        return pseudo(message) if message in self.messages else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        chosen = singular if n == 1 else plural
        return pseudo(chosen) if singular in self.messages else chosen


class Words:
    """Packet's own words in one language, for templates and code: `_("Contents")` in a
    template, `words.say("Page {page} of {pages}", page=1, pages=3)` in code."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.catalogue = catalogue_language(language)
        self._translations = translations(language)

    @property
    def english(self) -> bool:
        """Whether the words are English (or the pseudo-locale's English, transformed):
        dates and month names then stay as packet writes them in English."""
        return self.catalogue in (SOURCE, PSEUDO)

    @property
    def catalogue_tag(self) -> str:
        """The language the words are in, as a `lang` attribute names it: the catalogue's
        (English for a language packet has no catalogue for)."""
        return "en" if self.catalogue == PSEUDO else self.catalogue

    def say(self, message: str, /, **values: object) -> str:
        """`message` in this language, each `{name}` filled from `values`."""
        return _filled(self._translations.gettext(message), values)

    __call__ = say  # a template's `_("…")`

    def number(self, value: float, decimals: int = 0) -> str:
        """`value` as the language writes numbers: "1,234" and "10.6" in English, "1 234"
        and "10,6" in French (Babel's locale data); `decimals` places after the point."""
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        locale = SOURCE if self.english else self.catalogue
        return str(format_decimal(value, format=pattern, locale=locale))

    def listed(self, parts: Iterable[str]) -> str:
        """`parts` as clauses of one sentence, joined by the language's semicolon ("; " in
        English, " ; " with a no-break space in French)."""
        return self.say(SEMICOLON).join(parts)

    def say_plural(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        return _filled(
            self._translations.ngettext(singular, plural, count), {"count": count, **values}
        )


# Packet's words where no language is given (a caller outside a packet: the tests, a
# citation for sorting): English, the words as written.
ENGLISH = Words(SOURCE)
_NAMED = re.compile(r"\{([a-z_]+)\}")


def _filled(text: str, values: dict[str, object]) -> str:
    """`text` with each `{name}` replaced by its value — only plain names, never the
    attribute or index lookups `str.format` would make (a project template passes the
    message: the sandbox must hold)."""
    return _NAMED.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


def N_(message: str) -> str:
    """Mark `message` as one of packet's words where it is defined (an activity's title);
    it is translated where it is printed (`_(activity.title)` in a template)."""
    return message


# Quotation marks packet adds around a source's words or a title: each language's own
# (« » in French, „ “ in German); the quotation inside keeps the source's marks.
QUOTED = N_("“{quotation}”")
# Between clauses of one sentence (`Words.listed`): a list of a source's makers, of periods.
SEMICOLON = N_("; ")


# Where packet's words are: the theme's templates call `_`, the code `words.say(…)` (an
# `i18n.Words`) or marks them with `N_`.
TEMPLATES = ("theme/*.j2", {"_": None})
CODE = ("*.py", {"say": None, "N_": None, "say_plural": (1, 2)})


def extract() -> Catalog:
    """Every message packet prints, from its templates and code, in a catalogue (the
    `.pot` that `make catalogues` writes and each language's `.po` is updated from)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(project="packet", domain=DOMAIN, fuzzy=False)
    package = Path(__file__).parent
    options = {"trim_blocks": "true", "lstrip_blocks": "true"}
    for (pattern, keywords), method in ((TEMPLATES, "jinja2"), (CODE, "python")):
        for path in sorted(package.glob(pattern)):
            where = path.relative_to(package).as_posix()
            for line, message, comments, context in extract_from_file(
                method, path, keywords=keywords, options=options if method == "jinja2" else {}
            ):
                catalog.add(
                    message, locations=[(where, line)], auto_comments=comments, context=context
                )
    return catalog


CATALOGUE_DATE = datetime(2026, 12, 2, tzinfo=UTC)


def write_catalogues() -> list[Path]:
    """`make catalogues`: the `.pot` from packet's templates and code, and each shipped
    language's `.po` brought up to it — new messages added untranslated, gone ones dropped,
    translations and the translators' notes kept. Returns the files written."""
    from babel.messages.pofile import read_po, write_po

    template = extract()
    template.creation_date = CATALOGUE_DATE  # the same catalogues for the same messages
    written = [LOCALE / f"{DOMAIN}.pot"]
    LOCALE.mkdir(exist_ok=True)
    with written[0].open("wb") as pot:
        write_po(pot, template, omit_header=True, sort_output=True, width=100)
    for language in SHIPPED:
        if language == SOURCE:
            continue
        path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            with path.open("rb") as po:
                catalog = read_po(po, locale=language, domain=DOMAIN)
        else:
            from babel.messages.catalog import Catalog

            catalog = Catalog(locale=language, domain=DOMAIN, project="packet")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = catalog.revision_date = CATALOGUE_DATE
        catalog.fuzzy = False  # the header: the catalogue is in use
        catalog.project, catalog.version = "packet", "1"
        catalog.copyright_holder = catalog.last_translator = "packet's maintainers"
        catalog.language_team = language
        catalog.msgid_bugs_address = "the project's issue tracker"
        with path.open("wb") as po:
            write_po(po, catalog, sort_output=True, ignore_obsolete=True, width=100)
        written.append(path)
    return written


def untranslated(language: str) -> list[str]:
    """The messages `language`'s catalogue leaves untranslated (or marks fuzzy)."""
    from babel.messages.pofile import read_po

    with (LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)

    def done(string: object) -> bool:
        forms = string if isinstance(string, (tuple, list)) else (string,)
        return all(forms)

    return [str(m.id) for m in catalog if m.id and (not done(m.string) or m.fuzzy)]
