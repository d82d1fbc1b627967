"""`python -m pmopath`."""

from pmopath.cli.entry import main

if __name__ == "__main__":
    main()
