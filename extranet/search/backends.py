"""haystack's Whoosh backend with French analysis (its own is English-only)."""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.fields import FacetField
from whoosh.fields import ID, NGRAMWORDS, TEXT

from .analysis import french_analyzer, prefix_analyzer


class FrenchWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            name = field_class.index_fieldname
            field = schema[name]
            if isinstance(field_class, FacetField) and isinstance(field, TEXT):
                # Facet values are whole values (an organisation's slug), never analysed into words.
                schema.remove(name)
                schema.add(name, ID(stored=True, sortable=True))
            elif isinstance(field, NGRAMWORDS):
                field.analyzer = prefix_analyzer()
            elif isinstance(field, TEXT) and not field_class.analyzer:
                field.analyzer = french_analyzer()
        return content_field_name, schema


class FrenchWhooshEngine(WhooshEngine):
    backend = FrenchWhooshSearchBackend
