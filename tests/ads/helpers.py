import html
import re

from tests.ads.factories import image_bytes, upload

CREATE_URL = "/annonces/deposer/"


def page_text(response) -> str:
    """The page as a reader gets it: tags removed, entities decoded, non-breaking spaces as spaces."""
    return html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).replace("\xa0", " ")


def photo_management(*, total=5, prefix="photos"):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}


def ad_form_data(organisation, **overrides):
    """A complete posting form: the ad's fields, the photo slots' management data, and `photos` as files."""
    photos = overrides.pop("photos", [])
    data = {
        "organisation": organisation.pk,
        "kind": "pret",
        "category": "materiel",
        "title": "Prêt d'une nacelle élévatrice",
        "description": "Nacelle de 12 mètres, révisée en mars.",
        "price": "",
        "location": "",
        **photo_management(),
    }
    for number, (file, alt_text) in enumerate(photos):
        data[f"photos-{number}-photo"] = file
        data[f"photos-{number}-alt_text"] = alt_text
    data.update(overrides)
    return data


def valid_photo(alt_text="Nacelle orange", **options):
    return (upload(image_bytes(**options)), alt_text)
