def lockout_username(request, credentials: dict | None) -> str:
    """The name django-axes counts failures under: the e-mail address, in lower case, whatever the form's field."""
    credentials = credentials or {}
    return str(credentials.get("email") or credentials.get("username") or "").strip().lower()
