"""The ops journey (hooked from journeys.py): the porting team signs in, finds a submitted request by
searching its number, opens it, views a document inline, adds a private note and rejects it with a
catalog code; the customer then sees the reason (and not the note); the carrier dashboard draws SVG;
a country's LOA template is stored and removed.
"""
import os
import time

from selenium.webdriver.support.ui import Select

from portal import ACCESSIBILITY_JS, check

NOTE = "Private: the LOA signature looks traced, watch this account"
REASON_NOTE = "The bill we have shows ZIP 62702."


def type_steadily(browser, selector, text):
    """Types into a field; Chromium's PDF viewer may take the focus while its frame loads, so the
    value is checked and typed again if keystrokes went to the frame."""
    for _ in range(5):
        browser.type_into(selector, text)
        if browser.find(selector).get_attribute("value") == text:
            return
        time.sleep(1)
    check(False, f"could not type into {selector}")


def sign_in_fresh(browser, email, password):
    browser.driver.delete_all_cookies()
    browser.sign_in(email, password)


def ops_journey(browser, api, simulator, credentials, subscriber):
    # A submitted request whose carrier answers only months later: it waits, for the porting team to act.
    simulator.call("POST", "/sim/scenarios", {"numbers": subscriber["numbers"], "outcome": "delay", "business_days": 200})
    request_id = api.open_request(subscriber)
    status, submitted = api.call("POST", f"/v1/port-requests/{request_id}/submit")
    check(status == 200, f"submit: {status} {submitted}")
    pon = submitted["pon"]

    sign_in_fresh(browser, credentials["ops_email"], credentials["ops_password"])
    check(browser.path() == "/ops", f"ops sign-in lands on /ops, not {browser.path()}")
    check("Ops console" in browser.text() and "Queue" in browser.text(), "the queue")
    browser.screenshot("ops-queue")
    browser.check_accessible("ops queue")

    # Search by the number as people write it.
    digits = subscriber["numbers"][0][2:]
    browser.type_into("#q", f"({digits[0:3]}) {digits[3:6]}-{digits[6:]}")
    browser.click("form[role=search] button[type=submit]")
    links = browser.find_all(f"a[href='/ops/requests/{request_id}']")
    check(len(links) == 1 and links[0].text == pon, f"search finds {pon}: {[l.text for l in links]}")
    browser.screenshot("ops-search")
    browser.check_accessible("ops search results")
    links[0].click()
    check(browser.path() == f"/ops/requests/{request_id}", f"detail page, not {browser.path()}")
    text = browser.text()
    for expected in ["Request vs the losing carrier", "every field matches", "Private notes (porting team only)", "Reject with catalog codes"]:
        check(expected in text, f"detail shows {expected}")

    # The LOA inline: a frame on our own document route, served inline as a PDF.
    frames = browser.find_all("iframe.document-view")
    check(len(frames) >= 1, "a document frame")
    source = frames[0].get_attribute("src")
    check(f"/ops/requests/{request_id}/documents/" in source, f"frame source {source}")
    headers = browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition')]))"
        ".catch(e => done([0, String(e), '']));", source)
    check(headers[0] == 200 and headers[1] == "application/pdf" and headers[2].startswith("inline"), f"document served inline: {headers}")
    browser.driver.execute_script("arguments[0].scrollIntoView()", frames[0])
    browser.screenshot("ops-document-inline")
    # Chromium's PDF viewer takes the keyboard focus once its frame loads, so the skip-link-first Tab
    # check runs on the other ops pages; here the rest of the checks, and every frame has a title.
    check(all(frame.get_attribute("title") for frame in frames), "every document frame has a title")
    problems = browser.driver.execute_script(ACCESSIBILITY_JS)
    check(not problems, f"ops request detail: accessibility: {problems}")

    # A private note, then the rejection with a catalog code.
    type_steadily(browser, "#note-body", NOTE)
    browser.click("form[action$='/notes'] button[type=submit]")
    check("The private note is stored" in browser.text() and NOTE in browser.text(), "note stored and shown to ops")
    Select(browser.find("#f-reasons-0-code")).select_by_value("zip_mismatch")
    type_steadily(browser, "#f-reasons-0-note", REASON_NOTE)
    type_steadily(browser, "#f-reject_message", "Please check the ZIP code.")
    browser.click("form[action$='/rejections'] button[type=submit]")
    text = browser.text()
    check("Rejected: the request is with the customer" in text, f"rejected: {text[:300]}")
    browser.screenshot("ops-rejected")
    after = api.request(request_id)
    check(after["status"] == "action_required" and [r["code"] for r in after["reasons"]] == ["zip_mismatch"], f"stored: {after['status']}")

    # The customer sees the reason at the ZIP field, never the note.
    sign_in_fresh(browser, credentials["customer_email"], credentials["customer_password"])
    browser.open(f"/app/requests/{request_id}")
    text = browser.text()
    check("Action required" in text and REASON_NOTE in text, "the customer sees the reason")
    check(NOTE not in text, "the private note is not on the customer's page")
    reasons = browser.find_all("#f-service_address-postal_code-reasons .reason")
    check(len(reasons) == 1, "the reason stands at the ZIP code field")
    status, comments = api.call("GET", f"/v1/port-requests/{request_id}/comments")
    check(status == 200 and NOTE not in str(comments), "the private note is not in the customer's API")
    browser.screenshot("customer-sees-ops-reason")

    # The carrier dashboard: charts drawn on the server.
    sign_in_fresh(browser, credentials["ops_email"], credentials["ops_password"])
    browser.open("/ops/carriers")
    charts = browser.find_all(".chart svg[role=img]")
    check(len(charts) >= 2, f"SVG charts: {len(charts)}")
    check("zip_mismatch" in browser.text(), "the rejection code in the chart data")
    browser.screenshot("ops-carriers")
    browser.check_accessible("carrier dashboard")

    # A country's LOA template: pasted, checked, listed with a sample PDF, then removed again.
    browser.open("/ops/loa-templates")
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "loa-templates", "GB.json")) as sample:
        gb = sample.read()
    browser.type_into("#f-country", "GB")
    browser.driver.execute_script("document.getElementById('f-template_json').value = arguments[0];", gb)
    browser.click("form[action='/ops/loa-templates'] button[type=submit]")
    text = browser.text()
    check("The template is stored" in text and "Letter of Authority to Port Numbers (United Kingdom)" in text, "the GB template is listed")
    check(len(browser.find_all("a[href='/ops/loa-templates/GB/preview']")) == 1, "the GB sample PDF link")
    browser.screenshot("ops-loa-templates")
    browser.check_accessible("LOA templates")
    browser.click("form[action='/ops/loa-templates/GB/remove'] button[type=submit]")
    check("The template is removed" in browser.text(), "the GB template is removed")
    browser.phone_width(True)
    try:
        for path, name in [("/ops", "phone-ops-queue"), (f"/ops/requests/{request_id}", "phone-ops-request"), ("/ops/carriers", "phone-ops-carriers"),
                           ("/ops/loa-templates", "phone-ops-loa-templates")]:
            browser.open(path)
            overflow = browser.horizontal_overflow()
            check(overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360 px")
            browser.screenshot(name)
    finally:
        browser.phone_width(False)
    simulator.clear_scenarios()
