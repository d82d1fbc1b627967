"""The models layer: the framework and the profile as frozen, validated models, and the catalogue of lookups over the framework. No file I/O."""
