"""The knowledge base: data files read into matchers and lookup tables."""

from __future__ import annotations

import pytest

from eventwire.actors.knowledge import ADJECTIVE, CAPITAL, COUNTRY, ORGANIZATION, SEAT, SECTOR, read_entries


@pytest.fixture(scope="module")
def matches(kb, actor_ctx):
    def run(text: str) -> dict[str, tuple]:
        doc = actor_ctx.nlp(text)
        return {span.text: (entry.type, entry.country, entry.sector) for span, entry in kb.match(doc)}

    return run


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Iran said so.", "Iran", (COUNTRY, "IRN", None)),
        ("The United States said so.", "United States", (COUNTRY, "USA", None)),
        ("U.S. officials said so.", "U.S.", (COUNTRY, "USA", None)),
        ("Britain said so.", "Britain", (COUNTRY, "GBR", None)),
        ("Emirati officials said so.", "Emirati", (ADJECTIVE, "ARE", None)),
        ("Russian troops moved.", "Russian", (ADJECTIVE, "RUS", None)),
        ("Moscow said so.", "Moscow", (CAPITAL, "RUS", "GOV")),
        ("Kiev said so.", "Kiev", (CAPITAL, "UKR", "GOV")),
        ("The Pentagon said so.", "The Pentagon", (SEAT, "USA", "MIL")),
        ("Downing Street said so.", "Downing Street", (SEAT, "GBR", "GOV")),
        ("NATO said so.", "NATO", (ORGANIZATION, "IGO", "MIL")),
        ("The IAEA said so.", "IAEA", (ORGANIZATION, "IGO", None)),
        ("Daesh attacked.", "Daesh", (ORGANIZATION, "IMG", "REB")),
        ("Ansar Allah attacked.", "Ansar Allah", (ORGANIZATION, "YEM", "REB")),
        ("The Quds Force attacked.", "Quds Force", (ORGANIZATION, "IRN", "MIL")),
        ("Wagner attacked.", "Wagner", (ORGANIZATION, "RUS", "MIL")),
        ("The senators voted.", "senators", (SECTOR, None, "LEG")),
        ("The militiamen fired.", "militiamen", (SECTOR, None, "REB")),
        ("The prime minister spoke.", "prime minister", (SECTOR, None, "GOV")),
    ],
)
def test_knowledge_base_matches_names_and_sector_nouns(matches, text, phrase, expected):
    assert matches(text)[phrase] == expected


@pytest.mark.parametrize("text", ["us", "is", "Who is he?"])
def test_acronyms_match_only_in_capitals(matches, text):
    assert not any(entry[0] == ORGANIZATION or entry[0] == COUNTRY for entry in matches(text).values())


def test_every_country_has_a_name(kb):
    assert len(kb.countries) >= 249
    assert kb.countries["IRN"] == "Iran"
    assert kb.countries["PRK"] == "North Korea"


def test_data_files_read_without_duplicated_patterns():
    names, sectors, _ = read_entries()
    assert ("Iranian", "IRN") in {(text, entry.country) for text, entry in names}
    assert len(sectors) > 300


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        ("Soleimani", "2020-01-02", ("IRN", "MIL")),
        ("Trump", "2019-06-01", ("USA", "GOV")),
        ("Trump", "2022-06-01", ("USA", "GOV")),
        ("Zelensky", "2010-01-01", ("UKR", None)),  # before any office: the country, no sector
        ("Netanyahu", None, ("ISR", "GOV")),
        ("Nobody Special", None, None),
    ],
)
def test_office_holders_are_dated(kb, name, date, expected):
    record = kb.person(name, date)
    assert (None if record is None else (record.country, record.sector)) == expected
