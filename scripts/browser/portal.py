"""Helpers of the browser journeys: the PortIn API (to seed what a journey starts from), the
carrier simulator's admin API, headless Chromium through Selenium, screenshots, and the basic
accessibility checks every page must pass."""
import base64
import datetime
import json
import os
import time
import urllib.error
import urllib.request
import uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class JourneyFailed(Exception):
    pass


def check(ok, what):
    if not ok:
        raise JourneyFailed(what)


class API:
    """The customer API of the demo account (Basic auth from <data>/demo-credentials.json)."""

    def __init__(self, url, credentials):
        self.url = url
        self.auth = "Basic " + base64.b64encode(f"{credentials['auth_id']}:{credentials['auth_token']}".encode()).decode()

    def call(self, method, path, body=None, content_type="application/json"):
        data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", self.auth)
        if data is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def today(self):
        status, health = self.call("GET", "/health")
        check(status == 200, f"health: {status}")
        return datetime.date.fromisoformat(health["today"])

    def upload(self, request_id, kind, fields):
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in [("kind", kind)] + fields]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{kind}.pdf"\r\n'
                     f"Content-Type: application/pdf\r\n\r\n".encode() + PDF + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        status, answer = self.call("POST", f"/v1/port-requests/{request_id}/documents", body,
                                   f"multipart/form-data; boundary={boundary}")
        check(status == 201, f"upload {kind}: {status} {answer}")

    def open_request(self, subscriber, paperwork=True):
        """Creates a request for `subscriber` (as in subscribers.json) with its LOA and a recent invoice."""
        address = subscriber["service_address"]
        status, created = self.call("POST", "/v1/port-requests", {
            "numbers": subscriber["numbers"], "subscriber_type": "business", "business_name": subscriber["business_name"],
            "authorized_person": {"name": subscriber["authorized_name"], "title": "Owner", "email": "owner@example.com"},
            "service_address": address, "account_number": subscriber["account_number"], "btn": subscriber["btn"],
        })
        check(status == 201 and len(created.get("port_requests", [])) == 1, f"create: {status} {created}")
        request_id = created["port_requests"][0]["id"]
        if paperwork:
            today = self.today()
            self.upload(request_id, "loa", [("signed_by", subscriber["authorized_name"]), ("signed_on", today.isoformat())])
            self.upload(request_id, "invoice", [("invoice_date", (today - datetime.timedelta(days=10)).isoformat())])
        return request_id

    def request(self, request_id):
        status, body = self.call("GET", f"/v1/port-requests/{request_id}")
        check(status == 200, f"read {request_id}: {status} {body}")
        return body

    def wait_for(self, request_id, statuses, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            body = self.request(request_id)
            if body["status"] in statuses:
                return body
            time.sleep(0.5)
        raise JourneyFailed(f"{request_id} never reached {statuses} within {timeout}s (last: {body['status']})")


class Simulator:
    """The carrier simulator's admin API (/sim/...)."""

    def __init__(self, url, api_key):
        self.url = url
        self.api_key = api_key

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + self.api_key)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    def reject(self, numbers, codes):
        check(self.call("POST", "/sim/scenarios", {"numbers": numbers, "outcome": "reject", "codes": codes}) in (200, 201, 204),
              "scenario")

    def clear_scenarios(self):
        self.call("DELETE", "/sim/scenarios")


class Browser:
    """Headless Chromium: pages, forms, screenshots and the accessibility checks."""

    def __init__(self, url, screenshots):
        self.url = url
        self.screenshots = screenshots
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1600",
                         "--lang=en-US"]:
            options.add_argument(argument)
        service = Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(30)
        self.shots = 0

    def quit(self):
        self.driver.quit()

    def open(self, path):
        self.driver.get(self.url + path)

    def path(self):
        return "/" + self.driver.current_url.split("/", 3)[3] if self.driver.current_url.count("/") >= 3 else "/"

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def text(self):
        return self.find("body").text

    def type_into(self, selector, text):
        field = self.find(selector)
        field.clear()
        field.send_keys(text)

    def click(self, selector):
        element = self.find(selector)
        href = element.get_attribute("href") or ""
        navigates = element.get_attribute("type") == "submit" or (element.tag_name == "a" and href and not href.endswith("#"))
        page = self.find("html")
        element.click()
        if navigates:
            # The old page still reads "complete" until the new one starts loading: wait for it to go,
            # or a check right after would read (or lose, mid-navigation) the old page.
            def replaced(driver):
                try:
                    return driver.find_element(By.CSS_SELECTOR, "html").id != page.id
                except WebDriverException:
                    return False  # mid-navigation: no document to ask yet
            try:
                WebDriverWait(self.driver, 10).until(replaced)
            except TimeoutException:
                pass  # stopped in the browser (e.g. a required field left empty): still on this page
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def screenshot(self, name):
        self.shots += 1
        path = os.path.join(self.screenshots, f"{self.shots:02d}-{name}.png")
        self.driver.save_screenshot(path)
        return path

    def phone_width(self, enabled):
        """A 360 CSS-pixel wide phone viewport (or back to the desktop window)."""
        if enabled:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                        {"width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
        else:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def horizontal_overflow(self):
        return self.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")

    def sign_in(self, email, password):
        self.open("/login")
        self.type_into("#f-email", email)
        self.type_into("#f-password", password)
        self.click("form[action='/login'] button[type=submit]")

    def accessibility_problems(self):
        """Labels on every input, alt on every image, one h1, a lang, a skip link, text contrast of
        at least 4.5:1 (3:1 for large text), and Tab reaching the skip link first."""
        problems = self.driver.execute_script(ACCESSIBILITY_JS)
        self.driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
        webdriver.ActionChains(self.driver).send_keys(Keys.TAB).perform()
        first = self.driver.execute_script("return document.activeElement && document.activeElement.className")
        if first != "skip-link":
            problems.append(f"the first Tab lands on {first!r}, not the skip link")
        return problems

    def check_accessible(self, page):
        problems = self.accessibility_problems()
        check(not problems, f"{page}: accessibility: {problems}")


ACCESSIBILITY_JS = r"""
const problems = [];
const lang = document.documentElement.getAttribute('lang');
if (!lang) problems.push('html has no lang');
const h1 = document.querySelectorAll('h1').length;
if (h1 !== 1) problems.push(h1 + ' h1 elements');
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (['hidden', 'submit', 'button'].includes(el.type)) continue;
  const labelled = (el.labels && el.labels.length > 0 && el.labels[0].textContent.trim() !== '')
    || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
  if (!labelled) problems.push('unlabelled ' + el.outerHTML.slice(0, 100));
}
for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('img without alt: ' + img.src);
if (!document.querySelector('a.skip-link[href="#main"]')) problems.push('no skip link');
if (document.querySelectorAll('main').length !== 1) problems.push('not one main');

function rgb(text) {
  const m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(',').map(s => parseFloat(s));
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el) {
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c && c.a > 0.5) return c;
  }
  return {r: 255, g: 255, b: 255, a: 1};
}
for (const el of document.querySelectorAll('p, a, button, label, h1, h2, h3, li, td, th, dt, dd, span, legend, strong, option')) {
  if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim() !== '');
  if (!own) continue;
  const style = getComputedStyle(el);
  const fg = rgb(style.color);
  if (!fg) continue;
  const l1 = luminance(fg), l2 = luminance(background(el));
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' for "' + el.textContent.trim().slice(0, 40) + '"');
}
return problems;
"""
