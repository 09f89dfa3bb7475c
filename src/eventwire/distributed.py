"""Code articles on a Ray cluster: one model load per actor, results in input order.

An optional engine (`pip install 'eventwire[ray]'`): `process_ray` yields what `process`
and `process_parallel` yield, so the same writers (a store, a Parquet dataset) take its
results. This process reads the inputs and writes the results; Ray actors, each holding
the model and data once, code batches of documents. Every node of the cluster needs
eventwire installed, as on this machine.
"""

from __future__ import annotations

import logging
import socket
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.context import Context
from eventwire.errors import EngineError, InternalError, InvalidArgument, WorkerDied
from eventwire.model import Article, Document, Failure
from eventwire.options import Options
from eventwire.pipeline import process, run_pool

logger = logging.getLogger(__name__)

IN_FLIGHT_PER_ACTOR = 2  # batches queued on each actor, so that none waits between batches
CONNECT_TIMEOUT = 10  # seconds to reach a cluster's address


class Coder:
    """A Ray actor: the pipeline loaded once, coding one batch of documents per call."""

    def __init__(self, options: Options, known: frozenset[str]) -> None:
        self.ctx = Context(options)
        self.ctx.nlp  # noqa: B018 -- load now, not inside the first batch's time limit
        self.known = known

    def code(self, batch: list[Document | Failure]) -> list[Article | Failure]:
        known = self.known
        return list(process(batch, self.ctx, skip=(lambda article: article.id in known) if known else None))


def process_ray(
    items: Iterable[Document | Failure], options: Options, *, address: str | None = None,
    actors: int | None = None, known: frozenset[str] = frozenset(),
) -> Iterator[Article | Failure]:
    """`process` on a Ray cluster: the same results in the same (input) order.

    `address` is the cluster's ("ray://head:10001", "auto" for the one this machine
    belongs to); without one, a Ray instance is started on this machine for the run (and
    stopped after it). `actors` (default: the cluster's CPUs) each code batches of
    `options.batch_size` documents, at most two queued per actor, so memory stays flat.
    Articles whose id is in `known` are yielded uncoded. A document whose actor dies coding
    it becomes an EW109 failure; the rest of its batch is coded again on a new actor.

    Example:
        >>> store.add_all(process_ray(read_sources(paths, options), options, address="auto"))
    """
    ray = _import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        if address:
            _check_reachable(address)
        if not logging.getLogger("ray").level:  # Ray's start-up notices, unless asked for (--debug)
            logging.getLogger("ray").setLevel(logging.ERROR)
        try:
            ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
        except Exception as error:  # Ray raises ConnectionError, RuntimeError, ValueError, ...
            where = f"the Ray cluster at {address}" if address else "a local Ray instance"
            raise EngineError(f"cannot start or reach {where}: {type(error).__name__}: {error}") from error
    pool = _ActorPool(ray, options, actors or max(int(ray.cluster_resources().get("CPU", 1)), 1), known)
    try:
        yield from run_pool(pool, items, options.batch_size)
    finally:
        if started_here:
            ray.shutdown()


def _check_reachable(address: str) -> None:
    """Refuse at once a cluster address nothing listens at (Ray itself retries for minutes)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if address == "auto" or not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT).close()
    except OSError as error:
        raise EngineError(f"cannot reach the Ray cluster at {address}: {error.strerror or error}") from error


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as error:
        raise InvalidArgument("the ray engine needs Ray: pip install 'eventwire[ray]'") from error
    return ray


class _ActorPool:
    """Ray actors coding batches in order; an actor that dies is replaced."""

    def __init__(self, ray: Any, options: Options, size: int, known: frozenset[str]) -> None:
        self.ray = ray
        self.remote = ray.remote(num_cpus=1)(Coder)
        self.options, self.known = options, ray.put(known)
        self.actors = [self._start() for _ in range(size)]
        # (batch, actor slot, result reference: None when it must be sent again)
        self.pending: deque[tuple[list, int, Any]] = deque()
        self.turn = 0

    def _start(self) -> Any:
        return self.remote.remote(self.options, self.known)

    def submit(self, batch: list, slot: int | None = None) -> None:
        if slot is None:
            slot, self.turn = self.turn, (self.turn + 1) % len(self.actors)
        self.pending.append((batch, slot, self.actors[slot].code.remote(batch)))

    def full(self) -> bool:
        return len(self.pending) >= IN_FLIGHT_PER_ACTOR * len(self.actors)

    def next_results(self) -> list[Article | Failure]:
        batch, slot, reference = self.pending.popleft()
        try:
            if reference is None:  # it was queued on an actor that died: coded again now
                reference = self.actors[slot].code.remote(batch)
            return self.ray.get(reference)
        except self.ray.exceptions.RayActorError:
            logger.warning("a Ray actor died; coding its batch again one document at a time")
            self._replace(slot)
        except self.ray.exceptions.RayError:  # a result or document that could not cross to or from the actor
            logger.exception("a batch failed on its actor; coding it again one document at a time")
        return [result for item in batch for result in self._one(item, slot)]

    def _one(self, item: Document | Failure, slot: int) -> list[Article | Failure]:
        try:
            return self.ray.get(self.actors[slot].code.remote([item]))
        except self.ray.exceptions.RayActorError:
            self._replace(slot)
            return [Failure(item.source, WorkerDied.code,
                            "the Ray actor died coding this document (a crash or the memory limit)")]
        except self.ray.exceptions.RayError as error:
            cause = getattr(error, "cause", None) or error
            return [Failure(item.source, InternalError.code, f"{type(cause).__name__}: {cause}")]

    def _replace(self, slot: int) -> None:
        """Start a new actor in `slot`; the batches queued on the dead one are sent again in their turn.

        Not at once: one of them may be what killed it, and the documents coded one at a
        time now must not queue behind it.
        """
        self.ray.kill(self.actors[slot], no_restart=True)
        self.actors[slot] = self._start()
        self.pending = deque((batch, owner, None if owner == slot else reference)
                             for batch, owner, reference in self.pending)

    def close(self) -> None:
        for actor in self.actors:
            self.ray.kill(actor, no_restart=True)
