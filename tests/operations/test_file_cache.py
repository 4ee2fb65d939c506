"""The embedded default cache (a folder of files) keeps to its size without listing the
folder on every write (operations.cache_backends.TolerantFileBasedCache)."""

from operations.cache_backends import TolerantFileBasedCache


def test_the_file_cache_is_culled_but_counted_on_one_write_in_ten(tmp_path):
    cache = TolerantFileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 500}})
    listings = 0
    list_files = cache._list_cache_files

    def counted() -> list[str]:
        nonlocal listings
        listings += 1
        return list_files()

    cache._list_cache_files = counted
    for number in range(1500):
        cache.set(f"page-{number}", "<html>…</html>")

    # Culled as Django does (a third of the entries once MAX_ENTRIES is reached), at most
    # one check's interval (500 / 50 = 10 writes) late.
    entries = len(list(tmp_path.glob("*.djcache")))
    assert 500 * 2 / 3 <= entries <= 500 + 10
    assert listings == 1500 // 10
    # The newest entry is there to be read.
    assert cache.get("page-1499") == "<html>…</html>"
