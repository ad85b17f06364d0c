#!/usr/bin/env python3
"""IMAP operation mix against one mailbox, K client processes, T seconds per operation type.

imap-ops.py --port P --user U --password W --mailbox M [-k 10] [-t 10] [--server-pid PID]

For each operation type in turn, K processes log in, SELECT the mailbox and loop for T seconds:
  headers  FETCH <random n> (BODY.PEEK[HEADER])
  bodies   FETCH <random n> (BODY.PEEK[])
  search   SEARCH SUBJECT "<random word>" / FROM / UNSEEN / LARGER, rotating
  store    STORE <random n> +FLAGS (\\Flagged), then -FLAGS on the next
Prints ops/s per type (and server CPU ms/op with --server-pid). Standard library only.
"""
import argparse
import imaplib
import multiprocessing as mp
import os
import random
import time


def cpu_seconds(pid):
    if not pid:
        return 0.0
    total = 0.0
    for p in [pid] + children(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def children(pid):
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                if ppid == pid:
                    out.append(int(d))
                    out.extend(children(int(d)))
            except OSError:
                pass
    return out


def worker(args, op, seed, result):
    rnd = random.Random(seed)
    c = imaplib.IMAP4(args.host, args.port)
    c.login(args.user, args.password)
    typ, data = c.select(args.mailbox)
    n = int(data[0])
    words = ["message", "bench", "test", "hello", "zzz"]
    count = 0
    flip = False
    end = time.time() + args.t
    while time.time() < end:
        i = rnd.randint(1, n)
        if op == "headers":
            c.fetch(str(i), "(BODY.PEEK[HEADER])")
        elif op == "bodies":
            c.fetch(str(i), "(BODY.PEEK[])")
        elif op == "search":
            kind = count % 4
            if kind == 0:
                c.search(None, "SUBJECT", '"%s"' % rnd.choice(words))
            elif kind == 1:
                c.search(None, "FROM", '"%s"' % rnd.choice(words))
            elif kind == 2:
                c.search(None, "UNSEEN")
            else:
                c.search(None, "LARGER", str(rnd.randint(1000, 8000)))
        else:
            c.store(str(i), "-FLAGS" if flip else "+FLAGS", "(\\Flagged)")
            flip = not flip
        count += 1
    c.logout()
    result.put(count)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--mailbox", required=True)
    ap.add_argument("-k", type=int, default=10)
    ap.add_argument("-t", type=float, default=10)
    ap.add_argument("--server-pid", type=int, default=0)
    args = ap.parse_args()
    for op in ["headers", "bodies", "search", "store"]:
        q = mp.Queue()
        c0 = cpu_seconds(args.server_pid)
        t0 = time.time()
        procs = [mp.Process(target=worker, args=(args, op, s, q)) for s in range(args.k)]
        for p in procs:
            p.start()
        total = sum(q.get() for _ in procs)
        for p in procs:
            p.join()
        dt = time.time() - t0
        cpu = cpu_seconds(args.server_pid) - c0
        extra = f"; server cpu {cpu:.2f}s = {cpu * 1000 / max(total, 1):.3f} ms/op" if args.server_pid else ""
        print(f"{op}: {total} ops in {dt:.1f}s = {total / dt:.1f} ops/s{extra}", flush=True)


if __name__ == "__main__":
    main()
