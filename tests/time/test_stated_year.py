"""Without a publication date, a day and month take the year of the last full date before them."""

from __future__ import annotations

import pytest

from eventwire.time.tagger import find_times


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Around 30 April 2020 (between 27 April- 4 May), supporters held a sit-in.", "27 April", "2020-04-27"),
    ("Around 30 April 2020 (between 27 April- 4 May), supporters held a sit-in.", "4 May", "2020-05-04"),
    ("On April 30, 2020, rebels attacked. On 3 May troops left.", "3 May", "2020-05-03"),
    ("The siege began on 2 January 2019 and ended on 28 December.", "28 December", "2019-12-28"),
    # no full date before it, or only in an earlier paragraph: unresolved
    ("On 3 May troops left; they had arrived on 30 April 2020.", "3 May", None),
    ("On 30 April 2020 rebels attacked.\nOn 3 May, troops left.", "3 May", None),
])
def test_year_from_stated_date(text, span, expected):
    found = {text[t.start:t.end]: t.value for t in find_times(text, None)}
    assert span in found and found[span] == expected
