"""A bounded asyncio load generator for loopback benchmarks: one request per connection
(gunicorn's sync workers close each one), for a time and at most a number of requests."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable

HOST = "127.0.0.1"


async def load(
    port: int,
    payload: Callable[[int], bytes],
    seconds: float,
    *,
    concurrency: int,
    max_requests: int | None = None,
    first: int = 0,
) -> dict:
    """`concurrency` clients sending `payload(n)` (n counts from `first`) until time is up."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    sent = first
    deadline = time.monotonic() + seconds

    async def client() -> None:
        nonlocal sent
        while time.monotonic() < deadline and (
            max_requests is None or len(latencies) < max_requests
        ):
            sent += 1
            request = payload(sent)
            start = time.perf_counter()
            try:
                reader, writer = await asyncio.open_connection(HOST, port)
                writer.write(request)
                data = await reader.read()
                writer.close()
                status = int(data[9:12]) if data[:5] == b"HTTP/" else 0
            except OSError:
                status = 0
            latencies.append((time.perf_counter() - start) * 1000)
            statuses[status] = statuses.get(status, 0) + 1

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return {"elapsed": time.perf_counter() - began, "latencies": latencies, "statuses": statuses}


def merge(rounds: list[dict]) -> dict:
    """Rounds of `load` as one result: counts, total time, statuses, p50 and p99 in ms."""
    latencies = sorted(value for result in rounds for value in result["latencies"])
    statuses: dict[int, int] = {}
    for result in rounds:
        for status, count in result["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
    return {
        "requests": len(latencies),
        "elapsed": sum(result["elapsed"] for result in rounds),
        "statuses": statuses,
        "p50": statistics.median(latencies),
        "p99": latencies[max(int(len(latencies) * 0.99) - 1, 0)],
    }
