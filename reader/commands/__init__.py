"""One module per one-shot subcommand; none imports Textual."""
