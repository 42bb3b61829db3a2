"""The resources a compare block may name: looked up by id in content/resources.yml.

Interim reader with the registry's interface (`get(id)` -> object with id, title, kind, url,
line); replaced by studyfolio.resources.registry once that is on main."""

from __future__ import annotations

import os
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Resource:
    id: str
    title: str
    kind: str
    url: str
    line: int


class ResourceLookup:
    """Resources by id, and the link a `res:` id becomes on the site."""

    def __init__(self, path: str, siteurl: str = ""):
        self.path = path
        self.siteurl = siteurl.rstrip("/")
        self.by_id: dict[str, Resource] = {}
        if path and os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                node = yaml.compose(handle)
            entries = node.value if isinstance(node, yaml.SequenceNode) else []
            for entry in entries:
                data = yaml.safe_load(yaml.serialize(entry)) if entry is not None else None
                if isinstance(data, dict) and data.get("id"):
                    rid = str(data["id"])
                    self.by_id[rid] = Resource(
                        rid, str(data.get("title", rid)), str(data.get("kind", "")),
                        str(data.get("url", "")), entry.start_mark.line + 1,
                    )

    def get(self, rid: str) -> Resource | None:
        return self.by_id.get(rid)

    def ids(self) -> list[str]:
        return sorted(self.by_id)

    def href(self, rid: str) -> str:
        return f"{self.siteurl}/resources/#res-{rid}"
