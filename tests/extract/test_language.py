"""English or not: script and function-word shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import NotEnglish
from eventwire.extract.language import check_english, guess_language

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ((FIXTURES / "iran_bases_article.txt").read_text("utf-8"), "en"),
        ((FIXTURES / "ingest" / "french_article.txt").read_text("utf-8"), "fr"),
        ((FIXTURES / "ingest" / "spanish_article.txt").read_text("utf-8"), "es"),
        ("Die Regierung hat am Dienstag angekündigt, dass die Truppen in den nächsten Monaten "
         "aus der Region abgezogen werden.", "de"),
        ("O governo anunciou na terça-feira que as tropas serão retiradas da região nos próximos "
         "meses, segundo fontes do ministério.", "pt"),
        ("Президент заявил во вторник, что войска будут выведены из региона в ближайшие месяцы.", "und"),
        ("On 5 May 2020, GNA air force targeted LNA positions in Al Qaryat (Al Jabal Al Gharbi). "
         "No casualties reported.", "en"),
        ("Around 1 May 2020, in Jundiai, Sao Paulo, motorcycle delivery workers protested demanding "
         "better pay.", "en"),
        ("Talks resume", "en"),
    ],
)
def test_guess_language(text: str, code: str) -> None:
    assert guess_language(text).code == code


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ((FIXTURES / "ingest" / "french_article.txt").read_text("utf-8"), "French"),
        ("Президент заявил во вторник, что войска будут выведены из региона.", "Cyrillic"),
    ],
)
def test_check_english_names_the_language(text: str, message: str) -> None:
    with pytest.raises(NotEnglish, match=f"EW105 not English: looks like .*{message}"):
        check_english(text)
