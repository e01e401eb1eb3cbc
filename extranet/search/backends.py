"""haystack's Whoosh backend with a French analyzer (its own is English-only)."""

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import TEXT
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map


def french_analyzer():
    """Tokenise, lower-case, drop French stop words, stem with Snowball French, then fold accents.

    Stemming runs on the accented word (the French stemmer expects accents) and folding comes last,
    so `reunion` finds "Réunion" and `eleves` finds "élèves".
    """
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords_for_language("fr"), minsize=2)
        | StemFilter(lang="fr")
        | CharsetFilter(accent_map)
    )


class FrenchWhooshSearchBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field_class in fields.values():
            index_name = field_class.index_fieldname
            if isinstance(schema[index_name], TEXT) and not field_class.analyzer:
                schema[index_name].analyzer = french_analyzer()
        return content_field_name, schema


class FrenchWhooshEngine(WhooshEngine):
    backend = FrenchWhooshSearchBackend
