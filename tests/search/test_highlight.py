"""Result snippets start near the first match and mark every match they show, however long the text."""

from extranet.search.highlight import query_terms, snippet


def test_a_snippet_of_a_long_text_marks_the_matches_around_the_first_one():
    """Far into a long text: the snippet starts a little before the first match and stops before later ones."""
    text = "Ordre du jour. " * 50 + "Travaux de voirie : la voirie communale rouvre. " + "Divers. " * 100 + "voirie"

    shown = snippet(text, query_terms("Voiries"))

    assert shown.startswith("… ") and shown.endswith(" …")
    assert shown.count("<mark>voirie</mark>") == 2
    assert "Travaux de <mark>voirie</mark> : la <mark>voirie</mark> communale" in shown
