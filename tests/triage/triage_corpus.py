"""Small distinct articles on disk for the triage tests ."""
from __future__ import annotations

from pathlib import Path

from reader.ingest import load_article
from reader.model import Article

TOPICS = ["harbour ferry", "school budget", "river flood", "city library", "rail strike", "museum roof"]


def article_text(topic: str, extra: str = "") -> str:
    return (f"Town debates the {topic}\n\nThe council met on Tuesday to discuss the {topic}. "
            f"Residents asked questions about the {topic} for two hours.\n\n"
            f"A final vote on the {topic} is due next month.{extra}\n")


def write_articles(folder: Path, count: int = 3) -> list[Path]:
    """`count` distinct articles named a0.txt, a1.txt, ... in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"a{number}.txt"
        path.write_text(article_text(TOPICS[number % len(TOPICS)], f" Item {number}."))
        paths.append(path)
    return paths


def load(path: Path) -> Article:
    article = load_article(path)
    assert isinstance(article, Article), article
    return article
