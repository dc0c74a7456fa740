#!/usr/bin/env python3
"""Crash test (issue 5): `portin serve` is killed with SIGKILL in the middle of a busy flow and
restarted, several times; afterwards no transition is lost or applied twice, every email and webhook
event went out (each notification made once, with one id), and every request finished.

Sending is at least once (docs/lifecycle.md): a webhook the receiver answered just before a kill, and
not yet recorded as delivered, is sent again after its lease. That repeat is allowed here only as a
byte-identical redelivery (same event id, delivery id and body), which a receiver deduping on
`PortIn-Event-Id` drops; the run reports how many there were. A second notification for one event,
or a changed body, fails the run. Emails are files named by Message-ID, so a repeat replaces its file.

Topology, all real processes on loopback: `carrier-sim` (the partner carrier, which survives our
crashes as a real one would, and retries its callbacks), `portin serve` against it with its embedded
worker, and a webhook receiver here that verifies each signature. Both processes share one
accelerated clock through `<data>/demo-clock.json`. Emails go to the file transport
(`<data>/mail/*.eml`). Standard library only.

    python3 scripts/crash-test.py [--bin-dir .build/debug] [--requests 12] [--kills 4]

The last two kills wait for a phase (the first FOC, the first completion); the others are random.
"""
import argparse
import base64
import collections
import datetime
import email
import email.policy
import hashlib
import hmac
import http.server
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
SECRET = "crash-test-callback-secret"
API_KEY = "crash-test-api-key"
SPEED = 10000
EXPECTED_CHAIN = [("draft", "submitted"), ("submitted", "carrier_review"), ("carrier_review", "pending_losing_carrier"),
                  ("pending_losing_carrier", "foc_confirmed"), ("foc_confirmed", "completed")]
EXPECTED_EMAILS = ["submitted", "foc_confirmed", "numbers_provisioned", "completed"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class Receiver(http.server.ThreadingHTTPServer):
    """The customer's webhook endpoint: verifies each signature and records each delivery."""
    daemon_threads = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), ReceiverHandler)
        self.secret = None
        self.lock = threading.Lock()
        self.deliveries = []
        self.bad_signatures = 0


class ReceiverHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        header = self.headers.get("PortIn-Signature", "")
        parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
        expected = hmac.new(self.server.secret.encode(), f"{parts.get('t', '')}.".encode() + body, hashlib.sha256).hexdigest()
        with self.server.lock:
            if not hmac.compare_digest(expected, parts.get("v1", "")):
                self.server.bad_signatures += 1
                self.send_response(400)
                self.end_headers()
                return
            event = json.loads(body)
            self.server.deliveries.append({"event_id": event["id"], "type": event["type"],
                                           "request_id": event["data"]["request_id"],
                                           "delivery_id": self.headers.get("PortIn-Delivery-Id"),
                                           "body": hashlib.sha256(body).hexdigest()})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


class Portin:
    def __init__(self, bin_dir, data, port, carrier_port, log):
        self.cmd = [os.path.join(bin_dir, "portin"), "serve"]
        self.env = dict(os.environ, PORTIN_DATA_DIR=data, PORTIN_PORT=str(port), PORTIN_LOG_LEVEL="notice",
                        PORTIN_CARRIER_URL=f"http://127.0.0.1:{carrier_port}", PORTIN_CARRIER_API_KEY=API_KEY,
                        PORTIN_CARRIER_CALLBACK_SECRET=SECRET, PORTIN_CLOCK_SPEED=str(SPEED),
                        PORTIN_WEBHOOKS_ALLOW_PRIVATE="true")
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(self.cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1):
                    return
            except OSError:
                time.sleep(0.05)  # waiting for the child to listen
        fail("portin serve did not start")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin-dir", default=".build/debug")
    parser.add_argument("--requests", type=int, default=12)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--drain-timeout", type=float, default=360, help="wait for emails and webhooks after the last transition")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"crash test: {args.requests} requests, {args.kills} SIGKILLs, seed {args.seed}")

    work = tempfile.mkdtemp(prefix="portin-crash-")
    data = os.path.join(work, "data")
    os.makedirs(data)
    log = open(os.path.join(work, "serve.log"), "ab")
    portin_port, carrier_port, receiver_port = free_port(), free_port(), free_port()

    subscribers = []
    for i in range(args.requests):
        numbers = [f"+1217522{7000 + 2 * i:04d}", f"+1217522{7001 + 2 * i:04d}"]
        subscribers.append({"carrier": "granite-telephone", "account_number": f"GT-CRASH-{i:03d}", "btn": numbers[0],
                            "business_name": f"Crash Co {i}", "authorized_name": "Jane Roe",
                            "service_address": {"house_number": str(100 + i), "street": "Main St", "city": "Springfield",
                                                "state": "IL", "postal_code": "62701", "country": "US"},
                            "numbers": numbers})
    with open(os.path.join(work, "subscribers.json"), "w") as f:
        json.dump(subscribers, f)

    portin = Portin(args.bin_dir, data, portin_port, carrier_port, log)
    portin.start()  # creates the shared clock anchor and the demo credentials
    carrier = subprocess.Popen([os.path.join(args.bin_dir, "carrier-sim"), "--port", str(carrier_port), "--api-key", API_KEY,
                                "--callback-url", f"{portin.url}/v1/carrier/callbacks", "--callback-secret", SECRET,
                                "--clock-file", os.path.join(data, "demo-clock.json"), "--time-scale", str(SPEED),
                                "--callback-attempts", "12", "--subscribers", os.path.join(work, "subscribers.json"),
                                "--log-level", "warning"], stdout=log, stderr=log)
    receiver = Receiver(receiver_port)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    try:
        return run(args, rng, portin, carrier_port, receiver, data, subscribers)
    finally:
        portin.proc.kill()
        carrier.kill()
        receiver.shutdown()
        print(f"logs and data kept in {work}")


def run(args, rng, portin, carrier_port, receiver, data, subscribers):
    with open(os.path.join(data, "demo-credentials.json")) as f:
        creds = json.load(f)
    auth = "Basic " + base64.b64encode(f"{creds['auth_id']}:{creds['auth_token']}".encode()).decode()

    def call(method, path, body=None, content_type="application/json"):
        payload = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        req = urllib.request.Request(portin.url + path, data=payload, method=method)
        req.add_header("Authorization", auth)
        if payload is not None:
            req.add_header("Content-Type", content_type)
            req.add_header("Idempotency-Key", str(uuid.uuid4()))
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"{}")

    for _ in range(100):  # the carrier-sim starting beside us
        try:
            socket.create_connection(("127.0.0.1", carrier_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)

    status, hook = call("POST", "/v1/webhooks", {"url": f"http://127.0.0.1:{receiver.server_address[1]}/hooks", "events": ["*"]})
    if status != 201:
        fail(f"webhook registration: {status} {hook}")
    receiver.secret = hook["secret"]

    _, health = call("GET", "/health")
    today = datetime.date.fromisoformat(health["today"])
    ids = []
    for sub in subscribers:
        status, created = call("POST", "/v1/port-requests", {
            "numbers": sub["numbers"], "subscriber_type": "business", "business_name": sub["business_name"],
            "authorized_person": {"name": "Jane Roe", "title": "CTO", "email": "jane@crash.test"},
            "service_address": sub["service_address"], "account_number": sub["account_number"], "btn": sub["btn"],
            "notification_emails": ["noc@crash.test"]})
        if status != 201:
            fail(f"create: {status} {created}")
        request_id = created["port_requests"][0]["id"]
        for kind, fields in [("loa", [("signed_by", "Jane Roe"), ("signed_on", today.isoformat())]),
                             ("invoice", [("invoice_date", (today - datetime.timedelta(days=10)).isoformat())])]:
            boundary = uuid.uuid4().hex
            parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                     for k, v in [("kind", kind)] + fields]
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{kind}.pdf"\r\n'
                         f'Content-Type: application/pdf\r\n\r\n'.encode() + PDF + b"\r\n")
            status, answer = call("POST", f"/v1/port-requests/{request_id}/documents",
                                  b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}")
            if status != 201:
                fail(f"upload {kind}: {status} {answer}")
        status, answer = call("POST", f"/v1/port-requests/{request_id}/submit")
        if status != 200:
            fail(f"submit: {status} {answer}")
        ids.append(request_id)
    print(f"submitted {len(ids)} requests")

    # Kill in the middle of the flow: the carrier keeps answering (and retrying) while we are down.
    # The first kills come at random moments; the last two wait for a phase: the first FOC (jobs and
    # emails being written for it) and the first completion (activation, provisioning).
    start = time.monotonic()

    def statuses():
        return collections.Counter(call("GET", f"/v1/port-requests/{i}")[1]["status"] for i in ids)

    def wait_for(status):
        while time.monotonic() - start < args.timeout:
            seen = statuses()
            if seen[status] > 0:
                return seen
            time.sleep(0.3)
        fail(f"no request reached {status} in {args.timeout}s")

    schedule = [None] * max(0, args.kills - 2) + ["foc_confirmed", "completed"][:args.kills]
    for kill, phase in enumerate(schedule):
        if phase:
            seen = wait_for(phase)
        else:
            time.sleep(rng.uniform(4, 18))  # wall time between crashes: the point is a real process dying
            seen = statuses()
        portin.kill()
        print(f"SIGKILL {kill + 1} at {time.monotonic() - start:.1f}s ({phase or 'random'}), statuses {dict(seen)}")
        portin.start()

    final = {}
    while time.monotonic() - start < args.timeout:
        final = {i: call("GET", f"/v1/port-requests/{i}")[1]["status"] for i in ids}
        if all(s in ("completed", "cancelled", "expired", "action_required") for s in final.values()):
            break
        time.sleep(1)
    print(f"finished after {time.monotonic() - start:.1f}s: {dict(collections.Counter(final.values()))}")

    # The outbox sends after the final transition. An email or webhook claimed by a killed process
    # waits for its lease to expire (emails 300 s of wall time), so wait for every one, up to that.
    def mail_counts():
        counts = collections.Counter()
        mail_dir = os.path.join(data, "mail")
        for name in os.listdir(mail_dir) if os.path.isdir(mail_dir) else []:
            with open(os.path.join(mail_dir, name), "rb") as f:
                message = email.message_from_binary_file(f, policy=email.policy.default)
            counts[(message["X-PortIn-Request-Id"], message["X-PortIn-Notification"])] += 1
        return counts

    def webhook_counts():
        with receiver.lock:
            return collections.Counter((d["request_id"], d["type"]) for d in receiver.deliveries)

    def all_out():
        mail, hooks = mail_counts(), webhook_counts()
        return (all(mail[(i, k)] >= 1 for i in ids for k in EXPECTED_EMAILS)
                and all(hooks[(i, "port_request.status_changed")] >= len(EXPECTED_CHAIN) for i in ids)
                and all(hooks[(i, f"port_request.{k}")] >= 1 for i in ids for k in EXPECTED_EMAILS))

    drained = time.monotonic()
    while not all_out() and time.monotonic() - drained < args.drain_timeout:
        time.sleep(1)
    time.sleep(2)  # anything sent twice would arrive now
    print(f"outbox drained {time.monotonic() - drained:.1f}s after the last transition")
    problems = []
    if any(s != "completed" for s in final.values()):
        problems.append(f"not all completed: {final}")

    # No transition lost or applied twice: the timeline of each request is exactly the chain.
    for request_id in ids:
        _, events = call("GET", f"/v1/port-requests/{request_id}/events?limit=200")
        chain = [(e["from"], e["to"]) for e in events["data"] if e["type"] == "status_changed"]
        if chain != EXPECTED_CHAIN:
            problems.append(f"{request_id}: transitions {chain}")

    # Emails: one file per message; one message per (request, notification).
    mail = mail_counts()
    for request_id in ids:
        for kind in EXPECTED_EMAILS:
            if mail[(request_id, kind)] != 1:
                problems.append(f"{request_id}: {mail[(request_id, kind)]} '{kind}' emails")

    # Webhooks: every event once by its event id, the signature always valid; a repeat only as an
    # identical redelivery of the same delivery (sent before a kill, recorded by nobody).
    with receiver.lock:
        deliveries = list(receiver.deliveries)
        bad = receiver.bad_signatures
    first = {}
    redelivered = 0
    for d in deliveries:
        seen = first.setdefault(d["event_id"], d)
        if seen is d:
            continue
        redelivered += 1
        if (seen["delivery_id"], seen["body"]) != (d["delivery_id"], d["body"]):
            problems.append(f"event {d['event_id']} sent again as a different delivery or body")
    per_request = collections.Counter((d["request_id"], d["type"]) for d in first.values())
    if bad:
        problems.append(f"{bad} webhook deliveries with a bad signature")
    for request_id in ids:
        if per_request[(request_id, "port_request.status_changed")] != len(EXPECTED_CHAIN):
            problems.append(f"{request_id}: {per_request[(request_id, 'port_request.status_changed')]} status_changed webhooks")
        for kind in EXPECTED_EMAILS:
            if per_request[(request_id, f"port_request.{kind}")] != 1:
                problems.append(f"{request_id}: {per_request[(request_id, f'port_request.{kind}')]} {kind} webhooks")
    print(f"emails: {sum(mail.values())}; webhook deliveries: {len(deliveries)} of {len(first)} events "
          f"({redelivered} identical redeliveries after a kill)")
    if problems:
        for p in problems[:40]:
            print("  " + p, file=sys.stderr)
        fail(f"{len(problems)} problems")
    print("PASS: every request completed; no transition lost or doubled; each email and webhook event once by its id")
    return 0


if __name__ == "__main__":
    sys.exit(main())
