"""How a sentence names an organisation: French puts an article before most names ("le Département du Loiret",
"la Communauté de communes des Loges", none before "Jargeau") and contracts it with "de" and "à" ("du", "au",
"d'Olivet"). Templates use the filters of `organisation_names`; English sentences take the name alone.
"""

from django.utils.translation import get_language

# The article most names starting with these words take, for organisations created without one.
ARTICLE_OF_FIRST_WORD = {
    "département": "le",
    "conseil": "le",
    "syndicat": "le",
    "centre": "le",
    "collège": "le",
    "lycée": "le",
    "service": "le",
    "pôle": "le",
    "parc": "le",
    "groupement": "le",
    "communauté": "la",
    "métropole": "la",
    "région": "la",
    "préfecture": "la",
    "direction": "la",
    "maison": "la",
    "mairie": "la",
    "ville": "la",
    "commune": "la",
    "agence": "l'",
    "agglomération": "l'",
    "école": "l'",
    "hôpital": "l'",
    "institut": "l'",
    "office": "l'",
    "établissement": "l'",
    "association": "l'",
    "union": "l'",
}
VOWELS = set("aeiouyàâäéèêëîïôöùûüœæ")

# (preposition, article) -> what comes before the name; English takes the preposition alone.
FRENCH = {
    ("de", "le"): "du ",
    ("de", "la"): "de la ",
    ("de", "l'"): "de l'",
    ("de", "les"): "des ",
    ("à", "le"): "au ",
    ("à", "la"): "à la ",
    ("à", "l'"): "à l'",
    ("à", "les"): "aux ",
}
ENGLISH = {"de": "of ", "à": "to ", "": ""}


def article_guess(name: str) -> str:
    """The article a name most likely takes, from its first word ("" for a commune's name)."""
    first_word = name.strip().split(" ", 1)[0].lower() if name.strip() else ""
    return ARTICLE_OF_FIRST_WORD.get(first_word, "")


def organisation_phrase(organisation, preposition: str = "") -> str:
    """The organisation's name as a sentence of the active language needs it after `preposition` ("de", "à" or
    none, for "par", "avec" and the like, which do not contract): "du Département du Loiret", "d'Olivet",
    "la Communauté de communes des Loges"."""
    name, article = organisation.name, organisation.article
    if not (get_language() or "fr").startswith("fr"):
        return ENGLISH[preposition] + name
    if not article and preposition in ("de", "à"):
        # A commune's name may start with its own article: "du Bardon", "aux Bordes" (La and L' do not contract).
        for own_article in ("Les ", "Le "):
            if name.startswith(own_article):
                return FRENCH[preposition, own_article.strip().lower()] + name[len(own_article) :]
    if (preposition, article) in FRENCH:
        return FRENCH[preposition, article] + name
    if preposition == "de" and not article and name[:1].lower() in VOWELS:
        return f"d'{name}"
    named = f"{article}{name}" if article == "l'" else f"{article} {name}" if article else name
    return f"{preposition} {named}" if preposition else named
