"""Limits shared by the profile model and the command line (no imports: cheap for --help)."""

#: The weekly hours for development a profile (and ``--hours-per-week``) may give: below
#: half an hour a week no plan can end in a lifetime.
MIN_HOURS_PER_WEEK = 0.5
MAX_HOURS_PER_WEEK = 80.0
