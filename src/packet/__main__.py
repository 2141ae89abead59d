"""`python -m packet` runs the command line."""

from .cli import main

main()
