"""pmopath: self-assessment and development roadmaps for the PMO career ladder."""

__version__ = "0.1.0"
