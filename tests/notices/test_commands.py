"""The `notices_require_approval` management command, for the département's administrators."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from extranet.notices.selectors import notice_section_requires_approval

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("notices_require_approval", *args, stdout=out)
    return out.getvalue()


def test_the_command_switches_approval_on_and_off(section, departement):
    """`jargeau` requires approval, `jargeau --off` lifts it; each run says so in French."""
    assert "validation par les éditeurs du Département" in run("jargeau")
    assert notice_section_requires_approval(section=section)

    assert "publient désormais leurs avis directement" in run("jargeau", "--off")
    assert not notice_section_requires_approval(section=section)


def test_an_unknown_organisation_is_reported(db):
    """A wrong slug stops the command with a French message."""
    with pytest.raises(CommandError, match="Aucune organisation n'a l'identifiant « nulle-part »"):
        run("nulle-part")


def test_a_platform_without_departement_is_reported(section):
    """Without a département the command explains why approval is impossible."""
    with pytest.raises(CommandError, match="un et un seul département"):
        run("jargeau")
