"""Overrides of a few machina classes, through machina's own `get_class` loading.

machina looks a class up first in an installed app whose module path ends with the machina app's name, then in
machina itself. These apps have no models (machina's own apps keep theirs) and distinct labels.
"""
