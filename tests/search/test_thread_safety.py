"""gunicorn serves each worker's requests on two threads: whatever a module keeps between
requests is shared by them. These tests run the shared pieces from many real threads at once
and compare with what one thread alone computes."""

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from multilingual.stemming import SNOWBALL_LANGUAGES, stem, stems_of
from search.highlight import snippet

THREADS = 8
ROUNDS = 2

# Words of every length and ending, so that the stemmers' steps (suffixes, umlauts, Arabic
# prefixes) run on strings of different lengths at once.
WORDS = {
    "de": "Netzwerk Netzwerke Netzwerken Beratungen Beratung Mehrsprachigkeit Ausländerbehörde "
    "Übersetzungen Einrichtungen Förderungen Kindertagesstätten Elternarbeit Angebote "
    "Veranstaltungen Bürgerinnen Sprachmittlerinnen Fachkräfte Schulen Zusammenarbeit "
    "mehrsprachige gemeinsamen kostenlosen wöchentlich Ärztinnen Häuser Bäume",
    "en": "networks networking counselling generously universities relational conditional "
    "hopefully organisations communities languages interpreters meetings trainings",
    "tr": "kitaplarımızdan çocuklarımızın danışmanlık ağlarımız öğretmenlerimizle "
    "okullarımızdaki toplantılarda gelecekteki İstanbul'dan",
    "ar": "المدرسة والمدارس بالمعلمين الاستشارات للأطفال والعائلات المترجمين سيكتبونها",
    "es": "redes asesoramientos traducciones comunidades escuelas familiares lingüísticas",
    "it": "reti consulenze traduzioni comunità scuole famiglie linguistiche",
}
assert set(WORDS) == set(SNOWBALL_LANGUAGES)


def variants() -> list[tuple[str, str]]:
    """Many different (word, language) pairs: each word with and without common endings."""
    endings = ["", "e", "en", "er", "ern", "s", "ung", "ungen", "lich", "keit", "ler", "ları"]
    pairs = []
    for language, text in WORDS.items():
        for word in text.split():
            pairs.extend((word.lower() + ending, language) for ending in endings)
    return pairs


@contextmanager
def frequent_thread_switches() -> Iterator[None]:
    """Python switches threads every 5 ms; switching far more often makes a race show in
    every run instead of now and then, as it does under real load."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def run_in_threads(work: Callable[[int], object], threads: int = THREADS) -> list[object]:
    """Each thread's result of ``work(index)``, or the exception it raised; all start at once."""
    barrier = threading.Barrier(threads)
    results: list[object] = [None] * threads

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - the test reports it
            results[index] = error

    workers = [threading.Thread(target=run, args=(index,)) for index in range(threads)]
    with frequent_thread_switches():
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    return results


def test_stemming_from_many_threads_gives_the_single_threaded_stems():
    pairs = variants()
    expected = [stem(word, language) for word, language in pairs]

    def rotated(items: list, index: int) -> list:
        # Each thread starts elsewhere in the list, so different words meet in the stemmers.
        offset = index * len(items) // THREADS
        return items[offset:] + items[:offset]

    def stem_all(index: int) -> list[str]:
        order = rotated(pairs, index)
        return [stem(word, language) for _ in range(ROUNDS) for word, language in order]

    for index, result in enumerate(run_in_threads(stem_all)):
        assert not isinstance(result, Exception), repr(result)
        assert result == rotated(expected, index) * ROUNDS


def test_indexing_and_highlighting_from_many_threads_agree_with_one_thread():
    text = " ".join(WORDS["de"].split() * 20)
    expected_stems = stems_of(text, "de")
    expected_snippet = snippet(text, ["netzwerk", "beratungen"], "de")

    def index_and_highlight(index: int) -> tuple[str, str]:
        return stems_of(text, "de"), snippet(text, ["netzwerk", "beratungen"], "de")

    for result in run_in_threads(index_and_highlight):
        assert not isinstance(result, Exception), repr(result)
        assert result == (expected_stems, expected_snippet)
