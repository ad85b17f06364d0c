#!/usr/bin/env python3
"""Drives Tegami's IMAP for interop/run.sh with Python's imaplib (a real client of its own).

Connection from the environment: IMAP_HOST, IMAP_PORT (implicit TLS), IMAP_CAFILE (the server's
certificate, trusted as the only CA), IMAP_USER, IMAP_PASS.

  imapctl.py search FOLDER SUBJECT       UIDs of the messages whose Subject contains SUBJECT
  imapctl.py flags FOLDER SUBJECT        the flags of the one message with that subject
  imapctl.py prepare                     folders, copies, flags, keywords, an expunge (see below)
  imapctl.py doveadm-dump CONF USER HOME  the same as dump, read by Dovecot's doveadm with CONF
  imapctl.py dump                        every folder: name, UIDVALIDITY, UIDNEXT, then one line
                                         per message "folder<TAB>uid<TAB>flags" (sorted, no
                                         \\Recent), then "subscribed<TAB>folder" lines
Exit status 0 on success; an error prints one line and exits 1.
"""
import imaplib
import os
import re
import ssl
import sys


def connect():
    context = ssl.create_default_context(cafile=os.environ["IMAP_CAFILE"])
    imap = imaplib.IMAP4_SSL(os.environ.get("IMAP_HOST", "127.0.0.1"), int(os.environ["IMAP_PORT"]),
                             ssl_context=context)
    imap.login(os.environ["IMAP_USER"], os.environ["IMAP_PASS"])
    return imap


def ok(result, what):
    typ, data = result
    if typ != "OK":
        raise SystemExit(f"{what}: {typ} {data!r}")
    return data


def quote(name):
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def folders(imap):
    names = []
    for line in ok(imap.list('""', "*"), "LIST"):
        # (\HasNoChildren) "/" "Name" or (\...) "/" Name
        m = re.match(rb'\((?P<attrs>[^)]*)\) (?:"[^"]*"|NIL) (?P<name>.*)$', line)
        if not m:
            raise SystemExit(f"LIST: cannot parse {line!r}")
        if b"\\Noselect" in m.group("attrs") or b"\\NonExistent" in m.group("attrs"):
            continue
        names.append(unquote(m.group("name").decode()))
    return sorted(names)


def subscribed(imap):
    names = []
    for line in ok(imap.lsub('""', "*"), "LSUB"):
        m = re.match(rb'\([^)]*\) (?:"[^"]*"|NIL) (?P<name>.*)$', line)
        names.append(unquote(m.group("name").decode()))
    return sorted(names)


def mutf7_decode(name):
    """RFC 3501 5.1.3 modified UTF-7 to text: '&' base64 (',' for '/') of UTF-16BE '-'."""
    import base64

    def decode(m):
        inner = m.group(1)
        if inner == "":
            return "&"
        b64 = inner.replace(",", "/")
        b64 += "=" * (-len(b64) % 4)
        return base64.b64decode(b64).decode("utf-16-be")
    return re.sub(r"&([^-]*)-", decode, name)


def unquote(name):
    if name.startswith('"') and name.endswith('"'):
        return re.sub(r'\\(.)', r'\1', name[1:-1])
    return name


def search(imap, folder, subject):
    ok(imap.select(quote(folder), readonly=True), "EXAMINE " + folder)
    data = ok(imap.uid("SEARCH", "SUBJECT", quote(subject)), "UID SEARCH")
    return [int(u) for u in data[0].split()]


def uid_flags(imap, folder):
    """{uid: sorted flags} of a folder, read-only, without \\Recent (a per-session flag)."""
    ok(imap.select(quote(folder), readonly=True), "EXAMINE " + folder)
    typ, data = imap.uid("FETCH", "1:*", "(UID FLAGS)")
    result = {}
    for item in data or []:
        if item is None:
            continue
        if isinstance(item, tuple):
            item = item[0]
        m = re.search(rb"UID (\d+)", item)
        f = re.search(rb"FLAGS \(([^)]*)\)", item)
        if m and f:
            flags = sorted(x for x in f.group(1).decode().split() if x != "\\Recent")
            result[int(m.group(1))] = flags
    return result


def status(imap, folder):
    data = ok(imap.status(quote(folder), "(UIDVALIDITY UIDNEXT MESSAGES)"), "STATUS " + folder)
    text = data[0].decode()
    return {k: int(v) for k, v in re.findall(r"(UIDVALIDITY|UIDNEXT|MESSAGES) (\d+)", text)}


def prepare(imap):
    """Folders (one nested), messages copied into them, system flags and keywords, one expunge
    so that UIDs have a gap, and subscriptions: what Dovecot must then see the same way."""
    # "Entwürfe" in modified UTF-7: Maildir++ keeps that spelling on disk, as Dovecot does.
    for name in ("Projects", "Projects/2026", "Reports", "Entw&APw-rfe"):
        ok(imap.create(quote(name)), "CREATE " + name)
        ok(imap.subscribe(quote(name)), "SUBSCRIBE " + name)
    ok(imap.select("INBOX"), "SELECT INBOX")
    uids = [int(u) for u in ok(imap.uid("SEARCH", "ALL"), "UID SEARCH")[0].split()]
    if len(uids) < 4:
        raise SystemExit(f"INBOX holds {len(uids)} messages, prepare needs 4")
    a, b, c, d = uids[0], uids[1], uids[2], uids[3]
    ok(imap.uid("STORE", str(a), "+FLAGS", r"(\Seen \Flagged)"), "STORE")
    ok(imap.uid("STORE", str(b), "+FLAGS", r"($Interop Work)"), "STORE keywords")
    ok(imap.uid("STORE", str(c), "+FLAGS", r"(\Answered $Interop)"), "STORE")
    ok(imap.uid("COPY", f"{a},{b},{c},{d}", "Projects/2026"), "COPY")
    ok(imap.uid("COPY", f"{b},{d}", "Reports"), "COPY")
    ok(imap.uid("COPY", f"{c}", quote("Entw&APw-rfe")), "COPY")
    ok(imap.select(quote("Projects/2026")), "SELECT Projects/2026")
    puids = [int(u) for u in ok(imap.uid("SEARCH", "ALL"), "UID SEARCH")[0].split()]
    ok(imap.uid("STORE", str(puids[1]), "+FLAGS", r"(\Deleted)"), "STORE \\Deleted")
    ok(imap.expunge(), "EXPUNGE")
    ok(imap.uid("STORE", str(puids[2]), "+FLAGS", r"(\Draft Later)"), "STORE")
    ok(imap.select(quote("Reports")), "SELECT Reports")
    ruids = [int(u) for u in ok(imap.uid("SEARCH", "ALL"), "UID SEARCH")[0].split()]
    ok(imap.uid("STORE", str(ruids[0]), "+FLAGS", r"(\Seen)"), "STORE")
    ok(imap.close(), "CLOSE")


def dump(imap):
    """Names in UTF-8, as doveadm prints them; in the order of those names."""
    for folder in sorted(folders(imap), key=mutf7_decode):
        st = status(imap, folder)
        print(f"folder\t{mutf7_decode(folder)}\tuidvalidity={st['UIDVALIDITY']}\tuidnext={st['UIDNEXT']}"
              f"\tmessages={st['MESSAGES']}")
        for uid, flags in sorted(uid_flags(imap, folder).items()):
            print(f"message\t{mutf7_decode(folder)}\t{uid}\t{' '.join(flags)}")
    for folder in sorted(mutf7_decode(f) for f in subscribed(imap)):
        print(f"subscribed\t{folder}")


def doveadm_dump(conf, user, home):
    """The same lines as dump, from Dovecot's doveadm opened on the same Maildir. The user is
    given as USER and HOME, so doveadm needs no auth service to look it up (mail_uid and
    mail_gid of CONF say whose files they are)."""
    import subprocess

    env = dict(os.environ, USER=user, HOME=home)

    def doveadm(*args):
        run = subprocess.run(["doveadm", "-c", conf, "-f", "tab", *args], env=env,
                             capture_output=True, text=True)
        if run.returncode != 0 or "Error:" in run.stderr:
            raise SystemExit(f"doveadm {' '.join(args)}: exit {run.returncode}: {run.stderr.strip()}")
        out = run.stdout.splitlines()
        header = out[0].split("\t") if out else []
        return [dict(zip(header, line.split("\t"))) for line in out[1:]]

    lines = []
    for row in doveadm("mailbox", "status", "uidvalidity uidnext messages", "*"):
        lines.append((row["mailbox"], 0, f"folder\t{row['mailbox']}\tuidvalidity={row['uidvalidity']}"
                      f"\tuidnext={row['uidnext']}\tmessages={row['messages']}"))
    for row in doveadm("fetch", "mailbox uid flags", "ALL"):
        flags = sorted(x for x in row["flags"].split() if x != "\\Recent")
        lines.append((row["mailbox"], int(row["uid"]),
                      f"message\t{row['mailbox']}\t{row['uid']}\t{' '.join(flags)}"))
    for _, _, line in sorted(lines):
        print(line)
    for name in sorted(row["mailbox"] for row in doveadm("mailbox", "list", "-s")):
        print(f"subscribed\t{name}")


def main(argv):
    if argv[0] == "doveadm-dump":
        doveadm_dump(argv[1], argv[2], argv[3])
        return
    imap = connect()
    try:
        if argv[0] == "search":
            print(" ".join(str(u) for u in search(imap, argv[1], argv[2])))
        elif argv[0] == "flags":
            uids = search(imap, argv[1], argv[2])
            if len(uids) != 1:
                raise SystemExit(f"{len(uids)} messages with subject {argv[2]!r} in {argv[1]}")
            print(" ".join(uid_flags(imap, argv[1]).get(uids[0], [])))
        elif argv[0] == "prepare":
            prepare(imap)
        elif argv[0] == "dump":
            dump(imap)
        else:
            raise SystemExit(f"unknown command {argv[0]}")
    finally:
        try:
            imap.logout()
        except (imaplib.IMAP4.error, OSError):
            pass


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except imaplib.IMAP4.error as e:
        raise SystemExit(f"IMAP error: {e}")
