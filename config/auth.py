"""The portal's model backend: the logged-in user is read with their unit (one query for both, once per request).

The policies ask ``user.unit`` on nearly every page (its kind, its place in the tree); Django's ``ModelBackend``
reads the user alone and the unit in a second query. The roles are read once per request by ``User.roles``.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PortalModelBackend(ModelBackend):
    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("unit").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
