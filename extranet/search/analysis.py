"""French text analysis shared by the Whoosh index and the result snippets, so both match the same words."""

from whoosh.analysis import CharsetFilter, LowercaseFilter, NgramFilter, RegexTokenizer, StemFilter, StopFilter
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


def prefix_analyzer(minsize: int = 2, maxsize: int = 15):
    """Word prefixes without accents, for completion as one types (`reu` proposes "Réunion")."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | NgramFilter(minsize, maxsize, at="start")
