from django.contrib.auth import get_user_model
from wagtail import hooks

from . import services


@hooks.register("after_bulk_action")
def accounts_changed_in_bulk(request, action_type, objects, action_class_instance):
    """Wagtail's "set active state" bulk action updates accounts without saving them: broadcast the change."""
    if action_type == "set_active_state" and issubclass(action_class_instance.model, get_user_model()):
        services.users_changed(users=objects)
