"""Glossary drafts: the terms a sentence defines, each with its defining words
(`packet.defining`), in every form the drafting rules read — and the sentences that name a
thing without defining it, which give no term."""

from __future__ import annotations

import re

import pytest

from packet.dates import find_day_months
from packet.defining import defined_after, defined_terms, defining_clause, what_it_did
from packet.draft import Taken, draft, draft_terms, happenings
from packet.sources import Article, article


def _drafted(text: str) -> list[tuple[str, str]]:
    """The glossary entries drafted from `text` as `packet pull` drafts them: (term, meaning)."""
    return [(t.term, t.definition) for t in draft_terms([text])]


@pytest.mark.parametrize(
    ("sentence", "term", "definition"),
    [
        # an appositive after the term
        ("On 20 June 1948 the western powers introduced the Deutsche Mark, a new currency for "
         "their zones, to help rebuild the economy.", "Deutsche Mark",
         "a new currency for their zones"),
        ("Gorbachev had begun to promote glasnost, a policy of greater openness, and reform.",
         "glasnost", "a policy of greater openness"),
        ("These were the unequal treaties, agreements that forced Japan to accept low duties.",
         "unequal treaties", "agreements that forced Japan to accept low duties"),
        ("In 1906 a newspaper began to call them suffragettes, meaning militant campaigners, "
         "as a sneer.", "suffragettes", "militant campaigners"),
        # a parenthesis
        ("In 1846 Peel pushed through the repeal of the Corn Laws (taxes on imported grain).",
         "Corn Laws", "taxes on imported grain"),
        ("They withdrew their Jupiter missiles (older nuclear missiles based in Turkey).",
         "Jupiter missiles", "older nuclear missiles based in Turkey"),
        ("The American space agency, NASA (the National Aeronautics and Space Administration), "
         "was set up in 1958.", "NASA", "the National Aeronautics and Space Administration"),
        # a copula
        ("A cottier was a labourer who rented a tiny plot of land.", "cottier",
         "a labourer who rented a tiny plot of land"),
        ("Suffragists were campaigners who sought the vote by peaceful means.", "Suffragists",
         "campaigners who sought the vote by peaceful means"),
        ("A ship's maiden voyage is her first voyage in service.", "maiden voyage",
         "her first voyage in service"),
        ("The Charter Oath was a five-point statement of the new government's aims, promising "
         "that important matters would be decided by public discussion and that knowledge "
         "would be sought throughout the world.", "Charter Oath",
         "a five-point statement of the new government's aims"),
        # a name given after its defining words
        ("Many crossed in overcrowded, unhealthy vessels known as coffin ships, and many died.",
         "coffin ships", "unhealthy vessels"),
        ("The authorities cleared an area within 30 kilometres of the plant, which became known "
         "as the exclusion zone.", "exclusion zone", "an area within 30 kilometres of the plant"),
        ("The worst were towering walls of wind-blown earth, also called black blizzards, that "
         "could turn day into night.", "black blizzards", "towering walls of wind-blown earth"),
        ("Californians called the newcomers Okies, a scornful name for poor migrants.", "Okies",
         "a scornful name for poor migrants"),
        ("It ended the Raj, as British rule in India was known, but set off a vast migration.",
         "Raj", "British rule in India"),
        ("A law included a rule known as the Gregory clause, which refused help to smallholders.",
         "Gregory clause", "a rule which refused help to smallholders"),
        # an appositive before the term's name is taken with the name
        ("On 5 June 1947, George C. Marshall, the American Secretary of State, gave a speech.",
         "George C. Marshall", "the American Secretary of State"),
        ("The Great Famine, also called the Great Hunger, was a period of mass starvation.",
         "Great Famine", "a period of mass starvation"),
        # an appositive after an opening, or holding a parenthesis
        ("In Paris the Jacobins, a club of radical deputies who met in a former convent, grew "
         "strong.", "Jacobins", "a club of radical deputies who met in a former convent"),
        ("For a decade the Holy Roman Empire, a loose union of German states, held together.",
         "Holy Roman Empire", "a loose union of German states"),
        ("Each lord was a daimyo, the ruler of a domain (han) that owed service to the shogun.",
         "daimyo", "the ruler of a domain (han) that owed service to the shogun"),
        ("In 1834 Parliament repealed, or cancelled, the old Poor Law.", "repealed",
         "cancelled"),
        ("Workers signed pledges, promises not to drink alcohol, at chapel meetings.",
         "pledges", "promises not to drink alcohol"),
        # between dashes, and after a colon
        ("Soldiers carried arquebuses – early guns fired from a forked rest – into battle.",
         "arquebuses", "early guns fired from a forked rest"),
        ("The city feared contagion – the spread of disease from person to person – above all.",
         "contagion", "the spread of disease from person to person"),
        ("It became a famine: a shortage of food so severe that people starve.", "famine",
         "a shortage of food so severe that people starve"),
        # a word glossed in brackets after its meaning, another name, a phrase glossed
        ("Each officer held a numbered rank (zat) in the army.", "zat", "a numbered rank"),
        ("Disputes went to the Althing, or assembly, a meeting of free men held each summer.",
         "Althing", "a meeting of free men held each summer"),
        ("He lived by the motto ora et labora, meaning “pray and work”, all his life.",
         "ora et labora", "pray and work"),
        ("The Inquisition, in Spanish law, was a church court that tried cases of heresy.",
         "Inquisition", "a church court that tried cases of heresy"),
        # a name given after a restrictive clause, or after "which" and who named it
        ("The rules that kept the races apart were known as the colour bar.", "colour bar",
         "The rules that kept the races apart"),
        ("Traders crossed the grasslands of the interior, which Spanish settlers called the "
         "pampas.", "pampas", "the grasslands of the interior"),
        ("The rebels formed a league against the king, remembered as the League of the Public "
         "Weal.", "League of the Public Weal", "a league against the king"),
        # a bare noun phrase going on with "where", a participle and an adverb, or "to"
        ("The navy needed coaling stations, ports where ships could take on fuel, everywhere.",
         "coaling stations", "ports where ships could take on fuel"),
        ("Rival towns fought skirmishes, ritual battles fought mainly for honour, each spring.",
         "skirmishes", "ritual battles fought mainly for honour"),
        ("Germany had to pay indemnities, compensation to the victors for the war.",
         "indemnities", "compensation to the victors for the war"),
        # a term in quotation marks, or joined by "of" to the noun it follows
        ("Rebels spoke of the “years of shame”, a time of foreign rule and poverty.",
         "years of shame", "a time of foreign rule and poverty"),
        ("They upheld the principle of nationality, the idea that each nation should rule "
         "itself.", "principle of nationality", "the idea that each nation should rule itself"),
        # a copula after the subject's name, an aside, or with a possessive
        ("Their pact, the Triple Entente, was an understanding between three powers.",
         "Triple Entente", "an understanding between three powers"),
        ("Little Poland, as scholars call the region, was a province of the old kingdom.",
         "Little Poland", "a province of the old kingdom"),
        ("The Directory was France's government of five directors.", "Directory",
         "France's government of five directors"),
        # one of two names, a name with another in brackets
        ("She spoke Latin and Greek, the language of the Byzantine court.", "Greek",
         "the language of the Byzantine court"),
        ("They burned the Summer Palace (Yuanmingyuan), a vast imperial retreat of gardens.",
         "Summer Palace", "a vast imperial retreat of gardens"),
        # a term in italics, "that is", "the so-called", an appositive before a colon
        ("At the bottom worked the *sans-culottes* – the poorest artisans of Paris.",
         "sans-culottes", "the poorest artisans of Paris"),
        ("Ships kept the Old Style, that is, the Julian calendar then in use in England.",
         "Old Style", "the Julian calendar then in use in England"),
        ("That night, five young officers – the so-called Young Turks, among them Enver – met.",
         "Young Turks", "five young officers"),
        ("Below them came the *hidalgos*, the lesser nobles: soldiers, clerks and priests.",
         "hidalgos", "the lesser nobles"),
        # a name given after an aside, a name with "for" in it, a collective possessive
        ("Those who backed the king were called Cavaliers; their enemies, who backed Parliament, "
         "were dubbed Roundheads.", "Roundheads", "their enemies"),
        ("The congress marked the start of the Scramble for Africa – the rapid partition of the "
         "continent.", "Scramble for Africa", "the rapid partition of the continent"),
        ("Peasants joined people's communes, huge collective farms where land was shared.",
         "people's communes", "huge collective farms where land was shared"),
        ("Cossacks were men and women who settled the steppe frontier as free soldiers.",
         "Cossacks", "men and women who settled the steppe frontier as free soldiers"),
        # after an adjective in -ing, a note's marker; a code name; "rule by"; a colon's plural
        ("Leading members of the Sejm, the elected assembly of the nobles, formed a league.",
         "Sejm", "the elected assembly of the nobles"),
        ("[3] New Spain, as historians call this colony, was a viceroyalty ruled from Mexico.",
         "New Spain", "a viceroyalty ruled from Mexico"),
        ("In 1944 the Germans fired the V-2, a long-range rocket, at London.", "V-2",
         "a long-range rocket"),
        ("The general declared martial law, rule by the army, across the province.",
         "martial law", "rule by the army"),
        ("Writers called them the “capitulations”: privileges granted to foreign merchants.",
         "capitulations", "privileges granted to foreign merchants"),
        # a translation after a marked word; a marked word's bare gloss
        ("Soldiers called the retreat the *Rückzug*, or \"withdrawal\", in their letters.",
         "Rückzug", "withdrawal"),
        ("The rebels fled at night on a *paseo*, literally a \"stroll\", into the hills.",
         "paseo", "stroll"),
        ("The crowd chanted \"Ni Dieu ni maître\", which is French for \"Neither God nor master\".",
         "Ni Dieu ni maître", "Neither God nor master"),
        ("The council named him *Generalísimo*, supreme commander of all the armies.",
         "Generalísimo", "supreme commander of all the armies"),
        ("The peasants farmed the *ejido* (commons) together.", "ejido", "commons"),
        # a name given by apposition, or after "as … became known"
        ("Two thousand kilometres of canals, the Grand Canal, joined the rivers.", "Grand Canal",
         "Two thousand kilometres of canals"),
        ("On 3 May the 54th Regiment – the \"Iron Brigade\", as the unit became known – attacked.",
         "Iron Brigade", "the 54th Regiment"),
        ("Chartism, as the movement came to be called, demanded votes for working men.",
         "Chartism", "demanded votes for working men"),
        # what a word means, where a name comes from, what a name was given to
        ("The word samizdat means self-published.", "samizdat", "self-published"),
        ("Perestroika means restructuring.", "Perestroika", "restructuring"),
        ("The \"Winter of Discontent\" took its name from a line of Shakespeare.",
         "Winter of Discontent", "took its name from a line of Shakespeare"),
        ("This was the Beer Hall Putsch, putsch being the German word for a coup.", "putsch",
         "a coup"),
        ("The crew prepared an invasion of France under the codename Operation Neptune.",
         "Operation Neptune", "an invasion of France"),
        ("Five million people moved north in what became known as the Great Migration.",
         "Great Migration", "Five million people moved north"),
        ("The rebels, who called themselves the Covenanters, held the south-west.",
         "Covenanters", "The rebels"),
        # a way of acting; a verb glossed; "in effect", "in other words", a policy's colon
        ("The partisans fought a war of movement, striking and vanishing before dawn.",
         "war of movement", "striking and vanishing before dawn"),
        ("The pilots were ordered to bail out – to jump from the aircraft – over the sea.",
         "bail out", "to jump from the aircraft"),
        ("He was made stadtholder, in effect chief magistrate, of Holland.", "stadtholder",
         "chief magistrate"),
        ("They were convicted \"with mitigating factors\", in other words with reasons for mercy.",
         "mitigating factors", "reasons for mercy"),
        ("The powers agreed a policy of non-alignment: no state would join either bloc.",
         "non-alignment", "no state would join either bloc"),
        # an office any holder of which is meant; a two-object verb; a gerund as subject
        ("Each province had to accept a Resident, an official who watched over its ruler.",
         "Resident", "an official who watched over its ruler"),
        ("The kings granted the towns charters, written grants of rights.", "charters",
         "written grants of rights"),
        ("Rationing, the controlled sharing out of scarce goods, began in 1940.", "Rationing",
         "the controlled sharing out of scarce goods"),
        # a participle after a determiner is an adjective; a bare plural going on with
        # "between"; a phrase inside a sentence after "in"; a list of two things described
        ("Traders reached Kumbi, a walled market town on the desert edge, in the spring.",
         "Kumbi", "a walled market town on the desert edge"),
        ("Disputes were settled in bilateral treaties, agreements between two states, such as "
         "the pact of 1890.", "bilateral treaties", "agreements between two states"),
        ("The old songs live on, too, in *romances*, the ballads that travellers sang.",
         "romances", "the ballads that travellers sang"),
        ("The guard was made of the Streltsy, hereditary musketeers drawn mainly from Moscow, "
         "and the Cossacks, free horsemen of the steppe.", "Streltsy",
         "hereditary musketeers drawn mainly from Moscow"),
        # two adjectives with a comma between; the second of two names
        ("The fleet sailed between the Strait of Otranto and the Grand Harbour, a deep, "
         "sheltered bay that could hold a hundred ships.", "Grand Harbour",
         "a deep, sheltered bay that could hold a hundred ships"),
        ("Power passed to the gentry, the landowning, educated class that ran the provinces.",
         "gentry", "the landowning, educated class that ran the provinces"),
        # a plain word and its meaning in quotation marks; "whose name means"
        ("Riders carried the news to Kyiv, 'the mother of cities', within a week.", "Kyiv",
         "the mother of cities"),
        ("The monks greeted him as abba, 'father', a title of deep respect.", "abba", "father"),
        ("Renamed Novgorod, the 'new town', the settlement grew quickly.", "Novgorod",
         "the 'new town'"),
        ("The Cossacks, whose name means 'free men', guarded the frontier.", "Cossacks",
         "free men"),
        # a thing's own name in brackets after it; a sentence in brackets
        ("Peasants worked as bonded labourers (*siervos*) on the estates.", "siervos",
         "bonded labourers"),
        ("The army crossed the strait (Anatolia was the Greek name for the eastern lands) in "
         "spring.", "Anatolia", "the Greek name for the eastern lands"),
        # "Historians call this X the Y"; "as … was titled"; an aside in a copula; where a
        # word is used, before it
        ("Historians call this sudden collapse the Bronze Age Collapse.", "Bronze Age Collapse",
         "the sudden collapse"),
        ("Historians call his long reign the *Pax Augusta*.", "Pax Augusta", "his long reign"),
        ("Taxes were paid to the vizier, as the chief minister was titled.", "vizier",
         "the chief minister"),
        ("A colony was, in theory, a territory governed from abroad.", "colony",
         "a territory governed from abroad"),
        ("In English legal tradition a *writ* was a written order issued in the king's name.",
         "writ", "a written order issued in the king's name"),
        # "meaning" after a verb; an aside after a dash; a work named after its kind
        ("The church lands were to be nationalised, meaning taken over by the state.",
         "nationalised", "taken over by the state"),
        ("His followers hailed him as the Mahdi – in Islamic tradition, a redeemer expected "
         "before the end of the world.", "Mahdi",
         "a redeemer expected before the end of the world"),
        ("In January 1776 Thomas Paine published a pamphlet, Common Sense.", "Common Sense",
         "a pamphlet"),
        # an article of a law, a plan by what it did; "Under what came to be called"; a
        # slogan and its translation after a dash
        ("Article 48 allowed the president to rule by decree in an emergency.", "Article 48",
         "allowed the president to rule by decree in an emergency"),
        ("In 1911 he issued the Plan of Ayala, which demanded that land be returned to the "
         "villages.", "Plan of Ayala", "which demanded that land be returned to the villages"),
        ("Under what came to be called the encomienda system, settlers received the labour of "
         "whole villages.", "encomienda system", "settlers received the labour of whole villages"),
        ("Their slogan was *Liberté, égalité, fraternité* – 'liberty, equality, fraternity'.",
         "Liberté, égalité, fraternité", "liberty, equality, fraternity"),
        # what a word means, mid-sentence or in brackets; a sentence in brackets
        ("Shah means king; the title came from Persia.", "Shah", "king"),
        ("(Tsars took the old Roman title, and *tsar* means \"caesar\".)", "tsar", "caesar"),
        ("(The Doge was the elected ruler of Venice.)", "Doge", "the elected ruler of Venice"),
        # a people named after its leader; an adverb before a name; a name in italics or with a
        # number named by apposition; an ordinal in a term; two names for one thing
        ("Two factions fought: the Guelphs, named after the Welf family, and the Ghibellines.",
         "Guelphs", "named after the Welf family"),
        ("Meanwhile Antwerp, a port on the Scheldt, grew rich.", "Antwerp",
         "a port on the Scheldt"),
        ("In 1381 a rising of the commons, the *Great Revolt*, shook England.", "Great Revolt",
         "a rising of the commons"),
        ("The army's answer was a new gun, the Model 1861 Springfield rifle.",
         "Model 1861 Springfield rifle", "a new gun"),
        ("The border ran along the 49th parallel, the line of latitude 49 degrees north.",
         "49th parallel", "the line of latitude 49 degrees north"),
        ("Writers called it the Great Rebellion or the English Revolution, names which take "
         "sides.", "Great Rebellion", "names which take sides"),
        # a treaty, an act and an operation by what they did; a verb glossed in brackets; a
        # quoted phrase glossed by a participle; a name glossed by what it meant doing
        ("By the Treaty of Verdun in 843 Louis and his brothers divided the empire.",
         "Treaty of Verdun", "Louis and his brothers divided the empire"),
        ("The Test Act of 1673 required every officeholder to take Anglican communion.",
         "Test Act", "required every officeholder to take Anglican communion"),
        ("In May 1940 some 338,000 soldiers were carried off the beaches in Operation Dynamo.",
         "Operation Dynamo", "some 338,000 soldiers were carried off the beaches"),
        ("Francis was beatified (declared blessed) in 1228.", "beatified", "declared blessed"),
        ("Some rebels were 'put to the question', tied to a rack and stretched.",
         "put to the question", "tied to a rack and stretched"),
        ("They called for what some called détente, easing tension between the blocs.",
         "détente", "easing tension between the blocs"),
        # a plain word, its translation and an appositive; a copula up to a colon; "from the
        # … word for"; a plural with a capitalised adjective after "also known as"
        ("It was ruled by a Landtag, or \"land assembly\", an elected body of nobles.", "Landtag",
         "an elected body of nobles"),
        ("The yeomen were the small farmers of the shire: men who owned their land.", "yeomen",
         "the small farmers of the shire"),
        ("Many of them became Junkers, from the German word for young lords.", "Junkers",
         "from the German word for young lords"),
        ("The Avars, also known as Obri, were Turkic horsemen of the steppe.", "Avars",
         "Turkic horsemen of the steppe"),
        # a name after a verb's object, after "as", in italics or with small words in it
        ("In 1843 they printed a weekly paper, the *Northern Star*, in Leeds.", "Northern Star",
         "a weekly paper"),
        ("The day was kept as a public holiday, the Day of Union.", "Day of Union",
         "a public holiday"),
        ("It is still called the *Mur des Fédérés*, the Communards' Wall.", "Mur des Fédérés",
         "the Communards' Wall"),
        ("The troops based at Versailles, whom the Communards called the *Versaillais*, "
         "attacked.", "Versaillais", "The troops based at Versailles"),
        # brackets: initials, a capitalised translation of a marked name, a foreign word's
        # English, a war's dates before its appositive
        ("The East India Company (usually known by its initials, EIC) traded in tea.", "EIC",
         "East India Company"),
        ("They founded the *Union des femmes* (Women's Union) in April.", "Union des femmes",
         "Women's Union"),
        ("He relied on his nökör (companions) in every war.", "nökör", "companions"),
        # a bracket inside a bracket is an aside of the outer one's definition
        ("The zaibatsu (family-owned business groups (such as Mitsui)) grew fast.", "zaibatsu",
         "family-owned business groups"),
        ("The result was the Second Seminole War (1835-1842), the costliest of the wars.",
         "Second Seminole War", "the costliest of the wars"),
        ("By the Treaty of Fort Jackson, signed in August 1814, the Creek gave up their land.",
         "Treaty of Fort Jackson", "the Creek gave up their land"),
        # a kind of thing the clause before names
        ("Senior posts in the civil service were handed to Africans, a process known as "
         "*Africanisation*.", "Africanisation",
         "Senior posts in the civil service were handed to Africans"),
        # an appositive after an opening clause's subject, before its verb; a clause with a
        # verb before the appositive is no opening; a reflexive after the subject
        ("When potato blight, a disease that rots the plants, struck in 1845, many starved.",
         "potato blight", "a disease that rots the plants"),
        ("By the 1940s the colony was the largest producer of cocoa, the crop from which "
         "chocolate is made, and exports grew.", "cocoa", "the crop from which chocolate is made"),
        ("The samurai themselves were the hereditary warrior class.", "samurai",
         "the hereditary warrior class"),
        # whose a name is, no part of it; a bracket between subject and copula; a word glossed
        # as a word
        ("China's First Five-Year Plan (1953-1957), a programme of economic targets, grew.",
         "First Five-Year Plan", "a programme of economic targets"),
        ("The Sea Beggars (Watergeuzen) were Protestant exiles who attacked Spanish ships.",
         "Sea Beggars", "Protestant exiles who attacked Spanish ships"),
        ("They had hoped the tsar would grant them volia, a Russian word for freedom.", "volia",
         "a Russian word for freedom"),
        # a manifesto or a peace by what it did, past what signed it; a treaty after a year
        ("He signed the Emancipation Manifesto, which announced the end of serfdom, in 1861.",
         "Emancipation Manifesto", "which announced the end of serfdom"),
        ("Peace came with the Peace of Münster, signed on 30 January 1648, in which Spain "
         "recognised the Republic.", "Peace of Münster", "in which Spain recognised the Republic"),
        ("In 1585, by the Treaty of Nonsuch, Elizabeth I agreed to send an army.",
         "Treaty of Nonsuch", "Elizabeth I agreed to send an army"),
        # a bare plural by what it was done on; a name given, then a colon; an oath of …
        ("Both groups became notorious for reprisals, revenge attacks on civilians.",
         "reprisals", "revenge attacks on civilians"),
        ("This is known as restitution: giving back objects to the people they were taken "
         "from.", "restitution", "giving back objects to the people they were taken from"),
        ("Members would have to take an oath of allegiance, a solemn promise of loyalty.",
         "oath of allegiance", "a solemn promise of loyalty"),
        # an adverb before the name given is no part of the definition
        ("The OGPU, as the Soviet political police was then called, recorded many revolts.",
         "OGPU", "the Soviet political police"),
    ],
)  # fmt: skip
def test_a_defined_term_is_drafted_with_its_defining_words(
    sentence: str, term: str, definition: str
) -> None:
    assert (term, definition) in [(t, d) for t, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "After the war, the town grew quickly.",
        "In 1847 alone, several thousand emigrants died at the quarantine station.",
        "As the old sarcophagus began to crumble, an international project built a new one.",
        "In March 1940, at Lahore, the League called for independent states in the north.",
        "The census of 1851 counted about six and a half million people, some two million fewer.",
        "Between the walls lay the so-called death strip.",
        "Slowly, the soil blew away.",
        # a clause, a list or a summing-up after a comma; a summons; a pronoun named
        "They visited the Hall at Bruges, the Yard at London and the Court at Ghent.",
        "Travellers crossed the Alps, a reminder of how far the empire reached.",
        "Whether or not he did, the letter was soon in print.",
        "Loyalist writers called it the Boston Riot.",
        "The town closed its schools, churches and theatres on 7 October.",
        "The college taught a plain, functional style that shapes buildings today.",
        "After the palace was set on fire on 27 February, an emergency decree followed.",
        "Among its victims was the emperor's brother.",
        # lists, a verb or a list after a dash, a name as the copula's clause, a pronoun
        "Thousands died from hunger, disease and savage punishment that the guards ignored.",
        "Pupils turned on their teachers, their neighbours and sometimes their own parents.",
        "The generals who had made peace – Dessalines, Christophe and others – went back to war.",
        "They demanded payment for their lost property – including the people who had freed "
        "themselves.",
        "The instrument of enforcement was the Force Publique.",
        "The word is Afrikaans for apartness.",
        "They became known as the Gang of Four.",
        "It ended in catastrophe: harvests failed, and millions of people died.",
        # a question; a list of names; an appointment; a description after "what"; a summing-up
        "Was the rising a revolution, or a riot that grew?",
        "The committee named Kossuth head of the government.",
        "By 1900 the city had become what many called the capital of the world.",
        "He resigned his command, a decision many have since judged hasty.",
        "Edited by Hughes, the special issue sold out in days.",
        "Treat the figures as estimates: the census had no fixed method.",
        "Imprisoned in the fortress, high in the mountains, he died in 1803.",
        # what was said; a summons home; a person by a reflexive; one office, one name
        "Luther wrote, 'Here I stand', and left.",
        "The French troops were called home to fight in the Franco-Prussian War.",
        "In the summer of 1850 Hong called his followers to gather at the village.",
        "Hong himself was God's second son, sent to rid China of demons.",
        "Its head, the pope, ruled from Rome.",
        # a named person; a name given after "whom" or "and was"; what a list did
        "By 1422 the prince, whom his followers called Charles VII although uncrowned, waited.",
        "He was born in Anhui, and was called Zhu Chongba.",
        "Their tablets were in Chinese, Tamil and Persian – offering gifts to three faiths.",
        "The second cause was the succession.",
        # one of a group; a question word, "every" or a time as a subject
        "Thousands were deported, and Louise Michel was one of them.",
        "What followed was the *Semaine sanglante*.",
        "Every Mongol man was a horseman and archer from childhood.",
        "The old fort (c. 1300) stood on the hill.",  # a date in brackets
    ],
)
def test_an_opening_phrase_or_a_name_in_passing_is_no_term(sentence: str) -> None:
    assert defined_terms(sentence) == []


def test_an_adverb_before_a_name_given_is_never_a_definition() -> None:
    """ "…, usually called the Northern Alliance" drafted "Northern Alliance: Usually", "more
    and more often called the Irish Republican Army" "… : More and more often"."""
    for sentence in (
        "In 1868 thirty northern domains formed the Ōuetsu Reppan Dōmei, usually called the "
        "Northern Alliance.",
        "The Irish Volunteers, more and more often called the Irish Republican Army (IRA), did "
        "not try to seize towns.",
        "This catastrophe is sometimes called the Great Dying.",
    ):
        for _, definition, _ in defined_terms(sentence):
            assert not re.fullmatch(r"(?i)[\w\s]*(?:usually|often|sometimes)", definition)


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        # the role before the name, with or without a comma
        ("It drew on the work of the Soviet biologist Trofim Lysenko, whose theories failed.",
         "Trofim Lysenko", "the Soviet biologist"),
        ("In 1874 the war minister, Dmitry Milyutin, introduced universal military service.",
         "Dmitry Milyutin", "the war minister"),
        ("The Bank of England sent one of its senior officials, Sir Otto Niemeyer, to advise.",
         "Sir Otto Niemeyer", "one of its senior officials"),
        ("The federal Treasurer, Ted Theodore, wanted the bank to expand credit.",
         "Ted Theodore", "The federal Treasurer"),
        ("His proposals were opposed by the bank's chairman, Sir Robert Gibson.",
         "Sir Robert Gibson", "the bank's chairman"),
        ("Philip's new governor, Alexander Farnese, Duke of Parma, was a skilful general.",
         "Alexander Farnese, Duke of Parma", "Philip's new governor"),
        ("In the 1870s Britain's Colonial Secretary, Lord Carnarvon, hoped to unite them.",
         "Lord Carnarvon", "Britain's Colonial Secretary"),
        # the name before the role, after an opening too
        ("Early in April 1878 Lord Salisbury, the newly appointed Foreign Secretary, wrote.",
         "Lord Salisbury", "the newly appointed Foreign Secretary"),
        ("In 1905 Lord Curzon, Viceroy of India from 1899 to 1905, divided the province.",
         "Lord Curzon", "Viceroy of India from 1899 to 1905"),
        ("On 30 May Salisbury and Count Pyotr Shuvalov, the Russian ambassador, agreed.",
         "Count Pyotr Shuvalov", "the Russian ambassador"),
        ("In the fourteenth century Firuz Shah Tughlaq, the Sultan of Delhi, moved them.",
         "Firuz Shah Tughlaq", "the Sultan of Delhi"),
    ],
)  # fmt: skip
def test_a_person_is_drafted_by_the_role_the_text_gives_them(
    sentence: str, person: str, role: str
) -> None:
    """A person the text stops to introduce is a glossary entry a student needs, defined by
    their role: before the name ("the war minister, Dmitry Milyutin") or after it."""
    assert (person, role) in [(term, said) for term, said, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "person", "role"),
    [
        ("At the Senate, the consul Cicero denounced the plot.", "Cicero", "the consul"),
        ("The young king, Henry VI, called Warwick before the council.", "Henry VI",
         "The young king"),
        ("France cited the death of a missionary, Auguste Chapdelaine, earlier that year.",
         "Auguste Chapdelaine", "a missionary"),
        ("That spring Morris, Rossetti, the painter Madox Brown and Webb met.", "Madox Brown",
         "the painter"),
    ],
)  # fmt: skip
def test_a_person_in_a_sentence_about_something_else_is_its_only_term(
    sentence: str, person: str, role: str
) -> None:
    """Not the place before ("At the Senate, the consul Cicero"), nor the others in a list."""
    assert defined_terms(sentence) == [(person, role, ())]


def test_a_new_clause_after_a_role_is_no_person() -> None:
    """ "…, the laws against heresy first issued by his father, Protestants had been burned":
    a name after a role and a comma is the person only if a comma or a full stop closes it."""
    sentence = (
        "Under the placards, the laws against heresy first issued by his father, Protestants "
        "had been burned since the 1520s."
    )
    assert "Protestants" not in [term for term, _, _ in defined_terms(sentence)]


def test_a_name_given_to_a_sentence_subject_is_defined_by_it() -> None:
    (found,) = defined_terms("Payments to the unemployed were commonly called the *dole*.")
    assert found == ("dole", "Payments to the unemployed", ())
    assert defined_terms("This was called the dole.") == []  # no subject to define it


def test_what_batch_21_showed() -> None:
    """A person named with their title ("John of Gaunt, Duke of Lancaster") is known by the name
    alone too, and the title is no term of its own; "a dyer called Geoffrey Litster" is a person
    by their trade; a verb is glossed in brackets after it ("gave up (abdicated)"); an aside in
    brackets defines nothing; a sentence that ends by quoting a question is no question."""
    sentence = "They disliked the king's uncle, John of Gaunt, Duke of Lancaster, the richest lord."
    assert defined_terms(sentence) == [
        ("John of Gaunt, Duke of Lancaster", "the king's uncle", ("John of Gaunt",))
    ]
    sentence = "In Norfolk, a dyer called Geoffrey Litster led the rebels until Henry Despenser, "
    sentence += "the Bishop of Norwich, defeated them."
    assert ("Geoffrey Litster", "a dyer", ()) in defined_terms(sentence)
    assert (
        defined_terms("She published a pamphlet called An Appeal to the Men of the Colony.") == []
    )
    assert defined_terms("In 1555 Charles gave up (abdicated) his lands.") == [
        ("abdicated", "gave up", ())
    ]
    assert defined_terms("They burned the Savoy, Gaunt's London house (Gaunt was away).") == []
    sentence = 'According to the chronicler Thomas Walsingham, Ball preached on the rhyme "When '
    sentence += 'Adam delved and Eve span, who was then the gentleman?"'
    assert defined_terms(sentence) == [("Thomas Walsingham", "the chronicler", ())]
    assert defined_terms('"Was the Chartist, a worker, a revolutionary?"') == []


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # a person's role that is another's
        ("The killer of the president, Lee Harvey Oswald, was shot two days later.",
         ("Lee Harvey Oswald", "the president")),
        ("In 1533 Henry married the second wife of the king, Anne Boleyn.",
         ("Anne Boleyn", "the king")),
        # a linking word, a place before the role, a clause after it
        ("However, the pope and the emperor could not agree on a council.", ("However", None)),
        ("In the Netherlands, the Spanish governor, the Duke of Alba, set up a council.",
         ("Netherlands", None)),
        ("Across the Channel, the French king and his ministers feared an invasion.",
         ("Channel", None)),
        # a state, a describing word, a list
        ("Germany's main rival, Britain, was alarmed by the naval build-up.", ("Britain", None)),
        ("The war divided the Union from the rebel Confederacy.", ("Confederacy", None)),
        ("The man Stalin trusted most, Lavrentiy Beria, ran the secret police.", ("Stalin", None)),
        ("In 1571 the pope, Spain, and Venice formed the Holy League.", ("Spain", None)),
        ("Under laws issued by his father, Catholics, Jews and Anabaptists were persecuted.",
         ("Catholics", None)),
        # no place: a person, a people, a time, a book
        ("Napoleon, in exile on the island of St Helena, wrote his memoirs.", ("Napoleon", None)),
        ("The Allies, on the Western Front, launched the Hundred Days Offensive.",
         ("Allies", None)),
        ("President Lincoln, near the end of the war, spoke of malice toward none.",
         ("President Lincoln", None)),
        ("Today, in the north of the country, the language is still spoken.", ("Today", None)),
        # a part of a place is not the place
        ("The textile towns of Lancashire and Yorkshire depended on cotton.", ("Lancashire", None)),
        ("Danzig was the main port of Prussia for centuries.", ("Prussia", None)),
        ("The Jewish district of Warsaw was sealed off in November 1940.", ("Warsaw", None)),
        # a name in a title, not a person's
        ("Prince Edward Island, a small colony off the coast, joined Canada in 1873.",
         ("Edward Island", None)),
    ],
)  # fmt: skip
def test_what_the_hostile_pass_on_people_and_places_found(
    sentence: str, wrong: tuple[str, str | None]
) -> None:
    """Wrong entries the first rules for people and places drafted from ordinary prose."""
    term, said = wrong
    for drafted in draft_terms([sentence]):
        assert term not in (drafted.term, *drafted.aliases) or (
            said is not None and drafted.definition != said
        ), drafted


def test_a_title_before_a_name_is_an_other_name() -> None:
    (found,) = defined_terms("Marshal Peng Dehuai, the Minister of Defence, wrote to Mao.")
    assert found == ("Marshal Peng Dehuai", "the Minister of Defence", ("Peng Dehuai",))


@pytest.mark.parametrize(
    "sentence",
    [
        "In London, Prime Minister Anthony Eden saw Nasser as a dangerous dictator.",  # a place
        "In 1855, in the middle of the Crimean War, Tsar Nicholas I died.",  # a name follows
        "Britain's Colonial Secretary, Lord Carnarvon, hoped to bring them together.",
        "They promised that all subjects, whether Muslim, Christian or Jewish, were equal.",
        "In the third century BC, an Indian emperor had his thoughts carved into rocks.",
        "The outstanding allied commander was John Churchill, Duke of Marlborough.",  # a title
        "The leaders Mao and Zhou met in 1949.",  # a plural role, not one of them
        "The rebel Taiping army marched on Nanjing.",  # a name's adjective
    ],
)
def test_no_person_is_read_from_a_place_a_list_or_a_clause(sentence: str) -> None:
    drafted = {term for term, _, _ in defined_terms(sentence)}
    assert not drafted & {
        "London", "Crimean War", "Colonial Secretary", "Christian Democrats", "Muslim", "BC",
        "John Churchill", "Mao", "Taiping", "Hurston",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "place", "said"),
    [
        ("Orlando claimed the Adriatic port of Fiume (now Rijeka in Croatia).",
         "Fiume", "the Adriatic port"),
        ("Camps grew in the Sydney suburbs of Bankstown and Newtown.",
         "Newtown", "the Sydney suburbs"),
        ("The cotton mills of Lancashire, in north-west England, lost their market.",
         "Lancashire", "in north-west England"),
        ("Temples at Philae, on an island in the Nile, kept the old script.",
         "Philae", "on an island in the Nile"),
        ("In 1631 at Breitenfeld, near Leipzig, the Swedes won.", "Breitenfeld", "near Leipzig"),
    ],
)  # fmt: skip
def test_a_place_is_drafted_by_what_the_text_says_of_it(
    sentence: str, place: str, said: str
) -> None:
    assert (place, said) in [(term, d) for term, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "not_a_place"),
    [
        ("He was born in the city of Paris.", "Paris"),  # nothing a student would not know
        ("It became the independent kingdom of Belgium in 1830.", "Belgium"),  # a country
        ("Flanders, on 24 June 1340, saw the battle of Sluys.", "Flanders"),  # when, not where
        ("Purgatory, in Catholic teaching, was a state of suffering.", "Purgatory"),  # in what
        ("Robert Conquest, in The Harvest of Sorrow, argued for a famine.", "Robert Conquest"),
        ("Then, in the north, the rebels gathered.", "Then"),
        ("It struck Soviet Ukraine, in the Kuban region and in Kazakhstan.", "Soviet Ukraine"),
    ],
)
def test_no_place_is_read_from_a_date_a_book_or_a_list(sentence: str, not_a_place: str) -> None:
    assert not [
        said
        for term, said, _ in defined_terms(sentence)
        if term == not_a_place and (re.match(r"(?:in|on|near|the)\s", said))
    ]


@pytest.mark.parametrize(
    ("sentence", "name", "said"),
    [
        ("The Stolypin reforms allowed peasants to leave the commune.",
         "Stolypin reforms", "allowed peasants to leave the commune"),
        ("China's First Five-Year Plan set targets for very rapid industrial growth.",
         "First Five-Year Plan", "set targets for very rapid industrial growth"),
        ("The provinces agreed the Pacification of Ghent, promising to drive out the troops.",
         "Pacification of Ghent", "promising to drive out the troops"),
        ("The Protection of Person and Property Act, passed in March 1881, allowed the "
         "authorities to imprison suspects without trial.", "Protection of Person and Property "
         "Act", "allowed the authorities to imprison suspects without trial"),
        # after a date, with the year its name carries
        ("On 23 March the Enabling Act gave Hitler's cabinet the power to make laws.",
         "Enabling Act", "gave Hitler's cabinet the power to make laws"),
        ("The Representation of the People Act 1918 gave the vote to all men aged twenty-one "
         "and over.", "Representation of the People Act 1918",
         "gave the vote to all men aged twenty-one and over"),
        # what happened in it
        ("In the Crimean War (1853-1856) Russia fought an alliance led by Britain and France.",
         "Crimean War", "Russia fought an alliance led by Britain and France"),
        ("In the Four Pests Campaign, launched in 1958, the population was mobilised to kill "
         "rats, flies, mosquitoes and sparrows.", "Four Pests Campaign",
         "the population was mobilised to kill rats, flies, mosquitoes and sparrows"),
    ],
)  # fmt: skip
def test_a_named_law_body_or_event_is_described_by_what_it_did(
    sentence: str, name: str, said: str
) -> None:
    assert what_it_did(sentence) == (name, said, ())


@pytest.mark.parametrize(
    "sentence",
    [
        "The Soviet Union withdrew its advisers in July 1960.",  # a name every student meets
        "The WCTU's campaign, led by Kate Sheppard, gathered signatures.",  # a campaign, no name
        "When the Treaty of Paris was signed, the war ended.",  # no subject
        "The Treaty of Versailles was signed on 28 June 1919.",  # when, not what
        "The Korean War ended in an armistice in July 1953.",
        "The Nazi Party won 37 per cent of the vote in July 1932.",  # a result
        "The Allies, on the Western Front, launched the Hundred Days Offensive.",
        "Wellington, in the Peninsular War, commanding the British forces in Portugal, won.",
    ],
)
def test_a_name_in_passing_is_not_described_by_what_it_did(sentence: str) -> None:
    assert what_it_did(sentence) is None


def test_a_description_never_hides_a_definition() -> None:
    """The hostile pass: "The Council of Trent met between 1545 and 1563." drafted "met …",
    and the sentence after, which defines it, was left out; a description is drafted only for a
    name no sentence defines."""
    (drafted,) = draft_terms(
        [
            "The Supreme Court ruled in 1954 that segregated schools were unconstitutional. The "
            "Supreme Court is the highest court in the United States."
        ]
    )
    assert drafted.definition == "the highest court in the United States"
    (drafted,) = draft_terms(["The Stolypin reforms allowed peasants to leave the commune."])
    assert drafted.definition == "allowed peasants to leave the commune"


def test_a_translation_in_the_next_sentence_is_read() -> None:
    assert defined_after(
        "Mzilikazi built a powerful state during the Mfecane.",
        'This Nguni word is usually translated as "the crushing".',
    ) == ("Mfecane", "the crushing", ())


def test_a_definition_in_the_next_sentence_is_read() -> None:
    assert defined_after(
        "To defend themselves the cities formed the Swabian League in 1488.",
        "This was a military alliance of towns and knights, named after the region.",
    ) == ("Swabian League", "a military alliance of towns and knights", ())
    assert defined_after(
        "Interdict followed in March 1208.",
        "It meant that churches were closed and no sacraments given.",
    ) == ("Interdict", "churches were closed and no sacraments given", ())
    assert defined_after(
        "Doctors now recommend what experts call social distancing.",
        "The phrase covers measures such as keeping apart in shops and streets.",
    ) == ("social distancing", "measures such as keeping apart in shops and streets", ())
    assert defined_after(
        "The sultan relied on the janissaries.",
        "These were elite infantry troops, recruited as boys from Christian villages.",
    ) == ("janissaries", "elite infantry troops", ())
    # a sentence that goes on about it, or names it, defines nothing
    assert defined_after("They passed new laws.", "They were the beginning of a new age.") is None
    assert (
        defined_after("The plague reached Messina.", "It was not until May that it ended.") is None
    )
    assert defined_after("The war began in 1914.", "It was a catastrophe.") is None
    assert defined_after("The troops entered the city.", "The city was known as Kyoto.") is None


@pytest.mark.parametrize(
    ("previous", "sentence", "term", "definition"),
    [
        ("The party first won a majority.", "This meant control of the assembly for a decade.",
         "majority", "control of the assembly for a decade"),
        ("He hoped to unite the colonies in a federation.",
         "By this he meant a single self-governing state.", "federation",
         "a single self-governing state"),
        ("Much of the work depended on patronage.",
         "In other words, artists relied on rich sponsors.", "patronage",
         "artists relied on rich sponsors"),
        ("Seats were shared out by proportional representation.",
         "Under this system each party received seats in proportion to its votes.",
         "proportional representation", "each party received seats in proportion to its votes"),
        ("Pianists perfected stride piano.", "The name comes from the player's left hand.",
         "stride piano", "the name comes from the player's left hand"),
        ("Zulu power rested on the amabutho.", "These were regiments of young men of one age.",
         "amabutho", "regiments of young men of one age"),
        ("The chief took the title oba.", "Usually translated as \"king\", it passed to his sons.",
         "oba", '"king"'),
        ("The towns signed what people called the river treaties.",
         "These agreements opened every port to foreign boats.", "river treaties",
         "opened every port to foreign boats"),
        ("Several governors ignored the order and kept the peace in their provinces.",
         "Historians call this arrangement the Southern Compact.", "Southern Compact",
         "Several governors ignored the order and kept the peace in their provinces"),
    ],
)  # fmt: skip
def test_a_definition_in_the_sentence_after_is_read(
    previous: str, sentence: str, term: str, definition: str
) -> None:
    assert defined_after(previous, sentence) == (term, definition, ())


def test_an_acronym_is_defined_by_its_expansion() -> None:
    sentence = "Aid was shared out by the Organisation for European Economic Co-operation (OEEC)."
    expansion = "Organisation for European Economic Co-operation"
    assert defining_clause(expansion, ["OEEC"], sentence) == expansion
    # … or by what the body did, in italics or not
    sentence = "He founded the *Convention People's Party* (CPP), which drew its support widely."
    said = defining_clause("Convention People's Party", ["CPP"], sentence)
    assert said == "drew its support widely"


def test_a_day_without_its_year_takes_the_year_the_text_gave() -> None:
    assert find_day_months("on 30 October, and on October 31st; not 5 May 1950") == [
        (3, 13, 10, 30),
        (22, 34, 10, 31),
    ]
    told = happenings("Britain issued an ultimatum on 30 October.", 1956)
    assert [date for *_, date in told] == ["1956-10-30"]
    assert happenings("Britain issued an ultimatum on 30 October.") == []  # no year: no date
    # A full date earlier in the sentence gives its year to the day after it.
    same = happenings("The Act passed on 25 March 1807, and the ban took effect on 1 May.", 1791)
    assert [date for *_, date in same] == ["1807-03-25", "1807-05-01"]
    # A month alone, after the word that makes it a date, is of the year too.
    months = happenings(
        "Lenin returned in April, and in early September they won a majority.", 1917
    )
    assert [date for *_, date in months] == ["1917-04", "1917-09"]
    assert happenings("April Fool's Day came and went.", 1917) == []
    # A month before another month and its year shares the year: a span, or the first.
    assert [d for *_, d in happenings("from May to June 1096")] == ["1096-05–1096-06"]
    assert [d for *_, d in happenings("Massacres followed in May and June 1096.")] == ["1096-05"]
    assert [d for *_, d in happenings("It may and June 1096 came.")] == ["1096-06"]


@pytest.mark.parametrize(
    ("text", "term", "said"),
    [
        # a name the next sentence gives, after an adverb, or before the sentence goes on
        ("In the summer of 1348 a deadly plague reached England. It was later called the Black "
         "Death.", "Black Death", "In the summer of 1348 a deadly plague reached England"),
        ("Six leaders were arrested. They became known as the Big Six and were blamed for the "
         "riots.", "Big Six", "Six leaders were arrested"),
        ("The changes that followed emancipation are known to historians as the Great Reforms.",
         "Great Reforms", "The changes that followed emancipation"),
        # an appositive after a time or a main clause, not an opening
        ("In the north-west they used Kharosthi, a script written from right to left.",
         "Kharosthi", "a script written from right to left"),
        ("In the 570s the Sasanian Persians, the rulers of Iran, conquered Yemen.",
         "Sasanian Persians", "the rulers of Iran"),
        # appositives in a chain, each describing the name the one before ends with
        ("The family held the title of Holy Roman Emperor, the elected overlord of the Holy "
         "Roman Empire, a loose patchwork of several hundred German states.",
         "Holy Roman Empire", "a loose patchwork of several hundred German states"),
        ("The traders came from Sogdiana, the region around Samarkand and Bukhara.",
         "Sogdiana", "the region around Samarkand and Bukhara"),
        ("Across the sea lay Himyar, a kingdom in what is now Yemen.",
         "Himyar", "a kingdom in what is now Yemen"),
        # what a word is, after a semicolon or inside brackets
        ("He was given a sanjak to rule; a sanjak was an Ottoman administrative district.",
         "sanjak", "an Ottoman administrative district"),
        ("The sultan issued the Reform Edict (Islahat Fermanı; a ferman was an imperial decree).",
         "ferman", "an imperial decree"),
        # a bare noun phrase after a colon, or between commas
        ("Farms had to meet quotas for grain procurement: compulsory deliveries to the state at "
         "prices the state fixed.", "grain procurement",
         "compulsory deliveries to the state at prices the state fixed"),
        ("The army was limited to 100,000 men, and conscription, compulsory military service, "
         "was abolished.", "conscription", "compulsory military service"),
        ("In the reprisals, bashi-bazouks, irregular troops not subject to military discipline, "
         "massacred civilians.", "bashi-bazouks",
         "irregular troops not subject to military discipline"),
        ("Historians call this period the Pax Mongolica, Latin for \"Mongol peace\".",
         "Pax Mongolica", 'Latin for "Mongol peace"'),
        ("At night travellers sheltered in caravanserais, walled inns built around a courtyard.",
         "caravanserais", "walled inns built around a courtyard"),
        # the kind a definition says, not the one thing an adjective describes
        ("On 16 October 1942 a violent cyclone, a tropical storm with very strong winds, struck "
         "the coast of Bengal.", "cyclone", "a tropical storm with very strong winds"),
        ("Most of the Benin pieces are actually brass, an alloy of copper and zinc.",
         "brass", "an alloy of copper and zinc"),
        # a person by a role with its place, or before a regnal number
        ("In 1853 the Russian tsar Nicholas I described the Ottoman Empire as a 'sick man'.",
         "Nicholas I", "the Russian tsar"),
        ("The Governor of New South Wales, Sir Philip Game, dismissed him on 13 May 1932.",
         "Sir Philip Game", "The Governor of New South Wales"),
        ("At the opening of the bridge, a New Guard member, Francis de Groot, rode forward.",
         "Francis de Groot", "a New Guard member"),
        # a name after the noun phrase a clause ends with, and a capital by its city's name
        ("His power hardly reached beyond the walls of his palace, the Red Fort.",
         "Red Fort", "his palace"),
        ("In 1520 it spread through the Aztec capital, Tenochtitlan, killing huge numbers.",
         "Tenochtitlan", "the Aztec capital"),
        # an appositive after a clause inside the sentence
        ("Messengers asked him to delay, because the Oba was taking part in the Igue festival, "
         "a period of sacred rites.", "Igue festival", "a period of sacred rites"),
        # a name no sentence defines, by the clause that describes it
        ("Alsace-Lorraine, which Germany had taken from France in 1871, was returned.",
         "Alsace-Lorraine", "which Germany had taken from France in 1871"),
        ("China had been ruled since 1644 by the Qing dynasty, whose emperors came from the "
         "Manchu people.", "Qing dynasty", "whose emperors came from the Manchu people"),
        # a handout's word glossed with a relative clause, and glosses in a row
        ("Eunuch – a man who had been castrated. Many eunuchs served in the palace.",
         "Eunuch", "a man who had been castrated"),
        ("Word help: purple – the colour of the emperor's robes, a sign of royal power; "
         "burial-shroud – the cloth in which a dead body is wrapped.", "purple",
         "the colour of the emperor's robes, a sign of royal power"),
        # a verb's participle glossed after it
        ("Families who could not pay their rent were evicted, that is, legally forced out of "
         "their homes.", "evicted", "legally forced out of their homes"),
        ("The pound had also been devalued, meaning its value was lowered against other "
         "currencies; by 1931 it was fixed.", "devalued",
         "its value was lowered against other currencies"),
        # words the writer set in bold, or bold italics
        ("His weekly newspaper, the ***Northern Star***, first appeared in Leeds in 1837.",
         "Northern Star", "His weekly newspaper"),
        ("Their death sentences were changed to **transportation** for life, which meant being "
         "shipped to a prison colony.", "transportation",
         "being shipped to a prison colony"),
        ("Among the worst hit were the **handloom weavers**, who wove cloth by hand in their own "
         "homes.", "handloom weavers", "who wove cloth by hand in their own homes"),
        ("The **Act of Proscription** of 1746 banned Highlanders from wearing Highland dress "
         "(the kilt and the plaid) unless they were soldiers.", "Act of Proscription",
         "banned Highlanders from wearing Highland dress"),
        # batch 24: a key term's line that goes on, a title before a name, a bracket after a
        # relative clause's noun
        ("autocracy – rule by one person with unlimited power; in Russia, the tsar.",
         "autocracy", "rule by one person with unlimited power"),
        ("serfdom – a system in which peasants (serfs) were bound to the land.",
         "serfs", "peasants"),
        # a word's own name in italics in brackets, a bare role of kin, places located
        ("They revived serfdom (*Leibeigenschaft*), the personal bondage that tied peasants to "
         "a lord.", "serfdom", "the personal bondage that tied peasants to a lord"),
        ("He preached before Duke John of Saxony, brother of the Elector Frederick the Wise, "
         "urging the rulers to act.", "Duke John of Saxony",
         "brother of the Elector Frederick the Wise"),
        ("The League's troops caught the band at Leipheim on the Danube on 4 April 1525.",
         "Leipheim", "on the Danube"),
        ("In Thuringia, far to the north, the rising took a more radical turn.",
         "Thuringia", "far to the north"),
        # what a teacher saw in batch 24's glossary: a definition cut at "c.", a name given
        # glossed by "meaning" cut to its last word
        ("Thomas Müntzer, a priest born c. 1489 in Stolberg, had been an admirer of Luther.",
         "Thomas Müntzer", "a priest born c. 1489 in Stolberg"),
        ("They appealed to what they called godly law, meaning the justice of God's word, as "
         "opposed to the old law.", "godly law", "the justice of God's word"),
    ],
)  # fmt: skip
def test_what_the_tuned_batches_still_missed(text: str, term: str, said: str) -> None:
    """Forms of definition batches 16-22 used that no rule read (held-out batch 23 unread)."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == said, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("The army, tired and hungry, was defeated.", "army"),  # adjectives, no noun phrase
        ("When Hideyoshi died, his heir, Toyotomi Hideyori, was only five years old.", "heir"),
        ("In the Second World War the king was sad and the queen died in the south.",
         "Second World War"),
        ("He had many friends; a few were rich.", "few"),
        ("Aid went to France, which had lost most.", "France"),  # a country a student knows
        ("The army occupied the capital, the city of Hue.", "city of Hue"),
        # batch 24's wrong entries: a place after "in", a time, a clause after an opening, some
        # of them, a dash's sentence
        ("autocracy – rule by one person with unlimited power; in Russia, the tsar.", "Russia"),
        ("Nicholas took the throne, and a new oath, this time to Nicholas, was fixed.", "oath"),
        ("Despite these losses, the spices sold for far more than the voyage had cost.",
         "losses"),
        ("Printed first in Augsburg and then in many other towns, the articles spread fast.",
         "towns"),
        ("His wealth came from the merchants – many of them Muslims – who used his port.",
         "merchants"),
        ("They relied on their guns – their ships carried heavy cannon.", "guns"),
        ("The two leaders met in London on Monday to agree the terms.", "London"),
    ],
)  # fmt: skip
def test_what_the_tuned_batches_read_is_not_read_too_widely(text: str, not_a_term: str) -> None:
    drafted = {d.term for d in draft_terms([text])}
    assert not_a_term not in drafted, drafted


def test_years_in_a_list_are_each_a_happening_of_the_whole_sentence() -> None:
    """Batches 20-22: "won further elections in 1954 and 1956" is two elections; but "between
    26 May and 4 June 1940" and "in November and December 1816" are one happening each, and
    "in 1945 or 1946" is one whose year is not known."""
    told = happenings("There had been Jacobite risings in 1689, 1715 and 1719.")
    assert [(date, clause[start:end]) for clause, start, end, date in told] == [
        ("1689", "1689, 1715 and 1719"), ("1715", "1689, 1715 and 1719"),
        ("1719", "1689, 1715 and 1719"),
    ]  # fmt: skip
    assert {clause for clause, _, _, _ in told} == {
        "There had been Jacobite risings in 1689, 1715 and 1719."
    }
    for one in (
        "Between 26 May and 4 June 1940 more than 338,000 men were taken off the beaches.",
        "Mass meetings were held in November and December 1816.",
        "It happened in 1945 or 1946.",
    ):
        assert len(happenings(one)) == 1, one


def test_a_title_before_a_name_gives_the_name_alone_too() -> None:
    (found,) = defined_terms(
        "Count Mikhail Miloradovich, the Governor-General of St Petersburg, rode out."
    )
    assert found[2] == ("Mikhail Miloradovich",)
    (found,) = defined_terms("It was led by Lieutenant-Colonel Sergei Muravyov-Apostol, a hero.")
    assert found[2] == ("Sergei Muravyov-Apostol",)


def test_a_timeline_line_is_no_event_where_a_sentence_tells_it() -> None:
    """Batch 25: a revision sheet's timeline ("5 February 1637 - Auction of …") repeats what its
    prose tells; the sentence is the event, and a line no sentence tells stays one."""
    from packet.draft import draft
    from packet.sources import article

    text = (
        "Timeline\n\n5 February 1637 - Auction of Wouter Winkel's bulbs at Alkmaar\n\n"
        "1 May 1637 - The States of Holland ask the courts to wait\n\nThe crash\n\n"
        "The high point was the auction held at Alkmaar on 5 February 1637, when Winkel's "
        "bulbs fetched a fortune.\n"
    )
    from packet.draft import Taken

    drafts = draft(article(text, "text"), "doc", "doc.txt", "doc", Taken())
    told = [(e["date"], e["detail"][:20]) for e in drafts.timeline]
    assert told == [("1637-05-01", "1 May 1637 - The Sta"), ("1637-02-05", "The high point was t")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Between 200-300 Aboriginal people were killed in the massacre.",
        "From 150–200 men deserted each week.",
        "Jews were held in 300 Nazi concentration camps.",
        "In 300 small villages the potato crop failed.",
        "Until 500 police arrived, the rioters controlled the streets.",
        "Until 400 Marines landed, the embassy was defenceless.",
        "In October 700 Americans were captured at Queenston.",
        "In May 400 Chartists met on Kennington Common.",
    ],
)
def test_what_the_hostile_pass_on_three_digit_years_found(sentence: str) -> None:
    """Counts the rules for years of three digits read as years: a count of people, boats or
    camps is no year, whatever word follows it."""
    assert happenings(sentence) == []


def test_what_the_hostile_pass_on_lists_of_years_found() -> None:
    """Each year of a list is titled by the clause that holds the list, and a year that is a
    clause's subject is no item of it."""

    def told(sentence: str) -> list[tuple[str, str]]:
        from packet.draft import event_title

        return [(d, event_title(c, a, b)) for c, a, b, d in happenings(sentence)]

    assert told("In 1603 James VI became King of England, and in 1707 and 1801 Acts of Union "
                "followed.") == [("1603", "James VI became King of England"),
                                 ("1707", "Acts of Union followed"),
                                 ("1801", "Acts of Union followed")]  # fmt: skip
    assert told("Labour won in 1945, and 1951 brought a Conservative victory.") == [
        ("1945", "Labour won"), ("1951", "1951 brought a Conservative victory")
    ]  # fmt: skip
    assert told("War broke out in 1914 and 1918 saw the armistice.") == [
        ("1914", "War broke out"), ("1918", "1918 saw the armistice")
    ]  # fmt: skip
    assert [d for _, _, _, d in happenings("Sicily and the First Punic War (264–241 BC)")] == [
        "264 BC–241 BC"
    ]


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("The miners struck in 1984. The strike was later called off.", "off"),
        ("The king raised taxes again. It was widely called unfair.", "unfair"),
        ("The rebels marched on London. They were often called traitors.", "traitors"),
        ("The rebels were defeated, meaning the war was over.", "defeated"),
        ("In Nazi Germany Jews, who made up less than one per cent of the population, were "
         "blamed.", "Nazi Germany Jews"),
        ("In Paris Robespierre, who led the Committee, sent thousands to the guillotine.",
         "Paris Robespierre"),
        ("Stalin was a brutal dictator, a man who killed millions.", "dictator"),
        ("German soldiers, conscripts from Saxony, surrendered at Sedan.", "soldiers"),
        ("In the Mughal Empire Hindus paid the jizya.", "Mughal Empire"),
        ("In 1916 the British Army attacked at the Somme.", "British Army"),
        ("Wages fell; a strike was a likely result.", "strike"),
        ("Soldiers had one great fear: gas attacks in the trenches.", "fear"),
        ("The empire exported luxuries: silks from China and spices from India.", "luxuries"),
        ("Education, free for the first time, was made compulsory in 1880.", "Education"),
        ("Food, bread above all, was scarce in Paris.", "Food"),
        ("Its most powerful member, Britain, refused to act.", "Britain"),
        ("Gaismair drew up a radical plan for a land without nobles, his Tyrolean Constitution "
         "of 1526.", "nobles"),
    ],
)  # fmt: skip
def test_what_the_hostile_pass_on_the_new_forms_found(text: str, not_a_term: str) -> None:
    """Wrong entries the forms read from batches 16-25 drafted from ordinary prose."""
    drafted = {d.term: d for d in draft_terms([text])}
    assert not_a_term not in drafted, drafted
    assert all(not_a_term not in d.aliases for d in drafted.values()), drafted


def test_a_later_definition_of_a_word_is_not_hidden_by_a_people_s_kind() -> None:
    found = {d.term: d.definition for d in draft_terms([
        "Irish tenants, farmers who rented land from absentee landlords, were evicted.",
        "Tenants were people who rented land.",
    ])}  # fmt: skip
    assert found.get("Tenants") == "people who rented land", found


@pytest.mark.parametrize(
    ("text", "term", "definition", "alias"),
    [
        # a place named by an opening, described before the main clause
        ("In Langa, a township outside Cape Town, police fired on a crowd that evening.",
         "Langa", "a township outside Cape Town", None),
        ("In Connacht, the poorest of Ireland's four provinces, many families were deep in "
         "debt.", "Connacht", "the poorest of Ireland's four provinces", None),
        ("On entering Asaba, a town on the west bank of the Niger, in early October, federal "
         "soldiers killed many of the town's men.", "Asaba",
         "a town on the west bank of the Niger", None),
        # a place by where it is: at a mouth or a head, a compass point, a distance, off a coast
        ("His attack on Aden, at the mouth of the Red Sea, failed in 1513.", "Aden",
         "at the mouth of the Red Sea", None),
        ("On 19 August 1745 Charles raised his standard at Glenfinnan, at the head of Loch "
         "Shiel, in front of his men.", "Glenfinnan", "at the head of Loch Shiel", None),
        ("The final battle was fought at Zama, south-west of Carthage, in 202 BC.", "Zama",
         "south-west of Carthage", None),
        ("On 4 December 1745 the army reached Derby, about 125 miles from London.", "Derby",
         "about 125 miles from London", None),
        ("He was sent into exile in Calabar, further east along the coast, where he died.",
         "Calabar", "further east along the coast", None),
        ("At the Battle of Mylae, off the north coast of Sicily, the consul Gaius Duilius used "
         "the corvus.", "Battle of Mylae", "off the north coast of Sicily", None),
        ("In 1910 the government opened the Angel Island Immigration Station, on an island in "
         "San Francisco Bay.", "Angel Island Immigration Station",
         "on an island in San Francisco Bay", None),
        ("Etō led a rising in Saga, in the north-west of Kyushu, which the army crushed.",
         "Saga", "in the north-west of Kyushu", None),
        # a person by a role without an article, after "of", with an acronym, with a title
        ("The articles were drawn up with the help of Christoph Schappeler, preacher at the "
         "town's church of St Martin.", "Christoph Schappeler",
         "preacher at the town's church of St Martin", None),
        ("The decision of Donald Cameron of Lochiel, chief of the Camerons, to join him was "
         "decisive.", "Donald Cameron of Lochiel", "chief of the Camerons", None),
        ("On 13 August Gustav Stresemann, leader of the German People's Party (DVP), became "
         "chancellor.", "Gustav Stresemann", "leader of the German People's Party (DVP)", None),
        ("The plotters killed Chief Samuel Akintola, Premier of the West.",
         "Chief Samuel Akintola", "Premier of the West", "Samuel Akintola"),
        # a person by the clause that says who they were, wherever the sentence names them
        ("Some industrialists, most famously Hugo Stinnes, who had interests in coal, steel, "
         "shipping and newspapers, used cheap credit.", "Hugo Stinnes",
         "who had interests in coal, steel, shipping and newspapers", None),
        ("He negotiated the surrender of Edo with Katsu Kaishū, who spoke for the shogun's "
         "side.", "Katsu Kaishū", "who spoke for the shogun's side", None),
        ("That changed under Ezana, who ruled in the middle of the fourth century.", "Ezana",
         "who ruled in the middle of the fourth century", None),
        ("The best known of them was Major Chukwuma Kaduna Nzeogwu, who led the attack in "
         "Kaduna.", "Major Chukwuma Kaduna Nzeogwu", "who led the attack in Kaduna",
         "Chukwuma Kaduna Nzeogwu"),
        # a measure by what it did, after the verb that brought it in
        ("In its first years the new government carried out land reform, seizing land from "
         "landlords.", "land reform", "seizing land from landlords", None),
        ("In 1874 the war minister introduced universal military service, making men of all "
         "classes liable to be called up.", "universal military service",
         "making men of all classes liable to be called up", None),
        ("Most refused, in a mass campaign of civil disobedience, deliberately breaking a law "
         "seen as unjust.", "civil disobedience", "deliberately breaking a law seen as unjust",
         None),
        ("They declared themselves the National Assembly, claiming to speak for the nation as "
         "a whole.", "National Assembly", "claiming to speak for the nation as a whole", None),
        # a named body by how it was made
        ("The Famine Inquiry Commission, set up by the Government of India, reported in 1945.",
         "Famine Inquiry Commission", "set up by the Government of India", None),
        ("On 29 December officers of the Chernigov regiment, stationed south-west of Kiev, "
         "freed their commander.", "Chernigov regiment", "stationed south-west of Kiev", None),
    ],
)  # fmt: skip
def test_what_batches_25_and_26_taught(
    text: str, term: str, definition: str, alias: str | None
) -> None:
    """Places, people and measures the texts of batches 25 and 26 explained in forms no rule
    had read — each described in passing, so the draft takes them for a name no sentence
    defines."""
    drafted = {d.term: d for d in draft_terms([text])}
    assert term in drafted, drafted
    assert drafted[term].definition == definition
    assert alias is None or alias in drafted[term].aliases


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("In Paris, the capital, crowds gathered.", "capital, crowds gathered"),
        ("At Versailles, the king, who had hesitated, agreed.", "Versailles"),
        ("In Britain, the British Museum Act 1963 forbids the trustees from giving objects "
         "away, and the museum has not returned them.", "Britain"),
        ("In Langa, a township outside Cape Town, police fired on a crowd.", "Cape Town"),
        ("At Tabaruzaka, north-west of Kumamoto, the rebels dug in and held up the army.",
         "Kumamoto"),
        ("At the Battle of Mylae, off Sicily, the consul Gaius Duilius used the corvus.",
         "Sicily"),
        ("He fought Wellington, at the head of the Allied army.", "Wellington"),
        ("Soldiers reached the Niger, in early October, and killed many.", "Niger"),
        ("In 1585 Elizabeth sent an army to help the Dutch, who had rebelled against Spain.",
         "Dutch"),
        ("The city was held by the Muslim rulers of Egypt, who had taken it the year before.",
         "Egypt"),
        ("It was a militia drawn from ordinary Parisians, who elected their own officers.",
         "Parisians"),
        ("de Klerk, who became president in 1989, decided that apartheid could not survive.",
         "Klerk"),
        ("Britain declared war, beginning a long conflict.", "war"),
        ("On 4 July 1879 Chelmsford's army, formed into a hollow square, destroyed the last "
         "Zulu army.", "Chelmsford's army"),
        ("The domains of Sendai and Yonezawa, formed into a league, fought on.",
         "Sendai and Yonezawa"),
        ("Monks arrived from the eastern Roman world, founded monasteries and translated the "
         "scriptures.", "eastern Roman world"),
    ],
)  # fmt: skip
def test_what_batches_25_and_26_taught_is_not_read_too_widely(text: str, not_a_term: str) -> None:
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert not any(not_a_term in (term, definition) for term, definition in drafted.items()), (
        drafted
    )


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        # a key-terms line without an article
        ("Default: failure to make a payment or delivery when it is due.", "Default",
         "failure to make a payment or delivery when it is due"),
        # a long name
        ("Then the Assembly adopted the Declaration of the Rights of Man and of the Citizen, a "
         "statement of principles.", "Declaration of the Rights of Man and of the Citizen",
         "a statement of principles"),
        # a person's age is no part of the word
        ("The king looked in with the young dauphin, the heir to the throne, and was cheered.",
         "dauphin", "the heir to the throne"),
        # a name given after "known as" that goes on to a place
        ("The family stayed until their failed attempt to escape in June 1791, known as the "
         "flight to Varennes.", "flight to Varennes",
         "their failed attempt to escape in June 1791"),
        ("The market women of Paris, known as the dames de la Halle, spoke for the people.",
         "dames de la Halle", "The market women of Paris"),
    ],
)  # fmt: skip
def test_what_batch_26_taught_later(text: str, term: str, definition: str) -> None:
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("The weeks that followed were the most dangerous of the year: communists planned "
         "risings.", "weeks that followed"),
        ("Many people were both winners and losers: a farmer might clear his mortgage.",
         "losers"),
        ("An inquiry by the Châtelet, the royal law court of Paris, gathered hundreds of "
         "statements.", "Paris"),
        ("Clemenceau chose the headline: it was a letter to the president.",
         "Clemenceau chose the headline"),
        ("Crops: wheat, rice, barley, bananas, coffee and sugar cane.", "Crops"),
        ("Aim: explain why the officers rebelled.", "Aim"),
        ("Military: the General Service Enlistment Act of 1856 required recruits to serve "
         "overseas.", "Military"),
        ("The market women of Paris, known as the dames de la Halle, spoke.", "Halle"),
    ],
)  # fmt: skip
def test_what_batch_26_taught_later_is_not_read_too_widely(text: str, not_a_term: str) -> None:
    drafted = {d.term for d in draft_terms([text])}
    assert not_a_term not in drafted, drafted


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("Power lay with the szlachta, the nobility, usually reckoned at a tenth of the people.",
         "szlachta", "the nobility"),
        ("The nobles governed through the Sejm, the parliament, and through local assemblies.",
         "Sejm", "the parliament"),
        ("After his death the caifazes, a secret network of abolitionists, took his work "
         "further.", "caifazes", "a secret network of abolitionists"),
        ("The Viscount of Rio Branco, head of the Conservative cabinet, pushed the reform "
         "through.", "Viscount of Rio Branco", "head of the Conservative cabinet"),
        ("Prussia then signed the armistice of Malmö, a seven-month truce, on 26 August.",
         "armistice of Malmö", "a seven-month truce"),
        ("In Dresden the Russian anarchist Mikhail Bakunin was among the insurgents.",
         "Mikhail Bakunin", "the Russian anarchist"),
        ("Catherine the Great (1729–1796) – Empress of Russia and the chief architect of all "
         "three partitions", "Catherine the Great",
         "Empress of Russia and the chief architect of all three partitions"),
        ("Hugo Kołłątaj (1750–1812) – priest and reformer Tadeusz Kościuszko (1746–1817) – "
         "soldier and leader of the national rising", "Tadeusz Kościuszko",
         "soldier and leader of the national rising"),
        ("In Ceará, a province on the north-eastern coast, the jangadeiros (fishermen who sailed "
         "small log rafts called jangadas) refused to ferry enslaved people.", "jangadas",
         "small log rafts"),
        ("In Ceará, a province on the north-eastern coast, the jangadeiros (fishermen who sailed "
         "small log rafts called jangadas) refused to ferry enslaved people.", "Ceará",
         "a province on the north-eastern coast"),
        ("The Paraguayan War (1864–1870), which Brazil fought in alliance with Argentina, made "
         "it pressing.", "Paraguayan War", "which Brazil fought in alliance with Argentina"),
        ("Torwa was a state whose capital was **Khami**, near the modern city of Bulawayo.",
         "Khami", "near the modern city of Bulawayo"),
    ],
)  # fmt: skip
def test_what_batch_27_taught(text: str, term: str, definition: str) -> None:
    """Forms batch 27 used that no rule read, after it was measured blind."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("Some, the trekboers, were cattle farmers.", "Some"),
        ("Its head, the pope, ruled from Rome.", "head"),
        ("The lord of the manor might be a knight, a nobleman, a bishop or an abbey.", "knight"),
        ("In Ceará, a province on the coast, the jangadeiros (fishermen) refused in 1881 to go.",
         "coast"),
        ("Hugo Kołłątaj (1750–1812) – one of the authors of the Constitution of 3 May Tadeusz "
         "Kościuszko (1746–1817) – soldier", "May Tadeusz Kościuszko"),
        ("The people who wanted James back were called Jacobites.", "James back were"),
    ],
)  # fmt: skip
def test_what_batch_27_taught_is_not_read_too_widely(text: str, not_a_term: str) -> None:
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert not any(not_a_term in (term, definition) for term, definition in drafted.items()), (
        drafted
    )


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("José do Patrocínio, a journalist from Campos, made the cause popular.",
         "José do Patrocínio", "a journalist from Campos"),
        ("Enslaved people ran away, and some founded quilombos: settlements of fugitives.",
         "quilombos", "settlements of fugitives"),
        ("When Augustus III, the second of two Saxon electors to rule Poland, died in 1763, "
         "Catherine saw her chance.", "Augustus III",
         "the second of two Saxon electors to rule Poland"),
        ("Since the Carlsbad Decrees of 1819 — measures that imposed press censorship — liberals "
         "had been kept on a short leash.", "Carlsbad Decrees",
         "measures that imposed press censorship"),
    ],
)  # fmt: skip
def test_what_batch_27_taught_about_names(text: str, term: str, definition: str) -> None:
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


def test_a_name_in_apposition_after_an_opening_is_no_definition() -> None:
    text = "When the last of the dynasty, the famous Cleopatra VII, died in 30 BC, Egypt fell."
    drafted = {d.term for d in draft_terms([text])}
    assert "dynasty" not in drafted, drafted


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("The First Opium War (1839–1842) – a conflict between Britain and Qing China – went "
         "badly for China.", "First Opium War", "a conflict between Britain and Qing China"),
        ("China ceded (gave up permanently) Hong Kong Island to Britain.", "ceded",
         "gave up permanently"),
        ("Many of them were **serfs**: peasants bound to a lord's land.", "serfs",
         "peasants bound to a lord's land"),
        ("It was forced to pay a heavy indemnity – a war payment to the victor.", "indemnity",
         "a war payment to the victor"),
        ("The government and parliament fled to Debrecen in eastern Hungary.", "Debrecen",
         "in eastern Hungary"),
        ("The Hungarians were defeated at Segesvár in Transylvania, where Petőfi died.",
         "Segesvár", "in Transylvania"),
        ("In Sichuan, in the west, local gentry had invested heavily.", "Sichuan", "in the west"),
    ],
)  # fmt: skip
def test_what_batch_28_taught(text: str, term: str, definition: str) -> None:
    """Forms batch 28 used that no rule read, after it was measured blind."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("Garcia welcomed the Capuchins, friars sent by Rome rather than by Lisbon, who arrived "
         "in 1645.", "Lisbon"),
        ("They met at Paris in May.", "Paris"),
        ("He moved to London in 1850.", "London"),
    ],
)  # fmt: skip
def test_what_batch_28_taught_is_not_read_too_widely(text: str, not_a_term: str) -> None:
    drafted = {d.term for d in draft_terms([text])}
    assert not_a_term not in drafted, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        # worksheet and fact-file labels
        ("Plenary: share your answer with the class.", "Plenary"),
        ("Further reading: any good textbook on the period.", "Further reading"),
        ("Casualties: about a thousand on each side.", "Casualties"),
        # an object and what was done that time
        ("He introduced himself, smiling at the crowd.", "himself"),
        ("The workers declared a strike, demanding higher wages.", "strike"),
        ("The Romans imposed peace, ending centuries of tribal war.", "peace"),
        ("Mao launched the Great Leap Forward, hoping to overtake Britain.", "Great Leap Forward"),
        # who someone was, read wrongly
        ("Unlike Lenin, who had lived abroad, Stalin knew the party machine.", "Unlike Lenin"),
        ("Lenin, Trotsky and Stalin, who led the Bolsheviks, argued bitterly.", "Stalin"),
        ("Discuss with Mr Smith, who will mark your answers.", "Mr Smith"),
        ("The telegram reached Bismarck, who edited it to insult the French.", "Bismarck"),
        ("The Allies, who had won the war, divided Germany into four zones.", "Allies"),
        ("The law angered Catholics, who made up most of the population.", "Catholics"),
        # a person by a body's form
        ("George Washington, stationed at Valley Forge, waited out the winter.",
         "George Washington"),
        ("The Royal Society, founded in 1660, met to discuss experiments.", "Royal Society"),
        # people and ships by where they were
        ("Stalin, south-west of Moscow, massed his reserves.", "Stalin"),
        ("The Titanic, off the coast of Newfoundland, struck an iceberg.", "Titanic"),
        ("U-boats, off the American coast, sank hundreds of ships in 1942.", "American coast"),
        # items of a list, a subject's generic appositive
        ("The rebels seized the arsenal, the prison, and the town hall.", "arsenal"),
        ("He spoke to Parliament, the Lords, the bishops.", "Lords"),
        ("For a time the peasants, the great majority, accepted their lot.", "peasants"),
        # key-figures lines that are not
        ("Chapter Four (1848–1849) – the springtime of peoples", "Chapter Four"),
        ("Emmeline Pankhurst (1858–1928) – founder of the WSPU Millicent Fawcett (1847–1929) – "
         "leader of the NUWSS", "WSPU Millicent Fawcett"),
        # a relative clause's verb, and a place's opening
        ("Soldiers who survived the trenches suffered a condition called shell shock.",
         "shell shock"),
        ("In India, a mutiny, sparked by greased cartridges, spread across the north.", "India"),
        ("In Paris, the capital of France, the price of bread doubled.", "France"),
        ("The city of New Orleans, head of the river trade, fell in 1862.", "New Orleans"),
    ],
)  # fmt: skip
def test_what_the_hostile_pass_on_todays_glossary_rules_found(text: str, not_a_term: str) -> None:
    """A hostile pass on the day's glossary rules: each of these drafted an entry a teacher
    would delete (or, for "shell shock", one whose definition ran over the main verb)."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    if not_a_term == "shell shock":
        assert drafted.get(not_a_term) in (None, "a condition"), drafted
    else:
        assert not_a_term not in drafted, drafted


def test_a_key_figures_line_gives_the_figures_and_no_more() -> None:
    line = ("Emmeline Pankhurst (1858–1928) – founder of the WSPU Millicent Fawcett (1847–1929) – "
            "leader of the NUWSS; see page 12")  # fmt: skip
    assert {d.term: d.definition for d in draft_terms([line])} == {
        "Emmeline Pankhurst": "founder of the WSPU",
        "Millicent Fawcett": "leader of the NUWSS",
    }


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("The October Diploma of 1860 gave back some powers to the historic lands.",
         "October Diploma", "gave back some powers to the historic lands"),
        ("Many newcomers lived in squatter settlements: crowded huts of wood and sheet metal.",
         "squatter settlements", "crowded huts of wood and sheet metal"),
        ("Rentenmark: the temporary currency introduced to end the hyperinflation.",
         "Rentenmark", "the temporary currency introduced to end the hyperinflation"),
    ],
)  # fmt: skip
def test_what_batch_28_taught_later(text: str, term: str, definition: str) -> None:
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


def test_a_list_s_label_before_a_colon_is_no_term() -> None:
    text = "Unity: regional rulers who had once been rivals fought together under Menelik."
    assert "Unity" not in {d.term for d in draft_terms([text])}


def test_what_a_pulled_iconoclasm_overview_s_glossary_showed() -> None:
    """Batch 29's exam-board overview pulled into a project and its glossary read as a teacher
    would: four entries to delete or rewrite."""
    found = {d.term: d.definition for d in draft_terms([
        "Students study the dispute from the first measures against icons, traditionally placed "
        "in the 720s, to their final restoration in 843.",
        "An icon is a painted image of Christ, the Virgin Mary or a saint, usually on a panel.",
        "Monks were paraded through the Hippodrome, each made to hold the hand of a woman.",
        "John drew a distinction between veneration (proskynesis), the honour that may be given "
        "to an image, and worship (latreia), which is due to God alone.",
    ])}  # fmt: skip
    assert "icons" not in found and "Christ" not in found and "Hippodrome" not in found, found
    assert found["proskynesis"] == "veneration" and found["latreia"] == "worship", found


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("A new minister in London, the Secretary of State for India, took charge.",
         "Secretary of State for India", "A new minister in London"),
        ("The peace that Russia imposed on the Ottoman Empire, the Treaty of San Stefano, was "
         "signed on 3 March 1878.", "Treaty of San Stefano",
         "The peace that Russia imposed on the Ottoman Empire"),
        ("She wrote under a pen name, Fémmina, partly because her husband disapproved.",
         "Fémmina", "a pen name"),
        ("In 1890 Italy organised its possessions on the Red Sea coast into a single colony, "
         "Eritrea.", "Eritrea", "a single colony"),
        ("The present Oba, Ewuare II, crowned in 2016, has called for their return.",
         "Ewuare II", "The present Oba"),
        ("Kongo's ambassador to the Pope, António Manuel ne Vunda, reached Rome in 1608.",
         "António Manuel ne Vunda", "Kongo's ambassador to the Pope"),
        ("In his budget the Chancellor of the Exchequer, Winston Churchill, announced a return "
         "to gold.", "Winston Churchill", "the Chancellor of the Exchequer"),
        ("It sailed from Libau (now Liepāja, in Latvia) in mid-October 1904.", "Libau",
         "now Liepāja, in Latvia"),
        # … (its appositive says more than its name now, since batch 42: the main clause
        # after it, "Japanese troops came ashore", is read as one)
        ("At Chemulpo (now Incheon), the port serving Seoul, Japanese troops came ashore.",
         "Chemulpo", "the port serving Seoul"),
        ("The survivors reached Delagoa Bay (today Maputo in Mozambique), where he died.",
         "Delagoa Bay", "today Maputo in Mozambique"),
        ("They were murdered in a house called the Bibighar on 15 July.", "Bibighar", "a house"),
        ("On 21 October a baker named Denis François was murdered by a crowd.",
         "Denis François", "a baker"),
        ("Members would act together against any aggressor, an idea known as collective "
         "security.", "collective security", "Members would act together against any aggressor"),
        ("Released on a ticket of leave, a conditional release that could be cancelled, he "
         "returned to Mayo.", "ticket of leave", "a conditional release that could be cancelled"),
        ("By the spring of 1968 children were dying of kwashiorkor, a form of severe "
         "malnutrition.", "kwashiorkor", "a form of severe malnutrition"),
        ("Sun's ally Song Jiaoren, the Alliance's most gifted organiser, believed in elections.",
         "Song Jiaoren", "the Alliance's most gifted organiser"),
    ],
)  # fmt: skip
def test_what_the_whole_set_s_missed_names_taught(text: str, term: str, definition: str) -> None:
    """Forms the labelled set's missed terms shared: a name given after what it is (a reverse
    appositive), a place by its name today, a thing or person by its kind and "called" or
    "named", a thing of an uncounted thing ("a ticket of leave"), a name read without the
    words before it."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("The three powers, Britain, France and Russia, agreed.", "Britain"),
        ("The next day, Napoleon, who was ill, rested.", "Napoleon"),
        ("In the north, Britain held the coast.", "Britain"),
        ("He met the king, Henry, and the queen.", "Henry"),
        ("In 1912 he merged the Tongmenghui with smaller parties to form the Guomindang, the "
         "Nationalist Party.", "Nationalist Party"),
        ("A dyer led the rebels until Henry Despenser, the Bishop of Norwich, defeated them.",
         "Bishop of Norwich"),
        ("The estates chose instead Frederick V, the Elector Palatine, ruler of the Palatinate.",
         "Elector Palatine"),
        ("They built a chain of beacons, fires lit on hilltops.", "chain of beacons"),
        ("That law remains a cornerstone of laïcité, the principle that the state stays "
         "neutral.", "cornerstone of laïcité"),
        ("The pope named Henry Defender of the Faith.", "Henry"),
    ],
)  # fmt: skip
def test_what_the_whole_set_s_missed_names_taught_is_not_read_too_widely(
    text: str, not_a_term: str
) -> None:
    drafted = {d.term for d in draft_terms([text])}
    assert not_a_term not in drafted, drafted


def test_a_name_given_after_what_it_is_defines_it_not_the_name_before() -> None:
    """ "… on the Ottoman Empire, the Treaty of San Stefano, …" names the treaty: the empire
    is not defined as "the Treaty of San Stefano"."""
    text = ("The peace that Russia imposed on the Ottoman Empire, the Treaty of San Stefano, "
            "was signed in 1878.")  # fmt: skip
    assert "Ottoman Empire" not in {d.term for d in draft_terms([text])}


def test_a_person_named_after_a_war_keeps_their_own_entry() -> None:
    """ "Mlanjeni", the prophet, is not the "War of Mlanjeni" named after him."""
    drafted = {d.term for d in draft_terms([
        "The eighth of these, the War of Mlanjeni, began in December 1850.",
        "It took its name from Mlanjeni, a young prophet who promised to protect warriors.",
    ])}  # fmt: skip
    assert {"War of Mlanjeni", "Mlanjeni"} <= drafted, drafted


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("Most Protestants, especially in Ulster, were unionists: they wanted to keep the union "
         "with Britain.", "unionists", "they wanted to keep the union with Britain"),
        ("Portugal hoped to cut out these middlemen – traders who buy goods and sell them on at "
         "a profit – by reaching Asia by sea.", "middlemen",
         "traders who buy goods and sell them on at a profit"),
        ("The tsar was an autocrat – a ruler whose power was not limited by a parliament – so "
         "change had to come from him.", "autocrat",
         "a ruler whose power was not limited by a parliament"),
        ("The yeomanry were part-time volunteer cavalry, recruited largely from local "
         "shopkeepers.", "yeomanry",
         "part-time volunteer cavalry, recruited largely from local shopkeepers"),
        ("Primary products are goods such as wool and wheat.", "Primary products",
         "goods such as wool and wheat"),
        ("heimin – commoners: farmers, artisans and merchants", "heimin",
         "commoners: farmers, artisans and merchants"),
        ("Russian Justice (Russkaya Pravda) – Pestel's plan for a new Russia", "Russian Justice",
         "Pestel's plan for a new Russia"),
    ],
)  # fmt: skip
def test_what_the_whole_set_s_missed_words_taught(text: str, term: str, definition: str) -> None:
    """A plural and what "they" did after a colon, a word between dashes after "these", a
    copula's plural or collective noun without an article, a key-terms line."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


def test_a_key_terms_list_a_text_file_runs_together_is_read_a_line_each() -> None:
    block = ("boycott - refusing to buy or use something as a form of protest\n"
             "picketing - standing outside a shop or workplace to persuade people not to go in\n"
             "swaraj - self-rule")  # fmt: skip
    assert {d.term: d.definition for d in draft_terms([block])} == {
        "boycott": "refusing to buy or use something as a form of protest",
        "picketing": "standing outside a shop or workplace to persuade people not to go in",
        "swaraj": "self-rule",
    }


@pytest.mark.parametrize(
    "text",
    [
        "The plan failed: they had no money.",
        "Kossuth was elected Governor-President – a new title",
        "Year 12 Economics – Unit 4: Speculation and Financial Crises",
        "In 1850 – a year of famine – they left.",
    ],
)
def test_a_sentence_or_a_list_is_no_key_terms_line(text: str) -> None:
    drafted = {d.term for d in draft_terms([text])}
    assert not drafted & {"plan", "Kossuth", "Year 12 Economics", "1850"}, drafted


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("Ships had to call at a Portuguese fort to pay customs duties, which are taxes on goods "
         "being traded.", "customs duties", "taxes on goods being traded"),
        ("The law also set up an emancipation fund, which was meant to buy the freedom of a "
         "number of slaves each year.", "emancipation fund",
         "which was meant to buy the freedom of a number of slaves each year"),
        ("The WCTU belonged to the temperance movement, which urged people to give up alcohol.",
         "temperance movement", "which urged people to give up alcohol"),
        ("The royal town was Mbanza Kongo, which stood on a plateau in what is now northern "
         "Angola.", "Mbanza Kongo", "which stood on a plateau in what is now northern Angola"),
        ("He also wrote the Oath of the Honourable Men, which everyone who joined had to swear.",
         "Oath of the Honourable Men", "which everyone who joined had to swear"),
        ("In 1919 the Sankey Commission – a Royal Commission chaired by the judge Sir John "
         "Sankey – recommended nationalisation.", "Sir John Sankey", "the judge"),
    ],
)  # fmt: skip
def test_what_the_whole_set_s_missed_things_taught(text: str, term: str, definition: str) -> None:
    """A kind of measure, body or movement by the "which" clause after it, a name by its
    "which" clause after a verb, a person by a role inside dashes."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("The Ottoman Navy, which was defeated, fled.", "Ottoman Navy"),
        ("Britain and France, which had fought for years, made peace.", "Britain and France"),
    ],
)  # fmt: skip
def test_what_the_whole_set_s_missed_things_taught_is_not_read_too_widely(
    text: str, not_a_term: str
) -> None:
    assert not_a_term not in {d.term for d in draft_terms([text])}


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("Annual parliaments, meaning a general election every year, to keep MPs answerable.",
         "Annual parliaments", "a general election every year"),
        ("Fabius was mocked with the nickname Cunctator, meaning \"the Delayer\".", "Cunctator",
         "the Delayer"),
        ("His enemies called him the Sahib al-Zanj, meaning \"the Master of the Zanj\".",
         "Sahib al-Zanj", "the Master of the Zanj"),
        ("Historians call this reform haihan chiken, meaning 'abolishing the domains'.",
         "haihan chiken", "'abolishing the domains'"),
        ("In 1906 the Daily Mail began to call the WSPU's members suffragettes, meaning militant "
         "women campaigners, as a sneer.", "suffragettes", "militant women campaigners"),
    ],
)  # fmt: skip
def test_what_a_meaning_after_a_name_taught(text: str, term: str, definition: str) -> None:
    """ "…, meaning …" glosses the sentence's opening noun phrase whole, a nickname, a name
    with an Arabic article, and a name called after its kind ("call this reform …")."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("text", "term", "definition"),
    [
        ("His most gifted pupil was Liang Qichao (1873–1929), who became the most influential "
         "journalist of his generation.", "Liang Qichao",
         "who became the most influential journalist of his generation"),
        ("Ronglu, a Manchu official, was named Governor-General of Zhili, the province around "
         "Beijing, which gave him the armies.", "Zhili", "the province around Beijing"),
        ("In November 1897 German troops seized Jiaozhou Bay on the Shandong coast.",
         "Jiaozhou Bay", "on the Shandong coast"),
        ("China ceded Taiwan and the Liaodong Peninsula in southern Manchuria.",
         "Liaodong Peninsula", "in southern Manchuria"),
        ("Britain leased Weihaiwei, while France leased Guangzhouwan on the south coast.",
         "Guangzhouwan", "on the south coast"),
        ("Henry recovered, and York's great rival Edmund Beaufort, Duke of Somerset, was back in "
         "favour.", "Edmund Beaufort, Duke of Somerset", "York's great rival"),
        ("Another pretender, Perkin Warbeck, troubled Henry in the 1490s.", "Perkin Warbeck",
         "Another pretender"),
        ("On 13 June Lord Hastings, Edward IV's old friend, was beheaded.", "Lord Hastings",
         "Edward IV's old friend"),
        ("That someone was Richard, Duke of York, the richest nobleman in England.",
         "Richard, Duke of York", "the richest nobleman in England"),
        ("The compromise, the Act of Accord, let Henry keep the crown for life but made York his "
         "heir.", "Act of Accord", "let Henry keep the crown for life but made York his heir"),
        ("Dubček's slogan was 'socialism with a human face': Communism that people supported "
         "willingly.", "socialism with a human face",
         "Communism that people supported willingly"),
        ("Husák's policy of 'normalisation' meant restoring tight party control.",
         "normalisation", "restoring tight party control"),
        ("The writer Ludvík Vaculík published the 'Two Thousand Words',[1] a manifesto that "
         "appeared in several newspapers.", "Two Thousand Words",
         "a manifesto that appeared in several newspapers"),
        ("It stayed rigid until the Velvet Revolution of 1989, the peaceful protests that ended "
         "Communist rule there.", "Velvet Revolution",
         "the peaceful protests that ended Communist rule there"),
        ("The leaders met at Čierna nad Tisou, a small Slovak town on the border.",
         "Čierna nad Tisou", "a small Slovak town on the border"),
        ("Soviet-style central planning – the state, not the market, deciding what was produced "
         "– served the country badly.", "central planning",
         "the state, not the market, deciding what was produced"),
        ("In 1672 raiders attacked the Zuni pueblo of Hawikuh.", "Hawikuh", "the Zuni pueblo"),
        ("On 17 February the mission printer William Colenso printed 200 copies.",
         "William Colenso", "the mission printer"),
        ("In 1814 Samuel Marsden preached at Oihi in the Bay of Islands.", "Oihi",
         "in the Bay of Islands"),
        ("A land march reached Wellington after walking from Te Hāpua in the far north.",
         "Te Hāpua", "in the far north"),
    ],
)  # fmt: skip
def test_what_batch_30_taught(text: str, term: str, definition: str) -> None:
    """Forms batch 30 used that no rule read, after it was measured blind."""
    drafted = {d.term: d.definition for d in draft_terms([text])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("text", "not_a_term"),
    [
        ("Germany's main rival, Britain, was alarmed by the naval build-up.", "Britain"),
        ("France's ally, Sardinia, sent troops.", "Sardinia"),
        ("Ronglu was named Governor-General of Zhili in 1898.", "Governor-General of Zhili"),
        ("The army reached Paris north of the river.", "Paris"),
        ("This pact, the Satchō Alliance, took its name from the first syllables of Satsuma and "
         "Chōshū.", "Satchō Alliance"),
    ],
)  # fmt: skip
def test_what_batch_30_taught_is_not_read_too_widely(text: str, not_a_term: str) -> None:
    assert not_a_term not in {d.term for d in draft_terms([text])}


def test_a_day_after_a_relative_season_is_of_that_year() -> None:
    """ "The Yorkists struck back the following summer, capturing Henry … on 10 July": 10 July
    of the year after the autumn of 1459, one happening — but not across a clause."""
    (one,) = happenings(
        "The Yorkists struck back the following summer, capturing Henry at Northampton on "
        "10 July.", 1459, "1459-11"
    )  # fmt: skip
    assert one[3] == "1460-07-10"
    split = happenings(
        "He accepted this the following year – but when news reached St Petersburg on "
        "27 November, all swore an oath.", 1825, "1822"
    )  # fmt: skip
    assert [d for *_, d in split] == ["1823", "1825-11-27"]


def test_a_who_s_who_line_with_a_colon_gives_the_person_and_their_role() -> None:
    lines = [
        "Henry VI: Lancastrian king, pious but unfit to rule.",
        "Richard Neville, Earl of Warwick: the most powerful nobleman of his day.",
        "Unity: regional rulers who had once been rivals fought together under Menelik.",
        "Causes: Economic crisis and the weakness of the king.",
    ]
    drafted = {d.term: (d.definition, d.aliases) for d in draft_terms(lines)}
    assert drafted["Henry VI"] == ("Lancastrian king, pious but unfit to rule", [])
    assert drafted["Richard Neville, Earl of Warwick"] == (
        "the most powerful nobleman of his day",
        ["Richard Neville"],
    )
    assert "Unity" not in drafted and "Causes" not in drafted, drafted


# What a hostile pass on the rules batches 29 and 30 taught found (one case per wrong draft;
# each paragraph list is read together).
_HOSTILE_30_TERMS = [
    (
        [
            "During the siege of the city, Marshal Ney, commanding the rear "
            "guard, held the bridge.",
        ],
        ("Marshal Ney", "the siege of the city"),
    ),
    (
        [
            "After a long siege, General Grant, commanding the Union forces, took Vicksburg.",
        ],
        ("General Grant", "a long siege"),
    ),
    (
        [
            "Against the advice of his generals, Adolf Hitler, obsessed with "
            "Stalingrad, refused to retreat.",
        ],
        ("Adolf Hitler", "the advice of his generals"),
    ),
    (
        [
            "Without the support of the nobles, Louis XVI, desperate for "
            "money, called the Estates-General.",
        ],
        ("Louis XVI", "the support of the nobles"),
    ),
    (
        [
            "With the support of the army, General Franco, who had led the "
            "rising, became head of state.",
        ],
        ("General Franco", "the support of the army"),
    ),
    (
        [
            "A small island off the coast of Africa, Saint Helena, became Napoleon's last prison.",
        ],
        ("Saint Helena", "the coast of Africa"),
    ),
    (
        [
            "Before the battle, General Grant, determined to win, ordered a fresh attack.",
        ],
        ("General Grant", "determined to win, ordered a fresh attack"),
    ),
    (
        [
            "The loser, Samuel Tilden, accepted the result.",
        ],
        ("Samuel Tilden", "accepted the result"),
    ),
    (
        [
            "Supporters of Edward, Prince of Wales, the king's only son, fought on.",
        ],
        ("Supporters of Edward, Prince of Wales", "the king's only son"),
    ),
    (
        [
            "The Duke of Norfolk, the county's greatest landowner, led the rising.",
        ],
        ("Norfolk", "the county's greatest landowner"),
    ),
    (
        [
            "The Earl of Derby, the town's leading employer, opposed the strike.",
        ],
        ("Derby", "the town's leading employer"),
    ),
    (
        [
            "The Mayor of Boston, the city's first Irish-born mayor, welcomed the troops.",
        ],
        ("Boston", "the city's first Irish-born mayor"),
    ),
    (
        [
            "Pizarro seized Atahualpa in northern Peru in 1532.",
        ],
        ("Atahualpa", "in northern Peru"),
    ),
    (
        [
            "Union cavalry captured Jefferson Davis in southern Georgia in May 1865.",
        ],
        ("Jefferson Davis", "in southern Georgia"),
    ),
    (
        [
            "The Boers captured Winston Churchill in northern Natal in 1899.",
        ],
        ("Winston Churchill", "in northern Natal"),
    ),
    (
        [
            "The French captured Toussaint Louverture in northern Haiti and shipped him to France.",
        ],
        ("Toussaint Louverture", "in northern Haiti"),
    ),
    (
        [
            "Lord Elgin shipped the Elgin Marbles (now in the British Museum) to London.",
        ],
        ("Elgin Marbles", "now in the British Museum"),
    ),
    (
        [
            "The Rosetta Stone (now in the British Museum) was found by French soldiers in 1799.",
        ],
        ("Rosetta Stone", "now in the British Museum"),
    ),
    (
        [
            "Charles Darwin (now buried in Westminster Abbey) was attacked by churchmen.",
        ],
        ("Charles Darwin", "now buried in Westminster Abbey"),
    ),
    (
        [
            "Kaiser Wilhelm II (now living in the Netherlands) refused to return.",
        ],
        ("Kaiser Wilhelm II", "now living in the Netherlands"),
    ),
    (
        [
            "The Congress Party (now led by the Gandhi family) won the election of 1952.",
        ],
        ("Congress Party", "now led by the Gandhi family"),
    ),
    (
        [
            "Casualties – 60,000 on the first day.",
        ],
        ("Casualties", "60,000 on the first day"),
    ),
    (
        [
            "Winner – William of Normandy.",
        ],
        ("Winner", "William of Normandy"),
    ),
    (
        [
            "Bloody Sunday – 22 January 1905",
        ],
        ("Bloody Sunday", "22 January 1905"),
    ),
    (
        [
            "Victory – at a price.",
        ],
        ("Victory", "at a price"),
    ),
    (
        [
            "Learning objective – to explain why the Tsar fell.",
        ],
        ("Learning objective", "to explain why the Tsar fell"),
    ),
    (
        [
            "Extract – from a speech by Lloyd George.",
        ],
        ("Extract", "from a speech by Lloyd George"),
    ),
    (
        [
            "Turning point – Stalingrad.",
        ],
        ("Turning point", "Stalingrad"),
    ),
    (
        [
            "Date – 1066 Place – Hastings Winner – William of Normandy Loser – Harold Godwinson",
        ],
        ("Date", "1066"),
    ),
    (
        [
            "Name – Robespierre\nBorn – 1758\nDied – 1794, guillotined",
        ],
        ("Born", "1758"),
    ),
    (
        [
            "The rebels were poorly armed peasants, led by a local priest.",
        ],
        ("rebels", "poorly armed peasants, led by a local priest"),
    ),
    (
        [
            "The strikers were dockers, angered by a cut in wages.",
        ],
        ("strikers", "dockers, angered by a cut in wages"),
    ),
    (
        [
            "The Aztecs welcomed the Spaniards: they believed Cortés was the god Quetzalcoatl.",
        ],
        ("Spaniards", "they believed Cortés was the god Quetzalcoatl"),
    ),
    (
        [
            "The Nazis hated the Communists: they blamed them for the defeat of 1918.",
        ],
        ("Communists", "they blamed them for the defeat of 1918"),
    ),
    (
        [
            "The colonists resented the taxes: they argued that Parliament "
            "had no right to impose them.",
        ],
        ("taxes", "they argued that Parliament had no right to impose them"),
    ),
    (
        [
            "The troops waited in the trenches: they knew an attack was coming.",
        ],
        ("trenches", "they knew an attack was coming"),
    ),
    (
        [
            "The colonists sent a petition to King George, which he refused to read.",
        ],
        ("King George", "which he refused to read"),
    ),
    (
        [
            "Elizabeth executed Mary Queen of Scots, which outraged Catholic Europe.",
        ],
        ("Mary Queen of Scots", "which outraged Catholic Europe"),
    ),
    (
        [
            "Henry broke with the Church of Rome, which allowed him to marry Anne Boleyn.",
        ],
        ("Church of Rome", "which allowed him to marry Anne Boleyn"),
    ),
    (
        [
            "Cortés captured Moctezuma II, which left the Aztecs leaderless.",
        ],
        ("Moctezuma II", "which left the Aztecs leaderless"),
    ),
    (
        [
            "Parliament passed a new tax, which was meant to pay for the war in America.",
        ],
        ("new tax", "which was meant to pay for the war in America"),
    ),
    (
        [
            "The Rising of the North, a Catholic rebellion of 1569, was crushed within weeks.",
        ],
        ("the North", "a Catholic rebellion of 1569"),
    ),
    (
        [
            "The Storming of the Bastille, the attack on the royal fortress, began the revolution.",
        ],
        ("the Bastille", "the attack on the royal fortress"),
    ),
    (
        [
            "The Crossing of the Delaware, a surprise attack on Christmas "
            "night, revived American hopes.",
        ],
        ("the Delaware", "a surprise attack on Christmas night"),
    ),
    (
        [
            "The Gathering of the Clans, a great meeting of Highland chiefs, "
            "was held at Glenfinnan.",
        ],
        ("the Clans", "a great meeting of Highland chiefs"),
    ),
    (
        [
            "He attacked this practice – selling church offices for money – in his sermons.",
        ],
        ("practice", "selling church offices for money"),
    ),
    (
        [
            "Stalin's aim was to build socialism in one country, an idea "
            "called Socialism in One Country.",
        ],
        ("Socialism", "Stalin's aim was to build socialism in one country"),
    ),
    (
        [
            "Mary Tudor became queen in 1553.",
            "Mary, the Scottish queen, fled to England in 1568.",
        ],
        ("Mary Tudor", "the Scottish queen"),
    ),
    (
        [
            "Henry Percy, known as Hotspur, rebelled against the king.",
            "Henry, the king's eldest son, fought at Shrewsbury.",
        ],
        ("Henry Percy", "the king's eldest son"),
    ),
    (
        [
            "The Peasants' Revolt was led by Wat Tyler and John Ball.",
            "John, the king's uncle, was hated by the rebels.",
        ],
        ("John Ball", "the king's uncle"),
    ),
    (
        [
            "Louis Blanc demanded national workshops.",
            "Louis, the last king of France, was executed in 1793.",
        ],
        ("Louis Blanc", "the last king of France"),
    ),
]
_HOSTILE_30_DATES = [
    (
        [
            "Wolfe arrived below Quebec in June 1759. The French would hold "
            "Montreal until the autumn of 1760. On 13 September, Wolfe's men "
            "climbed the cliffs to the Plains of Abraham.",
        ],
        ("1760-09-13", "Wolfe's men"),
    ),
    (
        [
            "Lincoln took office on 4 March 1861. The war he feared would not"
            " end until the spring of 1865. In April, Confederate guns fired "
            "on Fort Sumter.",
        ],
        ("1865-04", "Confederate guns"),
    ),
    (
        [
            "Work on the Suez Canal began on 25 April 1859. It was not "
            "finished until the autumn of 1869. In June, the first Egyptian "
            "labourers arrived.",
        ],
        ("1869-06", "The first Egyptian"),
    ),
    (
        [
            "The siege of Leningrad began on 8 September 1941. It would last "
            "until the winter of 1944. On 8 November, German troops took "
            "Tikhvin.",
        ],
        ("1944-11-08", "German troops took Tikhvin"),
    ),
    (
        [
            "On 1 December 1955 Rosa Parks refused to give up her seat. The "
            "boycott lasted until the winter of 1956, when the Supreme Court "
            "ruled. On 5 December, a one-day boycott began.",
        ],
        ("1956-12-05", "A one-day boycott"),
    ),
    (
        [
            "In February 1917 the tsar abdicated. The Bolsheviks seized power"
            " the following autumn, storming the Winter Palace on 25 October.",
        ],
        ("1918-10-25", "The Bolsheviks seized power"),
    ),
    (
        [
            "Charles I was executed in January 1649. The following summer "
            "Cromwell sailed for Ireland.",
        ],
        ("1650", "Cromwell sailed"),
    ),
    (
        [
            "In March 1848 revolution broke out in Vienna. The next autumn "
            "the emperor's army retook the city.",
        ],
        ("1849", "The emperor's army"),
    ),
    (
        [
            "In January 1915 Gandhi returned to India. The following summer "
            "he founded an ashram near Ahmedabad.",
        ],
        ("1916", "He founded an ashram"),
    ),
]


@pytest.mark.parametrize(("paragraphs", "wrong"), _HOSTILE_30_TERMS)
def test_what_the_hostile_pass_on_the_rules_batches_29_and_30_taught_found(
    paragraphs: list[str], wrong: tuple[str, str]
) -> None:
    """An opening phrase read as what a name is, a person seized "in northern Peru" read as a
    place, a museum as what a thing is, a worksheet's fields as key terms, "they" after a
    colon pointing at the wrong group, "which" said of what was done to a name, "The Rising
    of the North" cut to "the North", a first name taken for another person's."""
    assert wrong not in [(d.term, d.definition) for d in draft_terms(paragraphs)]


@pytest.mark.parametrize(("paragraphs", "wrong"), _HOSTILE_30_DATES)
def test_what_the_hostile_pass_on_the_season_rules_found(
    paragraphs: list[str], wrong: tuple[str, str]
) -> None:
    """A later season read as where the story goes ("would last until the winter of 1944"),
    and "the following autumn" after February counted as the next year."""
    found = Article(title="T", blocks=[("para", p) for p in paragraphs])
    timeline = draft(found, "t", "t.txt", "t", Taken()).timeline
    date, title = wrong
    assert not any(e["date"] == date and e["title"].startswith(title) for e in timeline), timeline


def test_what_a_pulled_wars_of_the_roses_handout_s_glossary_showed() -> None:
    """Batch 30's lecture handout pulled into a project, its glossary page read as a teacher
    would: entries to delete or rewrite."""
    found = {d.term: (d.definition, d.aliases) for d in draft_terms([
        "Henry swore to marry Edward IV's daughter, Elizabeth of York, uniting the two houses.",
        "Attainder was brutal: an act of attainder declared a man a traitor without trial.",
        "He recognised no one — not even his baby son, Edward of Westminster, born that October.",
        "Edmund of Langley, Duke of York — the fourth son and Richard, Duke of York's "
        "grandfather.",
        "York's eldest son, Edward, Earl of March, was a born soldier.",
        "Some argue the fighting was short. A fair conclusion: a series of short, sharp "
        "dynastic struggles fought mainly by the nobility.",
    ])}  # fmt: skip
    assert found["Elizabeth of York"] == ("Edward IV's daughter", [])  # not "IV's daughter"
    assert not {"brutal", "fair conclusion", "A fair conclusion"} & set(found), found
    assert found["Edward of Westminster"] == ("his baby son", [])  # not "born that October"
    assert found["Edmund of Langley, Duke of York"][0].startswith("the fourth son"), found
    assert "Edmund of Langley" not in found, found
    assert found["Edward, Earl of March"] == ("York's eldest son", [])  # not also "Edward"


def test_a_key_terms_list_with_colons_a_text_file_runs_together_is_read_a_line_each() -> None:
    block = "boycott: refusing to buy goods as a protest\nswaraj: self-rule"
    assert {d.term: d.definition for d in draft_terms([block])} == {
        "boycott": "refusing to buy goods as a protest",
        "swaraj": "self-rule",
    }


@pytest.mark.parametrize(
    ("paragraph", "term", "definition"),
    [
        ("That October, Władysław Gomułka, a communist who had himself been imprisoned in the "
         "Stalinist years, returned to power promising reform.", "Władysław Gomułka",
         "a communist who had himself been imprisoned in the Stalinist years"),
        ("On 17 August the committee published the 21 demands, a list of economic and political "
         "claims written on wooden boards.", "21 demands",
         "a list of economic and political claims written on wooden boards"),
        ("The following year Congress passed the Compromise of 1850, a package of laws meant to "
         "settle the quarrel between free and slave states.", "Compromise of 1850",
         "a package of laws meant to settle the quarrel between free and slave states"),
        ("In 1884 the case of Woodruff v. North Bloomfield Gravel Mining Company, a federal court "
         "ruling that barred the dumping of mining debris, ended hydraulic mining.",
         "Woodruff v. North Bloomfield Gravel Mining Company",
         "a federal court ruling that barred the dumping of mining debris"),
        ("Most were Californios: Spanish-speaking settlers of Mexican descent, many of them "
         "ranchers.", "Californios", "Spanish-speaking settlers of Mexican descent, many of them "
         "ranchers"),
        ("Filioque: a Latin word meaning 'and the Son', added to the creed in the West",
         "Filioque", "a Latin word meaning 'and the Son', added to the creed in the West"),
        ("Pope: the bishop of Rome, head of the Roman Catholic Church", "Pope",
         "the bishop of Rome, head of the Roman Catholic Church"),
        ("Shopkeepers hurried off to the diggings, as miners called the gold-bearing streams and "
         "hillsides.", "diggings", "gold-bearing streams and hillsides"),
        ("Miners drew up rules about the size of a claim, which was the patch of ground a miner "
         "had the right to work, and settled disputes.", "claim",
         "the patch of ground a miner had the right to work"),
        ("Committee Room 15 - the room at Westminster where the Irish party debated Parnell's "
         "leadership", "Committee Room 15",
         "the room at Westminster where the Irish party debated Parnell's leadership"),
        ("Curragh incident - on 20 March 1914 most of the officers of a cavalry brigade said they "
         "would resign rather than act against Ulster", "Curragh incident",
         "on 20 March 1914 most of the officers of a cavalry brigade said they would resign "
         "rather than act against Ulster"),
    ],
)  # fmt: skip
def test_what_batch_31_defined_in_ways_the_rules_did_not_read(
    paragraph: str, term: str, definition: str
) -> None:
    """Batch 31, measured blind, then read: a name after a time ("That October, …"), a count
    or a year in a name, a case's "v.", a colon after "were", a key-terms line with a common
    word, "as miners called …", a key line's name with its number or a day's happening."""
    found = {d.term: d.definition for d in draft_terms([paragraph])}
    assert found.get(term) == definition, found


def test_another_name_between_dashes_and_a_participle_s_use_are_read() -> None:
    found = {d.term: (d.definition, d.aliases) for d in draft_terms([
        "Alta California — Upper California, Mexico's thinly settled northern frontier province "
        "— had passed from Spain to Mexico in 1821.",
        "British firms bought palm oil, used in Britain to make soap and to grease machinery.",
        "In the countryside, especially in Munster, IRA flying columns, small full-time groups of "
        "armed men, ambushed police patrols.",
    ])}  # fmt: skip
    assert found["Alta California"] == (
        "Upper California, Mexico's thinly settled northern frontier province",
        ["Upper California"],
    )
    assert "Upper California" not in found and "northern frontier province" not in found
    assert found["palm oil"][0] == "used in Britain to make soap and to grease machinery"
    assert found["IRA flying columns"][0] == "small full-time groups of armed men"


def test_a_title_before_a_name_is_an_alias_of_the_name() -> None:
    (found,) = draft_terms(["Father Jerzy Popiełuszko, a young Warsaw priest, was murdered by "
                            "security police in October 1984."])  # fmt: skip
    assert (found.term, found.aliases) == ("Father Jerzy Popiełuszko", ["Jerzy Popiełuszko"])


@pytest.mark.parametrize(
    "line",
    ["Bloody Sunday – 22 January 1905", "Victory – at a price", "June 1941 – the invasion began",
     "Military: the General Service Enlistment Act of 1856 required sepoys to serve overseas.",
     "Later the 300 men, a force of volunteers, held the pass.",
     "Late 879 – the rebels were pushed back to their capital"],
)  # fmt: skip
def test_a_date_a_phrase_a_month_or_a_count_is_still_no_term(line: str) -> None:
    terms = {d.term for d in draft_terms([line])}
    assert not terms & {"Bloody Sunday", "Victory", "June 1941", "Military", "300 men", "Late 879"}


def test_a_law_named_by_its_year_or_told_of_in_the_sentence_after_is_read() -> None:
    """Missed on the whole set: a name with its year ("The Pueblo Revolt of 1680 was …"), its
    year in brackets or after "in" before what it did, a law in the clause after ", and",
    and what "This law" or "The bill" in the next sentence did."""
    found = {d.term: (d.definition, d.aliases) for d in draft_terms([
        "The Pueblo Revolt of 1680 was a coordinated uprising by the Pueblo peoples against "
        "Spanish colonial rule.",
        "The Act of Supremacy (1534) made Henry Supreme Head of the Church of England.",
        "The Diet of Speyer in 1526 discussed the peasants' grievances.",
        "That right was suspended, and the Law Code of 1649, known in Russian as the Ulozhenie, "
        "bound peasants and their descendants to the land permanently.",
        "In 1351 Parliament passed the Statute of Labourers. This law tried to keep wages at the "
        "level they had been before the plague.",
        "The strike was not protected by the Trade Disputes Act of 1906, the law which shielded "
        "unions from being sued for damages caused by strikes.",
    ])}  # fmt: skip
    assert found["Pueblo Revolt of 1680"] == (
        "a coordinated uprising by the Pueblo peoples against Spanish colonial rule",
        ["Pueblo Revolt"],
    )
    assert found["Act of Supremacy"][0] == "made Henry Supreme Head of the Church of England"
    assert found["Diet of Speyer"][0] == "discussed the peasants' grievances"
    assert found["Law Code"] == (
        "bound peasants and their descendants to the land permanently",
        ["Law Code of 1649"],
    )
    assert found["Statute of Labourers"][0] == (
        "tried to keep wages at the level they had been before the plague"
    )
    assert found["Trade Disputes Act"][1] == ["Trade Disputes Act of 1906"]


@pytest.mark.parametrize(
    "paragraph",
    ["The Assembly voted in May. It passed a law against vagrancy.",
     "Parliament met in May. It passed a law against vagrancy.",
     "When Parliament met in 1641, the Diet elected a new king."],
)  # fmt: skip
def test_a_body_that_is_no_named_law_is_not_defined_by_what_it_did(paragraph: str) -> None:
    terms = [d.term for d in draft_terms([paragraph])]
    assert not {"Assembly", "The Assembly", "Parliament", "When Parliament", "Diet"} & set(terms)


@pytest.mark.parametrize(
    ("sentence", "term", "definition"),
    [("Since the fifteenth century the imperial title had stayed in the hands of the Habsburgs, "
      "the Catholic dynasty that also ruled Austria.",
      "Habsburgs", "the Catholic dynasty that also ruled Austria"),
     ("In the early nineteenth century only a minority of men could vote for the House of "
      "Commons, the elected part of Parliament.",
      "House of Commons", "the elected part of Parliament"),
     ("Since 1337 England had been fighting the Hundred Years' War, a long series of wars "
      "against France.", "Hundred Years' War", "a long series of wars against France"),
     ("Aksum's early kings worshipped several gods, among them Mahrem, a god of war and kingship.",
      "Mahrem", "a god of war and kingship"),
     ("On 6 May 1882 the new Chief Secretary, Lord Frederick Cavendish, and his senior civil "
      "servant, Thomas Henry Burke, were stabbed to death in Phoenix Park, Dublin, by the "
      "Invincibles, a small secret society that had broken away from the Fenians.",
      "Invincibles", "a small secret society that had broken away from the Fenians")],
)  # fmt: skip
def test_a_time_then_a_main_clause_is_no_opening_before_an_appositive(
    sentence: str, term: str, definition: str
) -> None:
    """A time and the clause after it ("Since 1337 England had been fighting …"), "among them"
    after a main clause, or a phrase after a clause told with "were stabbed": the appositive
    after them says what the name before it is, not an opening's subject."""
    assert (term, definition, ()) in defined_terms(sentence)


@pytest.mark.parametrize(
    ("line", "term", "definition"),
    [("embargo = an official ban on trade with a country", "embargo",
      "an official ban on trade with a country"),
     ("triumph = the victory procession of a general through Rome, granted by the Senate",
      "triumph", "the victory procession of a general through Rome, granted by the Senate"),
     ("Platt Amendment: a US law of 1901 that Cuba was forced to write into its constitution.",
      "Platt Amendment", "a US law of 1901 that Cuba was forced to write into its constitution")],
)  # fmt: skip
def test_revision_notes_key_words_are_read(line: str, term: str, definition: str) -> None:
    """Batch 32's revision notes wrote "word = meaning", and a meaning whose clause "that Cuba
    was forced …" has a verb of its own: both were lost."""
    found = {d.term: d.definition for d in draft_terms([line])}
    assert found.get(term) == definition, found


@pytest.mark.parametrize(
    ("sentence", "term", "definition", "aliases"),
    [("In 1623 Cardinal Maffeo Barberini, a Florentine who had once written a Latin poem "
      "praising Galileo, was elected pope.", "Cardinal Maffeo Barberini",
      "a Florentine who had once written a Latin poem praising Galileo", ("Maffeo Barberini",)),
     ("General Motors Company, a car maker, grew.", "General Motors Company", "a car maker", ()),
     # "then" and "another" open no appositive: "then Pompey's sons in Spain" is what came
     # next, "another shock" what the clause told (a hostile pass on batch 32's tuning)
     ("Caesar defeated Pompey at Pharsalus, then Pompey's sons in Spain.", "Pharsalus", None,
      ()),
     ("In June 1940 France surrendered to Germany, another shock for a Britain that now stood "
      "alone.", "Germany", None, ()),
     ("Mehmed sent his troops forward in waves: first the bashi-bazouks, irregular soldiers who "
      "fought for plunder, then the regiments from Anatolia.", "plunder", None, ())],
)  # fmt: skip
def test_a_person_s_title_and_a_then_appositive(
    sentence: str, term: str, definition: str | None, aliases: tuple[str, ...]
) -> None:
    """From batch 32: a person's full name after a title is their name too, whatever the text
    says of them; a sequence's "then …" and a comment's "another …" say what no name is."""
    found = {t: (d, a) for t, d, a in defined_terms(sentence)}
    assert found.get(term) == ((definition, aliases) if definition else None), found


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [("So began the Gallic Wars of 58–50 BC, Caesar’s conquest of the whole of Gaul.",
      "Gallic Wars", "BC"),
     ("A line of trenches ran from the Belgian coast to the Swiss border, a distance of about "
      "400 miles.", None, "Swiss border"),
     ("The Somme cost the First World War's armies dearly: the First World War, well over a "
      "million men.", None, "First World War")],
)  # fmt: skip
def test_an_era_or_a_measure_is_no_definition(
    sentence: str, wanted: str | None, unwanted: str
) -> None:
    """A teacher's read of batch 32: "BC" glossed as "Caesar's conquest of the whole of Gaul",
    "Swiss border" as "a distance of about 400 miles"."""
    terms = [d.term for d in draft_terms([sentence])]
    assert unwanted not in terms and (wanted is None or wanted in terms), terms


@pytest.mark.parametrize(
    ("sentence", "term"),
    [("The Battle of the Somme, an official film shot by two cameramen, was first shown in "
      "London on 10 August 1916.", None),
     ("The Battle of Hastings, a decisive Norman victory, ended Saxon rule.",
      "Battle of Hastings"),
     ("Eisenstein made Battleship Potemkin, a silent film about the 1905 mutiny.",
      "Battleship Potemkin")],
)  # fmt: skip
def test_a_work_named_after_an_event_does_not_define_the_event(
    sentence: str, term: str | None
) -> None:
    """A teacher's read of batch 32: the glossary gave "Battle of the Somme: an official film
    shot by two cameramen", the film's definition for the battle, a key term of every module."""
    assert [t for t, _, _ in defined_terms(sentence)] == ([term] if term else [])


@pytest.mark.parametrize(
    ("text", "term", "said"),
    [
        # a verb after a modal is no part of the term; a dash's possessive name
        ("Deng made it clear that China would recover sovereignty – the right to rule – over the "
         "whole territory.", "sovereignty", "the right to rule"),
        ("The Japanese occupation – Japan's rule of Hong Kong from Christmas 1941 to August "
         "1945 – lasted three years and eight months.", "Japanese occupation",
         "Japan's rule of Hong Kong from Christmas 1941 to August 1945"),
        # "which are" and a plural noun; a role without "a"; a role in a word or two
        ("Kepler concluded that planets move in ellipses, which are stretched-out circles, and "
         "published this in 1609.", "ellipses", "stretched-out circles"),
        ("It banned a book by the Carmelite friar Paolo Antonio Foscarini that argued "
         "Copernicus agreed with Scripture.", "Paolo Antonio Foscarini", "the Carmelite friar"),
        ("A law of the tribune Vatinius gave Caesar Cisalpine Gaul.", "Vatinius", "the tribune"),
        ("The people of Warsaw rose, led among others by Jan Kiliński, a shoemaker, and Vilnius "
         "followed.", "Jan Kiliński", "a shoemaker"),
        # a noun that ends as a past tense does; a name with its other name in brackets
        ("A bigger argument was about the creed, a short statement of what Christians believe, "
         "said aloud in church.", "creed", "a short statement of what Christians believe"),
        ("Russian Justice (Russkaya Pravda) – Pestel's plan for a new Russia, written for the "
         "Southern Society", "Russian Justice",
         "Pestel's plan for a new Russia, written for the Southern Society"),
        # "which means" after a name given; a list of names goes on; a name given
        ("They called themselves emigrants; later they became known as the Voortrekkers, which "
         'means "those who go ahead" or pioneers.', "Voortrekkers",
         'means "those who go ahead" or pioneers'),
        ("The early Church looked to five great bishops, called patriarchs, who led the "
         "Christians of Rome, Constantinople, Alexandria, Antioch and Jerusalem.", "patriarchs",
         "five great bishops who led the Christians of Rome, Constantinople, Alexandria, "
         "Antioch and Jerusalem"),
        ("The Byzantines often called Western Christians Latins, a name that simply meant "
         "Christians from the Latin-speaking West.", "Latins",
         "a name that simply meant Christians from the Latin-speaking West"),
        # a key-terms line's word, though a longer name holds it
        ("The break is known as the East–West Schism.\nSchism: a split within a religious "
         "community", "Schism", "a split within a religious community"),
    ],
)  # fmt: skip
def test_what_batch_32_and_the_whole_set_still_missed(text: str, term: str, said: str) -> None:
    """Forms of definition the whole set's misses showed after batch 32 was measured."""
    drafted = {d.term: d.definition for d in draft_terms(text.split("\n"))}
    assert drafted.get(term) == said, drafted


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # the theologians are no Roman Inquisition; "later they" says who nobody is
        ("In 1616 the theologians who advised the Holy Office, better known as the Roman "
         "Inquisition, judged the idea false.", "Roman Inquisition"),
        ("Later they became known as the Whigs.", "Whigs"),
        # a name's first word only is no name given: "the Big | Four"
        ("The key decisions were taken by the Council of Four, usually called the Big Four: "
         "Wilson, Lloyd George, Clemenceau and Orlando.", "Council of Four"),
        # a dash after a place that ranks the happening; "Kitchener's" stays the army's
        ("In January 1964 Pope Paul VI met Athenagoras in Jerusalem – the first meeting between "
         "a pope and a patriarch for more than five hundred years.", "Jerusalem"),
        ("The Byzantines often called Western Christians Latins, a name that simply meant "
         "Christians from the Latin-speaking West.", "Western Christians Latins"),
        # "do" takes a noun: "had to do | relief work"
        ("Men had to do relief work, such as building roads, to receive it.", "work"),
    ],
)  # fmt: skip
def test_what_this_round_reads_is_not_read_too_widely(sentence: str, wrong: str) -> None:
    assert wrong not in [t for t, _, _ in defined_terms(sentence)]


def test_an_owner_before_a_name_is_the_name_too() -> None:
    """ "Kitchener's New Army" is drafted as the New Army, and the text's whole name is its
    other name, so a mention of either links to it."""
    found = {t: a for t, _, a in defined_terms(
        "Many of them joined Kitchener's New Army, the mass of volunteer battalions raised for "
        "the war."
    )}  # fmt: skip
    assert found == {"New Army": ("Kitchener's New Army",)}


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # a verb before a word glossed
        ("At the ceremony he was proclaimed chakravartin, or \"universal monarch\".",
         "proclaimed chakravartin"),
        # a dash's relative clause after a name inside dashes; what others held; a list's item
        ("It refers to a protective deity – probably a form of Shiva – whose sacred image was "
         "looked after by priests.", "Shiva"),
        ("Many scholars identify them with the bodhisattva Lokeshvara, others with the king "
         "himself, and some think they were both.", "Lokeshvara"),
        ("Zhou describes royal processions with elephants and parasols, markets in which women "
         "did most of the trading, and daily bathing in ponds.", "parasols"),
        # a main clause with a modal after an opening
        ("Apart from a break, when King Jayavarman IV ruled from Koh Ker, a site far to the "
         "north-east, the kings would stay in the Angkor area for five hundred years.",
         "north-east"),
    ],
)  # fmt: skip
def test_what_batch_33_drafted_false(sentence: str, wrong: str) -> None:
    """Batch 33's Angkor page, read after its blind run: each gave a false entry."""
    assert wrong not in [t for t, _, _ in defined_terms(sentence)]


def test_a_law_by_what_it_did_after_its_month_and_year_or_an_adverb() -> None:
    """Batch 33's record office pack: "The Act of Supremacy of November 1534 made …" and "The
    Act of Union of 1800 then joined …" were no terms."""
    drafted = {d.term: d.definition for d in draft_terms([
        "The Act of Supremacy of November 1534 made the king Supreme Head of the Church.",
        "The Act of Union of 1800 then joined Ireland to Britain.",
    ])}  # fmt: skip
    assert drafted == {
        "Act of Supremacy": "made the king Supreme Head of the Church",
        "Act of Union": "joined Ireland to Britain",
    }


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        ("De Lesseps insisted on a sea-level canal, meaning a channel cut straight through at the "
         "level of the two oceans, with no locks at all.",
         ("sea-level canal", "a channel cut straight through at the level of the two oceans"),
         "canal"),
        ("Bosnia-Herzegovina, a mountainous province in the western Balkans with a mixed "
         "population of Orthodox Serbs, Catholic Croats and Muslims, had long been Ottoman.",
         ("Bosnia-Herzegovina", "a mountainous province in the western Balkans with a mixed "
          "population of Orthodox Serbs, Catholic Croats and Muslims"), None),
        ("Numbers differ because writers count different things: Jamaicans only, all passengers "
         "from the Caribbean, or everyone on board.", None, "Caribbean"),
        ("Researchers sent testers of different backgrounds, including a West Indian, a "
         "Hungarian and a white Englishman, to apply for the same jobs.", None, "West Indian"),
        ("Many landlords refused Black tenants: cards in windows and newsagents often read 'No "
         "coloured'.", None, "Black tenants"),
        ("In May 1948 it called at Kingston, Jamaica, on its way back to Britain with spare "
         "places on board.", None, "Jamaica"),
    ],
)  # fmt: skip
def test_what_a_teacher_s_read_of_batch_33_found_false(
    sentence: str, wanted: tuple[str, str] | None, unwanted: str | None
) -> None:
    """The glossary had "canal: a channel cut straight through at the level of the two
    oceans" (the failed sea-level plan), Bosnia's population cut to its Serbs, "West Indian: a
    Hungarian and a white Englishman", "Black tenants" by a racist sign's words."""
    found = [(t, d) for t, d, _ in defined_terms(sentence)]
    assert (wanted is None or wanted in found) and unwanted not in [t for t, _ in found], found


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        ("It brought in the right of abode, meaning the right to live in the UK free from "
         "immigration control.",
         ("right of abode", "the right to live in the UK free from immigration control"),
         "abode"),
        ("His work rested on Finlay's theory that yellow fever is spread by the Aedes aegypti "
         "mosquito – a theory confirmed by Walter Reed's army commission in 1900.", None,
         "Aedes aegypti mosquito"),
        ("Letters were signed by 'General Ludd', 'King Ludd' or 'Ned Ludd', sometimes addressed "
         "from Sherwood Forest.", None, "Ned Ludd"),
    ],
)  # fmt: skip
def test_what_a_teacher_s_read_of_batch_33_found_false_too(
    sentence: str, wanted: tuple[str, str] | None, unwanted: str
) -> None:
    """ "abode" glossed as a legal right, a mosquito as "a theory confirmed by …", Ned Ludd
    by where his letters came from."""
    found = [(t, d) for t, d, _ in defined_terms(sentence)]
    assert (wanted is None or wanted in found) and unwanted not in [t for t, _ in found], found


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        ("Within a few days, Serbian nationalists founded Narodna Odbrana ('National Defence'), "
         "a society that spread anti-Austrian propaganda and ran rifle clubs.",
         ("Narodna Odbrana",
          "a society that spread anti-Austrian propaganda and ran rifle clubs"),
         "Narodna Odbrana National Defence"),
        ('They also fitted their ships with the corvus ("raven"), a boarding bridge with a heavy '
         "iron spike at its end.", ("corvus", "raven"), "corvus raven"),
        ("The Spanish fleet ('the Armada'), a force of 130 ships, sailed in 1588.",
         ("Armada", "a force of 130 ships"), "Spanish fleet"),
        ("Buddhist chronicles written in Sri Lanka centuries later, such as the Mahavamsa "
         "('Great Chronicle'), claim that he fought for the throne.", None,
         "Mahavamsa Great Chronicle"),
        ("Between the opposing front lines lay no man's land, ground that neither side "
         "controlled.", ("no man's land", "ground that neither side controlled"), "land"),
        ("Rawlinson preferred a more cautious method known as bite and hold: seizing a limited "
         "stretch of enemy trench.",
         ("bite and hold", "seizing a limited stretch of enemy trench"), "bite"),
        ("Reformers demanded the 'Three Fs': fair rent, set by an independent body; fixity of "
         "tenure, meaning security from eviction as long as the rent was paid; and free sale.",
         ("fixity of tenure", "security from eviction as long as the rent was paid"), "tenure"),
        ("Today the treaty sheets are on show in He Tohu, an exhibition at the National Library "
         "in Wellington.",
         ("He Tohu", "an exhibition at the National Library in Wellington"), "Tohu"),
        ("They took up positions near ʻIolani Palace, the royal residence in central Honolulu.",
         ("ʻIolani Palace", "the royal residence in central Honolulu"), "Palace"),
    ],
)  # fmt: skip
def test_a_term_is_the_whole_name(
    sentence: str, wanted: tuple[str, str] | None, unwanted: str
) -> None:
    """The labelled set's terms cut short or run on: a name's English in brackets read as part
    of it ("corvus raven"), an idiom's possessive ("no man's land"), "bite and hold", "fixity
    of tenure", a name's first word that opens sentences elsewhere ("He Tohu") or its ʻokina
    ("ʻIolani Palace") — and an example after "such as" glossed by the sentence's verb."""
    found = [(t, d) for t, d, _ in defined_terms(sentence)]
    assert (wanted is None or wanted in found) and unwanted not in [t for t, _ in found], found


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("In 1456 a retrial, known as the nullification trial, declared the original verdict "
         "null and void.", ("nullification trial", "a retrial")),
        ("An earlier settlement nearby, known to archaeologists as K2, grew wealthy from around "
         "1000.", ("K2", "An earlier settlement nearby")),
        ("The dynasty's founder, Ashoka's grandfather Chandragupta Maurya, took control of "
         "Magadha.", ("Chandragupta Maurya", "The dynasty's founder")),
    ],
)  # fmt: skip
def test_a_name_given_between_commas_names_what_is_before(
    sentence: str, wanted: tuple[str, str]
) -> None:
    """A name given in an aside names the noun phrase before it, a short one too ("a
    retrial"); "known to archaeologists as" is
    "known as"; a person given by kin to another is named, not "founder"."""
    found = _drafted(sentence)
    assert wanted in found and "founder" not in [t for t, _ in found], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Farmers used a process, known as enclosure, to fence the common land.",
        "This massacre, known as Bloody Sunday, turned many workers against the tsar.",
    ],
)
def test_a_kind_or_a_back_reference_is_no_definition_of_a_name(sentence: str) -> None:
    """ "a process" says too little, "This massacre" points at a sentence before."""
    assert defined_terms(sentence) == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("In 405 Radagaisus, another Gothic leader, invaded Italy.",
         ("Radagaisus", "another Gothic leader")),
        ("Lee Kuan Yew, later Singapore's first prime minister, only just escaped.",
         ("Lee Kuan Yew", "later Singapore's first prime minister")),
        ("Plutarch describes how, at the festival on 15 February 44 BC, Mark Antony, then "
         "Caesar's fellow consul, offered him a diadem.",
         ("Mark Antony", "then Caesar's fellow consul")),
        ("The ships arrived, and the new lieutenant governor, **Sir Thomas Gates**, was on "
         "board.", ("Sir Thomas Gates", "the new lieutenant governor")),
        ("Within a generation the painter Matteo Perez d'Aleccio had covered a hall with "
         "frescoes.", ("Matteo Perez d'Aleccio", "the painter")),
        ("In 2016 the writer and broadcaster Stuart Maconie walked the route again.",
         ("Stuart Maconie", "the writer and broadcaster")),
        ("The force included the battleship HMS Prince of Wales and the battlecruiser HMS "
         "Repulse.", ("HMS Repulse", "the battlecruiser")),
        ("Jarvis had bought the old White Star liner Olympic, sister ship of the Titanic.",
         ("Olympic", "the old White Star liner")),
        ("Families lived on the dole, as unemployment benefit was universally known.",
         ("dole", "unemployment benefit")),
    ],
)  # fmt: skip
def test_what_batch_34_s_misses_taught(text: str, wanted: tuple[str, str]) -> None:
    """Batch 34, measured blind, then read: an appositive opening "another", or "later" or
    "then" and one person's office by its owner; a role before a name in bold, with "d'" or
    two roles; a ship after its kind; "as … was universally known". (Hostile pass 40 took
    back "According to X, a …", "then open ground in …" and a sentence after a colon.)"""
    found = _drafted(text)
    assert wanted in found, found


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("According to Lovett, an early draft also included votes for women, but the clause "
         "was dropped.", "Lovett"),
        ("The fleet was sent to the Far East under Admiral **Zinovy Rozhestvensky**.",
         "Zinovy Rozhestvensky"),
        ("Caesar defeated Pompey at Pharsalus, then Pompey's sons in Spain.", "Pharsalus"),
        ("The army reached Warsaw, then marched north.", "Warsaw"),
    ],
)  # fmt: skip
def test_what_batch_34_s_misses_taught_is_not_read_too_widely(text: str, unwanted: str) -> None:
    """Not "Lovett: an early draft also included …" (the main clause), "Zinovy Rozhestvensky:
    the Far East under Admiral", "Pharsalus: then Pompey's sons …", "Warsaw: then marched"."""
    assert unwanted not in [t.term for t in draft_terms([text])]


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("magister militum – 'master of soldiers', the title of the most senior army commanders.",
         "soldiers'"),
        ("On 7 September the Gran Soccorso, some 8,000 to 10,000 men — the figures vary — landed "
         "unopposed at Mellieha Bay.", "men"),
        ("Every July, on the third weekend of the month, the village hosts the Tolpuddle "
         "Martyrs' Festival, organised by the TUC.", "month"),
        ("Real power in the West lay with Stilicho, the commander-in-chief, the son of a Vandal "
         "officer and a Roman mother.", "commander-in-chief"),
        ("The river they named the James, after the king, was wide.", "river"),
    ],
)  # fmt: skip
def test_what_a_teacher_s_read_of_batch_34_found_false(text: str, unwanted: str) -> None:
    """A teacher's read of batch 34's drafts: "soldiers" glossed as a title (the word of a
    translation), "men: the figures vary", "month: the village hosts …", a second appositive
    read as the first's ("commander-in-chief: the son of a Vandal officer"), a definition cut
    before its verb ("the river they") — each linked into every lesson of the project."""
    found = {t: d for t, d, _ in defined_terms(text)}
    assert unwanted not in found and not any(d.endswith(" they") for d in found.values()), found


def test_a_word_glossed_after_a_second_appositive_is_still_glossed() -> None:
    """ "Tribonian, the quaestor, or chief legal officer, …" glosses the quaestor."""
    text = (
        "The rioters demanded that Justinian sack Tribonian, the quaestor, or chief legal officer."
    )
    assert ("quaestor", "chief legal officer") in [(t, d) for t, d, _ in defined_terms(text)]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Tagore wrote to Lord Chelmsford, the Viceroy, renouncing his knighthood.",
         ("Lord Chelmsford", "the Viceroy")),
        ("Much later, the English writer G. K. Chesterton published his poem.",
         ("G. K. Chesterton", "the English writer")),
        ("The historian A. J. P. Taylor argued that the war came by accident.",
         ("A. J. P. Taylor", "The historian")),
        ("| Person | Who they were | Why they matter |\n|---|---|---|\n| William Clark | "
         "Former army officer, Lewis's one-time commander | Co-leader |",
         ("William Clark", "Former army officer, Lewis's one-time commander")),
    ],
)  # fmt: skip
def test_what_batch_35_s_misses_taught(text: str, wanted: tuple[str, str]) -> None:
    """Batch 35, measured blind, then read: a capitalised office after a name, initials in a
    name after its role, a table of key people of three columns (its first two read, and
    only the name in its first cell drafted)."""
    found = [(t.term, t.definition) for t in draft_terms(text.split("\n"))]
    assert wanted in found, found
    if text.startswith("|"):
        assert [term for term, _ in found] == [wanted[0]]


@pytest.mark.parametrize(
    "text",
    [
        "Winston Churchill, then Secretary of State for War, called the shooting monstrous.",
        "Critics called the treaty unjust.",
        "He met Ivan Petrov, the Terrible Tsar's nephew, in Moscow.",
    ],
)
def test_what_batch_35_s_misses_taught_is_not_read_too_widely(text: str) -> None:
    """A judgement is no name ("shooting monstrous: then Secretary of State for War"), and an
    office after a name is read only as an office of one or two words."""
    found = _drafted(text)
    assert not any(term[:1].islower() or "Terrible" in term for term, _ in found), found


def test_a_markdown_page_s_front_matter_is_furniture_with_its_author_and_date() -> None:
    found = article(
        '---\ntitle: "Lewis and Clark (1804–1806)"\nlayout: wiki-page\nauthor: M. Herrera\n'
        "date: 2024-02-19\ntags: [jefferson]\n---\n\n"
        "The expedition left St. Louis in May 1804. A keelboat was a large cargo boat.\n",
        "markdown",
    )
    assert found.title == "Lewis and Clark (1804–1806)"
    assert (found.author, found.date) == ("M. Herrera", "2024-02-19")
    assert "layout: wiki-page" in found.skipped and "tags: [jefferson]" in found.skipped
    assert found.blocks == [
        ("para", "The expedition left St. Louis in May 1804. A keelboat was a large cargo boat.")
    ]
    # … and a page that opens with a rule and text is no front matter
    ruled = article("---\nThe expedition left in 1804.\n---\nIt returned in 1806.\n", "markdown")
    assert [text for _, text in ruled.blocks][:1] == ["The expedition left in 1804."]


def test_a_first_name_someone_else_has_is_no_alias() -> None:
    """A teacher's read of batch 35: "Princess Elizabeth" had the alias "Elizabeth", which
    linked the queen's name to a nine-year-old's entry; a first name no one else in the text
    has stays an alias (hostile pass 44: "Prince Albert" is "Albert"), and so does a lord's
    title ("Lord Chelmsford" is "Chelmsford")."""
    drafted = {
        t.term: t.aliases
        for t in draft_terms([
            "Under Elizabeth I Catholics were fined.",
            "James's nine-year-old daughter Princess Elizabeth was to be made queen.",
            "In 1840 Victoria married her cousin, Prince Albert, a German prince.",
            "Tagore wrote to Lord Chelmsford, the Viceroy, renouncing his knighthood.",
        ])
    }  # fmt: skip
    assert drafted["Princess Elizabeth"] == []
    assert drafted["Prince Albert"] == ["Albert"]
    assert drafted["Lord Chelmsford"] == ["Chelmsford"]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # one of a list the sentence says what it is
        ("Lang's opponents included the New Guard, a right-wing paramilitary group formed in "
         "Sydney in February 1931.", ("New Guard", "a right-wing paramilitary group formed in "
                                      "Sydney in February 1931")),
        ("John demanded heavy taxes, including scutage, a payment made by barons instead of "
         "serving in the army themselves.", ("scutage", "a payment made by barons instead of "
                                             "serving in the army themselves")),
        # an appositive inside a sentence's opening, then its main clause
        ("Under the placards, the laws against heresy first issued by his father, Protestants "
         "had been burned or beheaded.", ("placards", "the laws against heresy first issued by "
                                          "his father")),
        ("According to Zosimus, a pagan Greek historian, one senator protested.",
         ("Zosimus", "a pagan Greek historian")),
        ("For more than six centuries the plains north of the Tonle Sap, the great lake in the "
         "middle of Cambodia, were the heart of a great empire.",
         ("Tonle Sap", "the great lake in the middle of Cambodia")),
        # what a thing was, with an article before a word that could open a sentence
        ("A friendly society was a club into which working people paid small sums.",
         ("friendly society", "a club into which working people paid small sums")),
        ("The degredados were convicts brought along to do dangerous jobs.",
         ("degredados", "convicts brought along to do dangerous jobs")),
        ("The Race Relations Act 1965 was the first law in Britain to deal with racial "
         "discrimination.", ("Race Relations Act 1965", "the first law in Britain to deal with "
                             "racial discrimination")),
        # a term's words, not a preposition or a describing word before them; a year naming it
        ("Contracts behaved like options – agreements giving the right to buy.",
         ("options", "agreements giving the right to buy")),
        ("Malindi gave them an experienced pilot – a navigator who knew the route.",
         ("pilot", "a navigator who knew the route")),
        ("The challenge came with the 1967 riots – months of strikes and bombings.",
         ("1967 riots", "months of strikes and bombings")),
        # a name given after words opening a sentence; two words glossed; an Act and its year
        ("A chart of the route, known as the Mao Kun map, survives in a later book.",
         ("Mao Kun map", "A chart of the route")),
        ("The emperor's title was negusa nagast, meaning \"king of kings\".",
         ("negusa nagast", "king of kings")),
        ("The liquor trade, meaning the brewers who made beer, feared women voters.",
         ("liquor trade", "the brewers who made beer")),
        ("The Commonwealth Immigrants Act 1962, which came into force on 1 July 1962, ended the "
         "right of entry.", ("Commonwealth Immigrants Act 1962", "which came into force on 1 "
                             "July 1962")),
    ],
)  # fmt: skip
def test_what_the_whole_set_s_misses_taught(sentence: str, wanted: tuple[str, str]) -> None:
    """Misses read across the whole labelled set before batch 36 was measured."""
    assert wanted in [(term, definition) for term, definition, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Researchers sent testers, including a West Indian, a Hungarian and a white Englishman.",
        "According to Nez Perce oral tradition, a woman named Watkuweis, who had been treated "
        "kindly, urged her people not to harm the strangers.",
        "On 26 March Chief Albert Luthuli, the president of the ANC, publicly burned his pass.",
        "Among other provisions, the Acts prohibited unauthorised drilling, empowered "
        "magistrates to search houses for arms, and restricted meetings.",
        "Cotton was the first industry to be transformed.",
        "Words came from the Latin fenestra, meaning window.",
    ],
)
def test_what_the_whole_set_s_misses_taught_is_not_read_too_widely(sentence: str) -> None:
    """A list after "including a …" stays a list; the subject after an opening is no
    definition of the opening's words; a single word's "first …" is a fact."""
    found = [term for term, _, _ in defined_terms(sentence)]
    assert not any(
        t in ("West Indian", "Nez Perce oral tradition", "March Chief Albert Luthuli",
              "provisions", "arms", "Cotton", "Latin fenestra") for t in found
    ), found  # fmt: skip


@pytest.mark.parametrize(
    ("previous", "sentence", "wanted"),
    [
        ("Nowhere was distress more acute than among the handloom weavers of Lancashire.",
         "These were skilled workers who wove cloth on hand-operated looms in their own homes.",
         ("handloom weavers", "skilled workers who wove cloth on hand-operated looms in their "
                              "own homes")),
        ("Ebert turned to the Freikorps to crush them.",
         "These were volunteer units of demobilised soldiers, many of them anti-communist.",
         ("Freikorps", "volunteer units of demobilised soldiers")),
    ],
)  # fmt: skip
def test_a_plural_said_after_is_read_past_a_describing_word_and_a_place(
    previous: str, sentence: str, wanted: tuple[str, str]
) -> None:
    """The whole set's misses: "These were skilled workers …" says what the plural before was,
    the plural of a place ("the handloom weavers of Lancashire"), after a purpose clause."""
    term, definition, _ = defined_after(previous, sentence) or ("", "", ())
    assert (term, definition) == wanted
    # … and "These were sent to camps" still says what happened to them, not what they were
    assert defined_after("The police arrested the strikers.", "These were sent to camps.") is None


def test_an_appositive_after_a_clause_opening_with_its_main_clause_defines() -> None:
    """ "While he was abroad he began to call himself Guido, the Italian form of his name": the
    main clause follows the opening without a comma, so the appositive is the name's."""
    sentence = "While he was abroad he began to call himself Guido, the Italian form of his name."
    assert ("Guido", "the Italian form of his name") in [
        (t, d) for t, d, _ in defined_terms(sentence)
    ]


@pytest.mark.parametrize(
    ("sentence", "wanted", "alias"),
    [
        ("At the end of that month General Mariano Paredes y Arrillaga, a conservative army "
         "commander, overthrew Herrera.",
         ("General Mariano Paredes y Arrillaga", "a conservative army commander"),
         "Mariano Paredes y Arrillaga"),
        ("On May 8, 1846, at Palo Alto, a stretch of open prairie north of the river, Taylor's "
         "army met the larger force.",
         ("Palo Alto", "a stretch of open prairie north of the river"), None),
        ("Meanwhile in Mexico City, Vice President Valentín Gómez Farías, a leading liberal, "
         "tried to pay for the war.",
         ("Vice President Valentín Gómez Farías", "a leading liberal"), "Valentín Gómez Farías"),
        ("The others included Granville Sharp and Thomas Clarkson, a Cambridge graduate.",
         ("Thomas Clarkson", "a Cambridge graduate"), None),
    ],
)  # fmt: skip
def test_what_batch_36_s_misses_taught(
    sentence: str, wanted: tuple[str, str], alias: str | None
) -> None:
    """Batch 36, measured blind, then read: a time, then the subject ("that month General …");
    an appositive in an opening with a possessive subject after it; a vice president's office
    is a title; of two people, "a …" is the last's."""
    found = {(t, d): a for t, d, a in defined_terms(sentence)}
    assert wanted in found, found
    assert alias is None or alias in found[wanted]


def test_one_name_joined_by_and_stays_whole() -> None:
    found = [t for t, _, _ in defined_terms(
        "Britain fought the French and Indian War, a war for North America, from 1754."
    )]  # fmt: skip
    assert "French and Indian War" in found and "Indian War" not in found


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The route followed the one the Spanish conquistador Hernán Cortés had taken in 1519.",
         "Hernán Cortés"),
        ("The glacier was named after the Glasgow industrialist William Beardmore.",
         "William Beardmore"),
        ("He flew over the North Pole in the airship Norge in May 1926.", "Norge"),
        ("The signalman, Thomas Barclay, handed it over.", "Thomas Barclay"),
    ],
)  # fmt: skip
def test_more_roles_and_craft_name_who_or_what_follows(sentence: str, wanted: str) -> None:
    """Batch 36: a conquistador, an industrialist, a signalman, an airship."""
    assert wanted in [t for t, _, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The Peace of Utrecht was not a single document but a series of treaties.",
         ("Peace of Utrecht", "not a single document but a series of treaties")),
        ("Lord Curzon was Viceroy of India from 1899 to 1905.",
         ("Lord Curzon", "Viceroy of India from 1899 to 1905")),
        ("(A shilling was worth twelve old pence.)", ("shilling", "worth twelve old pence")),
        ("The Thirty Years' War was fought between 1618 and 1648.",
         ("Thirty Years' War", "fought between 1618 and 1648")),
        ("The potato became a staple crop; a staple is the basic food that people eat every day.",
         ("staple", "the basic food that people eat every day")),
        ("The shogun was Japan's supreme military ruler.",
         ("shogun", "Japan's supreme military ruler")),
    ],
)  # fmt: skip
def test_what_a_thing_was_without_an_article(sentence: str, wanted: tuple[str, str]) -> None:
    """The whole set's misses: "was not … but …", a person's office, a coin's worth, a war's
    years, "; a staple is the …" (not a subject after a colon: "Churchill had warned: Munich
    was a total and unmitigated defeat" is a judgement, hostile pass 40)."""
    assert wanted in [(t, d) for t, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The estate was worth £500 a year.",
        "The battle was fought in the rain.",
        "Henry Ford was President of the company.",
        "The first prize was Freedom of the City.",
    ],
)
def test_what_a_thing_was_without_an_article_is_read_narrowly(sentence: str) -> None:
    """Only a coin's worth ("A shilling …"), a war's or battle's name, and a person's office."""
    assert defined_terms(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "term", "definition"),
    [
        ("On 7 November 1938 he shot Ernst vom Rath, a German diplomat, at the embassy.",
         "Ernst vom Rath", "a German diplomat"),
        ("In about 728 BCE Tefnakht, the ruler of Sais in the western Delta, advanced south.",
         "Tefnakht", "the ruler of Sais in the western Delta"),
        ("The Italian anatomist Filippo Pacini described the cholera organism in 1854.",
         "Filippo Pacini", "The Italian anatomist"),
        ("In 1875 a survey led by the geologist Walter Jenney confirmed that there was gold.",
         "Walter Jenney", "the geologist"),
        ("The money came from investors organised by Thomas Weston, an ironmonger.",
         "Thomas Weston", "an ironmonger"),
    ],
)  # fmt: skip
def test_a_name_s_particles_and_links_and_a_role_by_its_science_or_trade(
    sentence: str, term: str, definition: str
) -> None:
    """Batch 37, cut at the wrong word or not read: "Rath" of "Ernst vom Rath", "BCE Tefnakht";
    roles no list held (an anatomist, a geologist, an ironmonger). ("from" and "on" inside a
    body's name, and a ship or firm after its kind, were read and taken back: hostile pass 50
    found "March on Rome" cut to "Rome" and "the ship Endeavour sailed from …" refused.)"""
    assert (term, definition) in [(t, d) for t, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Many remembered Winston Churchill, a warmonger, from Gallipoli.",
        "After the Second World War the Viet Minh, a communist-led movement, fought on.",
        "Thousands of refugees came from Czechoslovakia, a country Hitler had broken up.",
        "The Pilgrims left England on the Mayflower from Plymouth, a port in Devon, in 1620.",
        "The surprise attack by Japan on Pearl Harbor, the main base of the US Pacific Fleet, "
        "took place on 7 December 1941.",
        "The Spanish never recovered the silver from the ship Drake captured off Peru.",
        "John White governed the company Raleigh sent to Roanoke in 1587.",
        "The firm Marks and Spencer opened its first shop in Leeds in 1884.",
    ],
)
def test_what_someone_thought_of_a_person_is_no_role(sentence: str) -> None:
    """What someone thought of a person ("a warmonger") is no trade, "communist-led" is no
    communist, "from" opens no name after a lower-case word."""
    found = [t for t, _, _ in defined_terms(sentence)]
    assert "Winston Churchill" not in found, found
    assert not any(t.startswith("from") or "Second" in t for t in found), found
    # hostile pass 49: "from" and "on" join a body's name, not a person, ship or country to a
    # place ("England on the Mayflower from Plymouth"); a ship or firm after its kind is not
    # the person who did something to it ("the ship Drake captured"), nor half a partnership
    assert not any(re.search(r"\s(?:on|from)\s", t) for t in found), found
    assert not {"Drake", "Raleigh", "Marks"} & {*found}, found


def test_a_person_is_drafted_beside_what_is_named_after_them() -> None:
    """Batch 37: "Red Cloud, an Oglala Lakota war leader" was not drafted because "Red Cloud's
    War" was: a name inside another as its owner is someone else's entry (but "Gregory" is
    still not drafted beside "Gregory clause")."""
    terms = [t.term for t in draft_terms([
        "Further north, Red Cloud, an Oglala Lakota war leader, fought a campaign known as "
        "Red Cloud's War (1866-68), which forced the army to abandon its forts.",
    ])]  # fmt: skip
    assert "Red Cloud" in terms and "Red Cloud's War" in terms


@pytest.mark.parametrize(
    ("sentence", "term", "definition"),
    [
        ("On 2 September 1885 white miners at Rock Springs, Wyoming, a coal town on the Union "
         "Pacific, killed at least twenty-eight Chinese co-workers.", "Rock Springs",
         "a coal town on the Union Pacific"),
        ("Track reached Reno, Nevada, a town founded by the railroad in May 1868, and then "
         "followed the Humboldt River.", "Reno", "a town founded by the railroad in May 1868"),
        ("Sitting Bull (Tatanka Iyotake) was a Hunkpapa Lakota, born around 1831.",
         "Sitting Bull", "a Hunkpapa Lakota, born around 1831"),
    ],
)  # fmt: skip
def test_a_place_before_its_region_and_a_name_that_opens_like_a_verb(
    sentence: str, term: str, definition: str
) -> None:
    """Batch 37: "Wyoming: a coal town on the Union Pacific, killed at" (the town's state, and
    the sentence's verb after a name read as an adjective), and "Sitting Bull" read as an
    opening ("Sitting at his desk, …")."""
    assert (term, definition) in [(t, d) for t, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In December 2018, after negotiations with the Claims Conference, an organisation that "
        "seeks compensation for Holocaust survivors, the German government agreed to pay.",
        "Fighting Germany was a costly business.",
        "He fought for Britain, France and Russia, the Allied powers, in 1914.",
    ],
)
def test_a_main_clause_after_a_comma_is_no_definition(sentence: str) -> None:
    """Batch 37: "Holocaust survivors: the German government agreed to pay" — a subject and a
    verb that takes what was done next are a clause; a gerund's object is no name."""
    found = [t for t, _, _ in defined_terms(sentence)]
    assert not {"Holocaust survivors", "Fighting Germany", "Russia"} & {*found}, found


@pytest.mark.parametrize(
    ("sentence", "unwanted"),
    [
        ("In the summer of 1874 the army sent Custer into the hills with more than 1,000 men – "
         "cavalry, infantry, scientists, miners and even a band – to look for a fort.", "men"),
        ("They are often called the Kinder, the German word for “children”, a name many of them "
         "used for themselves in later life.", "children"),
        ("The Kingdom of Kush grew up along the middle Nile, in what is now northern Sudan.",
         "Nile"),
        ("The story of the \"Pilgrims\" – their escape from England, their first winter, their "
         "alliance with the Wampanoag and the harvest meal of 1621 – became a myth.", "England"),
        ("In the spring of 1869 two lines of track, one built from the east and one from the "
         "west, met on a windswept plateau.", "track"),
        ("Then came the iron men, who lifted each rail – roughly 500 pounds of iron – into "
         "place.", "rail"),
        ("The newspapers called the result the Great Stink.", "Great Stink"),
    ],
)  # fmt: skip
def test_a_teacher_s_read_of_batch_37_false_entries(sentence: str, unwanted: str) -> None:
    """Terms a teacher found false in batch 37's drafts, some linked dozens of times and asked
    in a matching activity ("children: A name many of them used for themselves"): a list of
    kinds, a second appositive, where a kingdom grew, a list of what people did, "one … and
    one …", a measure, a word that points back."""
    assert unwanted not in [t for t, _, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "term", "definition"),
    [
        ("Tumulus (plural tumuli) – a burial mound of earth or gravel heaped over a grave.",
         "Tumulus", "a burial mound of earth or gravel heaped over a grave"),
        ("On 4 December 1745 the army reached Derby, about 125 miles from London.", "Derby",
         "about 125 miles from London"),
        ("On the morning of 16 April 1746 they formed up on Drummossie Moor, near Culloden "
         "House, a few miles east of Inverness.", "Drummossie Moor", "near Culloden House"),
    ],
)  # fmt: skip
def test_a_key_line_s_plural_and_a_place_s_distance_still_define(
    sentence: str, term: str, definition: str
) -> None:
    """A bracket's plural is no meaning, the line's dash is; how far a place is, is."""
    assert (term, definition) in [(t, d) for t, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "term", "other"),
    [
        ("On July 7, 1846 Commodore John D. Sloat, commander of the US Navy's Pacific Squadron, "
         "landed sailors and marines at Monterey.", "Commodore John D. Sloat", "John D. Sloat"),
        ("G. K. Chesterton, the English writer, disliked the book.", "G. K. Chesterton", None),
    ],
)  # fmt: skip
def test_a_person_named_with_initials_before_their_role(
    sentence: str, term: str, other: str | None
) -> None:
    """Batch 36: "Sloat: commander of the US Navy's Pacific Squadron" — a middle initial ended
    the name; the name without its title is the person's other name."""
    found = {t: names for t, _, names in defined_terms(sentence)}
    assert term in found, found
    assert other is None or other in found[term]


def test_a_person_named_with_a_middle_initial_before_who() -> None:
    """Batch 36: "Ulysses S. Grant, who had served in Mexico …" was drafted as "Grant"."""
    terms = [t.term for t in draft_terms([
        "In his memoirs, published in 1885, Ulysses S. Grant, who had served in Mexico as a "
        "young lieutenant, called the war unjust.",
    ])]  # fmt: skip
    assert terms == ["Ulysses S. Grant"]


@pytest.mark.parametrize(
    ("sentence", "unwanted"),
    [
        ("On 19 August 1745 Charles raised his standard at Glenfinnan, in front of perhaps 1,000 "
         "to 1,300 men (estimates vary).", "men"),
        ("Many voters demanded that Germany be made to pay, yet he feared that a crushing peace "
         "would push Germany towards Bolshevism.", "pay"),
        ("On top sat a capital, the carved block at the head of a column, often in the shape of "
         "a lion, a bull or an elephant.", "lion"),
        ("Practising Judaism in secret while outwardly living as a Christian – crypto-Judaism, "
         "as historians call it – became the main target of the new institution.", "Christian"),
    ],
)  # fmt: skip
def test_an_aside_a_clause_a_list_or_a_word_for_what_went_before_defines_nothing(
    sentence: str, unwanted: str
) -> None:
    """False entries in the whole set's drafts: a bracket about the count ("men: estimates
    vary"), a clause after "yet", the rest of a list of kinds, a word for what the sentence
    told before the dash."""
    assert unwanted not in [t for t, _, _ in defined_terms(sentence)]


def test_another_name_as_a_people_call_it_still_defines() -> None:
    """ "The German Peasants' War – the *Bauernkrieg*, as Germans call it –" gives the war's
    other name: it stays."""
    sentence = "The German Peasants' War – the *Bauernkrieg*, as Germans call it – had deep roots."
    assert "German Peasants' War" in [t for t, _, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "unwanted"),
    [
        ("Bronze measures inscribed with the edict have been found across the former rival "
         "states (cat. nos. 14–16).", "former rival states"),
        ("Two bronze chariots were buried just west of the mound (cat. no. 21, replica).",
         "mound"),
        ("In 210 BCE, during his fifth tour, the Emperor fell ill and died at Shaqiu.",
         "fifth tour"),
    ],
)  # fmt: skip
def test_a_catalogue_number_or_a_main_clause_is_no_definition(sentence: str, unwanted: str) -> None:
    """Batch 38's exhibition catalogue: "former rival states: Cat. nos. 14–16", "mound: Cat. no.
    21, replica", "fifth tour: The Emperor fell ill and died at Shaqiu" — a bracket that points
    to a catalogue or a page, and a subject with its verb after a comma, say nothing of the
    word before. ("Tours: the stirrup seems to have spread …" was refused by "have" among a
    clause's first words, taken back after hostile pass 53: "a survey historians have studied".)"""
    assert unwanted not in [t for t, _, _ in defined_terms(sentence)]


def test_what_a_case_ruled_still_defines_it() -> None:
    """ "in *Worcester v. Georgia* (1832), the Court ruled that …" says what the case was."""
    sentence = (
        "The following year, in *Worcester v. Georgia* (1832), the Court ruled that Georgia's "
        "laws had no force within Cherokee territory."
    )
    assert "Worcester v. Georgia" in [t for t, _, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        ("Each village paid tribute to a cacique, a chief or a lord.",
         ("cacique", "a chief or a lord"), None),
        ("A samurai owed service to a daimyo, a feudal lord or a regional warlord.",
         ("daimyo", "a feudal lord or a regional warlord"), None),
        ("Seals were often in the shape of a lion, a bull, or an elephant.", None, "bull"),
        ("Seals were often in the shape of a lion, a bull or even an elephant.", None, "lion"),
        ("Seals were often in the shape of the lion, the bull or the elephant.", None, "lion"),
        ("The king spoke in front of perhaps 1,000 to 1,300 men (numbers are disputed).", None,
         "men"),
        ("The lord of the manor might be a knight, a nobleman, a bishop or an abbey.", None,
         "nobleman"),
    ],
)  # fmt: skip
def test_what_hostile_pass_52_found_in_lists_and_asides(
    sentence: str, wanted: tuple[str, str] | None, unwanted: str | None
) -> None:
    """Hostile pass 52: the rest of a list of kinds was refused where it glosses a word ("a
    cacique, a chief or a lord"), and kept after an Oxford comma, "or even" or "the"; "(numbers
    are disputed)" was a definition."""
    found = [(t, d) for t, d, _ in defined_terms(sentence)]
    assert wanted is None or wanted in found, found
    assert unwanted is None or unwanted not in [t for t, _ in found], found


def test_a_rank_of_two_words_is_left_out_of_the_other_name() -> None:
    """Hostile pass 52: "Major General George B. McClellan" had the other name "General George
    B. McClellan", and "Commodore John D. Sloat" his twice."""
    found = defined_terms(
        "Major General George B. McClellan, commander of the Army of the Potomac, was slow."
    )
    assert found == [
        ("Major General George B. McClellan", "commander of the Army of the Potomac",
         ("George B. McClellan",)),
    ]  # fmt: skip
    sloat = defined_terms("Commodore John D. Sloat, commander of the Pacific Squadron, landed.")
    assert [names for *_, names in sloat] == [("John D. Sloat",)]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The Scottish royal motto Nemo me impune lacessit (no one provokes me with impunity) "
         "appears on the Order of the Thistle.", "Nemo me impune lacessit"),
        ("The Buddha gained enlightenment under a pipal (fig tree) at Bodh Gaya.", "pipal"),
        ("British settlers treated Australia as terra nullius (no man's land), ignoring "
         "Aboriginal ownership.", "terra nullius"),
        ("Tribune, the Labour left's weekly paper, was founded in 1937 by Stafford Cripps.",
         "Tribune"),
        ("Sir Orfeo, a Breton lay of the early fourteenth century, retells the story of "
         "Orpheus.", "Sir Orfeo"),
        ("The Coterie, an Edwardian set of young aristocrats, lost many of its members on the "
         "Western Front.", "Coterie"),
        ("The serrula, a Roman saw with a fine blade, was used to cut bone and ivory.",
         "serrula"),
        ("The Domesday Book, a survey historians have studied for centuries, recorded 13,418 "
         "places.", "Domesday Book"),
    ],
)  # fmt: skip
def test_what_hostile_pass_53_found_in_brackets_and_appositives(sentence: str, wanted: str) -> None:
    """Hostile pass 53: a bracket opening "no" or "fig" without a dot read as a catalogue's
    number, a noun after a name ("the Left", "a lay", "a set", "a saw") read as its verb, and
    "have" in a reduced relative clause read as a main clause — real definitions lost."""
    assert wanted in [t for t, _, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "unwanted"),
    [
        ("In June 1381 the rebels – led by Wat Tyler – burned legal records and tax rolls.",
         "Wat Tyler"),
        ("Every Roman soldier carried a gladius, a pilum and a scutum.", "gladius"),
        ("During his last crusade, the King died at Tunis, probably of dysentery.",
         "last crusade"),
    ],
)  # fmt: skip
def test_what_hostile_pass_53_found_false(sentence: str, unwanted: str) -> None:
    """Hostile pass 53: a past verb and its plural object after a closing dash read as a
    definition (the participle and two words between dashes was taken back), three things
    joined by "and" read as a gloss, "the King died at Tunis" read as what a crusade is."""
    assert unwanted not in [t for t, _, _ in defined_terms(sentence)]


def test_a_marked_name_after_a_date_and_an_office_s_place_are_defined() -> None:
    """A name set in bold after the date that opens its sentence is the subject an appositive
    follows, as it is unmarked; an appositive that says what a place or a body is after an
    office of it is the place's ("Governor of New South Wales, the British colony …"), not the
    office's — but "Governor of Bengal, a post he held" is the office."""
    drafted = draft_terms(["In 1801 **William Hutton**, a 78-year-old Birmingham bookseller, "
                           "walked the whole length of the Wall."])  # fmt: skip
    assert [(t.term, t.definition) for t in drafted] == [
        ("William Hutton", "a 78-year-old Birmingham bookseller")
    ]
    bligh = "In 1806 Bligh became Governor of New South Wales, the British colony in Australia."
    assert [(t, d) for t, d, _ in defined_terms(bligh)] == [
        ("New South Wales", "the British colony in Australia")
    ]
    banks = "Banks became President of the Royal Society, Britain's leading scientific society."
    assert "Royal Society" in [t for t, _, _ in defined_terms(banks)]
    bengal = "In 1772 he became Governor of Bengal, a post he held until 1785."
    assert [t for t, _, _ in defined_terms(bengal)] == ["Governor of Bengal"]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("In 1910 Woodrow Wilson, President of Princeton, a former professor at the university, "
         "was elected governor of New Jersey.", "President of Princeton"),
        ("Cecil Rhodes, Prime Minister of the Cape Colony, a diamond magnate whose company "
         "controlled Kimberley, planned a railway.", "Prime Minister of the Cape Colony"),
        ("In May 1915 Churchill was demoted to Chancellor of the Duchy of Lancaster, a minor "
         "office of state with no department.", "Chancellor of the Duchy of Lancaster"),
        ("From August 1942 the Germans fought the Battle of Stalingrad, a five-month struggle "
         "for the city.", "Battle of Stalingrad"),
    ],
)  # fmt: skip
def test_what_hostile_pass_54_found_in_offices(sentence: str, wanted: str) -> None:
    """Hostile pass 54: an appositive about an office or a battle that names a city, a colony or
    a state further on ("a five-month struggle for the city", "a minor office of state") read
    as saying what the place is — the place's noun must head the appositive. (Since batch 42
    an office after a person's name says who they are: "Woodrow Wilson, President of
    Princeton," gives Wilson by his office, not the office by the next appositive.)"""
    found = defined_terms(sentence)
    terms = [t for t, _, _ in found]
    place = wanted.rsplit(" of ", 1)[-1].removeprefix("the ")  # "Cape Colony", "Stalingrad"
    assert wanted in terms + [d for _, d, _ in found] and place not in terms, found


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The torpedo struck the starboard (right-hand) side of the ship.",
         [("starboard", "right-hand")]),
        ("U-20, commanded by Kapitänleutnant (Lieutenant-Commander) Walther Schwieger, was "
         "nearby.", [("Kapitänleutnant", "Lieutenant-Commander")]),
        ("Meri Te Tai Mangakāhia, of the iwi (tribe) Te Rarawa, spoke.", [("iwi", "tribe")]),
        # … not a name's other name, its letters or its last word
        ("The Thukela (Tugela) River marked the border.", []),
        ("They met at the Rua do Ouro (Gold Street) for goldsmiths.", []),
        ("The Economic Co-operation Administration (ECA) ran the plan.", []),
    ],
)  # fmt: skip
def test_a_word_glossed_in_brackets_inside_its_phrase(
    sentence: str, wanted: list[tuple[str, str]]
) -> None:
    """Batch 39: "the starboard (right-hand) side", "Kapitänleutnant (Lieutenant-Commander)
    Walther Schwieger" — a word glossed in brackets with its phrase going on after them."""
    assert [(t, d) for t, d, _ in defined_terms(sentence) if (t, d) in wanted or t in
            ("Thukela", "Tugela", "Ouro", "Administration")] == wanted  # fmt: skip


def test_an_address_or_a_date_is_no_definition() -> None:
    """A teacher's read of batch 39: "Dr Helen Maseko" defined as her email address (item 1 of
    a matching exercise) and "Kalends of November" as "17 October"."""
    assert defined_terms("Module convenor: Dr Helen Maseko (h.maseko@westbridge.ac.uk).") == []
    said = "It was dated to the sixteenth day before the Kalends of November, that is, 17 October."
    assert "Kalends of November" not in [t for t, _, _ in defined_terms(said)]


def test_what_hostile_pass_55_found_in_offices() -> None:
    """Hostile pass 55: an office's appositive that names a party, a union or a company before
    its head noun ("a trade union leader") read as what the place is."""
    said = ("In 1940 Churchill made Ernest Bevin Minister of Labour, a trade union leader who had "
            "never sat in Parliament.")  # fmt: skip
    assert "Labour" not in [t for t, _, _ in defined_terms(said)]


def test_a_key_line_s_meaning_gives_no_common_word_of_its_own() -> None:
    """Batch 39, tuned on: a sidebar's key terms gave "sturdy" (of "a broad, sturdy,
    three-masted sailing ship"), "faster ship" and "this type" as terms of their own: a word of
    a list of modifiers in a key line's meaning is none (hostile pass 56: a word it glosses is
    one: "worked by villeins, peasants who …")."""
    cases = {
        "*Nao* – a broad, sturdy, three-masted sailing ship built to carry cargo on long voyages; "
        "English sailors called this type a carrack.": ["Nao"],
        "*Caravel* – a smaller, lighter and faster ship, often used for exploring coasts.": [
            "Caravel"
        ],
        "Janissaries: the elite infantry of the Ottoman army, recruited as boys through the "
        "devshirme, a levy of Christian children from the Balkans.": ["Janissaries", "devshirme"],
        "Inquisition – a Church court that investigated and punished heresy, that is, beliefs "
        "the Church judged to be false.": ["Inquisition", "heresy"],
        "Musket: a heavy, smooth-bored gun fired from the shoulder, slower to load than a bow.": [
            "Musket"
        ],
        # … hostile pass 56: a word the meaning glosses stays
        "Manor – the estate of a lord, worked by villeins, peasants who owed him labour.": [
            "Manor",
            "villeins",
        ],
        "Pilgrimage – a journey to a holy place such as a shrine, the tomb of a saint.": [
            "Pilgrimage",
            "shrine",
        ],
        "Indulgence – a pardon for sins, sold by pardoners, or licensed sellers, across Europe.": [
            "Indulgence",
            "pardoners",
        ],
        "Enclosure – fencing off common land (fields, meadows and woods that every villager could "
        "use) for a landlord's sheep.": ["Enclosure", "common land"],
    }
    for sentence, wanted in cases.items():
        assert sorted(t for t, _, _ in defined_terms(sentence)) == sorted(wanted), sentence


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("That morning, the first immigrant to be registered was Annie Moore, a "
         "seventeen-year-old from County Cork.", ["Annie Moore"]),
        # … an opening's word that the words after define stays (hostile pass 57: a place's
        # too, so "Below the village, the railway's viaduct …" is left)
        ("Inside the keep, the strongest tower of the castle, the lord kept his treasure.",
         ["keep"]),
        ("In a pronunciamiento, a form of coup with a long history in Spain, officers declared "
         "against the government.", ["pronunciamiento"]),
        ("This was the line inspection, a rapid look-over that lasted only a few seconds.",
         ["line inspection"]),
        ("The following year two fangshi, or masters of techniques, sailed east.", ["fangshi"]),
    ],
)  # fmt: skip
def test_the_time_a_sentence_opens_with_is_no_term(sentence: str, wanted: list[str]) -> None:
    """Batch 40, measured blind: "morning" was drafted as a term, defined by the subject of the
    sentence its opening phrase led into ("That morning, the first immigrant …")."""
    assert [t for t, _, _ in defined_terms(sentence)] == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The name comes from Old Norse vápnatak, 'weapon-taking'.", "vápnatak"),
        ("The Cid's title comes from the Arabic sayyid, 'lord'.", "sayyid"),
        ("Such an assembly the Scandinavians called a thing (Old Norse þing): a gathering of the "
         "free men of a district.", "þing"),
        # … a name that holds a language's adjective keeps it
        ("The Arabic pledge, the promise that liners would not be sunk without warning, held.",
         "Arabic pledge"),
        ("The Swahili coast, the East African shore where Muslim trading towns stood, traded "
         "with India.", "Swahili coast"),
    ],
)  # fmt: skip
def test_a_word_from_another_language_is_the_term_without_the_language(
    sentence: str, wanted: str
) -> None:
    """Batch 40, measured blind: "Old Norse vápnatak", "Arabic sayyid" and "a thing" (= "Old
    Norse þing") were drafted as terms; the word is the term, its language no part of it."""
    assert [t for t, _, _ in defined_terms(sentence)] == [wanted]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Tsar – Russian emperor.", ["Tsar"]),
        ("Kaiser: German emperor.", ["Kaiser"]),
        ("Many soldiers died from Spanish flu, an influenza that killed millions in 1918–19.",
         ["Spanish flu"]),
        ("Janissaries – soldiers recruited through the devshirme, that is, a levy of Christian "
         "boys from the Balkans.", ["Janissaries", "devshirme"]),
        ("Feudalism – a system linking the king, barons and vassals, a name for those who held "
         "land in return for service.", ["Feudalism", "vassals"]),
        ("Shire reeve – the king's officer in a county, the sheriff, that is, the man who "
         "collected royal taxes.", ["Shire reeve", "sheriff"]),
        ("Rodrigo Díaz de Vivar was known as El Cid, from the Arabic sayyid, 'lord'.",
         ["El Cid", "sayyid"]),
    ],
)  # fmt: skip
def test_what_hostile_pass_57_found_in_terms(sentence: str, wanted: list[str]) -> None:
    """Hostile pass 57 on the language and key-line rules: "Russian emperor" was no meaning
    (only a word of another alphabet's letters, "Old Norse þing", is the word in its
    language), "died from Spanish flu" lost "Spanish", and "the devshirme, that is", "barons
    and vassals" and "the sheriff, that is" were read as lists of modifiers."""
    assert sorted(t for t, _, _ in defined_terms(sentence)) == sorted(wanted)


def test_a_meaning_is_read_to_its_noun_and_without_that_is() -> None:
    """A teacher's read of batch 40: "longship" was defined as "a long" (a list of modifiers
    cut at its first comma) and "clinker-built" as "that is, made of overlapping planks …"."""
    found = {
        t: d
        for t, d, _ in defined_terms(
            "Shipwrights were building the longship, a long, narrow, shallow-draught vessel "
            "with a square sail and oars, clinker-built (that is, made of overlapping planks "
            "riveted together), which could be sailed or rowed."
        )
    }
    assert found["longship"] == "a long, narrow, shallow-draught vessel with a square sail and oars"
    assert found["clinker-built"] == "made of overlapping planks riveted together"


@pytest.mark.parametrize(
    ("sentence", "term", "wanted"),
    [
        ("Harold Godwinson, an earl, was crowned king in January 1066.", "Harold Godwinson",
         "an earl"),
        ("Alcuin, a scholar, teacher and poet from York, served Charlemagne.", "Alcuin",
         "a scholar"),
    ],
)  # fmt: skip
def test_what_hostile_pass_59_found_in_meanings(sentence: str, term: str, wanted: str) -> None:
    """Hostile pass 59: a meaning cut at its first comma was read on into the sentence ("an
    earl, was crowned king in"); only a list of three modifiers or more is read to its noun."""
    assert {t: d for t, d, _ in defined_terms(sentence)}[term] == wanted


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Y-12 used calutrons, electromagnetic separators developed by Ernest Lawrence at "
         "Berkeley, to separate the isotopes.", "calutrons"),
        ("Within a few years tribunals – local courts of the Inquisition – had been set up in "
         "Córdoba and Toledo.", "tribunals"),
        ("Contemporaries simply called them gafol, the tribute paid to the raiders.", "gafol"),
        # … but a span of time that is the term's head stays
        ("Cromwell cut the number of holy days – saints' days when people did not work.",
         "holy days"),
    ],
)  # fmt: skip
def test_a_term_without_the_word_before_it(sentence: str, term: str) -> None:
    """Batch 41, second look: a verb, a pronoun or a span of time before a term was taken as
    part of it ("Y-12 used calutrons", "them gafol", "years tribunals"). (Describing words —
    "a giant | trebuchet", "clever | propaganda" — were taken back: hostile pass 63 found
    "massive retaliation", "cheap labour" and "giant elk" cut.)"""
    assert term in [t for t, _, _ in defined_terms(sentence)]


def test_no_gloss_from_a_number() -> None:
    """Batch 41, a teacher's read: "feet: roughly 1" was a glossary entry."""
    sentence = (
        "(A nautical mile, the unit of distance used at sea, is about 6,080 feet, or roughly "
        "1.15 ordinary miles.)"
    )
    assert "feet" not in [term for term, _, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "term", "meaning"),
    [
        ("The taille, a land tax paid by peasants but, crucially, not by nobles, was the "
         "heaviest burden.", "taille", "a land tax paid by peasants"),
        ("Life centred on the manor, an estate held by a lord or, sometimes, by an abbey, which "
         "had its own court.", "manor", "an estate held by a lord"),
    ],
)  # fmt: skip
def test_a_meaning_cut_at_an_aside_loses_its_and(sentence: str, term: str, meaning: str) -> None:
    """Hostile pass 64: a meaning cut where an aside opens after "and", "or" or "but" ("a land
    tax paid by peasants but, crucially, …") had kept the word; dropping such meanings, as
    batch 41's read first had it, lost the terms."""
    assert (term, meaning) in [(t, d) for t, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Eisenhower adopted massive retaliation – the threat to answer any Soviet attack with "
         "nuclear weapons.", "massive retaliation"),
        ("Mill owners relied on cheap labour – workers, often women and children, paid far less "
         "than the going rate.", "cheap labour"),
        ("Ice Age hunters in Ireland killed the giant elk, a deer whose antlers measured more "
         "than three metres across.", "giant elk"),
        ("The recruiting campaign, called Your Country Needs You, brought in 750,000 volunteers.",
         "Your Country Needs You"),
    ],
)  # fmt: skip
def test_what_hostile_pass_63_found_in_terms(sentence: str, term: str) -> None:
    """Hostile pass 63: describing words ("massive", "cheap", "giant") that are part of a term
    were cut off it, and "You" off a campaign's name; they are the term's again."""
    assert term in [t for t, _, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    ("sentence", "term", "meaning"),
    [
        ("Across the water is Dartmouth, then a separate town of a few thousand people.",
         "Dartmouth", "then a separate town of a few thousand people"),
        ("In July 1939 they drove out to see Albert Einstein, then the most famous scientist "
         "in the world, at his summer cottage.", "Albert Einstein",
         "then the most famous scientist in the world"),
        ("The Sicilian Greeks under Gelon, tyrant of Syracuse, defeated a Carthaginian army.",
         "Gelon", "tyrant of Syracuse"),
        ("On 15 April martial law – rule by military authority – was proclaimed.",
         "martial law", "rule by military authority"),
    ],
)  # fmt: skip
def test_what_batch_41_s_second_look_found_in_appositives(
    sentence: str, term: str, meaning: str
) -> None:
    """What a name then was ("Dartmouth, then a separate town"), a tyrant's or a satrap's
    office, and a term after a day without its year ("On 15 April martial law –", read as
    "April martial law") were no definitions."""
    assert (term, meaning) in [(t, d) for t, d, _ in defined_terms(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army took Sardis, then the army marched on to Susa.",
        "They held Paris for a week, then the army withdrew.",
        "Graders went ahead; behind them came the tie crews, then the iron men, who lifted each "
        "rail into place, and finally the gangs who drove the spikes.",
        "If she could be shown to be a witch, then the king she had brought to his crowning "
        "would be shown to owe his crown to the devil.",
    ],
)
def test_what_came_next_is_no_definition(sentence: str) -> None:
    """ "X, then a …" says what X then was, not what happened next or the next of a list."""
    assert not [d for _, d, _ in defined_terms(sentence) if d.startswith("then")]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("He won gold in Seoul, then the silver in Barcelona.", []),
        ("The route north ran through York, then a string of mining villages, then Durham.", []),
        ("They met at Winchester, once a year, to settle the accounts of the estate.", []),
        ("The army would march on Moscow, once the ground froze hard enough for the guns.", []),
        ("After lunch we have Maths, then a spelling test.", []),
        ("Tea, once a luxury for the rich, became the everyday drink of the working class.", []),
        ("“Morning, Sheriff,” said the stranger.", []),
        ("Materials: tailor's chalk, pins and a tape measure", []),
        ("On 11 November at 11 o'clock, the guns fell silent along the Western Front.", []),
        ("On 14 October near Hastings, the two armies met.", []),
        ("The 20 July plot – an attempt by army officers to kill Hitler – failed.",
         [("July plot", "an attempt by army officers to kill Hitler")]),
        ("2 May Morris - embroiderer and designer, daughter of William Morris",
         [("May Morris", "embroiderer and designer, daughter of William Morris")]),
        # … and what a place then was, once was, or was the most of, is still its definition
        ("Winchester, once the capital of Wessex, is now a quiet cathedral city.",
         [("Winchester", "once the capital of Wessex")]),
        ("Lin Zexu arrived in Canton, then the only Chinese port open to Western merchants.",
         [("Canton", "then the only Chinese port open to Western merchants")]),
        ("The relief ship Morning, a converted whaler, reached the hut.",
         [("Morning", "a converted whaler")]),
    ],
)  # fmt: skip
def test_what_hostile_pass_66_found(sentence: str, wanted: list[tuple[str, str]]) -> None:
    """Hostile pass 66 (275 cases, 97 worse): "X, then a …" read as what X then was had
    given the next of a sequence ("Seoul, then the silver"), how often ("once a year"), what
    followed ("once the ground froze") and a timetable ("Maths, then a spelling test"); it
    is now read only when it says a place, a rank, a role or the most of something, with no
    verb of its own. A speaker's greeting ("Morning, Sheriff") was a term; "tailor's chalk"
    a person's role; a day's month dropped from a name ("The 20 July plot" gave "plot"); and
    "On 11 November at 11 o'clock," a subject. (A dash typed as " -- " reads as any dash
    does, its entries those of "—": the pass's ten "worse" cases draft so with "—" too.)"""
    assert _drafted(sentence) == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("On Sunday 3 September evacuation – the moving of children out of the cities – began.",
         [("evacuation", "the moving of children out of the cities")]),
        ("On the night of 9 November Kristallnacht – the Night of Broken Glass – began.",
         [("Kristallnacht", "the Night of Broken Glass")]),
        ("Pearl Harbor, then the main base of the US Pacific Fleet, was attacked in 1941.",
         [("Pearl Harbor", "then the main base of the US Pacific Fleet")]),
        ("Marie Curie, then a student at the Sorbonne, lived in a cold attic.",
         [("Marie Curie", "then a student at the Sorbonne")]),
    ],
)  # fmt: skip
def test_what_hostile_pass_67_found_in_terms(sentence: str, wanted: list[tuple[str, str]]) -> None:
    """Hostile pass 67: a day's month stayed in a term after a weekday or "the night of"
    ("September evacuation"), and what a name then was was lost where its noun was a base, a
    power, a student or a prisoner (pass 66's mend had listed too few)."""
    assert _drafted(sentence) == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The failed 20 July plot – an attempt to kill Hitler – collapsed within hours.",
         [("July plot", "an attempt to kill Hitler")]),
        ("Castro's 26 July Movement, a revolutionary organisation, took power in 1959.",
         [("July Movement", "a revolutionary organisation")]),
        ("Between 9 and 10 November Kristallnacht – the Night of Broken Glass – swept Germany.",
         [("Kristallnacht", "the Night of Broken Glass")]),
        ("He served at Pearl Harbor, then a base on Guam.", []),
        ("Kennedy spoke in Houston, then a power station in Texas.", []),
        ("Zanzibar, then a sultanate under British protection, fought the shortest war in "
         "history.", [("Zanzibar", "then a sultanate under British protection")]),
    ],
)  # fmt: skip
def test_what_hostile_pass_68_found_in_terms(sentence: str, wanted: list[tuple[str, str]]) -> None:
    """Hostile pass 68: a day's month was dropped from a name after any word ("The failed 20
    July plot" gave "plot", "Castro's 26 July Movement" nothing), and pass 67's nouns made
    the next stop a definition ("Pearl Harbor, then a base on Guam"); those nouns say what a
    name then was only of the name a sentence opens with."""
    assert _drafted(sentence) == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # a role, an office or kin before a name, and a name with its Arabic article
        ("The Templar Grand Master, William of Beaujeu, was mortally wounded.",
         [("William of Beaujeu", "The Templar Grand Master")]),
        ("The Inquisitor of France, Jean Bréhal, gathered the evidence.",
         [("Jean Bréhal", "The Inquisitor of France")]),
        ("The last Abbasid caliph, al-Mutawakkil III, was taken to Istanbul.",
         [("al-Mutawakkil III", "The last Abbasid caliph")]),
        ("Aybak's young son, al-Mansur Ali, was made sultan.",
         [("al-Mansur Ali", "Aybak's young son")]),
        ("One boat, Noah's Ark, carried a cargo of animals and birds from the West.",
         [("Noah's Ark", "One boat")]),
        # an office after a name is who they were; a peer's title is part of the name
        ("In 1869 Félix Dupanloup, Bishop of Orléans, asked Rome to open the cause.",
         [("Félix Dupanloup", "Bishop of Orléans")]),
        ("It was presided over by Pierre Cauchon, Bishop of Beauvais, a loyal supporter of "
         "the English cause.", [("Pierre Cauchon", "Bishop of Beauvais")]),
        ("John Churchill, Duke of Marlborough, won at Blenheim.", []),
        # a name with its father's, and the name a dash's words say
        ("That summer Eleazar son of Ananias, the captain of the Temple - the priest in charge "
         "of order in the sanctuary - persuaded the priests to stop.",
         [("Eleazar son of Ananias", "the captain of the Temple"),
          ("Temple", "the priest in charge of order in the sanctuary")]),
        ("His mother came from a noble Nabataean family - the Nabataeans were the Arab people "
         "whose capital was Petra - and many never accepted him.",
         [("Nabataeans", "the Arab people whose capital was Petra")]),
        # an appositive after an opening's name, before the main clause
        ("During Reconstruction (1865-1877), the period when the federal government tried to "
         "rebuild the South, Black men voted and held office.",
         [("Reconstruction", "the period when the federal government tried to rebuild the "
           "South")]),
        # what people call a thing, and what they call what the words before told
        ("They left behind great heaps of shell that archaeologists call shellmounds.",
         [("shellmounds", "great heaps of shell")]),
        # … but what "geologists call this" is no term glossed (pass 71: "– we call this
        # progress –", "– historians call this attrition –" after one happening), nor the word
        # before the dash
        ("In the shaking, waterlogged fill behaves almost like a liquid – geologists call this "
         "liquefaction – and buildings sank.", []),
        ("The word mamluk is Arabic and means “one who is owned”.",
         [("mamluk", "“one who is owned”")]),
        # kin after "to", a name with its epithet, an office held then, a one-word place
        ("The two crowns passed to Henry VI, son of the one and grandson of the other, who "
         "was not yet a year old.", [("Henry VI", "son of the one and grandson of the other")]),
        ("His son and heir, Philip the Good, threw the power of Burgundy behind the English.",
         [("Philip the Good", "His son and heir")]),
        ("In 1803 Napoleon Bonaparte, then First Consul, approved the revival of the festival.",
         [("Napoleon Bonaparte", "then First Consul")]),
        ("Their headquarters, Alamut, surrendered late in 1256.",
         [("Alamut", "Their headquarters")]),
        ("He sailed to Naples, capital of the kingdom.", []),
        ("In the capital, Paris, crowds gathered.", []),
    ],
)  # fmt: skip
def test_what_batch_42_taught(sentence: str, wanted: list[tuple[str, str]]) -> None:
    """Batch 42, read once it had been measured blind (twice): a role before a name was read
    only with a comma and an office the rules knew ("Grand Master", "Inquisitor" were not),
    a name with "al-" as a description of the role before it, and an office after a name as
    part of the name ("Bishop of Orléans"); a name lost its father's ("Ananias" for "Eleazar
    son of Ananias"); "that archaeologists call" and "is Arabic and means" named nothing, and
    "– geologists call this liquefaction –" glossed the word before the dash."""
    assert _drafted(sentence) == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # a plural said to be what it is with its adjectives, or with what raised it
        ("Mortars are short, wide-mouthed guns that lob explosive shells high into the air.",
         [("Mortars", "short, wide-mouthed guns that lob explosive shells high into the air")]),
        ("Rangers were irregular soldiers recruited in the American colonies.",
         [("Rangers", "irregular soldiers recruited in the American colonies")]),
        ("Even this bread was partly made of fillers such as cellulose.", []),
        ("(Haughs are flat meadows beside a river.)", [("Haughs", "flat meadows beside a river")]),
        ("Miscreants are wrongdoers or villains.", [("Miscreants", "wrongdoers or villains")]),
        ("The rebels were peasants or artisans.", []),
        # "To X means to …", a quoted phrase's meaning
        ("To extirpate means to destroy completely, to root out.",
         [("extirpate", "to destroy completely, to root out")]),
        ("'Under seventy' means everyone younger than seventy years of age.",
         [("Under seventy", "everyone younger than seventy years of age")]),
        ("\"Liberty\" meant different things to different people.", []),
        # a name with its initials; the word after "that" is a verb, not the term's
        ("It belonged to the U.S. Life-Saving Service, the government service whose crews "
         "rescued sailors.", [("U.S. Life-Saving Service",
                               "the government service whose crews rescued sailors")]),
        ("You need wings that produce lift, the upward force that holds the machine up.",
         [("lift", "the upward force that holds the machine up")]),
        # a place after a preposition opening the sentence
        ("Near Alamut, a fortress in the Elburz mountains, the Assassins had their base.",
         [("Alamut", "a fortress in the Elburz mountains")]),
        ("Inside the keep, the strongest tower of the castle, the lord kept his treasure.",
         [("keep", "the strongest tower of the castle")]),
        # … but the appositive after it may say who the subject is (hostile pass 73)
        ("Near Verdun, the French commander, Pétain, organised the defence.",
         [("Pétain", "the French commander")]),
        ("Beyond the Danube, the border of the Roman Empire, lived the Goths.",
         [("Danube", "the border of the Roman Empire")]),
        # hostile pass 73: a verb's "that" before a term; some people, not a kind; slogans,
        # answers and what doing a thing meant then
        ("He argued that free trade, the removal of tariffs, would make Britain rich.",
         [("free trade", "the removal of tariffs")]),
        ("The casualties were mostly conscripts sent to the front in the last months.", []),
        ("The pilots were young men trained in Canada under the Empire Air Training Scheme.",
         []),
        ("'Remember the Alamo' meant revenge for the men who died there.", []),
        ("'Yes' meant war.", []),
        ("To fail meant to starve.", []),
    ],
)  # fmt: skip
def test_what_batch_43_taught(sentence: str, wanted: list[tuple[str, str]]) -> None:
    """Batch 43, read once it had been measured blind: "Mortars are short, wide-mouthed guns
    …" and "Rangers were irregular soldiers recruited in …" were not read as what they are,
    "To extirpate means …" and "'Under seventy' means …" named nothing, "the U.S. Life-Saving
    Service" lost its "U.S.", "wings that produce lift, the upward force …" glossed "produce
    lift", and "Opposite the Ardennes, a region …" was a term."""
    assert _drafted(sentence) == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Her master, Dr. James Norcom, pursued her for seven years.",
         [("Dr. James Norcom", "Her master")]),
        ("The hotel porter, Arthur, carried their bags up to the room.", []),
        ("The plaintiff, Nicaragua, argued that the United States had broken the law.", []),
        ("Mary, Queen of Scots, was executed at Fotheringhay in 1587.", []),
        ("Llywelyn ap Gruffudd, Prince of Wales, was killed in 1282.",
         [("Llywelyn ap Gruffudd", "Prince of Wales")]),
        ("Odo, Bishop of Bayeux, probably ordered the Bayeux Tapestry.",
         [("Odo", "Bishop of Bayeux")]),
        ("A Huguenot family – the Huguenots were French Protestants – settled in Spitalfields.",
         [("Huguenots", "French Protestants")]),
        ("After the battle, a bloody affair, French soldiers looted the town.", []),
        ("The Spanish priests destroyed customs which the settlers called barbaric.", []),
        ("The settlers ploughed the grass – we call this progress – without a thought.", []),
        ("The tactic which the Germans called Blitzkrieg relied on tanks and aircraft.",
         [("Blitzkrieg", "The tactic that relied on tanks and aircraft")]),
        ("The miners joined the strike which the dockers called last week.", []),
        ("The word Reich is German and means empire, but Hitler used it to mean much more.",
         [("Reich", "empire")]),
        ("The Master Mason James of St George built the castle at Harlech.", []),
        ("The Judge Advocate General, Joseph Holt, prosecuted the conspirators.", []),
        ("The English Cardinal Thomas Wolsey fell from power in 1529.",
         [("Thomas Wolsey", "The English Cardinal")]),
        # … and a name in italics after what it is
        ("The famous novel, *Uncle Tom's Cabin*, sold 300,000 copies in its first year.",
         [("Uncle Tom's Cabin", "The famous novel")]),
    ],
)  # fmt: skip
def test_what_hostile_pass_70_found_in_terms(sentence: str, wanted: list[tuple[str, str]]) -> None:
    """Hostile pass 70 (306 cases against batch 42's rules, 36 worse): "Dr." and "Mr." ended
    a name ("Dr"); a capitalised office before a name ran into it ("Mason James of St
    George", "Advocate General"); a state or a first name alone was a plaintiff or a porter;
    a king's or queen's title of a place after a first name was read as who they were
    ("Mary — Queen of Scots"); "the Romans were careful builders" glossed the Romans; an
    appositive after "After the battle" defined the battle; "customs which the settlers
    called barbaric", "the strike which the dockers called last week" and "we call this
    progress" named something; "The tactic which the Germans called Blitzkrieg" lost its
    entry; "means empire, but …" ran on."""
    assert _drafted(sentence) == wanted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The old colonial master, France, kept troops in many of its former colonies.", []),
        ("The defendant, New Jersey, argued that the search was reasonable.", []),
        ("The abolitionist Quakers petitioned Congress to end the slave trade.", []),
        ("The Mayor Richard J. Daley Center was renamed in his honour.", []),
        ("The Khan al-Khalili Bazaar has been Cairo's main market since the Mamluks.", []),
        ("Jesus Christ, Prince of Peace, is shown in the centre of the window.", []),
        ("Chamberlain signed an agreement that historians often call a mistake.", []),
        ("He was a strange man that people called crazy.", []),
        ("The people that the Europeans called savages farmed maize, beans and squash.", []),
        ("The army lost 20,000 men in a single day – historians call this attrition – and "
         "gained nothing.", []),
        ("The Ohlone built large mounds of burned shell that archaeologists call middens.",
         [("middens", "large mounds of burned shell")]),
        ("The new royal badge, known as the Tudor rose, combined the red rose of Lancaster and "
         "the white rose of York.", [("Tudor rose", "The new royal badge")]),
        ("Bevan led a faction known as the Labour left against Gaitskell.",
         [("Labour left", "a faction")]),
    ],
)  # fmt: skip
def test_what_hostile_pass_71_found_in_terms(sentence: str, wanted: list[tuple[str, str]]) -> None:
    """Hostile pass 71 (277 cases against the mends of pass 70, 67 worse): a state or a body
    was a "colonial master" or a "defendant"; "abolitionist" before a plural or a place, an
    office before a building's name ("The Mayor Richard J. Daley Center") and "Prince of
    Peace" read as who someone was; what colonists, villagers or Europeans called a thing, and
    a historian's judgement ("a mistake"), made terms; "– historians call this attrition –"
    defined a word by one day's happening; "burned shell" was cut at its adjective; a past
    tense that is a noun ("the Tudor rose", "the Labour left") was dropped from a name."""
    assert _drafted(sentence) == wanted
