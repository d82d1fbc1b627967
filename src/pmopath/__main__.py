"""`python -m pmopath`."""

from pmopath.cli import main

if __name__ == "__main__":
    main()
