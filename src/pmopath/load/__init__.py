"""The loading layer: safe YAML reading and writing, data into models with file/line/field errors, the cache, the store of saved assessments, the user's folders."""
