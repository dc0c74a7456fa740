"""The "Port numbers" wizard in headless Chromium (hooked from journeys.py):

(a) a signed-in customer pastes numbers, sees their portability and the split, fills the details
    (checked against the carrier's record), signs the LOA on the canvas (drawn with ActionChains),
    uploads an invoice and submits: the request page shows it submitted;
(b) signing link: the customer emails a link instead, the journey reads the .eml the server wrote to
    <data>/mail (file transport), signs without an account, and the customer then submits.

Note the demo clock runs fast (20,000x by default): a 7-day signing link lasts about 30 seconds.
"""
import datetime
import email
import email.policy
import glob
import os
import re
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait

from portal import PDF, check


def fill_details(browser, subscriber, authorized_email):
    address = subscriber["service_address"]
    values = {
        "#f-business_name": subscriber["business_name"],
        "#f-service_address-house_number": address["house_number"], "#f-service_address-street": address["street"],
        "#f-service_address-city": address["city"], "#f-service_address-state": address["state"],
        "#f-service_address-postal_code": address["postal_code"], "#f-account_number": subscriber["account_number"],
        "#f-btn": subscriber["btn"], "#f-authorized_person-name": subscriber["authorized_name"],
        "#f-authorized_person-title": "Owner", "#f-authorized_person-email": authorized_email,
    }
    for selector, value in values.items():
        browser.type_into(selector, value)


def start(browser, subscriber, authorized_email, shot_prefix):
    """Numbers -> portability and split -> details; returns the group page path."""
    browser.open("/app")
    browser.click("a[href='/app/port']")
    check(browser.path() == "/app/port", f"the Port numbers entry leads to the wizard, not {browser.path()}")
    browser.check_accessible("wizard numbers step")
    pasted = ", ".join(subscriber["numbers"]) + "\n555\n"
    browser.type_into("#f-numbers", pasted)
    browser.screenshot(shot_prefix + "-numbers")
    browser.click("form[action='/app/port/numbers'] button[type=submit]")
    text = browser.text()
    count = len(subscriber["numbers"])
    check(f"{count} of {count + 1} can be ported" in text, f"portability summary: {text[:600]}")
    check("Granite Telephone" in text and "1 left out" in text, "carrier and the left-out entry shown")
    check("Request 1: Granite Telephone, Geographic" in text, "split preview")
    browser.screenshot(shot_prefix + "-portability")
    browser.check_accessible("wizard portability and details")
    fill_details(browser, subscriber, authorized_email)
    browser.click("form[action='/app/port/drafts'] button[type=submit]")
    check(re.match(r"^/app/port/grp_[^/?#]+", browser.path()), f"the group page, not {browser.path()}")
    text = browser.text()
    check("The draft requests are saved" in text, "drafts saved")
    check("The details match the current carrier" in text, f"the CSR pre-check passes: {text[:800]}")
    browser.screenshot(shot_prefix + "-group")
    browser.check_accessible("wizard group page")
    return re.match(r"^/app/port/grp_[^/?#]+", browser.path()).group(0)


def draw_signature(browser):
    canvas = browser.find("canvas.signature-pad")
    chain = webdriver.ActionChains(browser.driver)
    chain.move_to_element_with_offset(canvas, -200, 10).click_and_hold()
    for dx, dy in [(40, -30), (40, 40), (40, -40), (40, 30), (60, -10)]:
        chain.move_by_offset(dx, dy)
    chain.release().perform()
    check(browser.find("input[name=signature]").get_attribute("value").startswith("data:image/png;base64,"),
          "the drawing is in the form")


def sign_here(browser, subscriber):
    browser.type_into("#f-typed_name", subscriber["authorized_name"])
    browser.type_into("#f-title", "Owner")
    draw_signature(browser)
    browser.find("input[name=consent]").click()
    browser.screenshot("wizard-signature-drawn")
    browser.click("form.sign-form button[type=submit]")


def upload_invoice_and_submit(browser, api, group):
    today = api.today()
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as invoice:
        invoice.write(PDF)
    try:
        date_input = browser.find("input[name=invoice_date]")
        browser.driver.execute_script("arguments[0].value = arguments[1]", date_input,
                                      (today - datetime.timedelta(days=5)).isoformat())
        browser.find("input[type=file][name=file]").send_keys(invoice.name)
        browser.click(f"form[action$='/invoice'] button[type=submit]")
        # The browser reads the file while it navigates: wait for the answer before removing it.
        WebDriverWait(browser.driver, 20).until(lambda d: "done=invoice" in d.current_url or "was not stored" in d.page_source)
    finally:
        os.unlink(invoice.name)
    check("The invoice is stored with the request." in browser.text(), f"invoice stored: {browser.text()[:600]}")
    browser.screenshot("wizard-review")
    browser.click(f"form[action='{group}/submit'] button[type=submit]")
    WebDriverWait(browser.driver, 20).until(lambda d: "/app/requests/" in d.current_url or "Not submitted" in d.page_source)
    text = browser.text()
    check(browser.path().startswith("/app/requests/") and "Submitted." in text, f"submitted: {browser.path()} {text[:600]}")
    browser.screenshot("wizard-submitted")
    return browser.path().split("?")[0].rsplit("/", 1)[1]


def customer_wizard(browser, api, subscriber):
    group = start(browser, subscriber, "owner@example.com", "wizard")
    browser.click("a[href$='/sign']")
    check("Sign the Letter of Authorization" in browser.text(), "the sign page")
    browser.check_accessible("sign page")
    sign_here(browser, subscriber)
    text = browser.text()
    check("The LOA is signed and stored" in text and f"Signed by {subscriber['authorized_name']}" in text, f"signed: {text[:600]}")
    request_id = upload_invoice_and_submit(browser, api, group)
    body = api.request(request_id)
    check(body["status"] != "draft", f"the request left draft: {body['status']}")
    check(any(d["kind"] == "loa" for d in body.get("documents", [])), "the signed LOA is stored")


def read_link(data_dir, pon, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for path in glob.glob(os.path.join(data_dir, "mail", "*.eml")):
            with open(path, "rb") as f:
                message = email.message_from_binary_file(f, policy=email.policy.default)
            if pon not in str(message["Subject"]):
                continue
            text = message.get_body(preferencelist=("plain",)).get_content()
            match = re.search(r"https?://\S+/sign/[A-Za-z0-9_-]+", text)
            check(match, f"a signing link in the email: {text[:400]}")
            return message, match.group(0)
        time.sleep(0.3)
    raise AssertionError(f"no signing email for {pon} in {data_dir}/mail within {timeout}s")


def signing_link(browser, api, credentials, data_dir, subscriber):
    signer_email = "signer@example.com"
    group = start(browser, subscriber, signer_email, "link")
    pon = re.search(r"Request (PI\d+)", browser.text()).group(1)
    browser.click("form[action$='/signing-link'] button[type=submit]")
    check(f"A signing link was sent to {signer_email}" in browser.text(), "link sent")
    message, link = read_link(data_dir, pon)
    check(signer_email in str(message["To"]), f"the email goes to the authorized person: {message['To']}")

    # The authorized person has no account: a browser without the customer's session.
    browser.driver.delete_all_cookies()
    browser.driver.get(link)
    check("Sign the Letter of Authorization" in browser.text() and pon in browser.text(), f"signing page: {browser.text()[:400]}")
    browser.screenshot("link-sign-page")
    browser.check_accessible("signing-link page")
    sign_here(browser, subscriber)
    check("Signed. Thank you." in browser.text(), f"signed by link: {browser.text()[:400]}")
    browser.screenshot("link-signed")
    browser.driver.get(link)
    check("already used" in browser.text(), "the link works once")

    browser.sign_in(credentials["customer_email"], credentials["customer_password"])
    browser.open(group)
    check(f"Signed by {subscriber['authorized_name']}" in browser.text() and "(through the emailed link)" in browser.text(),
          "the wizard shows the LOA signed")
    upload_invoice_and_submit(browser, api, group)
