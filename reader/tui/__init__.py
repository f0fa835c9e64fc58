"""The Textual reader: a library of articles, each read side by side with a summary that cites its lines.

Only `reader [PATH...]` imports this package; the one-shot subcommands never do, so they start fast.
"""
