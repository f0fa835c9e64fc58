"""`reader show PATH`: one parsed article, as numbered source lines or JSON."""
from __future__ import annotations

import argparse

from reader.commands.common import load_reporting, stdout_console
from reader.output.article_json import article_dict
from reader.output.article_text import render_article
from reader.output.places import common_root
from reader.output.sanitize import dumps


def run_show(options: argparse.Namespace) -> int:
    articles, errors = load_reporting(options.paths)
    if options.format == "json":
        data = [article_dict(a) for a in articles]
        if data:
            print(dumps(data[0] if len(options.paths) == 1 and len(data) == 1 else data))
    else:
        console = stdout_console()
        root = common_root([a.path for a in articles])
        for number, article in enumerate(articles):
            if number:
                console.print()
            render_article(article, console, root)
    return 1 if errors else 0
