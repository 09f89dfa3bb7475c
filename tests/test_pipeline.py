"""The pipeline over a stream: order kept, one bad document never stops the batch."""

from eventwire.model import Article, Document, Failure
from eventwire.pipeline import process


def test_stream_keeps_order_and_records_failures(ctx, fixtures):
    text = (fixtures / "iran_bases_article.txt").read_text(encoding="utf-8")
    items = [
        Document(source="good-1", content=text),
        Document(source="empty", content=""),
        Failure(source="unreadable", code="EW201", reason="cannot read"),
        Document(source="binary", content=b"\x00\x00\x00\x00binary"),
        Document(source="good-2", content=text + "\n\nA closing line was added."),
    ]
    results = list(process(items, ctx))
    assert [r.source for r in results] == ["good-1", "empty", "unreadable", "binary", "good-2"]
    assert [type(r) for r in results] == [Article, Failure, Failure, Failure, Article]
    assert [r.code for r in results if isinstance(r, Failure)] == ["EW101", "EW201", "EW102"]
    assert all(r.doc is None for r in results if isinstance(r, Article))
    assert results[0].id != results[4].id


def test_same_text_same_id(ctx, fixtures):
    text = (fixtures / "iran_bases_article.txt").read_text(encoding="utf-8")
    first, second = process([Document(source="a", content=text), Document(source="b", content=text)], ctx)
    assert first.id == second.id and first.events == second.events


def test_an_unexpected_error_in_text_extraction_is_a_failure(ctx, fixtures):
    """A reader bug (content neither text nor bytes) fails that document only."""
    text = (fixtures / "iran_bases_article.txt").read_text(encoding="utf-8")
    items = [Document(source="odd", content=12345), Document(source="good", content=text)]
    results = list(process(items, ctx))
    assert [type(r) for r in results] == [Failure, Article]
    assert results[0].code == "EW900"


def test_issue_16_a_document_past_the_time_limit_is_a_failure_and_the_batch_goes_on(ctx, fixtures):
    """Options.max_seconds bounds the coding of one article (EW108); the next one is coded."""
    import dataclasses
    import signal

    from eventwire.context import Context
    from eventwire.pipeline import time_limit

    text = (fixtures / "iran_bases_article.txt").read_text(encoding="utf-8")
    hurried = Context(dataclasses.replace(ctx.options, max_seconds=0.001))
    hurried.nlp  # the model loads outside the limit
    slow, = process([Document(source="slow", content=text)], hurried)
    assert isinstance(slow, Failure) and slow.code == "EW108" and "max_seconds" in slow.reason
    good, = process([Document(source="good", content=text)], ctx)
    assert isinstance(good, Article) and good.events
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left running
    assert signal.getsignal(signal.SIGALRM) is before  # the caller's handler is back


def test_events_under_the_confidence_floor_are_left_out_by_default(ctx):
    """A negated mention naming no participant is under the default floor; 0 keeps it."""
    import dataclasses

    from eventwire.context import Context
    from eventwire.options import DEFAULT_MIN_CONFIDENCE

    text = ("She says groups sometimes have reasons not to claim credit for attacks, such as to avoid"
            " retaliation. Rebels attacked the army base near Aleppo on Friday.")
    everything = Context(dataclasses.replace(ctx.options, min_confidence=0.0))
    (kept,) = process([Document(source="a", content=text)], ctx)
    (every,) = process([Document(source="a", content=text)], everything)
    assert [e.trigger for e in kept.events] == ["attacked"]
    assert [e.trigger for e in every.events if e.confidence < DEFAULT_MIN_CONFIDENCE] == ["attacks"]
    # the ids are positions among the events as coded, whatever the floor drops
    assert [e.id for e in kept.events] == [e.id for e in every.events if e.trigger == "attacked"]
