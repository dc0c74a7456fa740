#!/usr/bin/env python3
"""A real SMTP server for the email tests (aiosmtpd), on a port the OS picks.

Every accepted message is stored in --dir as NNNN.eml (the bytes received, dot-stuffing undone)
with NNNN.json beside it (envelope sender, recipients, authenticated login). With --tls starttls or
implicit, a self-signed certificate for localhost / 127.0.0.1 is made with openssl into --dir
(cert.pem is the CA file to trust). With --user/--password, AUTH is required (over TLS).
Prints one line "READY <port>" on stdout once it accepts connections; runs until its standard
input closes (so it never outlives the test process) or it is terminated.
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import subprocess
import sys

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.stderr.write("aiosmtpd is not installed: python3 -m pip install aiosmtpd\n")
    sys.exit(3)


class Mailbox:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    def _write(self, name, data):
        # Atomic: the test reads a file only once it is complete.
        temporary = os.path.join(self.directory, "." + name + ".tmp")
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, os.path.join(self.directory, name))

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        stem = "%04d" % self.count
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "login": session.auth_data if isinstance(session.auth_data, str) else None,
                # STARTTLS sets session.ssl; implicit TLS shows only on the transport.
                "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None}
        self._write(stem + ".json", json.dumps(meta).encode())
        self._write(stem + ".eml", envelope.original_content)
        return "250 2.0.0 Message accepted"


def make_certificate(directory):
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--only-login", action="store_true", help="offer AUTH LOGIN but not PLAIN")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    context = make_certificate(args.dir) if args.tls != "none" else None
    mailbox = Mailbox(args.dir)

    def authenticator(server, session, envelope, mechanism, auth_data):
        good = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
                and auth_data.password.decode() == args.password)
        return AuthResult(success=good, handled=False, auth_data=args.user if good else None)

    def factory():
        options = {"hostname": "smtp.test", "decode_data": False}
        if args.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        if args.user:
            options.update(authenticator=authenticator, auth_required=True,
                           # Implicit TLS is encrypted from the start; aiosmtpd only knows about STARTTLS.
                           auth_require_tls=args.tls == "starttls")
            if args.only_login:
                options.update(auth_exclude_mechanism=["PLAIN"])
        return SMTP(mailbox, **options)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, host="127.0.0.1", port=0,
                                      ssl=context if args.tls == "implicit" else None)
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write("READY %d\n" % port)
    sys.stdout.flush()
    # The parent closes our standard input to stop us (or dies, which closes it too).
    stdin_closed = loop.run_in_executor(None, sys.stdin.buffer.read)
    async with server:
        await stdin_closed


if __name__ == "__main__":
    # A parent's thread may have had SIGTERM blocked when it started us: the mask is inherited.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
