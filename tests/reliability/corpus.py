"""Generate a corpus of bad (and some good) input documents, written under a directory.

Code, not data files: `write_corpus(root)` writes every kind of hostile or broken input the
readers and extraction must survive (empty, binary, bombs, bad encodings, broken archives,
feeds and JSON Lines, odd names, links, FIFOs, devices) beside good articles, and returns
what each generated document must become. Used by `tests/reliability/test_bad_corpus.py`
and `benchmarks/bad_inputs.py` (which imports this file by path).

Each `Expected` names one document as the readers name it (a file path, "path#L3",
"path#<url>") and its outcome: "article" (must be stored), "failure" (must be recorded
once, with `code` when the code is the readers' own), or "either" (a recorded failure or a
valid article: the kinds whose classification belongs to text extraction).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE, FAILURE, EITHER = "article", "failure", "either"
GIB = 2**30
MIB = 2**20

CITIES = ("Geneva", "Nairobi", "Baghdad", "Kyiv", "Caracas", "Manila", "Lagos", "Tehran", "Bogota", "Dhaka")
ACTORS = ("Police", "Protesters", "Government forces", "Rebels", "The foreign minister", "Officials")
VERBS = ("met with", "criticized", "attacked", "signed an agreement with", "accused", "praised")
TARGETS = ("opposition leaders", "the United Nations", "local officials", "aid workers", "the army")


@dataclass(frozen=True, slots=True)
class Expected:
    """What one generated document must become."""

    source: str
    kind: str
    outcome: str
    code: str | None = None


@dataclass(slots=True)
class Corpus:
    """The generated documents under `root`, and the sources given to `eventwire ingest`."""

    root: Path
    expected: list[Expected] = field(default_factory=list)

    def add(self, source: str | Path, kind: str, outcome: str, code: str | None = None) -> None:
        self.expected.append(Expected(_printable(str(source)), kind, outcome, code))

    def counts(self) -> dict[str, int]:
        """How many documents of each outcome."""
        result = {ARTICLE: 0, FAILURE: 0, EITHER: 0}
        for item in self.expected:
            result[item.outcome] += 1
        return result


def good_text(index: int, sentences: int = 4) -> str:
    """A short English news text, different for every `index` (its headline first)."""
    rng = random.Random(index)
    city = CITIES[index % len(CITIES)]
    lines = [f"Talks in {city} resume for round {index}", ""]
    for number in range(sentences):
        lines.append(f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(TARGETS)} in {city} on Monday, "
                     f"officials said in statement {index}-{number}.")
    return "\n".join(lines) + "\n"


def good_html(index: int) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in good_text(index).splitlines()[2:])
    return (f"<!DOCTYPE html><html><head><title>Talks in round {index}</title></head><body><article>"
            f"<h1>Talks in round {index}</h1>{paragraphs}</article></body></html>")


def write_corpus(root: Path, *, bad_lines: int = 4_000, bad_records: int = 1_000, good: int = 30,
                 big_html_bytes: int = 50 * MIB, bomb_bytes: int = GIB, long_line_bytes: int = 17 * MIB) -> Corpus:
    """Write the corpus under `root` (made if missing); return what each document must become.

    Args:
        bad_lines: broken or hollow JSON Lines records, in one file.
        bad_records: broken HTML/text responses, in one gzipped web archive.
        good: good articles, as text, HTML, JSON Lines records and web-archive records.
        big_html_bytes: size of the one huge HTML page.
        bomb_bytes: what each compression bomb unpacks to.
        long_line_bytes: size of the one over-long JSON Lines record (over the 16 MiB limit).
    """
    root.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(root)
    files = root / "files"
    files.mkdir(exist_ok=True)
    _write_files(corpus, files, big_html_bytes)
    _write_binary(corpus, files, bomb_bytes)
    _write_odd_paths(corpus, root / "odd")
    _write_feeds(corpus, root / "feeds")
    _write_jsonl(corpus, root / "records", bad_lines, long_line_bytes)
    _write_archives(corpus, root / "archives", bad_records, bomb_bytes)
    _write_good(corpus, root / "good", good)
    return corpus


def _write_files(corpus: Corpus, folder: Path, big_html_bytes: int) -> None:
    english = "Officials in Geneva said on Monday that talks between the two sides would resume next week."
    cases: list[tuple[str, bytes, str, str | None]] = [
        ("empty.txt", b"", FAILURE, "EW101"),
        ("empty.html", b"", FAILURE, "EW101"),
        ("whitespace.txt", b"  \n\t\r\n \x0b\x0c  \n", FAILURE, "EW101"),
        ("whitespace.html", "\u00a0\u2003\n\n".encode(), EITHER, None),
        ("broken-utf8.txt", (english + " Caf\xc3 \xff\xfe na\xefve " * 3).encode("latin-1"), EITHER, None),
        ("mixed-encodings.txt", english.encode() + " Zürich ".encode() + " Zürich ".encode("cp1252")
         + " Αθήνα ".encode("iso-8859-7") + english.encode(), EITHER, None),
        ("utf16-bom.txt", (english + " Talks resume in Zürich.").encode("utf-16"), EITHER, None),
        ("utf16-le-nobom.txt", (english + " Talks resume in Zürich.").encode("utf-16-le"), EITHER, None),
        ("utf16-be-nobom.txt", (english + " Talks resume in Zürich.").encode("utf-16-be"), EITHER, None),
        ("latin1.txt", (english + " The minister met Müller in Orléans.").encode("latin-1"), EITHER, None),
        ("cp1252.txt", (english + " \u201cWe agree,\u201d he said \u2013 \u20ac5m.").encode("cp1252"), EITHER, None),
        ("shift-jis.txt", ("東京で会談が再開された。外務大臣は月曜日に声明を発表した。" * 4).encode("shift_jis"), EITHER, None),
        ("arabic.txt", ("استؤنفت المحادثات في جنيف يوم الاثنين، وقال المسؤولون إن الجانبين سيلتقيان. " * 4).encode(),
         EITHER, None),
        ("hebrew.html", ("<html><body><p dir='rtl'>" + "השיחות בז'נבה חודשו ביום שני, אמרו גורמים רשמיים. " * 4
                         + "</p></body></html>").encode(), EITHER, None),
        ("chinese.txt", ("日内瓦会谈周一恢复，官员表示双方将于下周再次会面。" * 6).encode(), EITHER, None),
        ("korean.html", ("<html><body><p>" + "제네바 회담이 월요일에 재개되었다고 관리들이 밝혔다. " * 5
                         + "</p></body></html>").encode(), EITHER, None),
        ("script-only.html", b"<html><head><script>var a = 1;" + b"document.write('x');" * 200
         + b"</script></head><body><script>run()</script></body></html>", EITHER, None),
        ("enable-javascript.html", b"<html><body><noscript><p>Please enable JavaScript to view this page. "
         b"You need to enable JavaScript to run this app.</p></noscript><div id='root'></div></body></html>",
         EITHER, None),
        ("tag-soup.html", _tag_soup(7), EITHER, None),
        ("nested-divs.html", b"<html><body>" + b"<div>" * 100_000 + english.encode() + b"</div>" * 100_000
         + b"</body></html>", EITHER, None),
        ("unclosed-divs.html", b"<html><body>" + b"<div><span>" * 20_000 + english.encode(), EITHER, None),
        ("comment-only.html", b"<html><!-- " + b"x" * 10_000 + b" --></html>", EITHER, None),
        ("null-bytes.txt", english.encode() + b"\x00" * 500 + english.encode(), EITHER, None),
        ("control-chars.txt", bytes(range(1, 32)) * 50, FAILURE, None),
        ("one-word.txt", b"Hello", EITHER, None),
        ("huge-line.txt", (english + " ") .encode() * 9_000, EITHER, None),  # ~800k characters, one line
        ("html-in-txt.txt", good_html(10_001).encode(), EITHER, None),
    ]
    for name, data, outcome, code in cases:
        # a different text in every file: two that decode alike would be one stored article
        tag = f" [{name}]".encode("utf-16-le" if "nobom" in name else "utf-16-be" if "bom" in name else "ascii")
        if "bom" in name and "nobom" not in name:
            data = (english + f" Talks resume in Zürich. [{name}]").encode("utf-16")
        elif data.strip(b" \n\t\r\x0b\x0c"):
            data = data + tag
        (folder / name).write_bytes(data)
        corpus.add(folder / name, name, outcome, code)
    big = folder / "big.html"
    with big.open("wb") as stream:
        stream.write(b"<!DOCTYPE html><html><body>")
        block = b"<p>" + english.encode() + b"</p>\n"
        for _ in range(big_html_bytes // len(block)):
            stream.write(block)
        stream.write(b"</body></html>")
    corpus.add(big, "big-html", FAILURE, None)  # over 20 x max_chars: too large for text extraction


def _write_binary(corpus: Corpus, folder: Path, bomb_bytes: int) -> None:
    rng = random.Random(16)
    zip_buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(zip_buffer, "w") as archive:
        archive.writestr("a.txt", "Talks resume in Geneva." * 100)
    cases = [
        ("random.bin", bytes(rng.getrandbits(8) for _ in range(50_000))),
        ("random.txt", bytes(rng.getrandbits(8) for _ in range(20_000))),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(5_000))),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n"
         + zlib.compress(b"BT /F1 12 Tf (Talks resume) Tj ET" * 200) + b"\nendstream\n%%EOF"),
        ("archive.zip", zip_buffer.getvalue()),
        ("page.html.gz", gzip.compress(good_html(10_002).encode())),
        ("bomb.gz", _gzip_bomb(b"", bomb_bytes)),
        ("bomb.txt", _gzip_bomb(b"", bomb_bytes)),
    ]
    for name, data in cases:
        (folder / name).write_bytes(data)
        corpus.add(folder / name, name, FAILURE, None)


def _write_odd_paths(corpus: Corpus, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    raw = os.fsencode(folder)
    names = [b"with space.txt", b"new\nline.txt", b"tab\there.txt", b"-starts-with-dash.txt", b"bad\xff\xfename.txt",
             "ünïcödé-名前.txt".encode(), b"x" * 240 + b".txt", b"semi;colon&amp.txt", b"quote'\"s.txt",
             b"no-extension", b"UPPER.TXT", b"back\\slash.html"]
    for index, name in enumerate(names):
        path = raw + b"/" + name
        data = good_text(20_000 + index).encode()
        if name.endswith(b".html"):
            data = good_html(20_000 + index).encode()
        with open(path, "wb") as stream:
            stream.write(data)
        corpus.add(os.fsdecode(path), "odd-name", ARTICLE)
    links = folder / "links"
    links.mkdir(exist_ok=True)
    os.symlink("loop-b.txt", links / "loop-a.txt")
    os.symlink("loop-a.txt", links / "loop-b.txt")
    os.symlink("self.txt", links / "self.txt")
    os.symlink("missing-target.txt", links / "dangling.txt")
    os.symlink("..", links / "parent-loop")
    os.symlink("/dev/zero", links / "zero.txt")
    os.symlink("/dev/null", links / "null.txt")
    os.symlink("/dev/urandom", links / "urandom.html")
    os.mkfifo(links / "fifo.txt")
    os.mkfifo(links / "fifo.jsonl")
    for name in ("loop-a.txt", "loop-b.txt", "self.txt", "dangling.txt", "parent-loop", "zero.txt", "null.txt",
                 "urandom.html", "fifo.txt", "fifo.jsonl"):
        corpus.add(links / name, name, FAILURE, "EW201")
    locked = folder / "locked.txt"
    locked.write_text(good_text(20_100))
    locked.chmod(0)
    locked_dir = folder / "locked-dir"
    locked_dir.mkdir()
    (locked_dir / "inside.txt").write_text(good_text(20_101))
    locked_dir.chmod(0)
    if os.geteuid() == 0:  # root reads them all the same
        corpus.add(locked, "unreadable-file", ARTICLE)
        corpus.add(locked_dir / "inside.txt", "unreadable-dir", ARTICLE)
    else:
        corpus.add(locked, "unreadable-file", FAILURE, "EW201")
        corpus.add(locked_dir, "unreadable-dir", FAILURE, "EW201")


def _write_feeds(corpus: Corpus, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    item = ("<item><title>Talks {0}</title><link>https://feed.example.org/{0}</link>"
            "<description>{1}</description></item>")
    rss = "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>{0}</channel></rss>"
    cases = [
        ("bad-reference.rss", rss.format(item.format(1, "Talks resume &#x110000; in Geneva.")).encode(), "EW201"),
        ("no-entries.rss", rss.format("").encode(), "EW201"),
        ("not-xml.rss", b"this is not a feed at all {{ ]]>", "EW201"),

        ("empty.xml", b"", None),
        ("deep.xml", b"<?xml version='1.0'?><rss><channel>" + b"<x>" * 50_000 + b"</x>" * 50_000
         + b"</channel></rss>", None),
        ("entities.rss#0", b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;"
         b"&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'><!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;"
         b"&c;&c;'>]><rss><channel><item><title>&d;</title><description>&d;</description></item></channel></rss>",
         None),
    ]
    for name, data, code in cases:
        (folder / name.split("#")[0]).write_bytes(data)
        corpus.add(folder / name, name, FAILURE if code else EITHER, code)
    truncated = folder / "truncated.atom"  # feedparser reads its one entry: no content
    truncated.write_bytes(b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry><title>T")
    corpus.add(f"{truncated}#0", "feed-truncated", EITHER)
    # entries without content: each one a failure of its own
    hollow = folder / "hollow.rss"
    hollow.write_text(rss.format("".join(f"<item><title>T{n}</title><link>https://feed.example.org/h{n}</link></item>"
                                         for n in range(3))))
    for number in range(3):
        corpus.add(f"{hollow}#https://feed.example.org/h{number}", "feed-entry-without-content", FAILURE, "EW201")


def _write_jsonl(corpus: Corpus, folder: Path, bad_lines: int, long_line_bytes: int) -> None:
    folder.mkdir(exist_ok=True)
    for name, data in (("empty.jsonl", b""), ("blank.jsonl", b"\n\n  \n"), ("empty-array.json", b"[]")):
        (folder / name).write_bytes(data)
        corpus.add(folder / name, name, FAILURE, "EW101")
    path = folder / "bad.jsonl"
    rng = random.Random(7)
    makers = _bad_line_makers()
    with path.open("wb") as stream:
        for number in range(1, bad_lines + 1):
            kind, line, outcome, code = makers[number % len(makers)](number, rng)
            stream.write(line + b"\n")
            corpus.add(f"{path}#L{number}", kind, outcome, code)
    long_path = folder / "long-line.jsonl"
    with long_path.open("wb") as stream:
        stream.write(json.dumps({"text": good_text(30_000)}).encode() + b"\n")
        stream.write(b'{"text": "' + b"a" * long_line_bytes + b'"}\n')
        stream.write(b"x" * 1_000 + b"\n")  # no JSON, and no line end issue after the long one
    corpus.add(f"{long_path}#L1", "jsonl-good", ARTICLE)
    corpus.add(f"{long_path}#L2", "jsonl-line-too-long", FAILURE, "EW104")
    corpus.add(f"{long_path}#L3", "jsonl-broken", FAILURE, "EW201")


def _bad_line_makers() -> list:
    """Makers of one bad JSON Lines record: (kind, line, outcome, code or None for extraction's own)."""

    def broken(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        line = json.dumps({"text": f"Talks {number} resume in Geneva."}).encode()
        return "jsonl-broken", line[: rng.randrange(1, len(line) - 1)], FAILURE, "EW201"

    def missing(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        record = {"title": f"T{number}", "url": f"https://x.org/{number}"}
        return "jsonl-missing-text", json.dumps(record).encode(), FAILURE, "EW201"

    def not_object(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        return "jsonl-not-object", rng.choice([b"[1, 2]", b'"text"', b"42", b"null", b"true"]), FAILURE, "EW201"

    def wrong_type(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        return "jsonl-wrong-type", json.dumps({"text": number, "html": ["a"], "body": None}).encode(), FAILURE, \
            "EW201"

    def empty_text(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        return "jsonl-empty-text", json.dumps({"text": " \n\t"[: number % 4]}).encode(), FAILURE, "EW101"

    def deep(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        depth = 3_000 + number % 100
        return "jsonl-deep", b"[" * depth + b"]" * depth, FAILURE, "EW201"

    def binary(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        noise = "".join(chr(rng.randrange(1, 32)) for _ in range(200))
        return "jsonl-control-characters", json.dumps({"text": noise + str(number)}).encode(), EITHER, None

    def surrogate(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        return "jsonl-lone-surrogate", b'{"text": "Talks \\ud800 resume ' + str(number).encode() + b'"}', FAILURE, None

    def not_utf8(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        return "jsonl-not-utf8", b'{"text": "Caf\xe9 ' + str(number).encode() + b'"}', FAILURE, "EW201"

    def short(number: int, rng: random.Random) -> tuple[str, bytes, str, str | None]:
        return "jsonl-empty-html", json.dumps({"html": f"<html><body><!-- {number} --></body></html>"}).encode(), \
            FAILURE, None

    return [broken, missing, not_object, wrong_type, empty_text, deep, binary, surrogate, not_utf8, short]


def _write_archives(corpus: Corpus, folder: Path, bad_records: int, bomb_bytes: int) -> None:
    folder.mkdir(exist_ok=True)
    def page(number: int) -> tuple[str, str, str, str, bytes]:
        return ("response", f"https://arc.example.org/good/{number}", "200 OK", "text/html",
                good_html(40_000 + number).encode())

    good_records = [page(0), page(1)]
    # many broken text responses, plus records that are no document (skipped, not counted)
    records = list(good_records)
    rng = random.Random(9)
    for number in range(bad_records):
        uri = f"https://arc.example.org/bad/{number}"
        payload = [b"", bytes(rng.getrandbits(8) for _ in range(300)), b"   \n\n",
                   b"<html><body><script>x()</script></body></html>"][number % 4]
        records.append(("response", uri, "200 OK", "text/html" if number % 2 else "text/plain", payload))
        corpus.add(f"{folder / 'many.warc.gz'}#{uri}", "warc-bad-record", FAILURE, None)
        if number % 50 == 0:
            records.append(("response", f"https://arc.example.org/image/{number}", "200 OK", "image/png", b"\x89PNG"))
            records.append(("response", f"https://arc.example.org/gone/{number}", "404 Not Found", "text/html", b"no"))
    (folder / "many.warc.gz").write_bytes(warc_bytes(records))
    for record in good_records:
        corpus.add(f"{folder / 'many.warc.gz'}#{record[1]}", "warc-good", ARTICLE)

    whole = warc_bytes(good_records)
    cases = [
        ("empty.warc", b"", "EW101"),
        ("empty.warc.gz", gzip.compress(b""), "EW101"),
        ("cut-header.warc.gz", whole[:5], "EW201"),
        ("not-gzip.warc.gz", b"WARC/1.0 but not really\r\n\r\n", "EW201"),
        ("garbage.warc", b"\x00\x01garbage that is no archive" * 100, "EW201"),
        ("requests-only.warc", warc_bytes([("request", "https://arc.example.org/r", None, None, b"")], gzip=False),
         "EW201"),
    ]
    for name, data, code in cases:
        (folder / name).write_bytes(data)
        corpus.add(folder / name, name, FAILURE, code)
    # cut in the middle of the second record's payload: the first is read, the damage recorded once
    words = " ".join(f"{rng.getrandbits(40):x}" for _ in range(20_000))
    long_page = ("<html><body><p>" + words + "</p></body></html>").encode()
    long_records = [page(2), ("response", "https://arc.example.org/long", "200 OK", "text/html", long_page)]
    first = len(warc_bytes(long_records[:1]))
    whole = warc_bytes(long_records)
    cut = folder / "truncated.warc.gz"
    cut.write_bytes(whole[: first + (len(whole) - first) // 2])
    corpus.add(f"{cut}#{long_records[0][1]}", "warc-good", ARTICLE)
    corpus.add(f"{cut}#{long_records[1][1]}", "warc-cut-record", FAILURE, "EW201")
    long_records[0] = page(3)
    plain = warc_bytes(long_records, gzip=False)
    cut_plain = folder / "truncated.warc"
    cut_plain.write_bytes(plain[: len(plain) - 200])
    corpus.add(f"{cut_plain}#{long_records[0][1]}", "warc-good", ARTICLE)
    corpus.add(f"{cut_plain}#{long_records[1][1]}", "warc-cut-record", FAILURE, "EW201")
    # a response record of `bomb_bytes` zeros in about bomb_bytes / 1000 bytes of gzip
    bomb = folder / "bomb.warc.gz"
    bomb.write_bytes(warc_bomb(bomb_bytes))
    corpus.add(f"{bomb}#https://arc.example.org/bomb", "warc-bomb-record", FAILURE, "EW104")  # the record
    corpus.add(bomb, "warc-bomb", FAILURE, "EW104")  # and the rest of the archive, left unread
    # a record whose Content-Length is wrong, followed by bomb_bytes of zeros with no line end
    line_bomb = folder / "line-bomb.warc.gz"
    line_bomb.write_bytes(warc_bytes([page(4)]) + _gzip_bomb(b"", bomb_bytes))
    corpus.add(f"{line_bomb}#{page(4)[1]}", "warc-good", ARTICLE)
    corpus.add(line_bomb, "warc-line-bomb", FAILURE, None)


def _write_good(corpus: Corpus, folder: Path, good: int) -> None:
    folder.mkdir(exist_ok=True)
    records = folder / "good.jsonl"
    lines = []
    for index in range(good):
        form = index % 3
        if form == 0:
            path = folder / f"article-{index}.txt"
            path.write_text(good_text(index))
            corpus.add(path, "good-text", ARTICLE)
        elif form == 1:
            path = folder / f"article-{index}.html"
            path.write_text(good_html(index))
            corpus.add(path, "good-html", ARTICLE)
        else:
            lines.append(json.dumps({"id": f"good-{index}", "text": good_text(index), "published": "2021-03-15"}))
            corpus.add(f"{records}#good-{index}", "good-jsonl", ARTICLE)
    records.write_text("\n".join(lines) + "\n")


def warc_bytes(records: list[tuple[str, str, str | None, str | None, bytes]], *, gzip: bool = True) -> bytes:
    """A web archive (one gzip member a record) of (type, url, status, content type, payload) records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for record_type, url, status, content_type, payload in records:
        if record_type == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        else:
            http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "arc.example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, record_type, payload=io.BytesIO(payload),
                                                      http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2021-03-15T09:00:00Z"}))
    return buffer.getvalue()


def warc_bomb(size: int) -> bytes:
    """A gzipped WARC response record of `size` zero bytes, in about size / 1000 bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://arc.example.org/bomb\r\n"
            b"WARC-Date: 2021-03-15T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000016>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            + f"Content-Length: {len(http) + size}\r\n\r\n".encode() + http)
    return _gzip_bomb(head, size) + gzip.compress(b"\r\n\r\n")


def _gzip_bomb(head: bytes, size: int) -> bytes:
    """`head`, then `size` zero bytes, gzipped in members of 1 MiB of zeros each (cheap to build)."""
    zeros = gzip.compress(b"\x00" * MIB, compresslevel=9)
    members, rest = divmod(size, MIB)
    return gzip.compress(head) + zeros * members + gzip.compress(b"\x00" * rest)


def _tag_soup(seed: int) -> bytes:
    rng = random.Random(seed)
    tags = ["div", "span", "p", "a", "b", "table", "td", "li", "ul", "font", "marquee"]
    parts = []
    for _ in range(2_000):
        tag = rng.choice(tags)
        parts.append(rng.choice([f"<{tag}>", f"</{tag}>", f"<{tag} class='{rng.random()}'>", "&amp;", "&#x41;",
                                 rng.choice(["lorem", "ipsum", "x", "42", "<", ">", "&"])]))
    return ("<html><body>" + "".join(parts)).encode()


def _printable(name: str) -> str:
    from eventwire.ingest.names import printable_source

    return printable_source(name)
