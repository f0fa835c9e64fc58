"""Newsletters through ingest: headers decoded, the right body part, mail furniture out, and citations at the
lines of the (encoded) file that hold each sentence."""
from __future__ import annotations

import base64
import html
import quopri
import re
from pathlib import Path

from reader.ingest import iter_inputs, load_article
from reader.ingest.email_furniture import mail_furniture
from reader.ingest.mime_parts import Part, decode_part
from reader.ingest.plain import plain_blocks
from reader.model import Article, LoadError

EMAIL = Path(__file__).resolve().parents[1] / "fixtures" / "email"
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(html.unescape(re.sub(r"<[^>]*>", " ", text))))


def load(name: str) -> Article:
    article = load_article(EMAIL / name)
    assert isinstance(article, Article), article
    return article


def test_quoted_printable_newsletter() -> None:
    article = load("newsletter-qp.eml")
    assert article.title == "Breakwater vote — the morning briefing"  # RFC 2047 subject
    assert (article.date, article.source) == ("2026-09-16", "The Harbour Gazette")
    texts = [s.text for s in article.sentences]
    assert texts[0] == "Good morning from the harbour desk."
    assert any("“the only responsible choice”" in t and "cafés" in t for t in texts)  # =E2=80=9C, =C3=A9 decoded
    assert not any("browser" in t or "Unsubscribe" in t or "receiving" in t or ".gif" in t for t in texts)
    reasons = {r.reason for r in article.removed}
    assert {"browser-version link", "tracking image", "subscription footer"} <= reasons
    lines = article.lines
    for sentence in article.sentences:  # the cited encoded lines, decoded by the standard library, hold it
        raw = "\n".join(lines[sentence.span.start - 1:sentence.span.end]).encode()
        assert words(sentence.text) in words(quopri.decodestring(raw).decode("utf-8")), sentence


def test_html_only_base64_newsletter_cites_the_encoded_lines() -> None:
    article = load("newsletter-base64-html.eml")
    assert article.title == "Orchard festival returns — weekly digest"  # base64-encoded subject
    assert article.source == "Valley Récord Weekly"  # ISO-8859-1 encoded From name
    assert article.sentences[0].text.startswith("The valley’s orchard harvest festival")
    assert not any("View it online" in s.text or "Unsubscribe" in s.text for s in article.sentences)
    lines = article.lines
    for sentence in article.sentences:
        chunk = "".join(lines[sentence.span.start - 1:sentence.span.end])
        decoded = base64.b64decode(chunk).decode("utf-8", "replace")
        assert words(sentence.text) in words(decoded), sentence


def test_forwarded_headers_and_reply_marks_are_left_out() -> None:
    article = load("forwarded.eml")
    assert article.title == "Ferry operator adds winter sailings"
    assert article.sentences[0].text.startswith("The island ferry will run")
    assert [s.span.start for s in article.sentences] == [14, 16, 18]
    assert [r.reason for r in article.removed][:2] == ["forwarded-message header"] * 2


def test_mbox_gives_one_article_per_message() -> None:
    inputs = list(iter_inputs([EMAIL / "weekly.mbox"]))
    assert len(inputs) == 2 and all(not isinstance(i, LoadError) for i in inputs)
    first, second = (load_article(i[1], i[0]) for i in inputs)  # type: ignore[index]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.date, first.source) == ("New bus route for the old town", "2026-09-07",
                                                       "Market Street Weekly")
    assert [s.span.start for s in first.sentences] == [9, 10, 12]
    assert second.title == "Bakery celebrates fifty years"
    assert "two recessions and a fire." in second.sentences[1].text  # a soft line break inside a word
    assert (second.sentences[1].span.start, second.sentences[1].span.end) == (28, 29)
    assert first.item_lines is not None and first.item_lines.end < second.item_lines.start  # type: ignore[union-attr]


def test_quoted_printable_map_points_each_character_home() -> None:
    text = "x\nCaf=C3=A9 au=\nlait\n"
    part = Part("text/plain", "utf-8", "quoted-printable", 2, len(text))
    body = decode_part(text, part)
    assert body.text == "Café aulait\n"
    assert body.to_file(3) == text.index("=C3")  # é sits at its escape
    assert text[body.to_file(body.text.index("lait"))] == "l"  # after the soft break, exact again


def test_furniture_keeps_news_that_mentions_email() -> None:
    text = ("The minister said in an email to staff that the plan would go ahead this spring.\n\n"
            "Officials will publish the full report online next week, the department said.\n")
    kept, dropped = mail_furniture(plain_blocks(text))
    assert len(kept) == 2 and not dropped


def test_a_plain_stub_beside_html_gives_way_to_the_html(tmp_path: Path) -> None:
    message = tmp_path / "stub.eml"
    message.write_text(
        "From: Desk <d@example.org>\nSubject: Stub\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        "Your mail program cannot show this message.\n--b\nContent-Type: text/html\n\n"
        "<p>The library will stay open until nine on weekdays from October, the board decided.</p>\n--b--\n")
    article = load_article(message)
    assert isinstance(article, Article)
    assert article.sentences[0].text.startswith("The library will stay open")
    assert article.sentences[0].span.start == 13  # the <p> line of the HTML part


def test_a_page_saved_as_mhtml_is_read_as_its_html_part_with_the_site_as_outlet(tmp_path: Path) -> None:
    """Chrome's "Save page as... single file": MIME multipart/related, the page quoted-printable.
    Its From is the browser ("<Saved by Blink>"), not an outlet; the page's address names the site."""
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
            "<title>Storm knocks out power to 20,000</title></head><body><h1>Storm knocks out power to 20,000</h1>"
            "<p>A storm with winds of 70 mph knocked out power to about 20,000 homes on Monday night, the utility "
            "said.</p><p>Crews expect to restore most customers by Wednesday.</p></body></html>")
    encoded = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    text = ("From: <Saved by Blink>\nSnapshot-Content-Location: https://www.news.example/story\n"
            "Subject: Storm knocks out power to 20,000\nDate: Tue, 12 Mar 2024 10:00:00 -0000\nMIME-Version: 1.0\n"
            'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="----MultipartBoundary--abc----"\n\n\n'
            "------MultipartBoundary--abc----\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n"
            f"Content-Location: https://www.news.example/story\n\n{encoded}\n------MultipartBoundary--abc------\n")
    path = tmp_path / "saved.mhtml"
    path.write_text(text, encoding="ascii")
    article = load_article(path)
    assert isinstance(article, Article)
    assert article.title == "Storm knocks out power to 20,000" and article.source == "news.example"
    assert article.url == "https://www.news.example/story" and article.date is not None
    sentences = [s.text for s in article.sentences if s.kind == "text"]
    assert sentences[0].startswith("A storm with winds of 70 mph") and "=3D" not in " ".join(sentences)


def mail_article(path: Path, text: str) -> Article:
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    assert isinstance(article, Article), article
    return article


def test_a_forwarded_message_is_the_article_not_the_note_over_it(tmp_path: Path) -> None:
    """"Fwd:" with "FYI" and the news as a message/rfc822 part: the forwarded message's text, sender
    and date are the story's; the forwarder's one word is not the article."""
    text = ("From: Me <me@example.com>\nSubject: Fwd: Pool opening delayed\nDate: Tue, 4 Jun 2024 09:00:00 -0400\n"
            "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/plain\n\nFYI\n\n"
            "--B\nContent-Type: message/rfc822\n\nFrom: Parks Dept <parks@city.example>\nSubject: Pool opening delayed\n"
            "Date: Mon, 3 Jun 2024 08:00:00 -0400\nContent-Type: text/plain\n\nThe Riverside pool will open on June 20, "
            "two weeks late, because of a pump failure, the parks department said.\n\n--B--\n")
    article = mail_article(tmp_path / "fwd.eml", text)
    assert article.source == "Parks Dept" and article.date is not None and article.date.startswith("2024-06-03")
    assert article.title == "Pool opening delayed"
    assert [s.text for s in article.sentences if s.kind == "text"] == [
        "The Riverside pool will open on June 20, two weeks late, because of a pump failure, the parks department said."]
    assert article.sentences[-1].span.start == text.splitlines().index(article.sentences[-1].text) + 1


def test_the_signature_under_its_dash_dash_line_is_left_out(tmp_path: Path) -> None:
    text = ("From: Jose <jose@example.com>\nSubject: Metro line opens\nDate: Mon, 5 Aug 2024 09:00:00 +0200\n"
            "Content-Type: text/plain\n\nThe regional government opened a 12-kilometre metro line on Monday.\n\n"
            "The project cost 900 million euros.\n\n-- \nJose Martin\nDiario del Sur\n")
    article = mail_article(tmp_path / "signed.eml", text)
    assert [s.text for s in article.sentences if s.kind == "text"] == [
        "The regional government opened a 12-kilometre metro line on Monday.", "The project cost 900 million euros."]
    assert any(r.reason == "signature" and r.span.start == 11 for r in article.removed)
