"""Child processes of the tests (manage.py, scripts): the environment they inherit."""

import os

# Set by the browser tests for this process only (Playwright keeps an event loop running);
# a child would run without Django's async guard, and `check --deploy` rightly rejects it.
OWN_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def child_environment(**variables: str) -> dict[str, str]:
    """This process's environment minus what is its own only, plus ``variables``."""
    inherited = {name: value for name, value in os.environ.items() if name not in OWN_ONLY}
    return {**inherited, **variables}
