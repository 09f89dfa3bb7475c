"""The actor stage on sentences written for these tests, and on the seed article."""

from __future__ import annotations

import pytest

from eventwire.registry import get_coder


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # countries, demonyms, plurals
        ("Iran rejected the proposal on Monday.", "Iran", ("IRN", None)),
        ("The United States rejected the proposal.", "The United States", ("USA", None)),
        ("Britain and Russia rejected the proposal.", "Britain", ("GBR", None)),
        ("Britain and Russia rejected the proposal.", "Russia", ("RUS", None)),
        ("Angry Iranians marched through the capital.", "Angry Iranians", ("IRN", "CVL")),
        # demonym + sector noun
        ("Iraqi security forces arrested three men.", "Iraqi security forces", ("IRQ", "COP")),
        ("Russian troops crossed the river at dawn.", "Russian troops", ("RUS", "MIL")),
        ("Syrian rebels shelled the town.", "Syrian rebels", ("SYR", "REB")),
        # the opposition to a government is that country's opposition, not the government
        ("Opponents of the Venezuelan government marched in Caracas.", "Opponents of the Venezuelan government",
         ("VEN", "OPP")),
        ("Government critics were arrested in Kampala.", "Government critics", ("UGA", "OPP")),
        ("The Turkish parliament approved the deal.", "The Turkish parliament", ("TUR", "LEG")),
        ("A Kenyan judge freed the journalist.", "A Kenyan judge", ("KEN", "JUD")),
        ("Egyptian police dispersed the protesters.", "Egyptian police", ("EGY", "COP")),
        ("Thousands of Chilean students marched.", "Chilean students", ("CHL", "EDU")),
        ("Pakistani lawmakers condemned the raid.", "Pakistani lawmakers", ("PAK", "LEG")),
        ("The Brazilian opposition boycotted the vote.", "The Brazilian opposition", ("BRA", "OPP")),
        ("Nigerian army officers met the governor.", "Nigerian army officers", ("NGA", "MIL")),
        # country name as modifier, possessive, of-object
        ("US warplanes struck the convoy.", "US warplanes", ("USA", "MIL")),
        ("Israel's army fired at the boats.", "Israel's army", ("ISR", "MIL")),
        ("Military forces of Ukraine shelled the village.", "Military forces of Ukraine", ("UKR", "MIL")),
        ("The government of Ethiopia declared a curfew.", "The government of Ethiopia", ("ETH", "GOV")),
        ("Members of the Iraqi parliament walked out.", "Members of the Iraqi parliament", ("IRQ", "LEG")),
        ("Police in Kabul arrested two men.", "Police in Kabul", ("AFG", "COP")),
        ("Troops from Chad arrived on Sunday.", "Troops from Chad", ("TCD", "MIL")),
        ("Regime fighters shelled the village.", "Regime fighters", (None, "MIL")),
        # organisations and groups
        ("Hezbollah fighters fired rockets.", "Hezbollah fighters", ("LBN", "REB")),
        ("NATO warned Moscow on Tuesday.", "NATO", ("IGO", "MIL")),
        ("The Houthis seized a ship.", "The Houthis", ("YEM", "REB")),
        ("Al-Shabaab claimed the attack.", "Al-Shabaab", ("SOM", "REB")),
        ("The Kremlin denied the report.", "The Kremlin", ("RUS", "GOV")),
        ("Houthi forces fired a missile.", "Houthi forces", ("YEM", "REB")),
        # sector nouns without a country stay without one
        ("Protesters blocked the highway.", "Protesters", (None, "CVL")),
        ("The police fired tear gas.", "The police", (None, "COP")),
        ("Unidentified gunmen killed two villagers.", "Unidentified gunmen", (None, "UAF")),
        # a group named by what it is: rights groups, religious groups, extremist groups
        ("Human rights groups condemned the verdict.", "Human rights groups", (None, "SOC")),
        ("Rights groups say many remain behind bars.", "Rights groups", (None, "SOC")),
        ("Religious groups protested the new law.", "Religious groups", (None, "REL")),
        ("Extremist groups recruit women online.", "Extremist groups", (None, "REB")),
    ],
)
def test_noun_phrases_are_coded(codes, text, mention, expected):
    assert codes(text)[mention] == expected


@pytest.mark.parametrize(
    ("text", "mention", "not_name"),
    [
        # issue 11: a longer name is another organisation than the one the knowledge base knows inside it
        ("Iran's Supreme National Security Council met on Sunday.", "Iran's Supreme National Security Council",
         "UN Security Council"),
        ("The All Progressives Congress won the vote in Lagos.", "The All Progressives Congress", "US Congress"),
    ],
)
def test_an_organisation_is_linked_by_its_whole_name(code, text, mention, not_name):
    actor = next(a for a in code(text).actors if a.text == mention)
    assert actor.name != not_name and actor.country != "USA" and actor.country != "IGO"


def test_the_known_organisation_keeps_its_code(codes):
    assert codes("The UN Security Council met on Friday.")["The UN Security Council"] == ("IGO", "GOV")
    assert codes("The US Congress passed the bill.")["The US Congress"] == ("USA", "LEG")


def test_a_pro_prefix_is_no_country(codes):
    coded = codes("Pro-Iran militias attacked the base.")
    assert coded["Pro-Iran militias"] == (None, "REB")
    assert "Iran" not in coded


def test_coordinated_modifiers_split_by_country(codes):
    assert codes("Russian and Houthi forces were blamed.") == {"Russian": ("RUS", "MIL"), "Houthi": ("YEM", "REB")}


def test_compound_country_actors_get_one_actor_each(code):
    actors = code("Senior Hungarian and Romanian officials agreed to cooperate.").actors
    assert [(a.text, a.country, a.sector) for a in actors] == [
        ("Hungarian", "HUN", "GOV"),
        ("Romanian", "ROU", "GOV"),
    ]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Washington advised its allies to stay calm.", "Washington", ("USA", "GOV")),
        ("Tehran has tended to respond slowly.", "Tehran", ("IRN", "GOV")),
        ("Talks between Moscow and Kyiv broke down.", "Moscow", ("RUS", "GOV")),
        ("Beijing's response was muted.", "Beijing", ("CHN", "GOV")),
        ("Sanctions were imposed by Washington.", "Washington", ("USA", "GOV")),
        ("Brussels fined the company.", "Brussels", ("IGO", "GOV")),
        ("According to the White House, the call went well.", "the White House", ("USA", "GOV")),
    ],
)
def test_capitals_and_seats_of_power_act_as_governments(codes, text, mention, expected):
    assert codes(text)[mention] == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The two leaders met in Washington on Friday.", "Washington"),
        ("A bomb exploded in Kabul.", "Kabul"),
        ("Dozens were arrested at the Kremlin gates in Moscow.", "Moscow"),
        ("Baghdad airport was closed.", "Baghdad"),
        ("The two presidents met at the Kremlin.", "the Kremlin"),
        # a place that names the power seated there is a location where it names the scene
        ("The Brussels bombings killed 32 people.", "Brussels"),
        ("Look how the Paris and Brussels attacks shocked France.", "Brussels"),
        ("The Westminster attack killed four people.", "Westminster"),
    ],
)
def test_capitals_as_locations_are_not_actors(codes, text, place):
    assert place not in codes(text)


@pytest.mark.parametrize(
    ("text", "mention", "expected", "kind"),
    [
        ("US President Donald Trump spoke.", "US President Donald Trump", ("USA", "GOV"), "person"),
        ("General Mark Halden inspected the troops.", "General Mark Halden", (None, "MIL"), "person"),
        ("Jan Novak, the Czech foreign minister, arrived.", "Jan Novak", ("CZE", "GOV"), "person"),
        ("The Nigerian John Okafor, leader of the rebels, surrendered.", "The Nigerian John Okafor", ("NGA", "REB"),
         "person"),
        ("Peter Vance, a specialist in armed groups, disagreed.", "Peter Vance", (None, None), "person"),
        ("John Miller said nothing.", "John Miller", (None, None), "person"),
        ("Former Peruvian President Jorge Salas was arrested.", "Former Peruvian President Jorge Salas", ("PER", "ELI"),
         "person"),
    ],
)
def test_persons_take_codes_from_titles_and_appositions(code, text, mention, expected, kind):
    actor = next(a for a in code(text).actors if a.text == mention)
    assert (actor.country, actor.sector, actor.kind) == (*expected, kind)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("McAleenan resigned and Chad Wolf has been named acting secretary.", "McAleenan"),
        ("McAleenan resigned and Chad Wolf has been named acting secretary.", "Chad Wolf"),
        ("Jordan Peterson criticized the minister.", "the minister"),
    ],
)
def test_a_country_that_is_a_given_name_codes_no_country(code, text, mention):
    actor = next(a for a in code(text).actors if a.text == mention)
    assert actor.country is None


def test_later_mentions_of_a_person_keep_the_codes(code):
    text = "Greek Prime Minister Nikos Andreou met the press. Andreou said the talks failed."
    later = [a for a in code(text).actors if a.text == "Andreou"]
    assert [(a.name, a.country, a.sector) for a in later] == [("Nikos Andreou", "GRC", "GOV")]


@pytest.mark.parametrize(
    ("text", "pronoun_index", "expected_name"),
    [
        ("Polish President Anna Nowak visited Kyiv. She promised more aid.", 0, "Anna Nowak"),
        ("Defence minister Omar Haddad said he would resign.", 0, "Omar Haddad"),
        ("While he was abroad, Chilean President Luis Rojas fired his cabinet.", 0, "Luis Rojas"),
    ],
)
def test_subject_pronouns_refer_to_the_person(code, text, pronoun_index, expected_name):
    pronouns = [a for a in code(text).actors if a.text.lower() in ("he", "she")]
    assert pronouns[pronoun_index].name == expected_name
    assert pronouns[pronoun_index].kind == "person"


def test_they_refers_to_the_plural_subject_of_the_previous_sentence(code):
    text = "Turkish soldiers crossed the border with their tanks. They shelled a village."
    they = next(a for a in code(text).actors if a.text == "They")
    assert (they.country, they.sector) == ("TUR", "MIL")


def test_they_is_the_group_that_says_what_they_did(code):
    text = "U.S. troops are advising the offensive. Iraqi soldiers say they have retaken a dozen villages."
    they = next(a for a in code(text).actors if a.text == "they")
    assert (they.country, they.sector) == ("IRQ", "MIL")


def test_they_stands_for_conjoined_persons_above_it(code):
    text = "Kenyan President Uhuru Kenyatta and Ugandan President Yoweri Museveni smiled as they left the hall."
    they = [a for a in code(text).actors if a.text == "they"]
    assert sorted(a.country for a in they) == ["KEN", "UGA"]


@pytest.mark.parametrize(
    ("text", "description", "expected"),
    [
        ("Hamas fired rockets at Israel on Monday. The group said the rockets hit Ashkelon.", "The group",
         ("Hamas", "PSE", "REB")),
        ("The Islamic State claimed the bombing. The militant group said it killed 12 soldiers.",
         "The militant group", ("Islamic State", "IMG", "REB")),
    ],
)
def test_the_group_refers_back_to_the_named_organisation(code, text, description, expected):
    actor = next(a for a in code(text).actors if a.text == description)
    assert (actor.name, actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A group of tourists visited the museum. The group was attacked by a mob.",  # no organisation named
        "Hamas fired rockets at Israel. Nobody was hurt. Schools closed. Flights resumed. The group said nothing.",
    ],
)
def test_the_group_without_a_named_organisation_nearby_stays_uncoded(code, text):
    assert not [a for a in code(text).actors if a.text == "The group" and a.country]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the document speaks for whoever said or issued it, one resolved report for the next
        ("The Kenyan foreign ministry said violence was rising. The report condemned Somali militias.",
         ("KEN", "GOV")),
        ("The Kenyan foreign ministry said violence was rising. The report said arrests doubled. Trade fell. "
         "Prices rose. Schools closed. The report condemned Somali militias.", ("KEN", "GOV")),
        # the speaker of the sentence, not a subject of what it reports
        ("The Kenyan foreign ministry said that Somali militias claimed the attacks. The report condemned them.",
         ("KEN", "GOV")),
    ],
)
def test_the_report_speaks_for_its_issuer(code, text, expected):
    actor = next(a for a in code(text).actors if a.text == "The report" and a.evidence.start > text.index("."))
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya said violence was rising. Trade fell. Prices rose. Schools closed. Banks shut. Flights stopped. "
        "The report condemned Somali militias.",  # the issuer too far back
        "Kenyan police arrested two men. The report condemned Somali militias.",  # nobody said anything
    ],
)
def test_the_report_without_an_issuer_nearby_stays_uncoded(code, text):
    assert not [a for a in code(text).actors if a.text == "The report" and a.country]


def test_pronouns_without_a_person_nearby_are_left_alone(code):
    text = "The storm hit the coast. Residents fled. He was not seen again."
    assert not [a for a in code(text).actors if a.text == "He"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Logistics signed the deal with Microsoft on Monday.",
         [("Acme Logistics", "organization"), ("Microsoft", "organization")]),
        ("Omar Farouk and Lina Haddad were arrested.", [("Omar Farouk", "person"), ("Lina Haddad", "person")]),
    ],
)
def test_names_without_a_cue_are_kept_uncoded(code, text, expected):
    actors = code(text).actors
    assert [(a.text, a.kind) for a in actors] == expected
    assert all(a.country is None and a.sector is None for a in actors)


def test_actors_are_sorted_with_evidence(code):
    article = code("Iran warned Israel. Later, Egyptian officials met Jordanian diplomats.")
    starts = [a.evidence.start for a in article.actors]
    assert starts == sorted(starts)
    for actor in article.actors:
        assert article.text[actor.evidence.start : actor.evidence.end] == actor.text
        assert actor.evidence.coder == "actors.rules.v1"
        assert actor.evidence.data.startswith("actors-kb-")
    assert [a.evidence.sentence for a in article.actors] == [0, 0, 1, 1]


def test_the_stage_is_registered():
    from eventwire.actors.coder import code_actors

    assert get_coder("actors", "rules.v1") is code_actors


SEED_ACTORS = [
    ("Iran", "IRN", None),
    ("the United States", "USA", None),
    ("American soldiers", "USA", "MIL"),
    ("the Pentagon", "USA", "MIL"),
    ("Mohammad Javad Zarif", "IRN", "GOV"),
    ("US President Donald Trump", "USA", "GOV"),
    ("The Iranian Revolutionary Guards", "IRN", "MIL"),
    ("Washington", "USA", "GOV"),
    ("Israel", "ISR", None),
    ("General Qassem Soleimani", "IRN", "MIL"),
    ("the Iraqi Abu Mehdi al-Mouhandis", "IRQ", "REB"),
    ("Tehran", "IRN", "GOV"),
    ("Iranian parliament", "IRN", "LEG"),
    ("IS", "IMG", "REB"),
    ("Donald Trump", "USA", "GOV"),
]


@pytest.fixture(scope="module")
def seed(code, fixtures):
    return code((fixtures / "iran_bases_article.txt").read_text(encoding="utf-8"), published="2020-01-08")


@pytest.mark.parametrize(("mention", "country", "sector"), SEED_ACTORS)
def test_seed_article_actor_table(seed, mention, country, sector):
    coded = {(a.text, a.country, a.sector) for a in seed.actors}
    assert (mention, country, sector) in coded


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Phillip Smyth", (None, None)),
        ("Ain al-Assad", (None, None)),
        ("Erbil", (None, None)),
    ],
)
def test_seed_article_uncued_names_stay_uncoded(seed, mention, expected):
    actor = next(a for a in seed.actors if a.text == mention)
    assert (actor.country, actor.sector) == expected


def test_seed_article_pronouns(seed):
    pronouns = [(a.text, a.name) for a in seed.actors if a.text in ("he", "They")]
    assert ("They", "Islamic Revolutionary Guard Corps") in pronouns
    assert {name for text, name in pronouns if text == "he"} == {"Mohammad Javad Zarif", "Donald Trump"}


@pytest.mark.parametrize(
    ("text", "published", "mention", "expected"),
    [
        ("Vladimir Putin met the press on Monday.", "2021-05-01", "Vladimir Putin", ("RUS", "GOV")),
        ("General Qassem Soleimani was buried.", "2020-01-07", "General Qassem Soleimani", ("IRN", "MIL")),
        # before their first office a person keeps their country, not the office's sector
        ("Volodymyr Zelensky met the press on Monday.", "2010-05-01", "Volodymyr Zelensky", ("UKR", None)),
        ("Deputy Secretary of State Antony Blinken spoke.", "2016-08-10",
         "Deputy Secretary of State Antony Blinken", ("USA", "GOV")),
        # issue 11: a title without a country ("Secretary of State") takes the office holder's,
        # not the country of the sentence's other actors
        ("The Israeli prime minister spoke ahead of meeting Secretary of State John Kerry.", "2013-11-20",
         "Secretary of State John Kerry", ("USA", "GOV")),
    ],
)
def test_office_holders_fill_codes_the_text_does_not_give(code, text, published, mention, expected):
    actor = next(a for a in code(text, published=published).actors if a.text == mention)
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Exports to North America rose sharply.", "USA"),
        ("Tankers crossed the Persian Gulf.", "IRN"),
        ("Storms hit New Mexico on Sunday.", "MEX"),
    ],
)
def test_names_inside_regions_and_seas_are_no_actors(code, text, absent):
    assert absent not in {actor.country for actor in code(text).actors}


def test_his_country_is_the_persons_state(codes):
    coded = codes("Iranian Foreign Minister Ali Karimi said his country would respond.")
    assert coded["his country"] == ("IRN", None)


@pytest.mark.parametrize(
    ("text", "expected_name"),
    [
        # issue 11: "charged him" is done to the person named before, not by the clause's subject
        ("Ugandan authorities singled out opposition leader Kizza Besigye and charged him with treason.",
         "Kizza Besigye"),
        ("President Barack Obama met Vladimir Putin in Paris. He praised him.", "Barack Obama"),
        ("Kizza Besigye was arrested on Wednesday. Police questioned him for hours.", "Kizza Besigye"),
    ],
)
def test_object_pronouns_refer_to_a_person_other_than_their_clause_subject(code, text, expected_name):
    him = next(a for a in code(text).actors if a.text == "him")
    assert him.name == expected_name and him.kind == "person"


def test_an_object_pronoun_never_refers_to_its_own_subject(code):
    """The subject of a higher clause may be the antecedent; that of its own clause may not."""
    him = [a.name for a in code("Kizza Besigye said the ruling hurt him.").actors if a.text == "him"]
    assert him == ["Kizza Besigye"]
    assert not [a for a in code("Kizza Besigye defended him.").actors if a.text == "him"]


@pytest.mark.parametrize("text", ["British police said a nerve agent attack poisoned the Skripals.",
                                  "Inspectors found traces of chemical agents at the site."])
def test_a_chemical_agent_is_a_weapon_not_an_agent_of_the_state(code, text):
    assert not [actor for actor in code(text).actors if "agent" in actor.text]
