"""dict.update with keywords and with a dict and keywords under critical."""
import time

status = {}
# omp parallel for schedule(static, 1)
for c in range(3):
    if c == 0:
        time.sleep(0.3)
    # omp critical
    if c == 0:
        status.update(done=True, seen=True)
    elif c == 1:
        status.update({"seen": True}, done=True)
    else:
        status.update(extra=c)
print(list(status.items()))
