"""Pagefind's filter index, rewritten in a stable order so the same sources give the same bytes.

Pagefind 1.x writes each filter's values, and the list of filters, in the order of a hash map:
two builds of one site differ in `pagefind/filter/*.pf_filter`, in the `.pf_meta` file that
names them by content hash, and in `pagefind-entry.json` that names the meta file. After
indexing, those files are decoded (gzip around a signature and CBOR), sorted, and written
again under names derived from their content, the way Pagefind names them. Nothing else in
the bundle is touched: pages, words and fragments are already stable."""

from __future__ import annotations

import gzip
import hashlib
import json
import os

import cbor2

SIGNATURE = b"pagefind_dcd"
META_FILTERS = 3  # the meta file is [version, index chunks, fragments?, filters, sorts, ...]
META_SORTS = 4


class BundleLayoutError(ValueError):
    """The bundle is not laid out as this Pagefind major version writes it."""


def read(path: str):
    with open(path, "rb") as handle:
        raw = gzip.decompress(handle.read())
    if not raw.startswith(SIGNATURE):
        raise BundleLayoutError(f"{os.path.basename(path)} does not start with Pagefind's signature")
    return cbor2.loads(raw[len(SIGNATURE) :])


def write(folder: str, prefix: str, digits: int, suffix: str, data) -> str:
    """Write `data` as Pagefind does; its new name: `prefix` + a hash of the content."""
    payload = SIGNATURE + cbor2.dumps(data)
    name = prefix + hashlib.sha256(payload).hexdigest()[:digits]
    with open(os.path.join(folder, name + suffix), "wb") as handle:
        handle.write(gzip.compress(payload, compresslevel=9, mtime=0))
    return name


def pairs(value, what: str) -> list:
    if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
        raise BundleLayoutError(f"unexpected {what} in the Pagefind meta file")
    return value


def stabilize_language(bundle: str, language: str, meta_hash: str) -> str:
    """Sort one language's filters; the new hash of its meta file."""
    meta_path = os.path.join(bundle, f"pagefind.{meta_hash}.pf_meta")
    meta = read(meta_path)
    if not isinstance(meta, list) or len(meta) <= META_SORTS:
        raise BundleLayoutError("unexpected Pagefind meta file")
    filter_dir = os.path.join(bundle, "filter")
    renamed = []
    for name, old in pairs(meta[META_FILTERS], "filter list"):
        old_path = os.path.join(filter_dir, f"{old}.pf_filter")
        data = read(old_path)
        if not (isinstance(data, list) and len(data) == 2 and data[0] == name):
            raise BundleLayoutError(f"unexpected content in the filter file for '{name}'")
        data[1] = sorted(pairs(data[1], f"'{name}' filter"), key=lambda pair: pair[0])
        os.remove(old_path)
        renamed.append([name, write(filter_dir, f"{language}_", 7, ".pf_filter", data)])
    meta[META_FILTERS] = sorted(renamed)
    meta[META_SORTS] = sorted(pairs(meta[META_SORTS], "sort list"), key=lambda pair: str(pair[0]))
    os.remove(meta_path)
    name = write(bundle, f"pagefind.{language}_", 10, ".pf_meta", meta)
    return name[len("pagefind.") :]


def stabilize(bundle: str) -> None:
    """Rewrite the filter index of the bundle in `bundle` (output/pagefind) in sorted order."""
    entry_path = os.path.join(bundle, "pagefind-entry.json")
    with open(entry_path, encoding="utf-8") as handle:
        entry = json.load(handle)
    for language, info in sorted(entry.get("languages", {}).items()):
        info["hash"] = stabilize_language(bundle, language, info["hash"])
    with open(entry_path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
