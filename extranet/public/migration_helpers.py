"""Helpers for data migrations that create the public area's index pages.

Historical models have no treebeard methods, so the next child's materialised path is computed here
the way Wagtail computes it (base 36, four characters per level).
"""

from django.db.models import F

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4


def _encode(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEP_LENGTH, "0")


def create_index_page(apps, *, model: str, title: str, slug: str, **fields):
    """Create a page of `model` ("app_label.ModelName") as the last child of the home page, if missing."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    page_model = apps.get_model(model)
    if page_model.objects.exists():
        return
    home = apps.get_model("public.HomePage").objects.order_by("path").first()
    if home is None:
        return
    last_child = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    number = int(last_child.path[-STEP_LENGTH:], 36) + 1 if last_child else 1
    app_label, model_name = model.split(".")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    page_model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=content_type,
        path=home.path + _encode(number),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{slug}/",
        locale_id=home.locale_id,
        live=True,
        **fields,
    )
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)


def delete_index_page(apps, *, model: str):
    Page = apps.get_model("wagtailcore.Page")
    for page in apps.get_model(model).objects.all():
        parent_path = page.path[:-STEP_LENGTH]
        Page.objects.filter(path__startswith=page.path).delete()
        Page.objects.filter(path=parent_path).update(numchild=F("numchild") - 1)
