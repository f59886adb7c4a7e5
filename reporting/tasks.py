"""Celery tasks of the reporting layer: thin wrappers over services (autodiscovered by Celery)."""
