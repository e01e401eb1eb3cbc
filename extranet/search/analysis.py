"""French text analysis shared by the Whoosh index and the result snippets, so both match the same words."""

from whoosh.analysis import CharsetFilter, LowercaseFilter, NgramFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map


def french_analyzer():
    """Tokenise, lower-case, drop French stop words, fold accents, then stem with Snowball French.

    Folding before stemming gives the stemmer the same letters whether or not the accents were typed
    (stemming "barrières" and "barrieres" as written gives two different stems), so `reunion` finds
    "Réunion", `eleves` finds "élèves" and `barrieres` finds "barrières".
    """
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords_for_language("fr"), minsize=2)
        | CharsetFilter(accent_map)
        | StemFilter(lang="fr")
    )


def prefix_analyzer(minsize: int = 2, maxsize: int = 15):
    """Word prefixes without accents, for completion as one types (`reu` proposes "Réunion")."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | NgramFilter(minsize, maxsize, at="start")
