"""Demo data of coordination (registered in ``plans.extensions.demo_loaders``); filled below."""


def load_demo(*, units: dict, users: dict, log) -> None:
    return None
