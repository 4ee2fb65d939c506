"""Child processes of the tests (manage.py, scripts): the environment they inherit."""

import os
import socket

# Set by the browser tests for this process only (Playwright keeps an event loop running);
# a child would run without Django's async guard, and `check --deploy` rightly rejects it.
OWN_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def child_environment(**variables: str) -> dict[str, str]:
    """This process's environment minus what is its own only, plus ``variables``."""
    inherited = {name: value for name, value in os.environ.items() if name not in OWN_ONLY}
    return {**inherited, **variables}


def free_port() -> int:
    """A port nothing listens on now: for a child server to take, or to be refused on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
