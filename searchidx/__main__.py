"""`python -m searchidx`: the same as the `searchidx` command."""

from searchidx.cli import main

main()
