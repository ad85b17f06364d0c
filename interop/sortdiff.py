"""SORT and THREAD answered two ways on one Maildir: by Tegami's IMAP and by Dovecot's.

usage: sortdiff.py DOVECOT_CONF USER HOME [MESSAGES [SEED]]
(Tegami's IMAPS from the environment, as imapctl.py: IMAP_PORT, IMAP_CAFILE, IMAP_USER, IMAP_PASS)

Appends MESSAGES generated messages to a new folder through Tegami: threads made of
References and In-Reply-To (some missing, some duplicate Message-IDs), subjects with Re:,
Fwd:, Re[2]: and [list] prefixes, Date: headers in several zones (some missing), senders with
and without display names, random sizes and arrival times. Then asks Tegami and Dovecot's
imap binary (run with DOVECOT_CONF for USER, on the same Maildir through Tegami's
dovecot-uidlist, so the UIDs are the same) the same UID SORT and UID THREAD commands, and
compares the answers. Prints every difference and exits 1 if there is one.

Non-ASCII names are chosen to sort alike under both servers' comparators: Dovecot announces
I18NLEVEL=1 and sorts with i;unicode-casemap (RFC 5255), where "Émile" comes before "Zed";
Tegami, without I18NLEVEL, sorts with RFC 5256's i;ascii-casemap, where it comes after.
"""
import imaplib
import os
import random
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import imapctl

COMMANDS = [
    "SORT (DATE) UTF-8 ALL", "SORT (ARRIVAL) UTF-8 ALL", "SORT (SUBJECT) UTF-8 ALL", "SORT (FROM) UTF-8 ALL",
    "SORT (TO) UTF-8 ALL", "SORT (CC) UTF-8 ALL", "SORT (SIZE) UTF-8 ALL", "SORT (REVERSE DATE) UTF-8 ALL",
    "SORT (SUBJECT REVERSE SIZE) UTF-8 ALL", "SORT (DISPLAYFROM) UTF-8 ALL", "SORT (DISPLAYTO) UTF-8 ALL",
    "SORT (REVERSE ARRIVAL) UTF-8 SMALLER 1500", "THREAD ORDEREDSUBJECT UTF-8 ALL", "THREAD REFERENCES UTF-8 ALL",
    "THREAD REFERENCES UTF-8 LARGER 1000",
]
SUBJECTS = ["Lunch", "Plans for the weekend", "[team] Release notes", "Budget", "Hello", "", "re: Budget",
            "Fwd: Hello", "=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=", "(no subject) (fwd)"]
PREFIXES = ["", "", "Re: ", "RE: ", "Fwd: ", "Re: Re: ", "[team] Re: ", "Fw: ", "Re[2]: ", "[Fwd: "]
PEOPLE = ["Alice <alice@example.org>", "bob@example.net", "\"Zed, Z\" <zed@example.com>", "carol@example.org",
          "=?UTF-8?Q?Zo=C3=AB?= <zoe@example.fr>", ""]


def messages(count, rnd):
    ids = []
    base = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)
    for i in range(count):
        mid = "<m%d.%d@example.org>" % (i, rnd.randint(0, 10**9))
        if ids and rnd.random() < 0.05:
            mid = rnd.choice(ids)
        parent = rnd.choice(ids) if ids and rnd.random() < 0.6 else None
        subject = rnd.choice(SUBJECTS)
        if parent and rnd.random() < 0.8:
            prefix = rnd.choice(PREFIXES)
            subject = prefix + subject + ("]" if prefix == "[Fwd: " else "")
        headers = []
        if rnd.random() < 0.9:
            when = base + timedelta(minutes=rnd.randint(0, 5000))
            headers.append("Date: " + format_datetime(when.astimezone(timezone(timedelta(hours=rnd.choice([-8, 0, 1, 9]))))))
        sender = rnd.choice(PEOPLE)
        if sender:
            headers.append("From: " + sender)
        headers.append("To: " + rnd.choice(PEOPLE[:5]))
        if rnd.random() < 0.3:
            headers.append("Cc: " + rnd.choice(PEOPLE[:5]))
        headers.append("Subject: " + subject)
        headers.append("Message-ID: " + mid)
        if parent:
            chain = ([rnd.choice(ids)] if rnd.random() < 0.4 else []) + [parent]
            headers.append(("References: " if rnd.random() < 0.7 else "In-Reply-To: ") + " ".join(chain))
        ids.append(mid)
        yield ("\r\n".join(headers) + "\r\n\r\n" + "x" * rnd.randint(10, 3000) + "\r\n").encode()


def main():
    conf, user, home = sys.argv[1], sys.argv[2], sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 150
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else int(time.time())
    rnd = random.Random(seed)
    folder = "Threads-%d" % seed
    imap = imapctl.connect()
    imapctl.ok(imap.create(folder), "CREATE")
    for m in messages(count, rnd):
        arrival = imaplib.Time2Internaldate(time.time() - rnd.randint(0, 10**6))
        imapctl.ok(imap.append(folder, None, arrival, m), "APPEND")
    imapctl.ok(imap.select(folder), "SELECT")
    ours = []
    for command in COMMANDS:
        verb, args = command.split(" ", 1)
        data = imapctl.ok(imap.uid(verb, args), "UID " + command)
        ours.append((data[0] or b"").decode().strip())
    imap.logout()
    script = "a SELECT %s\r\n" % folder + "".join("t%d UID %s\r\n" % (i, c) for i, c in enumerate(COMMANDS)) + "z LOGOUT\r\n"
    run = subprocess.run(["/usr/lib/dovecot/imap", "-c", conf], input=script.encode(), capture_output=True, timeout=60,
                         env={"USER": user, "HOME": home, "PATH": "/usr/bin:/bin"})
    lines = run.stdout.decode("utf-8", "replace").splitlines()
    theirs = [l.split(" ", 2)[2].strip() if l.count(" ") >= 2 else "" for l in lines
              if l.startswith("* SORT") or l.startswith("* THREAD")]
    if len(theirs) != len(COMMANDS):
        sys.exit("Dovecot answered %d of %d commands:\n%s\n%s" % (
            len(theirs), len(COMMANDS), run.stdout.decode()[-2000:], run.stderr.decode()[-2000:]))
    differences = 0
    for command, o, t in zip(COMMANDS, ours, theirs):
        if o != t:
            differences += 1
            print("DIFF UID %s\n  tegami : %s\n  dovecot: %s" % (command, o[:800], t[:800]))
    print("seed %d: %d messages, %d commands, %d differences" % (seed, count, len(COMMANDS), differences))
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
