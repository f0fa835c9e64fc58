"""The TUI's Textual-free parts: row layout, library filter and sort, removed spans, shared sentences."""
from __future__ import annotations

from reader.ingest import load_article
from reader.model import Article, LineSpan, Removed
from reader.summarize.compare import shared_sentences
from reader.triage.catalog import listing_of
from reader.triage.ingest_cache import Listing
from reader.tui.library import Library, SortKey, arrange
from reader.tui.notes import removed_spans
from reader.tui.widgets.source_layout import SourceLines, display_column, wrap_offsets
from tui_helpers import SEEDS


def test_wrap_offsets_edge_cases() -> None:
    assert wrap_offsets("", 10) == [(0, 0)]
    assert wrap_offsets("abc", 10) == [(0, 3)]
    assert wrap_offsets("abcdefghij", 10) == [(0, 10)]  # exactly the width: one row
    assert wrap_offsets("hello world again", 11) == [(0, 11), (12, 17)]  # breaks at the space
    assert wrap_offsets("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]  # a long word is cut
    rows = wrap_offsets("日本語のテキスト", 6)  # wide characters: 2 cells each
    assert rows == [(0, 3), (3, 6), (6, 8)]
    assert wrap_offsets("abc", 0) == [(0, 1), (1, 2), (2, 3)]


def test_every_character_lands_in_exactly_one_row() -> None:
    text = "The council voted 9-4 on Tuesday to adopt the plan, which takes effect next year."
    rows = wrap_offsets(text, 17)
    assert rows[0][0] == 0 and rows[-1][1] == len(text)
    assert all(b - a <= 17 for a, b in rows)
    for (_, end), (start, _) in zip(rows, rows[1:]):
        assert start == end or (start == end + 1 and text[end] == " ")  # only a wrapping space is dropped


def test_display_column_counts_visible_control_characters() -> None:
    line = "a\x1b[31mred"
    assert display_column(line, 1) == 1
    assert display_column(line, 2) == 3  # ESC shows as two characters, ^[
    assert display_column("plain", 3) == 3


def test_layout_hides_removed_runs_behind_one_placeholder() -> None:
    lines = SourceLines(["---", "title: x", "---", "", "Body text here."],
                        [(LineSpan(1, 3), "front matter")])
    shown = lines.layout(40, show_removed=True)
    assert [r.line for r in shown.rows] == [1, 2, 3, 4, 5]
    assert lines.text_of(1, True).endswith("[front matter]")
    hidden = lines.layout(40, show_removed=False)
    assert hidden.rows[0].placeholder == "┄ L1-3 hidden: front matter"
    assert hidden.line_rows[2] == (0, 0) and hidden.stops == [1, 4, 5]


def test_layout_makes_control_characters_visible() -> None:
    lines = SourceLines(["bad \x1b[2J clear"])
    assert "\x1b" not in lines.text_of(1, True)
    assert "^[[2J" in lines.text_of(1, True)


def article(path: str, title: str, date: str | None, source: str | None, text: str = "") -> Listing:
    return listing_of(Article(path=path, title=title, date=date, source=source, text=text))


def test_library_filter_and_sort() -> None:
    library = Library()
    library.add(article("a.txt", "Oil prices rise", "2024-01-02", "Wire"))
    library.add(article("b.txt", "Council votes", "2024-01-05", "Courier"))
    library.add(article("c.txt", "oil and gas", None, None))
    assert [e.listing.path for e in arrange(library.entries, "OIL")] == ["a.txt", "c.txt"]
    assert [e.listing.path for e in arrange(library.entries, "oil prices")] == ["a.txt"]
    assert [e.listing.path for e in arrange(library.entries, "courier")] == ["b.txt"]
    assert [e.listing.path for e in arrange(library.entries, "  ")] == ["a.txt", "b.txt", "c.txt"]
    by_date = arrange(library.entries, key=SortKey.DATE, reverse=True)
    assert [e.listing.path for e in by_date] == ["b.txt", "a.txt", "c.txt"]  # undated last
    by_source = arrange(library.entries, key=SortKey.SOURCE)
    assert [e.listing.path for e in by_source] == ["b.txt", "a.txt", "c.txt"]  # no source last
    by_title = arrange(library.entries, key=SortKey.TITLE)
    assert [e.listing.path for e in by_title] == ["b.txt", "c.txt", "a.txt"]


def test_removed_spans_never_dim_kept_lines() -> None:
    loaded = load_article(SEEDS / "02-metro-transit-wire.md")
    assert isinstance(loaded, Article)
    spans = removed_spans(loaded)
    assert spans == [(LineSpan(1, 17), "front matter")]  # the YAML block: "---" on line 1 and on line 17
    kept = {line for s in loaded.sentences if s.kind != "excerpt" for line in range(s.span.start, s.span.end + 1)}
    assert not kept & {line for span, _ in spans for line in range(span.start, span.end + 1)}
    fake = Article(path="x", text="a\nb\nc\n", removed=[Removed(LineSpan(1, 3), "boilerplate")])
    assert removed_spans(fake) == [(LineSpan(1, 3), "boilerplate")]


def test_shared_sentences_pair_positions_across_two_articles() -> None:
    a = load_article(SEEDS / "11-skyline-science-meteorite.txt")
    b = load_article(SEEDS / "12-high-plains-observer-meteorite.md")
    assert isinstance(a, Article) and isinstance(b, Article)
    pairs = shared_sentences(a, b)
    for left, right in pairs:
        assert left in a.sentences and right in b.sentences
    lines = {(left.span.start, right.span.start) for left, right in pairs}
    # Read in the two files: the same quote ("as fresh as a sample from space", "a lump of coal") and
    # the same finding ("a CM2 carbonaceous chondrite") stand on these lines.
    assert {(11, 35), (21, 23), (9, 29)} <= lines
    assert shared_sentences(a, Article(path="empty")) == []


def test_load_batches_sends_first_rows_before_the_rest(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.loader_worker import FIRST_BATCH, load_batches

    for number in range(FIRST_BATCH * 3):
        (tmp_path / f"{number:03}.txt").write_text(f"Headline {number}\n\nThe council met on day {number}. It voted.\n")
    (tmp_path / "zz-empty.txt").write_bytes(b"")
    batches = list(load_batches([tmp_path], interval=3600))
    assert batches[0].total == FIRST_BATCH * 3 + 1 and batches[0].done == 0 and not batches[0].listings
    assert len(batches[1].listings) == FIRST_BATCH and batches[1].done < batches[1].total
    assert batches[-1].finished and batches[-1].done == batches[-1].total
    assert sum(len(b.listings) for b in batches) == FIRST_BATCH * 3
    assert [f.path.endswith("zz-empty.txt") for b in batches for f in b.failures] == [True]
    first = batches[1].listings[0]
    assert "headline 0" in first.search_text and first.words == 10  # "The council met on day 0. It voted." + title


def test_load_batches_stops_when_cancelled(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.loader_worker import load_batches

    for number in range(30):
        (tmp_path / f"{number:03}.txt").write_text("Headline\n\nA sentence with words. Another one here.\n")
    seen = 0
    batches = load_batches([tmp_path], cancelled=lambda: seen >= 2, interval=0)
    for _ in batches:
        seen += 1
    assert seen < 30


def test_load_batches_in_a_process_pool_keeps_file_order(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import reader.parallel as parallel
    import reader.triage.catalog as catalog
    import reader.tui.loader_worker as loader

    for number in range(40):
        (tmp_path / f"{number:03}.txt").write_text(f"Headline {number}\n\nThe council met on day {number}. It voted.\n")
    (tmp_path / "020-empty.txt").write_bytes(b"")
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 10)
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    monkeypatch.setattr(parallel, "CHUNK_ITEMS", 5)
    monkeypatch.setattr(parallel.ordered_map, "__kwdefaults__",
                        {**parallel.ordered_map.__kwdefaults__, "chunk": 5, "min_items": 10})
    parallel.prepare()
    here: list[str] = []  # files parsed in this process: only the first batch when the pool works
    parse = catalog.load_article
    monkeypatch.setattr(catalog, "load_article", lambda path, shown: here.append(shown) or parse(path, shown))
    batches = list(loader.load_batches([tmp_path], interval=0))
    assert len(here) == loader.FIRST_BATCH
    titles = [a.title for b in batches for a in b.listings]
    assert titles == [f"Headline {n}" for n in range(40)]
    assert [f.path for b in batches for f in b.failures] == [str(tmp_path / "020-empty.txt")]
    assert batches[-1].finished and batches[-1].done == 41
