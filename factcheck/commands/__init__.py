"""CLI command groups that live beside the core commands of factcheck.cli.

Each module exposes ``register(main)``; modules import only click at import
time so that ``factcheck --help`` stays fast.
"""
