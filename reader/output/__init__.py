"""Formatting articles and summaries for the terminal, Markdown and JSON; never imports Textual."""
