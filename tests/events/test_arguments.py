"""Source and target finding (`events.arguments`) on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.actors.coder import code_actors
from eventwire.events.arguments import find_arguments
from eventwire.model import Article
from eventwire.nlp.parse import parse
from eventwire.spans import actor_index


@pytest.fixture(scope="module")
def arguments(ctx):
    """Return (source codes, target codes) of the trigger word in a text, codes as "ISO3SECTOR"."""

    def run(text: str, trigger: str) -> tuple[set[str], set[str]]:
        article = code_actors(parse(Article(id="test", text=text), ctx), ctx)
        token = next(token for token in article.doc if token.text == trigger)
        sources, targets = find_arguments(token, actor_index(article.actors))
        return {a.code for a in sources}, {a.code for a in targets}

    return run


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # issue 11: the possessor of an act done to someone is its target, not its doer
        ("Protesters mourned the Iranian general's assassination.", "assassination", (set(), {"IRNMIL"})),
        ("Crowds gathered after the Egyptian minister's arrest.", "arrest", (set(), {"EGYGOV"})),
        ("Israel's airstrike hit the port.", "airstrike", ({"ISRMIL"}, set())),
        # a verb the tagger read as a noun keeps its subject ("talks" in a photo caption)
        ("Afghan Foreign Minister Salahuddin Rabbani, right, talks with Pakistan's Foreign Minister Sartaj Aziz, left,"
         " in Islamabad.", "talks", ({"AFGGOV"}, {"PAKGOV"})),
        # the subject of a demanded clause is the target, not what the clause is about
        ("Japan demanded that China release the fishermen to Taiwan.", "demanded", ({"JPN"}, {"CHN"})),
        # a threat falls on the party the condition names
        ("Iran threatened to close the strait unless Britain released the tanker.", "threatened",
         ({"IRN"}, {"GBR"})),
        # a stance phrase names the target; the place phrase of the object does not
        ("Crowds blocked streets in Minsk in defiance of Russian troops.", "blocked",
         ({"BLRCVL"}, {"RUSMIL"})),
        # without another target, the place the event happens in stands for it
        ("Thousands of Kenyans demonstrated in Nairobi.", "demonstrated", ({"KENCVL"}, {"KEN"})),
        ("Rebels shelled a market in Aleppo, Syria.", "shelled", ({"SYRREB"}, {"SYR"})),
        ("The European Union agreed to open an office in Tokyo.", "agreed", ({"IGO"}, {"JPN"})),
        # a passive clause passes its agent to a participle, never the reporter
        ("A camp was attacked by Sudanese militiamen, killing ten people, the agency said.", "killing",
         ({"SDNREB"}, {"SDNCVL"})),
        # a stance participle keeps its subject as the source
        ("Egypt is opposed to Turkish mediation.", "opposed", ({"EGY"}, {"TUR"})),
        # conjoined objects deep in a phrase are all targets; a venue is none
        ("The European Union will provide millions of dollars of aid for Poland and Hungary.", "provide",
         ({"IGO"}, {"POL", "HUN"})),
        ("Chinese diplomats held talks with Vietnamese officials at a dinner hosted by the Thai ambassador.",
         "talks", ({"CHNGOV"}, {"VNMGOV"})),
        # a route names both ends
        ("Angry farmers blocked the bridge spanning the river from Spain to Portugal.", "blocked",
         ({"AGR"}, {"ESP", "PRT"})),
        # a bomb that acts stands for an unidentified attacker; its country is the event's place's,
        # which the location stage gives (tests/places/test_locate.py)
        ("A roadside bomb killed three soldiers in Kandahar, Afghanistan.", "killed", ({"AFGUAF"}, {"AFGMIL"})),
        ("The mayor was killed in a car bomb explosion in Baghdad.", "killed", ({"UAF"}, {"IRQGOV"})),
        # the noun an -ing participle modifies is its agent
        ("Lebanese protesters demonstrating against the government blocked the road.", "demonstrating",
         ({"LBNCVL"}, {"LBNGOV"})),
        # the parties of a symmetric event: the first is the source
        ("Clashes erupted between Kenyan police and Somali militants.", "Clashes", ({"KENCOP"}, {"SOMREB"})),
        ("A clash between Chadian soldiers and Sudanese rebels was reported.", "clash", ({"TCDMIL"}, {"SDNREB"})),
        # "staged" (lemmatised "stag") is a light verb whose subject acts
        ("Nigerian health workers staged a protest.", "protest", ({"NGALAB"}, set())),
        # social groups are actors: merchants (BUS), drivers (LAB), women (CVL)
        ("Peruvian merchants protested outside the market.", "protested", ({"PERBUS"}, set())),
        ("Bolivian taxi drivers blocked the road.", "blocked", ({"BOLLAB"}, set())),
        # issue 11: the noun a past participle modifies undergoes the act (a reduced passive)
        ("Syrian civilians killed by Russian airstrikes were buried on Monday.", "killed",
         ({"RUSMIL"}, {"SYRCVL"})),
        ("Two Iraqi soldiers wounded in the blast were taken to hospital.", "wounded", (set(), {"IRQMIL"})),
        # a relative pronoun stands for its noun, not for the actors of its own clause
        ("These attacks by Syrian rebels, which killed Turkish soldiers, shocked Europe.", "killed",
         ({"SYRREB"}, {"TURMIL"})),
        ("In Kenya these attacks, which killed Turkish soldiers, were meant to shock.", "killed",
         (set(), {"TURMIL"})),
        ("Iranian protesters who stormed the Saudi embassy were arrested.", "stormed", ({"IRNCVL"}, {"SAUGOV"})),
        # a participle that qualifies a noun says what befell it; a hyphenated one describes it
        ("Kenyan police led the detained Somali journalists to court.", "detained", (set(), {"SOMJRN"})),
        ("Russian-backed Syrian troops entered the town.", "backed", (set(), set())),
        # a noun predicated of a subject stands for it ("X is the latest country to ...")
        ("Qatar is the third country to expel the Egyptian ambassador.", "expel", ({"QAT"}, {"EGYGOV"})),
        ("Ghana was the first African country to recognise the Libyan government.", "recognise",
         ({"GHA"}, {"LBYGOV"})),
        # a participle coordinated with a passive verb shares its subject and its voice
        ("Ten Egyptian activists were arrested and charged with incitement.", "charged", (set(), {"EGYOPP"})),
        ("Two Kenyan journalists were detained and deported to Somalia.", "deported", (set(), {"KENJRN", "SOM"})),
        # a verb the parser hung on a reported clause goes with the reporting verb, of its tense
        ("The Kenyan government said security is improving and praised Somali troops.", "praised",
         ({"KENGOV"}, {"SOMMIL"})),
        ("The Kenyan government says security is improving and praises Somali troops.", "praises",
         ({"KENGOV"}, {"SOMMIL"})),
        # but a conjunct with its own auxiliary stays in the clause it was coordinated into
        ("Kenya said rebels were fleeing and had attacked Somali troops.", "attacked", ({"REB"}, {"SOMMIL"})),
        # an embassy is where a protest happens when nothing else is its target
        ("Kenyan students demonstrated outside the Somali embassy.", "demonstrated", ({"KENEDU"}, {"SOMGOV"})),
        # an "anti-" modifier in the event's own words names whom it is against
        ("Kenyan students staged an anti-Somali protest in Nairobi.", "protest", ({"KENEDU"}, {"SOM"})),
        ("Kenyan students held a rally with anti-Somali banners in Nairobi.", "rally", ({"KENEDU"}, {"SOM"})),
        ("Anti-Somali Kenyan students marched in Nairobi.", "marched", ({"KENEDU"}, {"KEN"})),
        # a verb that always takes an object, with a subject and none: a headline's or caption's
        # passive, the subject undergoing the act; with its object it is active again
        ("A Kenyan soldier wounded in a bomb attack is helped into a hospital.", "wounded",
         (set(), {"KENMIL"})),
        ("Somali rebels killed in the attack.", "killed", (set(), {"SOMREB"})),
        ("A Kenyan army helicopter shot down and completely destroyed near Kismayo.", "shot", (set(), {"KENMIL"})),
        ("Somali rebels killed and wounded Kenyan soldiers.", "wounded", ({"SOMREB"}, {"KENMIL"})),
        # a relative pronoun stands for its noun, and an apposition's noun for the name it describes
        ("Mourners buried Amina, a Somali student who was shot by Kenyan police.", "shot",
         ({"KENCOP"}, {"SOMEDU"})),
        # a name the recogniser missed is not the person its apposition mentions
        ("Besigye, runner-up in the election to longtime incumbent Yoweri Museveni, was arrested by Kenyan police.",
         "arrested", ({"KENCOP"}, set())),
        # the one an act is done to did what it is done for
        ("Kenyan police arrested three Somali students for protesting outside the ministry.", "protesting",
         ({"SOMEDU"}, set())),
        ("A Somali journalist was jailed by a Kenyan court for insulting the president.", "insulting",
         ({"SOMJRN"}, {"GOV"})),
        # a relative pronoun that is the clause's object stands for the one the act is done to
        ("The Kenyan journalist whom Somali police detained was released on Monday.", "detained",
         ({"SOMCOP"}, {"KENJRN"})),
        ("The Somali rebels that Kenyan troops attacked fled into the forest.", "attacked", ({"KENMIL"}, {"SOMREB"})),
        ("Kenyan shopkeepers will not serve the Somali refugees, whom many blame for the crisis.", "blame",
         (set(), {"SOMREF"})),
        # ... and the one prevented from an act is the one who would have done it
        ("Kenyan police prevented Somali protesters from marching to the embassy.", "marching",
         ({"SOMCVL"}, {"GOV"})),
        # a bare participle completing a passive: its subject undergoes it
        ("The Somali journalist was found shot dead in Nairobi.", "shot", (set(), {"SOMJRN"})),
        # law enforcement is the police
        ("The Somali journalist was detained by Kenyan law enforcement.", "detained", ({"KENCOP"}, {"SOMJRN"})),
        # a subjectless passive clause hung on another: that clause's subject undergoes the act
        ("Somali militants stabbed a guard before being shot dead by Kenyan police.", "shot",
         ({"KENCOP"}, {"SOMREB"})),
        ("Kenyan students marched after being attacked by Somali troops.", "attacked", ({"SOMMIL"}, {"KENEDU"})),
        # an act asked or ordered of someone is that person's to do
        ("The Kenyan minister was asked by Somali officials to resign.", "resign", ({"KENGOV"}, set())),
        # an infinitive on a noun is the act of the noun's owner, not of the clause's subject...
        ("Smuggling grew despite Kenyan efforts to crack down on Somali traders.", "crack",
         ({"KEN"}, {"SOMBUS"})),
        ("Somalia welcomed the Kenyan government's decision to arrest the traders.", "arrest",
         ({"KENGOV"}, {"BUS"})),
        # ... unless the noun hands the act to someone else
        ("Kenyan students ignored the Somali government's call to attack the embassy.", "attack",
         (set(), {"GOV"})),
    ],
)
def test_finds_sources_and_targets(arguments, text, trigger, expected):
    assert arguments(text, trigger) == expected
