"""OpenMP Examples atomic.3, ported (github.com/OpenMP/Examples,
synchronization/sources/atomic.3.c): a ticket lock built from `atomic capture`
(fetch-and-add) and an atomic read spin: each thread takes a ticket, waits for its
turn, does its work, then advances the turn."""


class TicketLock:
    def __init__(self):
        self.ticketnumber = 0
        self.turn = 0


def fetch_and_add_ticket(lock):
    # omp atomic capture
    old = lock.ticketnumber
    lock.ticketnumber += 1
    # omp end atomic
    return old


def fetch_and_add_turn(lock):
    # omp atomic capture
    old = lock.turn
    lock.turn += 1
    # omp end atomic
    return old


def current_turn(lock):
    # omp atomic read
    t = lock.turn
    return t


lock = TicketLock()
work = []
# omp parallel for schedule(static, 1)
for i in range(8):
    myturn = fetch_and_add_ticket(lock)
    while current_turn(lock) != myturn:
        pass
    # omp flush
    # omp critical
    work.append(myturn)
    # omp flush
    fetch_and_add_turn(lock)

print(work == list(range(8)), lock.ticketnumber, lock.turn)
