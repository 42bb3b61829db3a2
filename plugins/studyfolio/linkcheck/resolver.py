"""The connector's resolver: a host name with a local or private address is not connected to.

The check runs on the very answer the connection uses, so a name cannot answer a public
address to a check and a private one to the connection a moment later (DNS rebinding)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from .classify import is_private_address


class PrivateAddressError(OSError):
    """A host name resolved to a local or private address; aiohttp passes it on as the
    `os_error` of a `ClientConnectorDNSError`."""


def refused(answer: ResolveResult) -> bool:
    """Whether an answer is local or private; one that is not an address at all is refused too."""
    try:
        return is_private_address(ipaddress.ip_address(answer["host"]))
    except ValueError:
        return True


class GuardedResolver(AbstractResolver):
    """Resolves with `inner` (aiohttp's default resolver unless given) and refuses a name when
    any of its addresses is local or private, unless `allow_private`.

    `public` lists (address, port) answers to count as public anyway. It exists for tests,
    whose stand-ins for public servers can only listen on 127.0.0.1; the settings and the
    command line cannot reach it or `inner` (only code that builds the session can)."""

    def __init__(self, allow_private: bool, inner: AbstractResolver | None = None,
                 public: Collection[tuple[str, int]] = ()):
        self.allow_private = allow_private
        self.inner = inner or aiohttp.DefaultResolver()
        self.public = frozenset(public)

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        answers = await self.inner.resolve(host, port, family)
        if not self.allow_private and any(
                (a["host"], a["port"]) not in self.public and refused(a) for a in answers):
            raise PrivateAddressError(f"{host} resolves to a local or private address")
        return answers

    async def close(self) -> None:
        await self.inner.close()
