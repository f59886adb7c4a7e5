"""Demo data of ``manage.py load_demo``: the department's units and users, the seed plans
entered as structured plans, and a few plans in other statuses.

The data modules (``org``, ``seed_001`` …) hold plain Python structures; ``loader``
builds them through ``plans.services`` with the demo users as actors.
"""
