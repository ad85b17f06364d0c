"""Downloads a POP3 maildrop with Python's poplib, one file per message.

usage: poplib_download.py plain|stls|ssl HOST PORT USER PASSWORD OUTDIR
Each message is written as OUTDIR/<number>.eml, its lines joined with CRLF as they were
stored; the UIDL listing goes to OUTDIR/uidl.txt. Exits non-zero on any protocol error.
"""
import os
import poplib
import ssl
import sys


def main():
    mode, host, port, user, password, outdir = sys.argv[1:7]
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if mode == "ssl":
        client = poplib.POP3_SSL(host, int(port), context=context, timeout=30)
    else:
        client = poplib.POP3(host, int(port), timeout=30)
        if mode == "stls":
            client.stls(context=context)
    client.user(user)
    client.pass_(password)
    count, _size = client.stat()
    _resp, listing, _octets = client.uidl()
    with open(os.path.join(outdir, "uidl.txt"), "wb") as f:
        f.write(b"\n".join(listing) + b"\n")
    for number in range(1, count + 1):
        _resp, lines, _octets = client.retr(number)
        with open(os.path.join(outdir, "%d.eml" % number), "wb") as f:
            f.write(b"\r\n".join(lines) + b"\r\n")
    client.quit()
    print(count)


if __name__ == "__main__":
    main()
