"""A semaphore that serves work already under way first: retries, redirect hops and HEAD->GET
fallbacks do not queue behind every link not yet started, so a slow link ends sooner."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from contextlib import asynccontextmanager

STARTED, NEW = 0, 1  # priorities: lower is served first


class Slots:
    def __init__(self, limit: int):
        self.free = limit
        self.waiting: list[tuple[int, int, asyncio.Future]] = []
        self.order = itertools.count()

    async def acquire(self, priority: int = NEW) -> None:
        if self.free > 0 and not self.waiting:
            self.free -= 1
            return
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self.waiting, (priority, next(self.order), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # granted just as it was cancelled: pass the slot on
            raise

    def release(self) -> None:
        while self.waiting:
            _, _, future = heapq.heappop(self.waiting)
            if not future.done():
                future.set_result(None)
                return
        self.free += 1

    @asynccontextmanager
    async def hold(self, priority: int = NEW):
        """Hold a slot; it is passed on one loop turn later, so a request that follows at once
        (HEAD then GET, a redirect hop) is already waiting and, being STARTED, goes first."""
        await self.acquire(priority)
        try:
            yield
        finally:
            asyncio.get_running_loop().call_soon(self.release)
