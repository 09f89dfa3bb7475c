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
        # another script: its language, or where many languages share it, the script (BCP 47)
        ("Президент заявил во вторник, что войска будут выведены из региона в ближайшие месяцы.", "und-Cyrl"),
        ("先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されました。", "ja"),
        ("国务院总理周二表示，政府将在未来几个月内从该地区撤出部队。", "zh"),
        # issue 12: a Japanese page saved as Markdown is full of URLs; they are no evidence of a
        # Latin-script language (it was guessed Portuguese)
        ("[![ノート100YEN.com](http://note100yen.com/wp-content/uploads/logo.png)](http://note100yen.com/) "
         "Kindle書籍を読む場合は、一般的にスマホやタブレットで読むことが多いと思います。 "
         "[ソフトウェア](http://note100yen.com/category/software/) "
         "![toggle](http://note100yen.com/wp-content/themes/vanillacity/images/toggle-on.gif)", "ja"),
        ("On 5 May 2020, GNA air force targeted LNA positions in Al Qaryat (Al Jabal Al Gharbi). "
         "No casualties reported.", "en"),
        ("Around 1 May 2020, in Jundiai, Sao Paulo, motorcycle delivery workers protested demanding "
         "better pay.", "en"),
        ("Talks resume", "en"),
        # an English table with few function words: no evidence of another language
        ("Final standings after week 12: | Pos | Team | W | L | Pts | | 1 | Kansas City Chiefs | 10 | 2 | "
         "30 | | 2 | Buffalo Bills | 9 | 3 | 27 | | 3 | Baltimore Ravens | 8 | 4 | 24 | | 4 | Miami Dolphins "
         "| 7 | 5 | 21 | | 5 | Denver Broncos | 6 | 6 | 18 | Next game Sunday", "en"),
        # a Portuguese table: few function words, but Portuguese ones outnumber the English
        ("Classificação final da NASCAR Cup Series em 2019 após 36 etapas: | Pos. | Piloto | Pontos | "
         "Vitórias | | 1 | Kyle Busch | 5040 | 5 | | 2 | Martin Truex Jr. | 5035 | 7 | | 3 | Kevin Harvick | "
         "5033 | 4 | Coloque nos seus favoritos e venha sempre conferir a classificação da NASCAR!", "pt"),
        ("Pemerintah mengumumkan pada hari Selasa bahwa pasukan akan ditarik dari wilayah itu dalam "
         "beberapa bulan ke depan, menurut sumber yang tidak mau disebut namanya.", "id"),
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
