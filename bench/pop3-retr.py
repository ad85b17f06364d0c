#!/usr/bin/env python3
"""RETR every message of a POP3 maildrop, K clients one after another; prints MB/s and msg/s.

pop3-retr.py HOST PORT USER PASSWORD [runs]
Each run: USER/PASS, STAT, RETR 1..n (nothing deleted), QUIT. One line per run, then the
median. Standard library only.
"""
import poplib
import statistics
import sys
import time

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5
mbs, rates = [], []
for r in range(runs):
    t0 = time.perf_counter()
    p = poplib.POP3(host, port, timeout=60)
    p.user(user)
    p.pass_(password)
    count, _ = p.stat()
    total = 0
    for i in range(1, count + 1):
        _, lines, octets = p.retr(i)
        total += octets
    p.quit()
    dt = time.perf_counter() - t0
    mbs.append(total / dt / 1e6)
    rates.append(count / dt)
    print(f"run {r + 1}: {count} msgs, {total / 1e6:.1f} MB in {dt:.2f}s: {total / dt / 1e6:.1f} MB/s, {count / dt:.0f} msg/s")
print(f"median {statistics.median(mbs):.1f} MB/s, {statistics.median(rates):.0f} msg/s")
