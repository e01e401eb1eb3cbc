"""The index's version, which keys the cached results, is read without setting the backend up, index or not."""

import pytest
from django.conf import settings

from extranet.search.backends import FrenchWhooshSearchBackend

pytestmark = pytest.mark.django_db


def backend_at(path) -> FrenchWhooshSearchBackend:
    return FrenchWhooshSearchBackend("default", **{**settings.HAYSTACK_CONNECTIONS["default"], "PATH": str(path)})


def test_a_folder_without_an_index_has_no_version_until_one_is_set_up(tmp_path):
    """An empty or missing index folder gives no version (results are then not cached), not an error."""
    assert backend_at(tmp_path / "missing").index_version() is None
    (tmp_path / "index").mkdir()
    assert backend_at(tmp_path / "index").index_version() is None
    backend_at(tmp_path / "index").setup()
    assert backend_at(tmp_path / "index").index_version() is not None


def test_the_version_moves_with_each_commit(tmp_path):
    """A backend not set up reads the version a set-up one's commit left, and a new commit moves it."""
    writer = backend_at(tmp_path)
    writer.setup()
    before = backend_at(tmp_path).index_version()
    writer.index.optimize()
    assert backend_at(tmp_path).index_version() not in (None, before)
