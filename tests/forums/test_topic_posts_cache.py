"""A topic page's posts come from the cache, and every change of a post, a poster or a reader's rights shows at once."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from machina.apps.forum_conversation.forum_polls.models import TopicPoll, TopicPollOption, TopicPollVote
from machina.apps.forum_conversation.models import Topic

from tests.forums.factories import attachment, post_update_url, reply, reply_url, topic_url
from tests.organisations.factories import membership

pytestmark = pytest.mark.django_db

ATTACHMENTS_TEMPLATE = "forum_conversation/forum_attachments/attachments_detail.html"


def posts_in_page(page: str) -> str:
    return page[page.index('<article id="') : page.rindex("</article>")]


def posts_in(response) -> str:
    assert response.status_code == 200
    return posts_in_page(response.content.decode())


def posts_of(client, topic) -> str:
    return posts_in(client.get(topic_url(topic)))


@pytest.fixture
def discussion(private_topic, commune):
    """A member's topic with a colleague's reply."""
    reply(private_topic, poster=membership(commune).user, content="Nous passons par la communauté de communes.")
    return private_topic


def test_a_second_visit_renders_no_post(client, discussion, member):
    """The second visit shows the same posts without rendering them again."""
    client.force_login(member)
    first = client.get(topic_url(discussion))
    second = client.get(topic_url(discussion))
    assert ATTACHMENTS_TEMPLATE in [template.name for template in first.templates]
    assert ATTACHMENTS_TEMPLATE not in [template.name for template in second.templates]
    assert posts_in(second) == posts_in(first) and "Nous passons par la communauté de communes." in posts_in(second)


def test_the_attachments_are_loaded_only_to_render_the_posts(client, discussion, member):
    """A cached visit shows the attachment as the first did, having read only what the fingerprint needs of it."""
    attachment(discussion.posts.order_by("created").last(), name="arrete-de-voirie.pdf")
    client.force_login(member)
    pages, attachment_queries = [], []
    for _visit in range(2):
        with CaptureQueriesContext(connection) as captured:
            pages.append(posts_of(client, discussion))
        attachment_queries.append(sum("forum_attachments_attachment" in query["sql"] for query in captured))
    assert "arrete-de-voirie.pdf" in pages[0] and pages[1] == pages[0]
    assert attachment_queries == [2, 1]


def test_each_change_of_a_post_shows_on_the_next_visit(client, discussion, commune, member):
    """An edit, a new reply, an attachment, a poster's new name, an approval and a deletion show at once."""
    client.force_login(member)
    answer = discussion.posts.order_by("created").last()
    assert "Nous passons par la communauté de communes." in posts_of(client, discussion)

    answer.content = "Nous instruisons nous-mêmes depuis janvier."
    answer.save()
    assert "Nous instruisons nous-mêmes depuis janvier." in posts_of(client, discussion)

    reply(discussion, poster=member, content="Merci pour la réponse.")
    assert "Merci pour la réponse." in posts_of(client, discussion)

    attachment(answer, name="convention-instruction.pdf")
    assert "convention-instruction.pdf" in posts_of(client, discussion)

    answer.poster.last_name = "Marchand-Leroy"
    answer.poster.save()
    assert "Marchand-Leroy" in posts_of(client, discussion)

    held = reply(discussion, poster=member, content="Message en attente de validation.", approved=False)
    assert "Message en attente de validation." not in posts_of(client, discussion)
    held.approved = True
    held.save()
    assert "Message en attente de validation." in posts_of(client, discussion)

    answer.delete()
    assert "Nous instruisons nous-mêmes depuis janvier." not in posts_of(client, discussion)


def test_readers_with_other_rights_never_see_each_others_links(client, discussion, member, admin):
    """An administrator's edit and delete links on a colleague's reply never reach a plain member, either way round."""
    edit_link = post_update_url(discussion.posts.order_by("created").last())
    client.force_login(admin)
    as_admin = posts_of(client, discussion)
    client.force_login(member)
    as_member = posts_of(client, discussion)
    client.force_login(admin)
    assert edit_link in as_admin and edit_link not in as_member
    assert as_admin.count("Supprimer") > as_member.count("Supprimer")
    assert posts_of(client, discussion) == as_admin


def test_locking_the_topic_takes_the_reply_and_quote_links_away(client, discussion, member):
    """Once the topic is locked, a member who may no longer reply is offered neither the reply button nor a quote."""
    client.force_login(member)
    reply_button = f'href="{reply_url(discussion)}"'
    page = client.get(topic_url(discussion)).content.decode()
    assert reply_button in page and "Citer" in posts_in_page(page)
    Topic.objects.filter(pk=discussion.pk).update(status=Topic.TOPIC_LOCKED)
    page = client.get(topic_url(discussion)).content.decode()
    assert reply_button not in page and "Citer" not in posts_in_page(page)


def test_the_cached_posts_follow_the_language(client, discussion, member):
    """The same posts read in English after French show the English links."""
    client.force_login(member)
    assert "Citer" in posts_of(client, discussion)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = posts_of(client, discussion)
    assert "Quote" in english and "Citer" not in english


def test_a_vote_shows_at_once_above_the_cached_posts(client, discussion, member):
    """The poll sits above the first post and shows the reader's vote on the next visit."""
    poll = TopicPoll.objects.create(topic=discussion, question="Quel service instruit ?", max_options=1)
    epci = TopicPollOption.objects.create(poll=poll, text="L'EPCI")
    client.force_login(member)
    before = client.get(topic_url(discussion)).content.decode()
    assert before.index("Quel service instruit ?") < before.index('<article id="')
    assert 'name="options"' in before
    TopicPollVote.objects.create(poll_option=epci, voter=member)
    after = client.get(topic_url(discussion)).content.decode()
    assert 'name="options"' not in after and "Changer votre vote" not in after
    assert "L&#x27;EPCI" in after
