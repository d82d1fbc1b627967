"""The engine: work time, certification eligibility, paths, scoring and the dated plan. Pure functions of models and a day; importing it reads no file."""
