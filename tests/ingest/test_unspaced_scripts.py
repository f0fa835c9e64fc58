"""Chinese, Japanese and Arabic text: sentence ends the Punkt model does not know, and word counts
for text written without spaces."""
from __future__ import annotations

from pathlib import Path

from reader.ingest import load_article
from reader.ingest.sentences import split_spans
from reader.text_scripts import count_words

ZH = "市议会周二以9比4的投票结果通过了拥堵费方案。该法令将于2027年1月4日生效，每年将筹集约1.18亿美元。市长表示该计划将挽救生命！批评者认为该费用对劳动人民打击最大？"


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)]


def test_chinese_full_stops_and_marks_end_sentences() -> None:
    assert _sentences(ZH) == ["市议会周二以9比4的投票结果通过了拥堵费方案。", "该法令将于2027年1月4日生效，每年将筹集约1.18亿美元。",
                              "市长表示该计划将挽救生命！", "批评者认为该费用对劳动人民打击最大？"]


def test_a_japanese_quotation_stays_in_the_sentence_reporting_it() -> None:
    assert _sentences("「東京は晴れ。」と彼は言った。次の文です。") == ["「東京は晴れ。」と彼は言った。", "次の文です。"]


def test_the_arabic_question_mark_ends_a_sentence() -> None:
    text = "قال المسؤولون إن الخطة ستنقذ الأرواح؟ انتقد المعارضون الرسوم."
    assert _sentences(text) == ["قال المسؤولون إن الخطة ستنقذ الأرواح؟", "انتقد المعارضون الرسوم."]


def test_words_of_unspaced_text_are_counted_by_characters() -> None:
    assert count_words("Ferries stopped on Monday.") == 4
    assert count_words("市长表示该计划将挽救生命！") == 1 + 12 // 2
    assert count_words("Café owners said “non”.") == 4


def test_a_chinese_article_has_text_and_a_summary_to_quote(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text("市议会批准拥堵费\n\n" + ZH + "\n\n州交通委员会将于六月审查该计划。\n", encoding="utf-8")
    article = load_article(path)
    kinds = [(s.kind, s.span.start) for s in article.sentences]
    assert kinds[0] == ("heading", 1) and all(kind == "text" for kind, _ in kinds[1:]) and len(kinds) == 6
    assert all(s.is_candidate for s in article.sentences[1:])
