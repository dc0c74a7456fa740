#!/usr/bin/env python3
"""Carries one port request of the demo subscriber through the whole lifecycle against a running
`portin serve` (embedded simulator, accelerated demo clock): create, upload the LOA and an invoice,
submit, then follow the status until the port completes. Standard library only.

    swift run portin serve          # in one terminal
    python3 scripts/demo.py         # in another

Exits 0 when the request completed within --timeout wall seconds (default 180), 1 otherwise.
"""
import argparse
import base64
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default=os.environ.get("PORTIN_URL", "http://127.0.0.1:8080"))
    parser.add_argument("--data-dir", default=os.environ.get("PORTIN_DATA_DIR", "./portin-data"))
    parser.add_argument("--timeout", type=float, default=180, help="wall seconds to wait for completion")
    args = parser.parse_args()

    with open(os.path.join(args.data_dir, "demo-credentials.json")) as f:
        creds = json.load(f)
    auth = "Basic " + base64.b64encode(f"{creds['auth_id']}:{creds['auth_token']}".encode()).decode()

    def call(method, path, body=None, content_type="application/json"):
        data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        req = urllib.request.Request(args.url + path, data=data, method=method)
        req.add_header("Authorization", auth)
        if data is not None:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as err:
            return err.code, json.loads(err.read() or b"{}")

    def upload(request_id, kind, fields):
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in [("kind", kind)] + fields]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{kind}.pdf"\r\n'
                     f'Content-Type: application/pdf\r\n\r\n'.encode() + PDF + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        status, answer = call("POST", f"/v1/port-requests/{request_id}/documents", body,
                              f"multipart/form-data; boundary={boundary}")
        expect(status == 201, f"upload {kind}", answer)

    # The service's own date: on the demo clock it runs ahead of the wall clock.
    status, health = call("GET", "/health")
    expect(status == 200, "health", health)
    today = datetime.date.fromisoformat(health["today"])
    print(f"service clock: {health['time']} (today {today})")

    status, created = call("POST", "/v1/port-requests", {
        "numbers": ["+1 217 522 0901", "+1 217 522 0902"],
        "subscriber_type": "business",
        "business_name": "Demo Bakery LLC",
        "authorized_person": {"name": "Pat Baker", "title": "Owner", "email": "pat@demo-bakery.test"},
        "service_address": {"house_number": "400", "street": "Oak Ave", "city": "Springfield", "state": "IL",
                            "postal_code": "62704", "country": "US"},
        "account_number": "GT-DEMO-901",
        "btn": "+1 217 522 0901",
        "notification_emails": ["noc@demo-bakery.test"],
    })
    expect(status == 201 and created.get("port_requests"), "create", created)
    request = created["port_requests"][0]
    request_id = request["id"]
    print(f"created {request_id} (PON {request['pon']}) for {', '.join(request['numbers'][i]['number'] for i in range(len(request['numbers'])))}"
          if isinstance(request.get("numbers"), list) and request["numbers"] and isinstance(request["numbers"][0], dict)
          else f"created {request_id}")
    upload(request_id, "loa", [("signed_by", "Pat Baker"), ("signed_on", today.isoformat())])
    upload(request_id, "invoice", [("invoice_date", (today - datetime.timedelta(days=10)).isoformat())])
    status, submitted = call("POST", f"/v1/port-requests/{request_id}/submit")
    expect(status == 200, "submit", submitted)

    start = time.monotonic()
    last = None
    while True:
        elapsed = time.monotonic() - start
        status, current = call("GET", f"/v1/port-requests/{request_id}")
        expect(status == 200, "read", current)
        if current["status"] != last:
            last = current["status"]
            foc = f" FOC {current['foc_date']}" if current.get("foc_date") else ""
            print(f"{elapsed:6.1f}s  {last}{foc}")
        if last == "completed":
            print(f"completed in {elapsed:.1f} s of wall time")
            mail = os.path.join(args.data_dir, "mail")
            if os.path.isdir(mail):
                print(f"emails written to {mail}: {len(os.listdir(mail))}")
            return 0
        if last in ("action_required", "cancelled", "expired"):
            print(json.dumps(current.get("reasons", current), indent=2))
            return 1
        if elapsed > args.timeout:
            print(f"not completed after {args.timeout:.0f} s (status {last})")
            return 1
        time.sleep(1)


def expect(ok, what, answer):
    if not ok:
        print(f"{what} failed: {json.dumps(answer, indent=2)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    sys.exit(main())
