"""The link checker's caches are replaced whole, under names of their own: two checks saving at
once leave one readable cache, and a save that fails leaves the last one as it was."""

from __future__ import annotations

import json
import threading

import pytest

from studyfolio.linkcheck.cache import LinkCache
from studyfolio.linkcheck.pagecache import PageCache


def save_all_at_once(caches) -> list[BaseException]:
    """Save every cache from its own thread at once; the errors they raised."""
    errors: list[BaseException] = []

    def save(cache):
        try:
            cache.save()
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=save, args=(cache,)) for cache in caches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_many_link_cache_saves_at_once_leave_one_readable_file(tmp_path):
    path = str(tmp_path / "links.json")
    caches = [LinkCache(path, ttl_hours=24, now=1000.0 + n) for n in range(8)]
    for n, cache in enumerate(caches):
        cache.entries = {f"https://example.test/{n}/{i}": {"status": "ok"} for i in range(2000)}
    assert save_all_at_once(caches) == []
    data = json.loads((tmp_path / "links.json").read_text())
    assert len(data["links"]) == 2000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["links.json"]


def test_a_failed_link_cache_save_keeps_the_last_cache(tmp_path):
    path = tmp_path / "links.json"
    cache = LinkCache(str(path), ttl_hours=24, now=1000.0)
    cache.entries = {"https://example.test/": {"status": "ok"}}
    cache.save()
    before = path.read_bytes()
    cache.entries = {"https://example.test/": {"status": object()}}  # not JSON: the dump fails
    with pytest.raises(TypeError):
        cache.save()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["links.json"]


def test_page_cache_saves_whole_under_its_own_temporary_name(tmp_path):
    path = tmp_path / "pages.marshal"
    caches = [PageCache(str(path)) for _ in range(6)]
    for n, cache in enumerate(caches):
        cache.current = {f"page{n}-{i}.html": ("digest", "", (), ()) for i in range(3000)}
    assert save_all_at_once(caches) == []
    loaded = PageCache(str(path)).load()
    assert len(loaded.previous) == 3000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pages.marshal"]
