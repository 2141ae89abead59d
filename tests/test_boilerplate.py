"""Boilerplate removal measured on a labelled set of saved pages.

Each page in tests/boilerplate/ (or elsewhere, see PAGES) has a `.labels.txt` file listing
the start of every article block (heading or paragraph). A kept block is correct when it
starts with a labelled start; precision is correct kept blocks / kept blocks, recall is
labelled blocks kept / labelled blocks. The test prints the table that README quotes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from docmaker import make_pdf
from packet import extract
from packet.sources import KINDS, article, decode, is_handout_furniture

HERE = Path(__file__).parent / "boilerplate"
PAGES = {
    "asia-highlights": REPO / "seeds" / "000_cca718986b70f43e.txt",
    "encyclopedia": REPO / "seeds" / "003_9141d28ebf9b3703.txt",
    "berlin-wall-notes": Path(__file__).parent / "articles" / "berlin-wall-notes.txt",
    "berlin-wall-page": Path(__file__).parent / "articles" / "berlin-wall-page.html",
    "rosetta-stone-blog": HERE / "rosetta-stone-blog.html",
    "printing-press": HERE / "printing-press.md",
}


def labels(name: str) -> list[str]:
    lines = (HERE / f"{name}.labels.txt").read_text(encoding="utf-8").splitlines()
    return [line[2:] for line in lines if line.startswith("+ ")]


def measure(name: str) -> tuple[int, int, int]:
    """(kept blocks, correct kept blocks, labelled blocks) for one page."""
    path = PAGES[name]
    text, _ = decode(path.read_bytes())
    kept = [block for _, block in article(text, KINDS[path.suffix]).blocks]
    wanted = labels(name)
    correct = sum(1 for block in kept if any(block.startswith(w) for w in wanted))
    return len(kept), correct, len(wanted)


def test_boilerplate_removal_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    rows = {name: measure(name) for name in PAGES}
    kept = sum(r[0] for r in rows.values())
    correct = sum(r[1] for r in rows.values())
    wanted = sum(r[2] for r in rows.values())
    with capsys.disabled():
        print("\npage                  kept  article  precision  recall")
        for name, (k, c, w) in rows.items():
            print(f"{name:<20} {k:>5} {w:>8} {c / k:>10.0%} {c / w:>7.0%}")
        precision, recall = correct / kept, correct / wanted
        print(f"{'all pages':<20} {kept:>5} {wanted:>8} {precision:>10.0%} {recall:>7.0%}")
    assert correct / kept >= 0.95 and correct / wanted >= 0.95
    for name, (_kept, c, w) in rows.items():
        assert c == w, f"{name}: {w - c} article block(s) lost"


def test_markdown_link_lines_are_furniture_and_the_article_is_kept() -> None:
    page = "\n\n".join(
        [
            "[Home](/) › [World History](/world) › Zheng He's Fleets",
            "# The Treasure Fleets",
            "In 1405 a fleet of over two hundred ships left the Yangtze · it sailed west.",
            "*Enjoyed this article?* Share it: [Facebook](#) · [X](#) · [Email](#)",
            "**You might also like:** [The Silk Road in 10 Objects](/silk) · [Vasco da Gama](/g)",
            "- [How Bismarck made Germany in three wars](/bismarck)",
        ]
    )
    found = article(page, "markdown")
    assert found.title == "The Treasure Fleets"
    assert [block for _, block in found.blocks] == [
        "In 1405 a fleet of over two hundred ships left the Yangtze · it sailed west."
    ]
    assert len(found.skipped) == 4


def test_a_pages_own_review_date_is_furniture_not_history() -> None:
    page = (
        "<html><body><article><h1>The Trail of Tears</h1>"
        "<p class='updated'>Last reviewed 3 April 2024</p>"
        "<p>In 1838 about 13,000 Cherokee were forced west along routes through Tennessee, "
        "Kentucky and Illinois, and thousands of them died on the way.</p>"
        "<p>The removal opened millions of acres of their land to white settlers.</p>"
        "</article></body></html>"
    )
    found = article(page, "html")
    assert all("reviewed" not in block for _, block in found.blocks)
    assert len(found.blocks) == 2


def test_a_short_paragraph_ending_in_a_notes_mark_or_a_quotation_is_no_heading() -> None:
    text = "\n\n".join(
        [
            "The Rising of 1857",
            "Causes",
            "Lucknow was relieved in November 1857.[6]",
            "‘We have lost India,’ he wrote, ‘for a time.’",
            "The Siege of Delhi (1857)",
            "The city fell to the British in September 1857 after a long siege.",
        ]
    )
    found = article(text, "text")
    assert [role for role, _ in found.blocks] == ["heading", "para", "para", "heading", "para"]


def test_a_typed_handouts_course_line_form_line_and_footer_are_furniture() -> None:
    """A handout typed as plain text: its course line at the top was its title and drafted a
    "1900–1923" event, its real title was dropped as the heading of nothing, and "Name: ____
    Class: ____" was a heading."""
    text = "\n\n".join(
        [
            "Year 10 History | Unit 4: Britain and Ireland, 1900-1923 | Handout 7",
            "The Irish War of Independence, 1919-1921",
            "Name: ______________________________   Class: ________",
            "Read the whole handout before you start the questions at the end.",
            "Background",
            "On 21 January 1919 the Dáil met in Dublin and declared independence.",
            "History Department | Handout 7 of 9 | Keep this sheet in your folder",
            "GCSE History | Unit 3: British India, 1900-1947",
        ]
    )
    found = article(text, "text")
    assert found.title == "The Irish War of Independence, 1919-1921"
    assert [role for role, _ in found.blocks] == ["para", "heading", "para"]
    assert not any("|" in block or "___" in block for _, block in found.blocks)
    assert len(found.skipped) == 4


def test_a_handouts_key_words_are_text_not_headings() -> None:
    """Batch 21's handout listed its key words one to a line ("Chronicler - a writer who …"):
    short lines with no full stop, each read as the heading of the next and the last as the
    heading of nothing, and dropped — with the terms they define."""
    text = "\n\n".join(
        [
            "The Peasants' Revolt",
            "In 1381 the peasants of Essex and Kent rose.",
            "Key words",
            "Poll tax - a tax charged on every person",
            "Chronicler - a writer who recorded events year by year",
            "Lord Chancellor: the king's chief minister",
        ]
    )
    found = article(text, "text")
    assert found.blocks[-3:] == [
        ("para", "Poll tax - a tax charged on every person"),
        ("para", "Chronicler - a writer who recorded events year by year"),
        ("para", "Lord Chancellor: the king's chief minister"),
    ]
    assert found.skipped == []


def test_a_blogs_dated_byline_comment_count_and_copyright_are_furniture() -> None:
    """Batch 22: a blog post's "Posted on … by …" line (in italics), its comment count and a
    "© 2024 …" line were kept, the first drafted as an event of 2024."""
    text = "\n\n".join(
        [
            "# Why Culloden Still Matters",
            "*Posted on 3 February 2024 by Mr A. Drummond*",
            "The Jacobite army was defeated at Culloden on 16 April 1746.",
            "14 comments",
            "© 2024 The History Corridor · [Contact](https://historycorridor.example.org/c/)",
        ]
    )
    found = article(text, "markdown")
    assert [block for _, block in found.blocks] == [
        "The Jacobite army was defeated at Culloden on 16 April 1746."
    ]
    assert (found.date, found.author) == ("3 February 2024", "Mr A. Drummond")
    found = article(
        "The Cattle-Killing\n\nPublished 12 May 2021 · Last reviewed 3 September 2024 · "
        "Reading time: about 8 minutes\n\nIn 1856 Nongqawuse, a young woman, prophesied.",
        "text",
    )
    assert found.date == "12 May 2021"
    assert [block for _, block in found.blocks] == [
        "In 1856 Nongqawuse, a young woman, prophesied."
    ]


def test_a_licence_and_last_edited_footer_is_furniture() -> None:
    text = "\n\n".join(
        [
            "# The Silk Road",
            "The routes connected China with the Mediterranean world for centuries.",
            "Text is available under the Creative Commons Attribution-ShareAlike 4.0 licence · "
            "This page was last edited on 3 February 2024 · [Privacy policy](/privacy) · "
            "[About](/about) · [Contact the editors of this site](/contact)",
        ]
    )
    found = article(text, "markdown")
    assert [block for _, block in found.blocks] == [
        "The routes connected China with the Mediterranean world for centuries."
    ]


def test_a_table_row_a_verse_or_a_licence_in_prose_is_no_furniture() -> None:
    """What a hostile pass found: two-part " | " lines (a chronology's rows, a key word and its
    meaning, a verse) were dropped as a course line; "licensed under" and "last edited" in a
    sentence dropped it."""
    text = "\n\n".join(
        [
            "Partition",
            "In 1947 India was divided.",
            "1919 | Amritsar massacre",
            "In the 1750s every gin shop had to be licensed under the new law.",
            "Home Rule | a Dublin parliament for Irish affairs",
            "The charter was last edited by a royal clerk in 1217.",
            "Bent double, like old beggars under sacks | Knock-kneed, coughing like hags",
            "Owen wrote it in 1917.",
        ]
    )
    found = article(text, "text")
    assert len(found.blocks) == 7 and not found.skipped


def test_a_long_form_line_is_read() -> None:
    """ "Name: " and forty underscores, then a date to fill in, took 34 seconds to read, and
    each two more underscores 2.7 times as long (a pattern that could split a run of
    underscores exponentially many ways): with sixty, this test would not end."""
    found = article("Name: " + "_" * 60 + " Date: ___/___/____ x\n\nThe war began.", "text")
    assert found.blocks[-1] == ("para", "The war began.")
    found = article("Name: " + "_" * 60 + "   Date: ___/___/____\n\nThe war began.", "text")
    assert found.blocks == [("para", "The war began.")]


def _html_text(page: str) -> str:
    """The article read from a saved web page, a block to a line."""
    return "\n".join(block for _, block in article(page, "html").blocks)


def test_a_box_of_key_words_beside_the_article_is_kept() -> None:
    """Batch 25's museum page set its key words in an `<aside>`, which the extractor dropped with
    the page's other asides; a box headed "Key words" (or "Glossary", "Word help") is lesson."""
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>The Punic Wars</h1>"
        + "<p>Rome and Carthage fought three wars for the western Mediterranean. " * 8
        + "</p><aside class='key-words'><h3>Key words</h3><ul><li>consul – one of the two senior "
        "magistrates elected each year</li></ul></aside></article>"
        "<aside class='related'><h3>Related</h3><p>Visit our shop</p></aside></body></html>"
    )
    text = _html_text(page)
    assert "consul – one of the two senior magistrates elected each year" in text
    assert "Visit our shop" not in text


def test_a_panel_of_words_and_meanings_is_kept_whatever_its_heading() -> None:
    """Batch 38, measured blind: a maritime museum's page set eight sea words in a panel headed
    "Words at sea", which the extractor dropped with the page's other asides — eight terms
    lost. A panel whose list is words, each with a dash and a lower-case meaning, is lesson; a
    panel of links or a sentence's list is not."""
    page = (
        "<html><body><article><h1>The Bounty</h1>"
        + "<p>Bligh sailed from Spithead in December 1787 with a crew of forty-four. " * 8
        + "</p><aside class='panel'><h3>Words at sea</h3><ul>"
        "<li>Launch – the largest of the boats carried by a warship.</li>"
        "<li>Midshipman – a young trainee officer.</li>"
        "<li>Court martial – a trial held by a court of naval or military officers.</li>"
        "</ul></aside></article><aside class='related'><h3>More stories</h3><ul>"
        "<li>Cook – The Endeavour voyage</li><li>Nelson – Trafalgar</li>"
        "<li>Franklin – The lost expedition</li></ul></aside></body></html>"
    )
    text = _html_text(page)
    assert "Midshipman – a young trainee officer." in text
    assert "Trafalgar" not in text


def test_a_sidebar_s_key_terms_beside_the_article_are_kept_without_its_links() -> None:
    """Batch 39, tuned on: a library's exhibition page set its key terms in a sidebar after
    `<main>`, with the exhibition's contents and a reading list; the extractor never read the
    sidebar — seven terms lost. Its key terms are the lesson's; its links and books are not."""
    page = (
        "<html><body><main><article><h1>Around the World</h1>"
        + "<p>Magellan's fleet left Sanlúcar in September 1519 with five ships. " * 8
        + "</p></article></main><aside class='sidebar' id='sidebar'>"
        "<nav class='sidebar__panel'><h2>In this exhibition</h2><ol>"
        "<li><a href='/one/'>1. Spices and a Divided World</a></li>"
        "<li><a href='/two/'>2. Pigafetta's Book</a></li></ol></nav>"
        "<section class='sidebar__panel sidebar__terms'><h2>Key terms</h2><ul>"
        "<li><strong>Strait</strong> – a narrow sea passage joining two larger bodies of water."
        "</li>"
        "<li><strong>Ducat</strong> – a gold coin used across Europe.</li>"
        "<li><strong>Nao</strong> – a broad, sturdy sailing ship built to carry cargo.</li>"
        "</ul></section>"
        "<section class='sidebar__panel'><h2>Further reading</h2><ul>"
        "<li>Laurence Bergreen, <em>Over the Edge of the World</em></li></ul></section>"
        "</aside><footer><p>© National Library</p></footer></body></html>"
    )
    text = _html_text(page)
    assert "**Strait** – a narrow sea passage joining two larger bodies of water." in text
    assert "**Ducat** – a gold coin used across Europe." in text
    for elsewhere in ("Spices and a Divided World", "Bergreen", "National Library"):
        assert elsewhere not in text
    assert text.index("Magellan's fleet") < text.index("Strait")


_REVOLT = "<p>In 1381 the peasants of Essex and Kent rose against the poll tax. " * 6 + "</p>"


def _shows(text: str, kept: list[str], left: list[str]) -> None:
    """`text` holds every line of `kept` and none of the words of `left`."""
    for line in kept:
        assert line in text
    for words in left:
        assert words not in text


def _beside_an_article(aside: str) -> str:
    """A saved web page: an article in `<main>`, then `aside` after it."""
    article_ = f"<main><article><h1>The lesson</h1>{_REVOLT}</article></main>"
    return f"<html><body>{article_}{aside}</body></html>"


_KEY_WORDS_LIST = (
    "<ul><li><strong>Poll tax</strong> – a tax paid by every adult.</li>"
    "<li><strong>Villein</strong> – a peasant who was not free.</li>"
    "<li><strong>Rebel</strong> – a person who fights against the government.</li></ul>"
)


@pytest.mark.parametrize(
    ("panel", "kept"),
    [
        (f"<section class='terms'><h2>Key terms</h2>{_KEY_WORDS_LIST}</section>", True),
        # … not a link to a glossary, a quiz, a shop's list without a key-words heading
        ("<section class='promo'><h2>Glossary</h2><p><a href='/glossary/'>Look up any word in "
         "our A–Z glossary</a></p></section>", False),
        ("<section class='quiz'><h2>Vocabulary quiz</h2><ol><li>What was a villein?</li>"
         "<li>Who paid the poll tax?</li><li>What is a rebel?</li></ol></section>", False),
        ("<section class='shop'><h2>In our shop</h2><ul><li>Replica groat – a copy of a coin of "
         "1381.</li><li>Tote bag – a bag with the rebels' banner.</li><li>Jigsaw – a puzzle of "
         "the Mile End meeting.</li></ul></section>", False),
    ],
)  # fmt: skip
def test_only_a_sidebar_s_key_words_come_in(panel: str, kept: bool) -> None:
    """Hostile pass 56 on the sidebar's key terms: a "Glossary" link, a "Vocabulary quiz" and a
    shop's list came into the article; only a panel headed as key words whose list is words
    and what they mean does."""
    page = _beside_an_article(f"<aside class='sidebar'>{panel}</aside>")
    text = _html_text(page)
    assert ("**Villein** – a peasant who was not free." in text) == kept
    for elsewhere in ("A–Z glossary", "What was a villein?", "Tote bag"):
        assert elsewhere not in text


@pytest.mark.parametrize(
    "panel",
    [
        "<section><h2>Keywords</h2><ul><li>Danelaw – the part of England under Danish law.</li>"
        "<li>Wergild – the price set on a man's life.</li></ul></section>",
        "<div><p><strong>Words to know</strong></p><p><b>Danelaw:</b> the part of England under "
        "Danish law</p><p><b>Wergild:</b> the price set on a man's life</p></div>",
        "<section><h3>Glossary</h3><dl><dt>Danelaw</dt><dd>the part of England under Danish "
        "law</dd><dt>Wergild</dt><dd>the price set on a man's life</dd></dl></section>",
    ],
)
def test_a_sidebar_s_key_words_in_other_forms_come_in(panel: str) -> None:
    """Hostile pass 57: a sidebar's key words headed "Keywords" or "Words to know", set as
    paragraphs, or as a definition list, were lost."""
    page = _beside_an_article(f"<aside class='sidebar'>{panel}</aside>")
    assert "the part of England under Danish law" in _html_text(page)


def test_a_box_inside_the_page_s_main_stays_where_it_is() -> None:
    """Hostile pass 56: a fact-file box inside `<main>`, after a source card's `<article>`, was
    taken for a sidebar and lost its "Did you know?" paragraph; on a page without `<main>`,
    a header's promo card was taken for the article and its words came in."""
    fact = (
        "<aside class='factfile'><div class='kw'><h3>Key words</h3>"
        f"{_KEY_WORDS_LIST}</div><div class='dyk'><h3>Did you know?</h3><p>The Black Death of "
        "1348–49 killed perhaps a third of the people of England.</p></div></aside>"
    )
    in_main = (
        f"<html><body><main><h1>The Peasants' Revolt</h1>{_REVOLT}<article class='source'>"
        "<h3>Source A</h3><blockquote>When Adam delved and Eve span, who was then the "
        f"gentleman?</blockquote></article>{fact}{_REVOLT}</main></body></html>"
    )
    text = _html_text(in_main)
    assert "The Black Death of 1348–49 killed perhaps a third" in text
    promo = (
        "<html><body><header><article class='promo'><a href='/tudors/'>New: our Tudors unit</a>"
        f"</article></header><div><h1>The Peasants' Revolt</h1>{_REVOLT}{fact}{_REVOLT}</div>"
        "</body></html>"
    )
    assert "Tudors" not in _html_text(promo)


def test_a_course_plan_s_lines_are_dropped() -> None:
    """A teacher's read of batch 40: a course reader's session plan ("Session 3 · 27 January ·
    Ireland, the longphuirt and Viking Dublin") gave a Viking timeline ten events of 2026; a
    line of the history that opens with a day stays."""
    plan = [
        "Session 3 · 27 January · Ireland, the longphuirt and Viking Dublin (§2)",
        "Half-term · 17 February · No class",
        "Week 7 – 2 March 2026 – The Danelaw and its place-names",
        "Tuesdays 7.00–9.00 pm · Room B14, Castle Street Campus · 10 sessions, 13 January – 24 "
        "March 2026 (no class 17 February)",
    ]
    story = "Session after session of the Witan met; on 8 June 793 raiders sacked Lindisfarne."
    found = article("\n\n".join([*plan, story]), "text")
    assert [block for _, block in found.blocks] == [story]


def test_an_email_s_headers_give_its_title_author_and_date() -> None:
    """A teacher's read of batch 40: a newsletter saved as a plain-text e-mail had "From:
    Conemaugh Valley History Museum <…>" as its title, and every glossary entry was credited to
    it; its subject is the title, its sender the author, and its headers are no text."""
    email = (
        "From: Conemaugh Valley History Museum <volunteers@example.org>\n"
        "To: CVHM Volunteers List <list@example.org>\n"
        "Subject: The Stone Bridge Dispatch, No. 61: The Johnstown Flood\n"
        "Date: Thu, 21 May 2026 07:45:12 -0400\n\n"
        "On the afternoon of Friday, May 31, 1889, an earthen dam gave way above Johnstown.\n"
    )
    found = article(email, "text")
    assert found.title == "The Stone Bridge Dispatch, No. 61: The Johnstown Flood"
    assert found.author == "Conemaugh Valley History Museum"
    assert [block for _, block in found.blocks] == [
        "On the afternoon of Friday, May 31, 1889, an earthen dam gave way above Johnstown."
    ]


def test_what_hostile_pass_58_found_in_emails_plans_and_sidebars() -> None:
    """Hostile pass 58: an e-mail's subject took the place of the article's own title over its
    byline, and its sender the byline's author; a quoted telegram's "From:" after a blank line
    was read as a header; a week-by-week history ("Week 1 – 4 August 1914 – Britain declares
    war …") was dropped as a course plan; a flat sidebar's contact lines came in with its key
    words."""
    email = (
        "From: History Today <newsletter@example.com>\nSubject: This week in history\n"
        "Date: Fri, 7 Jun 2024\n\nThe Day the Dam Broke\nBy Richard Burkert\n\n"
        "On 31 May 1889 the South Fork Dam gave way after days of rain.\n"
    )
    found = article(email, "text")
    assert (found.title, found.author) == ("The Day the Dam Broke", "Richard Burkert")
    telegram = (
        "From: Conemaugh Valley History Museum <news@example.org>\nSubject: A telegram\n\n"
        "To: Johnstown\nFrom: South Fork\nDate: May 31, 1889\n"
        "The dam is becoming dangerous and may possibly go.\n"
    )
    found = article(telegram, "text")
    assert found.author == "Conemaugh Valley History Museum"
    assert any("May 31, 1889" in block for _, block in found.blocks)
    weeks = (
        "Week 1 – 4 August 1914 – Britain declares war on Germany after the invasion of Belgium."
    )
    assert [block for _, block in article(f"The Great War\n\n{weeks}", "text").blocks] == [weeks]
    page = _beside_an_article(
        "<aside><p><strong>Key words</strong></p>"
        "<p><b>Spillway</b> – a channel that lets surplus water past a dam</p>"
        "<p><b>Earthen dam</b> – a dam built of packed earth and rock</p>"
        "<h4>Contact us</h4><p><b>Phone:</b> 814-539-1889</p></aside>"
    )
    text = _html_text(page)
    assert "**Spillway** – a channel that lets surplus water past a dam" in text
    assert "814-539-1889" not in text


@pytest.mark.parametrize(
    ("panel", "kept", "left"),
    [
        ("<h3>Key words</h3><p>Look out for these words in the text.</p><ul>"
         "<li><b>Blitzkrieg</b> – ‘lightning war’</li><li><b>Führer</b> – Leader</li></ul>",
         ["**Blitzkrieg** – ‘lightning war’", "**Führer** – Leader"], ["Look out"]),
        ("<h3>Glossary</h3><table><tr><th>Word</th><th>Meaning</th></tr>"
         "<tr><td>Blackout</td><td>hiding all lights at night</td></tr>"
         "<tr><td>Evacuee</td><td>a child sent to the country</td></tr></table>",
         ["Blackout – hiding all lights at night"], ["Meaning"]),
        ("<h3>Glossary</h3><h4>On the Home Front</h4><ul><li><b>Blackout</b> – hiding all "
         "lights</li><li><b>Evacuee</b> – a child sent away</li></ul><ul><li><b>Luftwaffe</b> – "
         "the German air force</li><li><b>ARP</b> – Air Raid Precautions</li></ul>",
         ["**Luftwaffe** – the German air force"], []),
        ("<h3>Keywords</h3><ul><li><b>Spillway</b> – overflow channel</li><li><b>Breach</b> – a "
         "break in a dam</li></ul><ul><li><b>Share:</b> Facebook · X</li><li><b>Filed under:"
         "</b> Disasters</li><li><b>Date:</b> Saturday 1 June 2024</li></ul>",
         ["**Breach** – a break in a dam"], ["Facebook", "Disasters", "June 2024"]),
    ],
)  # fmt: skip
def test_what_hostile_pass_59_found_in_sidebars(
    panel: str, kept: list[str], left: list[str]
) -> None:
    """Hostile pass 59: a sidebar's key words were lost after an introduction, a table's header
    row or a sub-heading, or for a meaning in quotation marks or a capital ("Führer –
    Leader"); a page's fields (share links, "Filed under:", a date) are no key words."""
    page = _beside_an_article(f"<aside class='sidebar'><section>{panel}</section></aside>")
    text = _html_text(page)
    _shows(text, kept, left)


def test_what_hostile_pass_59_found_in_emails() -> None:
    """Hostile pass 59: headers saved with Windows line ends, a byte-order mark or an
    "Importance:" line were read as text and the "From:" line as the title."""
    email = (
        "\ufeffFrom: Ruth Allen <r.allen@example.org>\r\nSubject: Peterloo: the magistrates' "
        "letter\r\nImportance: High\r\n   \r\nOn 16 August 1819 the magistrates at "
        "Manchester ordered the yeomanry in.\r\n"
    )
    found = article(email, "text")
    assert (found.title, found.author) == ("Peterloo: the magistrates' letter", "Ruth Allen")
    assert [block for _, block in found.blocks] == [
        "On 16 August 1819 the magistrates at Manchester ordered the yeomanry in."
    ]


def test_what_hostile_pass_60_found_in_texts_and_sidebars() -> None:
    """Hostile pass 60: a site's long byline no longer marked its title, a key word's
    "Abolition: …" line after an e-mail's headers was read as a header, a week-by-week history
    without a year was dropped as a course plan, and a sidebar's "Share", "Hours" or "Ra – Sun
    god" were refused as a page's fields or a day."""
    site = (
        "Tudor Times Online\n\nThe Field of the Cloth of Gold\n"
        "By Sarah Jones | Published 14 March 2024 | 6 min read\n\n"
        "In June 1520 Henry VIII met Francis I near Calais.\n"
    )
    assert article(site, "text").title == "The Field of the Cloth of Gold"
    email = (
        "From: Ruth Allen <r.allen@example.org>\nSubject: Key words for Thursday\n"
        "Abolition: ending slavery by law\nPlantation: a large farm worked by enslaved people\n"
    )
    assert "Abolition: ending slavery by law" in [b for _, b in article(email, "text").blocks]
    week = "Week 1 – 10 July – The Luftwaffe attacks convoys in the Channel."
    assert [b for _, b in article(f"The Battle of Britain\n\n{week}", "text").blocks] == [week]
    page = _beside_an_article(
        "<aside><section><h3>Key words</h3><ul><li><b>Ra</b> – Sun god of the Egyptians</li>"
        "<li><b>Share</b> – a part of a company that people can buy</li>"
        "<li><b>Hours</b> – the prayers a monk said through the day</li></ul></section></aside>"
    )
    text = _html_text(page)
    for word in ("**Ra**", "**Share**", "**Hours**"):
        assert word in text


def test_a_lecture_transcripts_furniture_and_a_booklets_page_line_are_dropped() -> None:
    """Batch 28's lecture transcripts kept their heading, the speaker's line, the slides
    described in brackets and the closing lines as text (and their dates as events); a
    revision booklet kept "Page 4 of 12"; a wiki's "**Contents**" stayed over its links."""
    furniture = [
        "Transcript – Hunger and Memory: Public Lectures in Irish History – Lecture 3",
        "Dr Siobhán Kearney, School of History – recorded 14 November 2019",
        "[Slide 2: Map of Ireland showing the 1841 census population by county]",
        "Questions from the audience were not recorded.",
        "Transcribed by Aoife Byrne",
        "Page 4 of 12 – Revision booklet",
    ]
    lecture = "Good evening. The potato blight reached Ireland in September 1845."
    found = article("\n\n".join([*furniture[:3], lecture, *furniture[3:]]), "text")
    assert [block for _, block in found.blocks] == [lecture]
    assert found.skipped == furniture
    # … but a sentence about a slide, a page or a transcript is text
    text = "The slide showed a map of Ireland. Page 4 of the report was missing."
    assert [block for _, block in article(text, "text").blocks] == [text]
    links = ["- [1 Background](#1-background)", "- [2 The revolution](#2-the-revolution)"]
    notes = "\n".join(["# Hungary", "**Contents**", *links, "", "Kossuth spoke."])
    assert [block for _, block in article(notes, "markdown").blocks] == ["Kossuth spoke."]


def test_a_lecture_line_a_byline_a_copyright_and_tags_are_furniture() -> None:
    """Batch 31 kept a teacher's "Lecture 4 of 8 - …" line, a booklet's "Written by …" and
    "© …" lines and a blog post's "Tags:" line as text."""
    furniture = [
        "Lecture 4 of 8 - Ireland and the Union",
        "Written by Dr Helen Marsh, Head of Learning",
        "© Halloran Museum of Modern History, Learning Department. This booklet may be "
        "photocopied for use in schools. Not for resale.",
        "Tags: Cold War, Poland, Solidarity, GCSE History, lesson ideas",
    ]
    lecture = "Parnell led the Irish Parliamentary Party from 1880."
    found = article("\n\n".join(["Home Rule", lecture, *furniture]), "text")
    assert [block for _, block in found.blocks] == [lecture]
    assert found.skipped == furniture
    # … but prose that names a copyright, a writer or tags is text
    prose = [
        "Copyright law was unknown to the printers of the 1520s.",
        "Written by a monk at Jarrow, the chronicle tells of the raid in 793.",
        "Tags of lead were tied to the cargo.",
    ]
    assert [block for _, block in article("\n\n".join(["Books", *prose]), "text").blocks] == prose


def test_a_pdf_booklet_s_course_line_byline_and_copyright_are_furniture(tmp_path: Path) -> None:
    """Batch 31's museum booklet printed its programme line, its author and its copyright once
    each, on its first page and its last: not a running head, still furniture."""
    body = (
        "<p>Secondary Schools Programme · Resource Booklet 14</p><h1>The Siege</h1>"
        "<p>Written by Dr Helen Marsh, Head of Learning</p><h2>Cut off</h2>"
        "<p>Leningrad was cut off on 8 September 1941.</p>"
        "<p>© Halloran Museum of Modern History. This booklet may be photocopied for use in "
        "schools.</p>"
    )
    path = make_pdf(tmp_path / "b.pdf", "The Siege", "H. Marsh", body, running_head="Booklet")
    found = extract.extract(path.read_bytes(), "pdf")
    paragraphs = [t for role, t in found.article.blocks if role == "para" and t != "Booklet"]
    assert paragraphs == ["Leningrad was cut off on 8 September 1941."]
    assert "Written by Dr Helen Marsh, Head of Learning" in found.dropped
    assert not any("Written by" in text for page in found.pages or [] for _, text in page.blocks)


def test_a_books_running_head_a_footer_of_use_and_a_citation_line_are_furniture() -> None:
    """An e-book chapter saved as text repeats its running head at each page break; a
    handout's footer says it is "for classroom use only"; an encyclopedia page ends with its
    "See also" links and a "Cite this article" line."""
    head = "CHAPTER 7 · REFORM AND REACTION"
    chapter = "\n\n".join(
        [
            "The Hundred Days' Reform",
            head,
            "In June 1898 the Guangxu Emperor issued the first of many reform edicts.",
            head,
            "On 21 September 1898 Cixi carried out a coup and the reforms ended.",
            head,
            "Ashcombe Sixth Form College History Department — for classroom use only",
        ]
    )
    found = article(chapter, "text")
    assert [role for role, _ in found.blocks] == ["para", "para"], found.blocks
    assert found.skipped.count(head) == 3 and len(found.skipped) == 4
    page = (
        "<html><body><article><h1>Pueblo Revolt of 1680</h1>"
        "<p>In August 1680 the Pueblo peoples rose against Spanish rule and drove the colonists "
        "south to El Paso del Norte, where they stayed for twelve years.</p>"
        "<h2>See also</h2><ul><li><a href='/onate/'>Juan de Oñate</a></li>"
        "<li><a href='/vargas/'>Diego de Vargas</a></li></ul>"
        "<p class='cite'>Cite this article: \"Pueblo Revolt of 1680.\" Rio Grande Regional "
        "Encyclopedia.</p></article></body></html>"
    )
    blocks = article(page, "html").blocks
    assert [role for role, _ in blocks] == ["para"], blocks


def test_a_books_numbered_section_headings_are_headings() -> None:
    """ "7.1  Defeat by Japan, 1894–1895" heads a section of a textbook saved as text: read as a
    paragraph, its years were drafted as an event; a numbered question is still text."""
    text = "\n\n".join(
        [
            "7  The Hundred Days' Reform: China in 1898",
            "7.1  Defeat by Japan, 1894–1895",
            "In 1894 China and Japan went to war over Korea, and China lost.",
            "2. Explain why the reforms failed",
            "Use the sources in your answer.",
        ]
    )
    found = article(text, "text")
    assert found.title == "7  The Hundred Days' Reform: China in 1898"
    assert found.blocks[0] == ("heading", "7.1  Defeat by Japan, 1894–1895")
    assert ("para", "Explain why the reforms failed") in found.blocks  # its number a list's


def test_a_heading_repeated_over_each_task_or_section_is_kept() -> None:
    """A running head is repeated furniture; a worksheet's "Task" heading over each of three
    tasks, or a web page's section heading over its subsections, is not."""
    text = "\n\n".join(["Tasks", "Task", "Read the source.", "Task", "Write an answer.", "Task",
                        "Compare the two."])  # fmt: skip
    found = article(text, "text")
    assert [role for role, _ in found.blocks].count("heading") == 3 and not found.skipped
    page = (
        "<html><body><article><h1>The Revolution</h1><h2>Causes</h2><h3>Economic</h3>"
        "<p>Bread prices doubled in 1789, and the crowds of Paris blamed the court for it.</p>"
        "<h3>Political</h3><p>The Estates-General met in May 1789 for the first time since "
        "1614.</p></article></body></html>"
    )
    headings = [text for role, text in article(page, "html").blocks if role == "heading"]
    assert headings == ["Causes", "Economic", "Political"], headings


def test_a_definition_list_is_read_as_key_term_lines() -> None:
    """Batch 33's Angkor page: its "Key words" `<dl>` had come out as one paragraph for each
    term and another for what it means, so no key term of it was drafted."""
    page = (
        "<html><body><article><h1>Angkor</h1>"
        "<p>The Khmer kings built vast reservoirs and temples at Angkor for six centuries, and "
        "their capital was one of the largest cities of the pre-industrial world.</p>"
        "<h2>Key words</h2><dl><dt>baray</dt> <dd>a large rectangular reservoir</dd>"
        "<dt><em>bas-relief</em></dt><dd>a carving in which the figures stand out only "
        "slightly</dd></dl></article></body></html>"
    )
    paragraphs = [text for role, text in article(page, "html").blocks if role == "para"]
    assert paragraphs[1:] == [
        "**baray**: a large rectangular reservoir",
        "***bas-relief***: a carving in which the figures stand out only slightly",
    ]


def test_a_journal_offprint_s_and_a_notes_page_s_furniture_is_dropped() -> None:
    """Batch 36, measured blind: an offprint's keywords, article history, citation line,
    publisher's and permission lines, and a notes page's "Posted by … | Last modified …",
    "-- End of … --" and a line of underscores were read as text."""
    furniture = [
        "OFFPRINT · SCHOOLS AND SIXTH-FORM SERIES",
        "Northern Maritime History Review, Vol. 29, No. 2 (Autumn 2021), pp. 141–166",
        "Published by the North-East Maritime History Society. Reproduced for classroom use "
        "with the permission of the Society and the author; not for resale.",
        "Article history: received 18 January 2021; accepted 30 April 2021",
        "Keywords: Antarctica; Heroic Age; Robert Falcon Scott; polar exploration",
        "Northern Maritime History Review is published twice a year by the Society.",
        "Posted by Dr. Elena Marsh | Last modified 11 Oct 2024, 4:37 PM",
        "-- End of Week 7 notes --",
        "_" * 40,
    ]
    history = [
        "Scott reached the Pole on 17 January 1912.",
        "The Times was published daily throughout the crisis.",
        "The letters were reprinted in 1913 with a preface by his widow.",
        "The keywords of the age were duty and sacrifice.",
    ]
    _only_furniture_dropped(furniture, history, "text")


def test_a_teacher_s_read_of_batch_36_furniture_is_dropped_and_history_kept() -> None:
    """A page's edit line with its view count, a handout's "please do not share" line, a
    heritage page's "Spotted a mistake …?" and a worksheet's "— End of worksheet —" had stayed
    in modules (one reached a timeline: "Last edited by R. Hughes · Viewed 1,284…", 2024)."""
    furniture = [
        "*Last edited 19 February 2024 by R. Hughes (History Department) · Viewed 1,284 times*",
        "Resource prepared by R. Okafor for the Year 9 scheme – please do not share outside the "
        "department.",
        "Spotted a mistake or have a family connection to the disaster? Get in touch with us.",
        "— End of worksheet —",
    ]
    history = [
        "The king ordered that the monks do not share their bread with strangers.",
        "He spotted a mistake in the accounts in 1720 and told the directors.",
    ]
    _only_furniture_dropped(furniture, history, "markdown")


def test_a_byline_s_role_is_no_second_author() -> None:
    from packet.sources import _a_byline_s_name

    assert _a_byline_s_name("Eilidh Kerr; Volunteer Researcher;") == "Eilidh Kerr"
    assert _a_byline_s_name("Anne Smith; John Brown") == "Anne Smith; John Brown"


def test_a_school_s_masthead_is_furniture_and_a_wiki_s_last_change_its_date() -> None:
    """A teacher's read of batch 36: two modules held only "Ashdown Vale College – History
    Department"; a wiki page's "last_modified:" was no date for its citation."""
    found = article(
        "Ashgrove Academy — History Department\n\nThe Inquisition was founded in 1478.\n\n"
        "Students at the Academy — History Department staff led the tour in 1990.",
        "text",
    )
    assert found.skipped == ["Ashgrove Academy — History Department"]
    page = article("---\ntitle: Exhibition\nlast_modified: 2024-02-19\n---\n\nIt opened in 1851.\n",
                   "markdown")  # fmt: skip
    assert page.date == "2024-02-19"


def test_an_offprint_s_citation_author_note_and_licence_are_furniture() -> None:
    """Batch 37, measured blind: an offprint's "To cite this article: …" reached the timeline
    (2024) and its title the glossary; its "About the author", a page's Creative Commons line,
    "Please turn over for …" and a permission line ending "Not for resale." stayed as text."""
    furniture = [
        "To cite this article: Whitcombe, E. M. (2024). Iron across a continent: building the "
        "first transcontinental railroad, 1862–1869. Journal of the Western Rail Heritage "
        "Society, 58(2), 41–67.",
        "About the author: Eleanor M. Whitcombe taught history in Wyoming high schools for "
        "twenty-six years.",
        "*Shared under CC BY-NC 4.0 by the HistoryShare network of schools · Viewed 2,317 times*",
        "Please turn over for the timeline and revision questions ▶",
        "Reproduced for classroom use with the permission of the Society's Publications "
        "Committee. Not for resale.",
    ]
    history = [
        "They refused to turn over their weapons to the army.",
        "The pamphlet was shared under a false name in 1798.",
        "About the author of the Declaration there was no doubt: it was Jefferson.",
    ]
    _only_furniture_dropped(furniture, history, "markdown")


def test_a_society_s_talk_notes_furniture_is_dropped() -> None:
    """A teacher's read of batch 37: a local history society's talk notes put "Next meeting:
    Thursday 10 April 2025, …" and "Notes typed by J. Hollis, 16 March 2025" on the timeline
    and titled a module "Speaker: Jean Hollis, Programme Secretary"."""
    furniture = [
        "Speaker: Jean Hollis, Programme Secretary",
        "Notes typed by J. Hollis, 16 March 2025. Corrections welcome.",
        'Next meeting: Thursday 10 April 2025, 7.30 pm - "Lesnes Abbey and its Lands"',
    ]
    history = [
        "Speaker: the officer who chairs the House of Commons and keeps order in debates.",
        "The letter was typed by his secretary in 1940 and never sent.",
        "At the next meeting of the Board, in July 1858, Bazalgette's plan was approved.",
    ]
    _only_furniture_dropped(furniture, history, "text")


def test_a_newsletter_s_printer_and_copyright_line_is_furniture() -> None:
    """Batch 38's union newsletter: "Printed and published by TCATU Branch 0417. (c) 2025."
    reached the timeline as 2025; a sentence about who published a book stays."""
    furniture = ["Printed and published by TCATU Branch 0417. (c) 2025."]
    history = ["Published by Penguin in 1962, the book sold a million copies."]
    _only_furniture_dropped(furniture, history, "markdown")


@pytest.mark.parametrize(
    "items",
    [
        ["Family tickets – save up to 20% when you book online",
         "Yeoman Warder tours – included with admission",
         "Crown Jewels – expect queues in the summer holidays"],
        ["Harold – was probably killed by an arrow, or cut down by knights",
         "William – had fallen off his horse when he landed",
         "Halley's Comet – appeared in April 1066"],
        ["12 March – talk on the Swing Riots in Dorset, 7.30pm",
         "9 April – guided walk round Tolpuddle village",
         "21 May – annual general meeting and cream tea"],
    ],
)  # fmt: skip
def test_a_panel_of_offers_facts_or_dates_is_not_a_list_of_words(items: list[str]) -> None:
    """Hostile pass 53: a panel whose items had a dash or a colon and a lower-case word was
    kept as key words — a shop's offers, a "Did you know?" box ("Harold: was probably killed
    by an arrow" in the glossary), a society's coming talks (on the timeline in 1836). A word's
    meaning says what it is: "a …", "an …", "the …"."""
    page = (
        "<html><body><article><h1>The Norman Conquest</h1>"
        + "<p>William of Normandy landed at Pevensey on 28 September 1066. " * 8
        + "</p><aside><h3>Panel</h3><ul>"
        + "".join(f"<li>{item}</li>" for item in items)
        + "</ul></aside></article></body></html>"
    )
    text = _html_text(page)
    assert not any(item.split(" – ")[1] in text for item in items), text


def _only_furniture_dropped(furniture: list[str], history: list[str], kind: str) -> None:
    """The lines of `furniture` and then `history`, read as a `kind` page: the furniture is
    dropped, in order, and the history is the article."""
    found = article("\n\n".join([*furniture, *history]), kind)
    assert found.skipped == furniture
    assert [text for _, text in found.blocks] == history


def test_a_handout_s_running_lines_contents_and_meeting_are_furniture() -> None:
    """Batch 39: a running line whose parts hold an initial or "No. 5", one with its copyright
    or a meeting's time, and a contents line are furniture (they had given the timeline
    "2026-01-22 Thursday · 7.30 pm" and "2025-01 HIS1207 Seminar Reader"); a sentence with a
    dot in it is not."""
    furniture = [
        "HIS1207 Seminar Reader · Week 7 · Compiled by Dr H. Maseko, January 2025",
        "Winter Lecture Programme 2025-26 · Members' Handout No. 5",
        "Thursday 22 January 2026 · 7.30 pm · Old Grammar School Hall, Market Street, Ashcombe",
        "After the Shaking – Lisbon, 1755 · Teachers' Notes · © 2024 Northbrook Museum of "
        "Science & Society Learning Department · May be photocopied for educational use.",
        "Contents: Key terms · 1. The Franks and their kings · 2. Charles's struggle for power",
        "IN THIS ISSUE: From the Archive p.1 | Key dates p.3 | Notices p.4",
    ]
    history = ["The Romans built roads · the Greeks built temples.",
               "In 79 CE Vesuvius erupted and buried Pompeii under ash."]  # fmt: skip
    _only_furniture_dropped(furniture, history, "text")


_KEY_TERMS_DEFINED = (
    "<h2>Key terms</h2><dl><dt>Poll tax</dt><dd>A tax paid by every adult.</dd>"
    "<dt>Villein</dt><dd>A peasant who was not free.</dd></dl>"
)


@pytest.mark.parametrize(
    "page",
    [
        # a sidebar inside `<main>`, after the article
        f"<html><body><main><article><h1>The lesson</h1>{_REVOLT}</article>"
        f"<aside class='exhibit-sidebar'><section>{_KEY_TERMS_DEFINED}</section>"
        "<section><h2>Plan your visit</h2><p>Tuesday–Sunday, 10 am – 5 pm</p></section>"
        "</aside></main></body></html>",
        # … and one after `</main>`
        _beside_an_article(f"<aside class='sidebar'><section>{_KEY_TERMS_DEFINED}</section>"
                           "</aside>"),
    ],
)  # fmt: skip
def test_key_terms_defined_in_a_sidebar_come_in_whatever_their_case(page: str) -> None:
    """Batch 41, measured blind: a museum page's "Key terms" sidebar — inside `<main>`, after
    the article, its meanings capitalised in a definition list — was dropped whole (nine
    terms); its visiting hours stay out."""
    text = _html_text(page)
    assert "**Villein** – A peasant who was not free." in text
    assert "Tuesday–Sunday" not in text


def test_a_definition_list_of_an_object_s_facts_is_left_as_it_was() -> None:
    """Without a heading of key words, a list whose descriptions are capitalised is an object's
    facts ("Date", "Maker"), left to the article reader."""
    facts = "<dl><dt>Date</dt><dd>About 1381</dd><dt>Maker</dt><dd>Unknown</dd></dl>"
    article_ = f"<article><h1>The lesson</h1>{_REVOLT}{facts}</article>"
    page = f"<html><body><main>{article_}</main></body></html>"
    assert "**Date**:" not in _html_text(page)


def _in_main(article_: str, aside: str) -> str:
    """A saved web page: an article and an aside after it, both in `<main>`."""
    return f"<html><body><main><article>{article_}</article>{aside}</main></body></html>"


def _sidebar_in_main(panel: str) -> str:
    """The article read from a page whose `<main>` holds the lesson and, after it, an aside
    holding `panel`."""
    return _html_text(_in_main(f"<h1>The revolt</h1>{_REVOLT}", f"<aside>{panel}</aside>"))


_TERMS = (
    "<li>Poll tax – a tax paid by every adult.</li><li>Villein – a peasant who was not free.</li>"
)


@pytest.mark.parametrize(
    ("page", "kept", "left"),
    [
        # a definition list under a bold "key terms" in a line, a quiz, how to say the words,
        # a cross-reference: no words and their meanings
        (f"<html><body><main><article><h1>The revolt</h1>{_REVOLT}<p>The <strong>key terms"
         "</strong> are explained below.</p><dl><dt>Where</dt><dd>Essex, Kent and London</dd>"
         "<dt>Leaders</dt><dd>Wat Tyler, John Ball, Jack Straw</dd></dl></article></main>"
         "</body></html>", [], ["**Where**", "**Leaders**"]),
        (_in_main(f"<h1>The revolt</h1>{_REVOLT}<h2>Key terms quiz</h2><dl><dt>What was a "
                  "villein?</dt><dd>A peasant who was not free to leave.</dd><dt>What was the "
                  "poll tax?</dt><dd>A tax paid by every adult.</dd></dl>", ""),
         [], ["**What was a villein?**"]),
        (_in_main(f"<h1>The revolt</h1>{_REVOLT}<h2>Key terms</h2><dl><dt>Villein</dt><dd>See "
                  "Serf.</dd><dt>Serf</dt><dd>A peasant bound to the land.</dd></dl>", ""),
         [], ["**Villein** – See Serf", "**Villein**: See Serf"]),
        # a sidebar in <main> after the article: another lesson's key words, a word of the day,
        # a page's offers and events after the key words
        (_in_main(f"<h1>The revolt</h1>{_REVOLT}",
                  "<aside><section><h3>Glossary: word of the day</h3><ul><li>Kontor – a "
                  "trading post of the Hanse abroad.</li><li>Hanseatic League – a trading "
                  "alliance of north German towns.</li></ul></section></aside>"), [], ["Kontor"]),
        (_in_main(f"<h1>The revolt</h1>{_REVOLT}",
                  f"<aside><section><h2>Key terms</h2><ul>{_TERMS}<li>Find out more – <a "
                  "href='/medieval'>visit our medieval gallery</a></li></ul><ul><li>Family trail "
                  "– free with admission</li><li>Gallery talk – every Saturday</li></ul><ul><li>"
                  "<a href='/plague'>The Great Plague</a> – London in 1665</li></ul></section>"
                  "</aside>"),
         ["Villein – a peasant who was not free."],
         ["Find out more", "Family trail", "Gallery talk", "Great Plague"]),
    ],
)  # fmt: skip
def test_what_hostile_pass_63_found_in_sidebars(
    page: str, kept: list[str], left: list[str]
) -> None:
    """Hostile pass 63: a definition list under a key-words heading became words and meanings
    whatever it held (a fact box, a quiz, cross-references), and a sidebar inside `<main>`
    brought a word of the day, a page's offers and its events. (It also brought another
    lesson's key words under "Up next: …"; the mend, a panel's first heading its key words,
    lost real key words under a badge or a "Did you know?" — hostile pass 65 — and was taken
    back.)"""
    text = _html_text(page)
    _shows(text, kept, left)


def test_an_article_holding_a_card_keeps_what_follows_it() -> None:
    """Hostile pass 63: an article holding a card that is an `<article>` was read as ending at
    the card, and a box after it as a sidebar: only its key words came in (its second list,
    a source, a "Did you know?" were lost)."""
    card = "<article class='card'><h3>Read more</h3><p><a href='/x'>Inside</a></p></article>"
    box = (
        f"<aside><h3>Key terms</h3><ul>{_TERMS}</ul><h4>Did you know?</h4><p>The rebels burned "
        "the Savoy Palace, the richest house in London, and threw its treasures into the river."
        "</p></aside>"
    )
    text = _html_text(_in_main(f"<h1>The revolt</h1>{_REVOLT}{card}{box}<p>The end.</p>", ""))
    assert "The rebels burned the Savoy Palace" in text


@pytest.mark.parametrize(
    "line",
    [
        "Thursday 12 June 2025 – Morning",
        "For use with Question Paper AH42/02",
        "Do not open this Insert until you are told to do so.",
        "Do not send this Insert for marking. Keep it in the centre or recycle it.",
        "This document has 8 pages.",
        "This script and its recordings may not be copied, broadcast or distributed without "
        "written permission.",
    ],
)
def test_an_insert_s_cover_and_a_script_s_rights_are_furniture(line: str) -> None:
    """Batch 41: an exam board's source booklet kept its cover lines ("Thursday 12 June 2025 –
    Morning" as an event), an audio tour's script its rights line."""
    assert is_handout_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "On Thursday 12 June 1381 – the morning of Corpus Christi – the rebels entered London.",
        "The pamphlet may not be copied, the Star Chamber ruled, without the bishop's licence.",
        "This document has been read as a forgery since 1440, when Valla examined it.",
    ],
)
def test_history_that_reads_like_an_insert_s_cover_is_kept(line: str) -> None:
    assert not is_handout_furniture(line)


@pytest.mark.parametrize(
    ("panel", "kept"),
    [
        ("<h2>Key words</h2><ul><li><a href='/glossary/villein'>Villein</a> – a peasant who was "
         "not free</li><li><a href='/glossary/poll-tax'>Poll tax</a> – a tax paid by every "
         "adult</li></ul>", ["Villein", "Poll tax"]),
        (f"<h2><strong>Key words</strong></h2><ul>{_TERMS}</ul>", ["Villein", "Poll tax"]),
        (f"<h2>Key terms: The Peasants' Revolt</h2><ul>{_TERMS}</ul>", ["Villein", "Poll tax"]),
        ("<h2>Key words</h2><ul><li>Villein – a peasant who was not free</li><li><abbr title="
         "'Justice of the Peace'>JP</abbr> – a local magistrate who tried lesser crimes</li></ul>",
         ["Villein", "JP"]),
        (f"<h2>Key words</h2><ul>{_TERMS}</ul><ul><li>Tithe – church tax</li><li>Blighty – in "
         "soldiers' slang, Britain or home</li></ul>", ["Villein", "Tithe", "Blighty"]),
    ],
)  # fmt: skip
def test_what_hostile_pass_64_found_in_sidebars(panel: str, kept: list[str]) -> None:
    """Hostile pass 64: a sidebar's key words were lost when they link to a glossary page, when
    the heading is set in bold or names the topic after a colon, for an `<abbr>` taken for a
    link, and in a second column with a short meaning or one opening "in"."""
    text = _sidebar_in_main(panel)
    for word in kept:
        assert re.search(rf"{word}\W* –", text), text


def test_a_sidebar_s_key_words_after_an_article_holding_a_card_without_main() -> None:
    """Hostile pass 64: on a page without `<main>`, an article holding a card that is an
    `<article>` lost every key word of the sidebar after it."""
    card = "<article class='related'><h3>Next lesson</h3><p>The Black Death</p></article>"
    page = (
        f"<html><body><article><h1>The revolt</h1>{_REVOLT}{card}</article>"
        f"<aside class='sidebar'><section><h2>Key words</h2><ul>{_TERMS}</ul></section></aside>"
        "</body></html>"
    )
    assert "Villein – a peasant who was not free." in _html_text(page)


@pytest.mark.parametrize(
    ("panel", "kept"),
    [
        ("<h2>Key words</h2><ul><li>Ragged school – free school for the poorest children</li>"
         "<li>Eleven-plus – an exam taken at age 11 that decided a child's school</li>"
         "<li>D-Day – the first day of the landings in Normandy, which began at 6.30am</li>"
         "<li>Guinea – £1 1s, a gold coin often paid as a reward</li>"
         "<li>Tuesday – named after Tiw, the Anglo-Saxon god of war</li></ul>",
         ["Ragged school", "Eleven-plus", "D-Day", "Guinea", "Tuesday"]),
        ("<h3>Did you know?</h3><p>The motte at Thetford is the tallest in England.</p>"
         f"<h3>Key words</h3><ul>{_TERMS}</ul>", ["Villein", "Poll tax"]),
        (f"<div><span class='badge'><b>KS3</b></span><h3>Key words</h3><ul>{_TERMS}</ul></div>",
         ["Villein", "Poll tax"]),
        ("<h2>Key words</h2><ul><li>Villein – <a href='/w/peasant'>a peasant</a> who was not "
         "free</li><li>Poll tax – a tax paid by every adult</li></ul>", ["Villein", "Poll tax"]),
    ],
)  # fmt: skip
def test_what_hostile_pass_65_found_lost_from_sidebars(panel: str, kept: list[str]) -> None:
    """Hostile pass 65: a sidebar's key words were lost when their meanings read like a
    visit's ("free school", "at age 11", "6.30am", "£1 1s", "Tuesday"), when a "Did you
    know?", a badge or anything bold came before their heading, or when a meaning opened
    with a link."""
    text = _sidebar_in_main(panel)
    for word in kept:
        assert re.search(rf"{word}\W* –", text), text


@pytest.mark.parametrize(
    ("panel", "left"),
    [
        ("<h3>Word bank</h3><ul><li>However – use this to show a contrast</li><li>Therefore – "
         "use this to explain a consequence</li></ul>", "However"),
        ("<h2>Key words</h2><ul><li>Explain – give reasons why something happened</li><li>"
         "Describe – give the main features of an event</li></ul>", "Explain"),
        ("<h3>Keywords</h3><ul><li>Normans – 12 posts</li><li>Castles – 8 posts</li></ul>",
         "12 posts"),
        ("<h3>Key terms and conditions</h3><ul><li>Photography – permitted without flash in all "
         "galleries</li><li>Children – must be accompanied by an adult</li></ul>", "Photography"),
        ("<h3>Key words</h3><ul><li>Bayeux – say it bye-YUR</li><li>Fyrd – say it FERD</li></ul>",
         "say it"),
        ("<h3>Key terms</h3><ul><li>Level 1 – simple statements with little detail</li><li>Level "
         "2 – developed explanation of one factor</li></ul>", "Level 1"),
        ("<h3>Glossary</h3><ul><li>A – Abbey, Abbot, Archer</li><li>B – Bailey, Baron, Burh</li>"
         "</ul>", "Abbey"),
    ],
)  # fmt: skip
def test_what_hostile_pass_65_found_brought_from_sidebars(panel: str, left: str) -> None:
    """Hostile pass 65: a sidebar headed as key words brought a writing frame's word bank,
    exam command words, a blog's tags, a booking's conditions, how to say the words, a mark
    scheme's levels and a glossary's A–Z index."""
    text = _sidebar_in_main(panel)
    assert left not in text


def test_a_definition_list_of_key_terms_in_paragraphs() -> None:
    """Hostile pass 65: a glossary's `<dd><p>…</p></dd>` left "**Motte** –" on a line of its
    own, its meaning on the next."""
    dl = (
        "<h2>Glossary</h2><dl><dt>Motte</dt><dd><p>A mound of earth on which a keep was built."
        "</p></dd><dt>Bailey</dt><dd><p>The enclosed courtyard at the foot of the motte.</p>"
        "</dd></dl>"
    )
    text = _html_text(_in_main(f"<h1>The revolt</h1>{_REVOLT}{dl}", ""))
    assert "**Motte** – A mound of earth on which a keep was built." in text


@pytest.mark.parametrize(
    "line",
    [
        "[SOUND: SURF, GULLS; A SHIP'S BELL]",
        "[BREAK]",
        "[BREAK ENDS -- MUSIC: BED UP, THEN UNDER]",
        "[END OF TRANSCRIPT]",
        "STATION ID: You're listening to Bay Chronicles on KBCR 89.7 FM San Francisco.",
        "UNDERWRITING: Support for Bay Chronicles comes from the Bay Counties Preservation Fund.",
        "Speakers: HOST; NARRATOR; READER (period documents)",
        'Episode 318 -- "Ashes and Aftershocks: San Francisco, 1906"',
        "Original air date: Sunday, April 14, 2024, 6:00 p.m. PT",
        "Kingsbridge University · Centre for Lifelong Learning · Certificate in Ancient History",
        "Lecturer: Dr Ruth Ashdown · r.ashdown@kingsbridge.ac.uk · Office hours by appointment",
        "Week 7 handout – please keep this in your course file and bring it to the Week 8 seminar.",
        "U.S. History (Grade 11) · Ms. Alvarez · Unit 8: The Civil Rights Movement · Handout 8.3",
        "Exhibition catalogue · Section 3 of 5 · Galleries 4 and 5",
        "[![Revision guide](https://img.shields.io/badge/type-revision-2e7d32.svg)](../README.md) "
        "[![Year 12](https://img.shields.io/badge/year-12-blue.svg)](../year-12/README.md)",
        "> [!NOTE]",
    ],
)
def test_a_broadcast_s_a_course_s_and_a_repository_s_furniture(line: str) -> None:
    """Batch 42: a radio documentary's transcript kept its sound cues, breaks, station and
    sponsor lines, episode and air-date lines; an evening class's and an American high
    school's handouts their course lines (a university's, a lecturer's, "U.S. History" with
    its stops) and "please keep this …"; a catalogue its section line; a revision guide in a
    Git repository its badges and its note's mark."""
    assert is_handout_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "[Sound of gunfire was heard across the river, according to one witness.]",
        "The university was founded in 1209 · its colleges followed over three centuries.",
        "Please keep in mind that the figures are estimates.",
        "The station's credits: a ticket, a timetable and a porter's tip.",
        "The University of Paris, the College of Navarre and the Sorbonne condemned her.",
    ],
)
def test_history_that_reads_like_a_broadcast_s_or_a_course_s_furniture_is_kept(
    line: str,
) -> None:
    assert not is_handout_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "This episode is sponsored by Northline Maps. Use code HANGAR15 for 15% off your first "
        "order. Offer ends 31 January 2024.",
        "Subscribe to Hangar Nine free on Apple Podcasts, Spotify or wherever you get your "
        "podcasts.",
        "Enjoying the show? Leave us a rating and a review -- it really helps new listeners.",
        "Hello and welcome to Hangar Nine, the podcast about the history of flight.",
        "That's it for this episode of Hangar Nine. Next time: Louis Blériot.",
        "Timestamps are approximate. Please check against the audio before quoting.",
        "Running time: 58:32 (main feed) | 55:10 (ad-free feed for Hangar Crew members)",
        "TRANSCRIPT CREDITS: Machine transcription by Lantern Transcripts.",
        "Written and hosted by Dana Whitcombe | Produced by Sam Okafor",
        "[SPONSOR READ]",
        "[END MID-ROLL]",
        "[01:40]",
        "4. [The Atlantic Charter, 1941](#the-atlantic-charter-1941)",
        "[↑ Back to contents](#contents)",
    ],
)
def test_a_podcast_s_plugs_and_a_page_s_contents_are_furniture(line: str) -> None:
    """Batch 43: a podcast's transcript kept its sponsor's read, its plugs, its cues and its
    time-stamps ("Offer ends 31 January 2024" dated the story's December 2024); a Model UN
    club's page its contents, each heading with its year an event ("[The Atlantic Charter")."""
    assert is_handout_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Wrights used the code words of the Weather Bureau in their telegrams.",
        "[The text breaks off here in the manuscript.]",
        "Welcome to the jungle, the soldiers wrote home, the show has begun.",
        "4. [The Atlantic Charter](https://avalon.law.yale.edu/wwii/atlantic.asp), 1941",
        "The podcast of the BBC's history unit is supported by a grant from the Trust.",
    ],
)
def test_history_that_reads_like_a_podcast_s_furniture_is_kept(line: str) -> None:
    assert not is_handout_furniture(line)
