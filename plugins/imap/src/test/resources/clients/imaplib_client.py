"""Drives the IMAP server with Python's imaplib: list, append, search, fetch, move.

Usage: imaplib_client.py starttls|ssl HOST PORT USER PASSWORD
Exits 0 and prints OK when every step behaved; prints the failing step otherwise.
"""
import email
import imaplib
import ssl
import sys
import time


def check(condition, what):
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)


def main():
    mode, host, port, user, password = sys.argv[1:6]
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if mode == "ssl":
        m = imaplib.IMAP4_SSL(host, int(port), ssl_context=context, timeout=10)
    else:
        m = imaplib.IMAP4(host, int(port), timeout=10)
        check("STARTTLS" in m.capabilities, "STARTTLS offered")
        m.starttls(ssl_context=context)
        check("STARTTLS" not in m.capabilities, "STARTTLS gone after TLS")
    typ, _ = m.login(user, password)
    check(typ == "OK", "login")

    typ, folders = m.list()
    names = [f.decode() for f in folders]
    check(typ == "OK" and any('"Trash"' in n and "\\Trash" in n for n in names), "list shows Trash: %s" % names)

    message = (b"From: Python <py@localhost>\r\nTo: " + user.encode() + b"\r\n"
               b"Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\nMIME-Version: 1.0\r\n"
               b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
               b"Sch=C3=B6ne Gr=C3=BC=C3=9Fe aus Python\r\n")
    typ, data = m.append("INBOX", "(\\Flagged)", imaplib.Time2Internaldate(time.time()), message)
    check(typ == "OK" and b"APPENDUID" in data[0], "append: %s" % data)

    typ, data = m.select("INBOX")
    check(typ == "OK" and data[0] == b"1", "select: %s" % data)

    typ, data = m.search("UTF-8", "BODY", "\"sch\xf6ne\"".encode("utf-8"))
    check(typ == "OK" and data[0] == b"1", "search body: %s" % data)
    typ, data = m.uid("SEARCH", "FLAGGED", "SUBJECT", "\"gr\xfc\xdfe\"".encode("utf-8"))
    check(typ == "OK" and data[0].split() != [], "uid search subject: %s" % data)
    uid = data[0].split()[0]

    typ, data = m.fetch("1", "(FLAGS RFC822)")
    check(typ == "OK", "fetch")
    parsed = email.message_from_bytes(data[0][1])
    check(parsed["Subject"] == "=?utf-8?q?Gr=C3=BC=C3=9Fe?=", "subject: %s" % parsed["Subject"])
    check(b"\\Flagged" in data[0][0], "flags in fetch: %s" % data[0][0])

    typ, data = m.uid("MOVE", uid, "Trash")
    check(typ == "OK", "move: %s" % data)
    typ, data = m.status("Trash", "(MESSAGES)")
    check(typ == "OK" and b"MESSAGES 1" in data[0], "status of Trash: %s" % data)
    typ, data = m.search(None, "ALL")
    check(typ == "OK" and data[0] == b"", "INBOX empty after move: %s" % data)
    m.logout()
    print("OK")


if __name__ == "__main__":
    main()
