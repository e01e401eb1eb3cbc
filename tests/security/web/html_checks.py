"""What an injected payload would leave in a page, found in the parsed HTML (lxml)."""

import re

import lxml.html

# Schemes that run script or show attacker's HTML in our origin, after the browser's own clean-up of the value
# (it drops ASCII whitespace and control characters anywhere in the scheme).
DANGEROUS_URL = re.compile(r"^(javascript|vbscript|data:text/html|data:image/svg|data:application)", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster", "background"}
# Elements none of our templates use: any of them in a page came from content.
FOREIGN_ELEMENTS = {"iframe", "object", "embed", "base", "style", "frame", "frameset", "applet", "math"}
# The only scripts we serve: our static files, and inert JSON data (json_script).
OUR_SCRIPT = re.compile(r"^/static/")
JSON_TYPES = {"application/json", "application/ld+json"}


def _normalised(value: str) -> str:
    return re.sub(r"[\x00-\x20]", "", value)


def dangerous_markup(html: str, *, allowed_frames=()) -> list[str]:
    """Every element of the page that could run a script or load foreign content, described for an assertion."""
    tree = lxml.html.document_fromstring(html)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower().rsplit("}", 1)[-1]
        description = lxml.html.tostring(element, encoding="unicode")[:160]
        if tag == "script":
            source = element.get("src")
            if source is None and element.get("type", "").lower() not in JSON_TYPES:
                found.append(f"inline script: {description}")
            elif source is not None and not OUR_SCRIPT.match(source):
                found.append(f"foreign script: {description}")
        if tag in FOREIGN_ELEMENTS and not (tag == "iframe" and element.get("src") in allowed_frames):
            found.append(f"<{tag}>: {description}")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"event handler {name}: {description}")
            elif name == "style":
                found.append(f"style attribute: {description}")
            elif name.rsplit("}", 1)[-1] in URL_ATTRIBUTES and DANGEROUS_URL.match(_normalised(value)):
                found.append(f"dangerous URL in {name}: {description}")
        if tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append(f"meta refresh: {description}")
    return found
