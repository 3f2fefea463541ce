"""``python -m factcheck.cli``: the same commands as the ``factcheck`` program."""
from . import main

main()
