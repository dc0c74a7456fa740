#!/usr/bin/env python3
"""The customer portal's browser journeys, in headless Chromium against a running `portin serve`
whose partner carrier is a `carrier-sim` (scripts/browser-tests.sh starts both):

1. sign in -> dashboard -> request page;
2. action required: the simulator rejects a request (service address mismatch), the page shows each
   reason at its field, the customer corrects the field inline and resubmits, the page shows it submitted;
3. phone width (360 px): dashboard and request page without horizontal scrolling.

Every page visited passes the basic accessibility checks (labels, alt, one h1, lang, skip link first
on Tab, contrast). Screenshots go to --screenshots. Exits 1 on the first failed journey.
"""
import argparse
import json
import os
import sys
import traceback

from ops import ops_journey
from portal import API, Browser, JourneyFailed, Simulator, check
import wizard


def login_to_request_page(browser, api, credentials, subscriber):
    request_id = api.open_request(subscriber)
    status, submitted = api.call("POST", f"/v1/port-requests/{request_id}/submit")
    check(status == 200, f"submit: {status} {submitted}")

    browser.open("/app")
    check(browser.path() == "/login", f"anonymous /app goes to sign in, not {browser.path()}")
    browser.screenshot("login")
    browser.check_accessible("sign-in page")
    browser.type_into("#f-email", credentials["customer_email"])
    browser.type_into("#f-password", "not the password")
    browser.click("form[action='/login'] button[type=submit]")
    check("The email or password is not right." in browser.text(), "a wrong password is refused")
    browser.screenshot("login-refused")
    browser.sign_in(credentials["customer_email"], credentials["customer_password"])
    check(browser.path() == "/app", f"signed in lands on /app, not {browser.path()}")
    check("Your port requests" in browser.text(), "dashboard heading")
    browser.screenshot("dashboard")
    browser.check_accessible("dashboard")

    link = browser.find(f"a[href='/app/requests/{request_id}']")
    check(subscriber["numbers"][0][-4:] in link.text, f"the request's number in its link: {link.text}")
    link.click()
    check(browser.path().startswith(f"/app/requests/{request_id}"), f"request page, not {browser.path()}")
    steps = [step.text for step in browser.find_all("ol.tracker li")]
    check(len(steps) == 5 and steps[0].startswith("Opened") and steps[1].startswith("Submitted"), f"tracker: {steps}")
    check(len(browser.find_all("ol.tracker li.done")) >= 2, "opened and submitted are done")
    text = browser.text()
    for expected in ["Numbers (", "Documents", "Timeline", "Comments", "Letter of authorization"]:
        check(expected in text, f"request page shows {expected}")
    browser.screenshot("request-page")
    browser.check_accessible("request page")


def action_required(browser, api, simulator, subscriber):
    request_id = api.open_request(subscriber)
    # The losing carrier rejects it: the simulator's scenario, as a carrier whose records differ.
    simulator.reject(subscriber["numbers"], ["service_address_mismatch"])
    browser.open(f"/app/requests/{request_id}")
    browser.click("form[action$='/submit'] button[type=submit]")
    check("Submitted." in browser.text(), "submitted from the page")
    rejected = api.wait_for(request_id, {"action_required", "foc_confirmed"}, timeout=150)
    check(rejected["status"] == "action_required", f"rejected, not {rejected['status']}")
    simulator.clear_scenarios()

    browser.open(f"/app/requests/{request_id}")
    check("Action required" in browser.text(), "action required shown")
    reasons = browser.find_all("#f-service_address-house_number-reasons .reason")
    check(len(reasons) == 1 and "Service address doesn" in reasons[0].text and "How to fix" in reasons[0].text,
          f"the address reason at the house number: {[r.text for r in reasons]}")
    check(browser.find("#f-service_address-house_number").get_attribute("aria-describedby")
          .find("f-service_address-house_number-reasons") >= 0, "the reason is announced with its input")
    browser.screenshot("action-required")
    browser.check_accessible("action required page")

    # Correct inline: the street as printed on the bill, then save and resubmit.
    browser.type_into("#f-service_address-street", subscriber["service_address"]["street"].replace(" St", " Street"))
    browser.click("button[name=intent][value=resubmit]")
    text = browser.text()
    check("Submitted. The request is on its way to the carrier" in text, f"resubmitted: {text[:400]}")
    check("Fix and resubmit" not in text, "no correction form once submitted")
    browser.screenshot("resubmitted")
    browser.check_accessible("resubmitted page")
    after = api.request(request_id)
    check(after["version"] == 2 and after["status"] not in ("action_required", "draft"), f"resubmitted as version 2: {after['status']}")
    check(after["service_address"]["street"].endswith("Street"), "the corrected street is stored")


def phone_width(browser, request_id):
    browser.phone_width(True)
    try:
        for path, name in [("/app", "phone-dashboard"), (f"/app/requests/{request_id}", "phone-request"), ("/app/numbers", "phone-numbers")]:
            browser.open(path)
            overflow = browser.horizontal_overflow()
            check(overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360 px")
            check(browser.driver.execute_script("return window.innerWidth") == 360, "the viewport is 360 px wide")
            browser.screenshot(name)
            browser.check_accessible(name)
    finally:
        browser.phone_width(False)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--sim-url", required=True)
    parser.add_argument("--sim-key", required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--subscribers", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    with open(os.path.join(args.data_dir, "demo-credentials.json")) as f:
        credentials = json.load(f)
    with open(args.subscribers) as f:
        subscribers = json.load(f)
    api = API(args.url, credentials)
    simulator = Simulator(args.sim_url, args.sim_key)
    browser = Browser(args.url, args.screenshots)
    failed = []
    try:
        journeys = [
            ("sign in, dashboard, request page", lambda: login_to_request_page(browser, api, credentials, subscribers[0])),
            ("action required: rejected, corrected inline, resubmitted", lambda: action_required(browser, api, simulator, subscribers[1])),
            ("phone width", lambda: phone_width(browser, api.call("GET", "/v1/port-requests")[1]["data"][0]["id"])),
            ("port numbers wizard: checked, signed on the canvas, submitted", lambda: wizard.customer_wizard(browser, api, subscribers[2])),
            ("signing link: emailed, signed without an account, submitted",
             lambda: wizard.signing_link(browser, api, credentials, args.data_dir, subscribers[3])),
            ("ops console: search, document, private note, reject, dashboard",
             lambda: ops_journey(browser, api, simulator, credentials, subscribers[4])),
        ]
        for name, journey in journeys:
            try:
                journey()
                print(f"ok   {name}")
            except Exception as error:  # noqa: BLE001 - every failure is reported with its screenshot
                shot = browser.screenshot("FAILED-" + name.split(",")[0].replace(" ", "-").replace(":", ""))
                print(f"FAIL {name}: {error}\n     screenshot: {shot}")
                if not isinstance(error, JourneyFailed):
                    traceback.print_exc()
                failed.append(name)
    finally:
        browser.quit()
    print(f"screenshots in {args.screenshots}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
