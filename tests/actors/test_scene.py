"""Countries from the sentence an actor is named in (`actors.scene`), and the sector rules
added with it, on sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # a titled person or sector noun without a country takes the sentence's only country
        ("President John Mwangi imposed a curfew in Nairobi.", "President John Mwangi", ("KEN", "GOV")),
        ("An anti-Iran cleric was arrested in Baghdad.", "An anti-Iran cleric", ("IRQ", "REL")),
        # or the country its own clause names as a place
        ("Police arrested two Iranians in Turkey.", "Police", ("TUR", "COP")),
        ("The foreign ministry said Chile had opened an embassy in Peru.", "The foreign ministry", (None, "GOV")),
        # several countries and no place: no guess
        ("Police questioned French and German tourists.", "Police", (None, "COP")),
        # an organisation's nationality sets no scene
        ("Police detained a photographer working for Reuters.", "Police", (None, "COP")),
        # nor does a country named as a kind of thing
        ("Protesters angry at the falling US dollar rate blocked the highway.", "Protesters", (None, "CVL")),
        # "its"/"their" forces belong to the subject of their clause, not to the place named
        ("The United States withdrew its troops from Syria.", "its troops", ("USA", "MIL")),
        ("Kenya said it had sent their soldiers to Somalia.", "their soldiers", (None, "MIL")),
        # where the forces are the subject, or the subject is "it"/"they", the reporter owns them
        ("Turkey said its soldiers were attacked by Syrian forces in Idlib.", "its soldiers", ("TUR", "MIL")),
        ("Iran said its forces fired missiles at US bases in Iraq.", "its forces", ("IRN", "MIL")),
        ("Washington said it would withdraw its troops from Iraq.", "its troops", ("USA", "MIL")),
        # a place inside an event the clause only names is where that event was, not this one
        ("Protesters angry over the execution of a cleric in Saudi Arabia stormed an embassy in Tehran.",
         "Protesters", ("IRN", "CVL")),
        # a bare conjunct shares the first conjunct's country
        ("Syrian tanks and helicopters shelled the town.", "helicopters", ("SYR", "MIL")),
        # a state body or force named by its leader takes the leader's country
        ("The government of Bashar al-Assad shelled the town.", "The government", ("SYR", "GOV")),
        ("Forces loyal to Nicolas Maduro fired on the crowd in Madrid.", "Forces", ("VEN", "MIL")),
        # but only a state one: civilians loyal to him are coded where the clause sets them
        ("Protesters loyal to Nicolas Maduro marched in Madrid.", "Protesters", ("ESP", "CVL")),
        # ethnic groups are coded where they live
        ("The Russians of Latvia protested.", "The Russians", ("LVA", "CVL")),
        ("Hundreds of ethnic Uzbeks marched in Kyrgyzstan.", "ethnic Uzbeks", ("KGZ", "CVL")),
        # a bomb that acts is an unidentified armed force
        ("A car bomb killed four people in Mogadishu.", "A car bomb", ("SOM", "UAF")),
        # state media speak for the government; a union takes its members' sector
        ("Official Syrian television reported the attack.", "Official Syrian television", ("SYR", "GOV")),
        ("The National Union of Teachers called a strike.", "The National Union of Teachers", (None, "EDU")),
    ],
)
def test_scene_countries_and_sectors(codes, text, mention, expected):
    assert codes(text)[mention] == expected
