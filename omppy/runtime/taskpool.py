"""The task table of a team: where deferred tasks wait, in memory every thread shares.

Made with the team's arena, before the fork (``arena.py``), so every thread maps the
same pages and the same lock.  It holds mechanics only: slots, queues, groups,
dependence edges and a heap for bytes.  What a task *is* (a function and its
arguments, pickled) and how tasks run is ``tasks.py``'s business.

Layout (int64 words, then the heap)::

    header : counters (ids, pending, queued, barrier arrivals), free lists,
             each thread's queue head and tail
    slots  : one record per deferred task (SLOT_WORDS words): id, state, group,
             unmet dependences, successors, where its bytes and result are, flags
    queues : one ring of slot numbers per thread; the owner pushes and pops at the
             tail (newest first), other threads steal at the head (oldest first)
    urgent : tasks with a priority above 0, taken before any queue
    groups : one record per live taskgroup: outstanding tasks, reduction partials,
             whether it was cancelled (``cancel taskgroup``)
    edges  : dependence edges (a successor slot and the next edge)
    heap   : pickled arguments, results and reduction partials, in blocks of
             power-of-two sizes with a free list per size

A task enters the table only when it is *handed to the team*: a thread keeps the
tasks it creates in a queue of its own, in its own process, and hands the oldest to
the table while other threads lack work (``tasks.py``); the header counts, per
thread, the tasks it holds so, for barriers.

Every change happens under :attr:`TaskPool.lock`; a thread polling one word (a
task's state, the pending count) reads it without the lock, as the barrier code
does.  Slots, groups and edges are handed out from a high-water mark and a free
list, so resetting the pool for a new team clears the header only.  A slot or group
is named by its index and an id that is never reused, so a stale reference (a slot
freed and reused meanwhile) is recognised.  When the table or the heap is full, the
caller runs the task at once instead (``tasks.py``).
"""

from __future__ import annotations

import mmap
import multiprocessing
import os

from .limits import MAP_NORESERVE

WORD = 8
SLOTS = 8192  # deferred tasks in flight (queued, running, done with a result to hand)
GROUPS = 2048
EDGES = 1 << 15

# Header words.
NEXT_ID = 0  # ids of tasks and groups (never reused)
PENDING = 1  # deferred tasks created and not complete
QUEUED = 2  # tasks ready to run, in the queues
ARRIVED = 3  # threads that reached a barrier (monotonic: each barrier adds the team)
SLOT_HIGH = 4
SLOT_FREE = 5  # free lists hold index + 1; 0 is empty
GROUP_HIGH = 6
GROUP_FREE = 7
EDGE_HIGH = 8
EDGE_FREE = 9
HEAP_TOP = 10
URGENT_COUNT = 11
CANCELLED_GROUPS = 12  # live taskgroups that were cancelled (0: nothing to look up)
# What moving a task's data between processes costs in this team (microseconds,
# running averages, written by any thread without the lock: estimates for the
# hand-over decision of taskcore.py, never for correctness): publishing what the
# creator changed when it hands a task over, and catching up with it where the task
# is taken.
SEND_US = 13
TAKE_US = 14
CLASS_FREE = 16  # 48 words: the heap's free list per block size 2**k
QUEUE_BASE = 64  # per thread: head, tail; then per thread: its unshared tasks
HEADER_WORDS = 192  # room for 32 threads; more threads: computed
# How long the tasks of one code at one depth took, as a thread measured them (the
# key, then microseconds; a table of this many entries after the threads' words,
# keys hashed into it): estimates for another thread's hand-over decision
# (taskcore.py), written and read without the lock, never for correctness.
MEASURES = 64

# Slot fields.
SLOT_WORDS = 16
S_ID, S_STATE, S_GROUP, S_GROUP_ID, S_UNMET, S_SUCC = 0, 1, 2, 3, 4, 5
S_DATA, S_DATA_LEN, S_RESULT, S_RESULT_LEN, S_FLAGS, S_CREATOR = 6, 7, 8, 9, 10, 11
S_PRIORITY, S_EXECUTOR = 12, 13
# Slot states.
FREE, BLOCKED, QUEUED_STATE, RUNNING, DONE = 0, 1, 2, 3, 4
# Slot flags.
F_KEEP = 1  # the creator collects a result (shared names, lastprivate)
F_FAILED = 2  # the task raised; its exception is the result
F_ORPHAN = 4  # its creator will not collect it: free the slot when it completes
F_LOCAL = 8  # the result is held in the creator's own process
F_DETACHED = 16  # 'detach': its event is not fulfilled yet (taskevents.py)
F_RAN = 32  # a detached task's body ended; it completes when its event is fulfilled
F_HOLD = 64  # a detached task's slot stays DONE for its creator when it completes

# Group fields.
GROUP_WORDS = 9
G_ID, G_COUNT, G_PARTIALS, G_SPEC, G_SPEC_LEN, G_PARENT, G_PARENT_ID, G_OWNER = range(8)
G_CANCELLED = 8  # 1 once a task of the group ran 'cancel taskgroup' (taskgroups.py)

EDGE_WORDS = 3
E_SLOT, E_ID, E_NEXT = 0, 1, 2

_CTX = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
_SMALLEST = 4  # heap blocks are at least 2**4 bytes


class PoolFull(Exception):
    """No slot, group, edge or heap block left: the caller runs the task at once."""


class TaskPool:
    """Shared task records for a team of up to ``capacity`` threads."""

    def __init__(self, capacity: int, heap_bytes: int) -> None:
        assert _CTX is not None
        self.capacity = capacity
        self.queue_base = QUEUE_BASE
        # Per thread, written by that thread alone: tasks it created and has not
        # handed to the table nor finished (tasks.py keeps them in its own queue),
        # and whether it is asleep, waiting (see :attr:`wake`), and whether it is idle:
        # waiting with nothing to run (tasks.py hands kept tasks to the team then).
        self.local_base = QUEUE_BASE + 2 * capacity
        self.sleep_base = self.local_base + capacity
        self.idle_base = self.sleep_base + capacity
        self.measure_base = self.idle_base + capacity
        header = max(HEADER_WORDS, self.measure_base + 2 * MEASURES)
        self.slot_base = header
        self.ring_base = self.slot_base + SLOTS * SLOT_WORDS
        self.urgent_base = self.ring_base + capacity * SLOTS
        self.group_base = self.urgent_base + SLOTS
        self.edge_base = self.group_base + GROUPS * GROUP_WORDS
        n_words = self.edge_base + EDGES * EDGE_WORDS
        self.heap_base = -(-n_words * WORD // mmap.PAGESIZE) * mmap.PAGESIZE
        self.heap_bytes = heap_bytes
        self.memory = mmap.mmap(
            -1, self.heap_base + heap_bytes, flags=mmap.MAP_SHARED | MAP_NORESERVE
        )
        self.words = memoryview(self.memory).cast("B")[: self.heap_base].cast("q")
        self.lock = _CTX.Lock()
        # Released when a task becomes ready or completes while threads sleep, so an
        # idle thread wakes at once rather than at the end of its nap.
        self.wake = _CTX.Semaphore(0)
        self.header_words = header
        # How many omppy.shared mappings existed when the team forked (taskcode.py).
        self.forked_after = 0

    def close(self) -> None:
        """Unmap the memory and drop the semaphores now (a failed team's arena)."""
        self.words.release()
        self.memory.close()
        for name in ("lock", "wake"):
            if hasattr(self, name):
                delattr(self, name)

    def reset(self) -> None:
        """Prepare for a new team: every slot, group, edge and block is free."""
        self.memory[: self.header_words * WORD] = bytes(self.header_words * WORD)
        self.words[NEXT_ID] = 1
        self.words[HEAP_TOP] = WORD  # offset 0 means "no block"

    # -- what tasks took (no lock: estimates) -------------------------------------------

    def _measure_word(self, key: int) -> int:
        spread = (key * 0x9E3779B97F4A7C15) >> 40  # (a code's id's low bits are alike)
        return self.measure_base + 2 * (spread % MEASURES)

    def record(self, key: int, micros: int) -> None:
        """Tasks of ``key`` (a code and a depth: ``taskcore.team_key``) took
        ``micros`` on average in the thread that says so."""
        word = self._measure_word(key)
        words = self.words
        words[word] = 0  # a reader meanwhile finds no entry rather than a mixed one
        words[word + 1] = max(1, micros)
        words[word] = key

    def recorded(self, key: int) -> float | None:
        """Seconds the tasks of ``key`` took, as some thread of the team last said;
        None: nobody said (or another key took the entry)."""
        word = self._measure_word(key)
        words = self.words
        if words[word] != key:
            return None
        micros = int(words[word + 1])
        return micros * 1e-6 if words[word] == key and micros else None

    # -- slots (the caller holds the lock) ----------------------------------------------

    def new_id(self) -> int:
        words = self.words
        value = int(words[NEXT_ID])
        words[NEXT_ID] = value + 1
        return value

    def alloc_slot(self) -> int:
        """A free slot, all its fields zero (a reused pool may hold an old team's)."""
        slot = self._alloc(SLOT_FREE, SLOT_HIGH, SLOTS, self.slot_base, SLOT_WORDS, S_ID)
        base = (self.slot_base + slot * SLOT_WORDS) * WORD
        self.memory[base : base + SLOT_WORDS * WORD] = bytes(SLOT_WORDS * WORD)
        return slot

    def free_slot(self, slot: int) -> None:
        base = self.slot_base + slot * SLOT_WORDS
        words = self.words
        for field in (S_DATA, S_RESULT):
            if words[base + field]:
                self.free_block(int(words[base + field]))
        self.memory[base * WORD : (base + SLOT_WORDS) * WORD] = bytes(SLOT_WORDS * WORD)
        self._release(SLOT_FREE, base + S_ID + 1, slot)

    def slot(self, slot: int) -> int:
        """The index of slot ``slot``'s first word."""
        return self.slot_base + slot * SLOT_WORDS

    def _alloc(self, free: int, high: int, limit: int, base: int, width: int, link: int) -> int:
        words = self.words
        head = int(words[free])
        if head:
            index = head - 1
            # A free record keeps the next free one in the word after its id.
            words[free] = words[base + index * width + link + 1]
            words[base + index * width + link + 1] = 0
            return index
        index = int(words[high])
        if index >= limit:
            raise PoolFull
        words[high] = index + 1
        return index

    def _release(self, free: int, link_word: int, index: int) -> None:
        self.words[link_word] = self.words[free]
        self.words[free] = index + 1

    # -- queues (the caller holds the lock) ---------------------------------------------

    def push(self, thread: int, slot: int) -> None:
        """Make ``slot`` ready: urgent when it has a priority, else ``thread``'s queue."""
        words = self.words
        base = self.slot(slot)
        words[base + S_STATE] = QUEUED_STATE
        words[QUEUED] += 1
        self.rouse()
        if words[base + S_PRIORITY] > 0:
            count = int(words[URGENT_COUNT])
            words[self.urgent_base + count] = slot
            words[URGENT_COUNT] = count + 1
            return
        head_word = self.queue_base + 2 * thread
        tail = int(words[head_word + 1])
        words[self.ring_base + thread * SLOTS + tail % SLOTS] = slot
        words[head_word + 1] = tail + 1

    def take(self, thread: int, size: int, own_only: bool = False) -> int:
        """A ready slot for ``thread`` (now RUNNING), or -1.

        The most urgent task first; then this thread's newest (depth first, close to
        what it is waiting for); then the oldest task of another thread (nearest the
        root of its tree: the most work for one transfer).
        """
        words = self.words
        if not words[QUEUED]:
            return -1
        slot = -1
        if words[URGENT_COUNT] and not own_only:
            slot = self._take_urgent()
        if slot < 0:
            slot = self._pop_tail(thread)
        if slot < 0 and not own_only:
            for offset in range(1, size):
                slot = self._pop_head((thread + offset) % size)
                if slot >= 0:
                    break
        if slot >= 0:
            words[QUEUED] -= 1
            base = self.slot(slot)
            words[base + S_STATE] = RUNNING
            words[base + S_EXECUTOR] = thread
        return slot

    def peek_own(self, thread: int) -> int:
        """The slot at the tail of ``thread``'s queue (its newest), or -1."""
        words = self.words
        head_word = self.queue_base + 2 * thread
        head, tail = int(words[head_word]), int(words[head_word + 1])
        if tail == head:
            return -1
        return int(words[self.ring_base + thread * SLOTS + (tail - 1) % SLOTS])

    def _pop_tail(self, thread: int) -> int:
        words = self.words
        head_word = self.queue_base + 2 * thread
        head, tail = int(words[head_word]), int(words[head_word + 1])
        if tail == head:
            return -1
        tail -= 1
        words[head_word + 1] = tail
        return int(words[self.ring_base + thread * SLOTS + tail % SLOTS])

    def _pop_head(self, thread: int) -> int:
        words = self.words
        head_word = self.queue_base + 2 * thread
        head, tail = int(words[head_word]), int(words[head_word + 1])
        if tail == head:
            return -1
        words[head_word] = head + 1
        return int(words[self.ring_base + thread * SLOTS + head % SLOTS])

    def _take_urgent(self) -> int:
        """The urgent task of the highest priority (the earliest of equals)."""
        words = self.words
        count = int(words[URGENT_COUNT])
        best, best_at = -1, -1
        for index in range(count):
            slot = int(words[self.urgent_base + index])
            priority = int(words[self.slot(slot) + S_PRIORITY])
            if priority > best:
                best, best_at = priority, index
        slot = int(words[self.urgent_base + best_at])
        for index in range(best_at, count - 1):
            words[self.urgent_base + index] = words[self.urgent_base + index + 1]
        words[URGENT_COUNT] = count - 1
        return slot

    def rouse(self) -> None:
        """Wake the sleeping threads, if there are any (see :attr:`wake`)."""
        words = self.words
        for thread in range(self.capacity):
            if words[self.sleep_base + thread]:
                self.wake.release()

    # -- dependences (the caller holds the lock) ------------------------------------------

    def add_edge(self, before: int, after: int, after_id: int) -> None:
        """``after`` may start only once ``before`` completes."""
        edge = self._alloc(EDGE_FREE, EDGE_HIGH, EDGES, self.edge_base, EDGE_WORDS, E_SLOT)
        words = self.words
        base = self.edge_base + edge * EDGE_WORDS
        words[base + E_SLOT] = after
        words[base + E_ID] = after_id
        before_base = self.slot(before)
        words[base + E_NEXT] = words[before_base + S_SUCC]
        words[before_base + S_SUCC] = edge + 1
        words[self.slot(after) + S_UNMET] += 1

    def release_successors(self, slot: int, thread: int) -> None:
        """``slot`` completed: successors whose last dependence this was are ready."""
        words = self.words
        edge = int(words[self.slot(slot) + S_SUCC])
        while edge:
            base = self.edge_base + (edge - 1) * EDGE_WORDS
            after, after_id, following = (int(words[base + f]) for f in (E_SLOT, E_ID, E_NEXT))
            after_base = self.slot(after)
            if words[after_base + S_ID] == after_id:
                words[after_base + S_UNMET] -= 1
                if words[after_base + S_UNMET] == 0 and words[after_base + S_STATE] == BLOCKED:
                    self.push(thread, after)
            words[base + E_SLOT] = words[base + E_ID] = 0
            self._release(EDGE_FREE, base + E_SLOT + 1, edge - 1)
            edge = following
        words[self.slot(slot) + S_SUCC] = 0

    def finish(self, slot: int, thread: int, hold: bool) -> None:
        """Task ``slot`` completed: its group and successors learn it; it stays DONE
        for its creator (``hold``) or its slot is freed."""
        words = self.words
        base = self.slot(slot)
        if words[base + S_GROUP]:
            group_base = self.group(int(words[base + S_GROUP]) - 1)
            if words[group_base + G_ID] == words[base + S_GROUP_ID]:
                words[group_base + G_COUNT] -= 1
        self.release_successors(slot, thread)
        words[PENDING] -= 1
        if hold:
            words[base + S_STATE] = DONE
        else:
            self.free_slot(slot)
        self.rouse()  # its creator may be asleep waiting for it

    # -- groups (the caller holds the lock) -----------------------------------------------

    def alloc_group(self, parent: tuple[int, int] | None, owner: int) -> tuple[int, int]:
        index = self._alloc(GROUP_FREE, GROUP_HIGH, GROUPS, self.group_base, GROUP_WORDS, G_ID)
        words = self.words
        base = self.group_base + index * GROUP_WORDS
        group_id = self.new_id()
        words[base + G_ID] = group_id
        words[base + G_COUNT] = 0
        words[base + G_PARTIALS] = 0
        words[base + G_SPEC] = words[base + G_SPEC_LEN] = 0
        words[base + G_PARENT] = parent[0] + 1 if parent else 0
        words[base + G_PARENT_ID] = parent[1] if parent else 0
        words[base + G_OWNER] = owner  # the thread that waits for it
        words[base + G_CANCELLED] = 0
        return index, group_id

    def group(self, index: int) -> int:
        """The index of group ``index``'s first word."""
        return self.group_base + index * GROUP_WORDS

    def cancel_group(self, index: int, group_id: int) -> None:
        """Mark group ``index`` cancelled (once; a stale reference is ignored)."""
        words = self.words
        base = self.group(index)
        if words[base + G_ID] == group_id and not words[base + G_CANCELLED]:
            words[base + G_CANCELLED] = 1
            words[CANCELLED_GROUPS] += 1

    def free_group(self, index: int) -> None:
        words = self.words
        base = self.group(index)
        if words[base + G_CANCELLED]:
            words[CANCELLED_GROUPS] -= 1
        node = int(words[base + G_PARTIALS])
        while node:
            following = int.from_bytes(self.read(node, WORD), "little")
            self.free_block(node)
            node = following
        if words[base + G_SPEC]:
            self.free_block(int(words[base + G_SPEC]))
        for field in range(GROUP_WORDS):
            words[base + field] = 0
        self._release(GROUP_FREE, base + G_ID + 1, index)

    # -- the heap (allocation under the lock; reading and writing a block is not) ------

    def alloc_block(self, size: int) -> int:
        """A block of at least ``size`` bytes: its offset in the heap (never 0)."""
        need = max(size + WORD, 1 << _SMALLEST)
        k = (need - 1).bit_length()
        words = self.words
        head = int(words[CLASS_FREE + k])
        if head:
            words[CLASS_FREE + k] = int.from_bytes(self.read(head, WORD), "little")
            return head
        top = int(words[HEAP_TOP])
        if top + (1 << k) > self.heap_bytes:
            raise PoolFull
        words[HEAP_TOP] = top + (1 << k)
        start = self.heap_base + top
        self.memory[start : start + WORD] = k.to_bytes(WORD, "little")
        return top + WORD

    def free_block(self, offset: int) -> None:
        start = self.heap_base + offset
        k = int.from_bytes(self.memory[start - WORD : start], "little")
        words = self.words
        self.memory[start : start + WORD] = int(words[CLASS_FREE + k]).to_bytes(WORD, "little")
        words[CLASS_FREE + k] = offset

    def write(self, offset: int, data: bytes) -> None:
        start = self.heap_base + offset
        self.memory[start : start + len(data)] = data

    def read(self, offset: int, length: int) -> bytes:
        start = self.heap_base + offset
        return self.memory[start : start + length]

    def store(self, data: bytes) -> int:
        """``data`` copied into a new block (the caller holds the lock)."""
        offset = self.alloc_block(len(data))
        self.write(offset, data)
        return offset
