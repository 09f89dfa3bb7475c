"""SpanIndex answers as a scan over all spans would, in any order of adding."""

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.spans import SpanIndex

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])), max_size=30)
QUERY = st.tuples(st.integers(-5, 75), st.integers(0, 20)).map(lambda q: (q[0], q[0] + q[1]))


@settings(max_examples=300, deadline=None, database=None)
@given(SPANS, SPANS, QUERY)
def test_queries_match_a_scan(first, added, query):
    index = SpanIndex(first)
    for span in added:
        index.add(span)
    spans = sorted(first + added, key=lambda s: (s[0], -s[1]))
    start, end = query
    assert index.overlapping(start, end) == [s for s in spans if s[0] < end and start < s[1]]
    assert index.overlaps(start, end) == any(s[0] < end and start < s[1] for s in spans)
    assert index.within(start, end) == [s for s in spans if start <= s[0] and s[1] <= end and s[0] < end]
    assert list(index) == spans and len(index) == len(spans)


def test_items_are_indexed_by_their_span():
    words = SpanIndex(["Tehran", "Baghdad"], span=lambda word: {"Tehran": (10, 16), "Baghdad": (0, 7)}[word])
    assert list(words) == ["Baghdad", "Tehran"]
    assert words.overlapping(5, 12) == ["Baghdad", "Tehran"]
    assert words.within(0, 8) == ["Baghdad"]
