"""Leadership's dashboards: the overview of a year, the unit page, the drill-down lists, the trend.

``selectors`` aggregates in the database (a fixed number of queries whatever the data size) within the
user's scope (``scope_for``); ``views`` are thin; ``documents`` describes the overview as a BÁO CÁO.
"""
