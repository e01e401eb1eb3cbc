"""Every content type in the unified search follows the contract: a kind, a label, and who may read it."""

from haystack import connections

from extranet.search.indexes import SearchDocument


def registered_indexes():
    return list(connections["default"].get_unified_index().get_indexes().values())


def test_every_index_derives_from_the_search_document():
    """A new index cannot skip the audience filter: it must be a SearchDocument, with a kind and its label."""
    indexes = registered_indexes()

    assert indexes
    for index in indexes:
        assert isinstance(index, SearchDocument), f"{type(index).__name__} is not a SearchDocument"
        assert index.search_kind and str(index.search_kind_label), type(index).__name__
        assert type(index).prepare_visibility is not SearchDocument.prepare_visibility, type(index).__name__


def test_kinds_have_one_label_each():
    """Two indexes may share a kind (a space's home and its articles) only with the same label."""
    labels = {}
    for index in registered_indexes():
        labels.setdefault(index.search_kind, set()).add(str(index.search_kind_label))
    assert all(len(names) == 1 for names in labels.values()), labels
