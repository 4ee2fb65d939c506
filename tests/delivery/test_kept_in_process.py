"""Values kept in a gunicorn process across requests (delivery.cache.kept_in_process): built
once per content generation however many threads ask at once, built again after a change,
and one may be built from another without the threads waiting on each other for ever."""

import threading
from concurrent.futures import ThreadPoolExecutor

from delivery.cache import generation, kept_in_process, purge


def test_threads_asking_at_once_share_one_build():
    builds = []
    started = threading.Event()

    def build() -> list[int]:
        started.wait(1)  # every thread is asking while the first one builds
        builds.append(1)
        return [len(builds)]

    generation()  # as on a running site: the emptied test cache has none yet
    with ThreadPoolExecutor(8) as pool:
        answers = [pool.submit(kept_in_process, build, "test-shared") for _ in range(8)]
        started.set()
        values = [answer.result(timeout=10) for answer in answers]
    assert builds == [1]
    assert all(value is values[0] for value in values)


def test_a_change_of_content_builds_it_again():
    versions = iter(["before", "after"])
    assert kept_in_process(lambda: next(versions), "test-change") == "before"
    assert kept_in_process(lambda: next(versions), "test-change") == "before"
    purge()
    assert kept_in_process(lambda: next(versions), "test-change") == "after"


def test_a_value_built_from_another_kept_one():
    def outer() -> str:
        return kept_in_process(lambda: "inner", "test-inner") + " and outer"

    answers = []
    # Daemon threads: were they stuck waiting on each other, the test fails instead of hanging.
    threads = [
        threading.Thread(target=lambda: answers.append(kept_in_process(outer, "test-outer")))
        for _ in range(2)
    ]
    for thread in threads:
        thread.daemon = True
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert answers == ["inner and outer"] * 2
