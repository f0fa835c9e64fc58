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


def test_the_danda_and_other_full_stops_end_sentences() -> None:
    assert _sentences("दिल्ली में रविवार को भारी बारिश हुई। कई इलाकों में पानी भर गया। स्कूल बंद रहेंगे॥") == [
        "दिल्ली में रविवार को भारी बारिश हुई।", "कई इलाकों में पानी भर गया।", "स्कूल बंद रहेंगे॥"]
    assert _sentences("یہ پہلا جملہ ہے۔ یہ دوسرا جملہ ہے۔") == ["یہ پہلا جملہ ہے۔", "یہ دوسرا جملہ ہے۔"]


def test_a_space_between_thai_words_ends_a_sentence() -> None:
    """Thai has no full stop: a space ends the sentence, and digits or Latin words inside one do not."""
    text = "รัฐบาลไทยประกาศขึ้นค่าแรงเป็น 400 บาทต่อวัน นายกรัฐมนตรีกล่าวว่าการขึ้นค่าแรงจะช่วยลดภาระ"
    assert _sentences(text) == ["รัฐบาลไทยประกาศขึ้นค่าแรงเป็น 400 บาทต่อวัน", "นายกรัฐมนตรีกล่าวว่าการขึ้นค่าแรงจะช่วยลดภาระ"]


def test_thai_paragraphs_are_summarized_and_indic_words_keep_their_vowel_signs(tmp_path: Path) -> None:
    from reader.summarize import summarize_article
    from reader.summarize.tokens import words

    assert words("भारी बारिश हुई।") == ["भारी", "बारिश", "हुई"]  # \w has no vowel signs: "ब", "र", "श" before
    path = tmp_path / "th.txt"
    path.write_text("รัฐบาลประกาศขึ้นค่าแรงขั้นต่ำ\n\nรัฐบาลไทยประกาศขึ้นค่าแรงขั้นต่ำเป็น400บาทต่อวันทั่วประเทศเริ่มตั้งแต่เดือนตุลาคม "
                    "ภาคธุรกิจแสดงความกังวลเรื่องต้นทุนที่เพิ่มขึ้นอย่างมาก\n", encoding="utf-8")
    article = load_article(path)
    assert [s.kind for s in article.sentences] == ["heading", "text", "text"]
    assert len(summarize_article(article, "reader", count=3)) == 2
    assert count_words("รัฐบาลไทยประกาศขึ้นค่าแรง") == 25 // 4 + 1  # a Thai word is about four code points
