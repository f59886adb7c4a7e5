"""Registries through which higher layers show things on the plans pages.

``plans`` imports no other app. An app above it (reporting, the feature apps)
registers what it adds in its ``AppConfig.ready()``:

    from plans.extensions import plan_detail_panels
    plan_detail_panels.register("reporting/documents/_plan_buttons.html")

Each registered template is included in the plan detail page with ``plan`` and
``request`` in its context.
"""


class TemplateRegistry:
    def __init__(self):
        self._templates: list[str] = []

    def register(self, template_name: str) -> None:
        if template_name not in self._templates:
            self._templates.append(template_name)

    def __iter__(self):
        return iter(list(self._templates))


plan_detail_panels = TemplateRegistry()
nav_items = TemplateRegistry()
# Shown in the header beside the menu toggler, at every width (e.g. the unread notifications' bell).
header_items = TemplateRegistry()


class CallableRegistry:
    """Functions registered by higher apps, called in registration order."""

    def __init__(self):
        self._functions: list = []

    def register(self, function) -> None:
        if function not in self._functions:
            self._functions.append(function)

    def __iter__(self):
        return iter(list(self._functions))


# ``load_demo`` calls each with ``units`` ({code: Unit}), ``users`` ({username: User}) and ``log``
# after the plans are loaded; each must be idempotent (e.g. reporting's demo obligations).
demo_loaders = CallableRegistry()
