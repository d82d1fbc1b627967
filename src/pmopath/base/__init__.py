"""The bottom layer: words and numbers as a person reads them, and the error family. Imports nothing from pmopath."""
