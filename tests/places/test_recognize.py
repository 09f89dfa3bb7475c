"""Little-known places read from their context: locative words, place nouns, parentheses."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # a place noun after the name
        ("Militants attacked the army in Makhmur district on Monday.", "Makhmur", "IRQ"),
        ("Two air raids were reported on Al Dhaher district in northwestern Yemen.", "Al Dhaher", "YEM"),
        # divisions in parentheses after a place qualify it
        ("Snipers opened fire on a civilian in the east of Hays city (Al Hudaydah).", "Hays city", "YEM"),
        ("Shells fell on Burkan areas (Mukayras, Al Bayda) at dawn.", "Al Bayda", "YEM"),
        # a bearing from a place
        ("Militants attacked a checkpoint north of Tuz Khurmatu.", "Tuz Khurmatu", "IRQ"),
        ("Rockets fell 10 km south of Dahuk.", "Dahuk", "IRQ"),
        # an adjective does not outweigh a country named as such
        ("Saudi-led air raids were reported on Al Jawf governorate in northern Yemen.", "Al Jawf", "YEM"),
    ],
)
def test_local_places(resolve, text, mention, country):
    places = {p.text: p for p in resolve(text).places}
    assert mention in places
    assert places[mention].country == country


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        ("The report (Steele) was shared with the FBI. Bush and Steele never met.", {"Steele"}),
        ("The attack was a new blow to Eta, officials said.", {"Eta"}),
        # a bracketed abbreviation of the words before it
        ("A bomb hit the car of the District Commissioner (DC) in Kismayo.", {"DC"}),
        # the surname of a person the article names in full is that person (one sense per article)
        ("Egyptian striker Mohamed Salah plays for Liverpool. His dream is to be the next Salah, who rose to"
         " stardom in the English Premier League.", {"Salah"}),
        # and so is a one-word name that says something
        ("Guhdar fled Iraq in 2016. Guhdar said the camp in Greece was cold.", {"Guhdar"}),
    ],
)
def test_context_does_not_make_names_places(resolve, text, not_places):
    found = {p.text for p in resolve(text).places}
    assert not found & not_places


def test_stray_namesake_abroad_is_left_unresolved(resolve):
    # a small name found only from its context, in no country of the other places
    text = "Gunmen attacked a checkpoint near Karama town in Raqqa province, Syria."
    places = {p.text: p for p in resolve(text).places}
    karama = places.get("Karama")
    assert karama is None or karama.country in {None, "SYR"}


@pytest.mark.parametrize(
    ("text", "mention", "country", "feature_code"),
    [
        # a division name the model cut in two, or left a word short of
        ("Two men were shot dead in Tijuana, Baja California, late on Sunday.", "Baja California", "MEX", "ADM1"),
        ("Police seized a truck of contraband in Corumba, Mato Grosso do Sul, on Friday.", "Mato Grosso do Sul",
         "BRA", "ADM1"),
        # a town and its division run together into one organisation name
        ("Street vendors protested in Paucarpata, Arequipa, against the closure of markets.", "Paucarpata",
         "PER", "PPL"),
        ("Farmers blocked a road near Amritsar (Punjab) on Tuesday.", "Amritsar", "IND", "PPL"),
        # "State" after a name the model calls a person
        ("A landmine killed a farmer in Kyauktaw Township, Rakhine State, last week.", "Rakhine State",
         "MMR", "ADM1"),
        # an Arabic article written in lower case, or absent from the gazetteer's name
        ("Shells landed in al-Hasakeh overnight.", "al-Hasakeh", "SYR", "PPL"),
        ("Drones struck a convoy near Ar-Raqqa on Monday.", "Ar-Raqqa", "SYR", "ADM1"),
        # a division after a place noun and a comma or "of"
        ("Gunmen killed a teacher in Azra district, Logar.", "Logar", "AFG", "ADM1"),
        ("Jets bombed positions in the Haftanin region of Dahuk, Northern Iraq.", "Dahuk", "IRQ", "PPL"),
        ("Looters raided shops in the countryside of Idleb.", "Idleb", "SYR", "PPL"),
        # "in" inside an organisation name, and a big city's other name before a place noun
        ("Artillery shelled Fleifel in Idleb countryside at dawn.", "Idleb", "SYR", "PPL"),
        # a town before its division list in parentheses
        ("Gunmen robbed a trader at the market of Warri (Warri South LGA, Delta) on Friday.", "Warri",
         "NGA", "PPL"),
        # another transliteration of a town's name, in a place context
        ("Shop owners protested in Kafr Qaseem on Tuesday.", "Kafr Qaseem", "ISR", "PPL"),
        # a compass word before a country
        ("Jets bombed positions in the Haftanin region of Dahuk, Northern Iraq.", "Northern Iraq", "IRQ", "PCLI"),
    ],
)
def test_place_names_the_model_cut_or_joined(resolve, text, mention, country, feature_code):
    places = {p.text: p for p in resolve(text).places}
    assert mention in places, list(places)
    assert (places[mention].country, places[mention].feature_code) == (country, feature_code)
