#!/usr/bin/env python3
"""Signs in to the portal like a browser and prints the Cookie header value for wrk and curl.

Usage: signin.py BASE_URL EMAIL PASSWORD [BASE32_AUTHENTICATOR_KEY]

The app runs in Production over plain http on loopback, so every request says X-Forwarded-Proto: https (the app
trusts forwarded headers from loopback). Its cookies are __Host- and Secure; they are read from Set-Cookie and sent
back by hand, as a browser would over https. Officers answer the two-factor step with an RFC 6238 code.
Standard library only (no pip packages).
"""
import base64
import hashlib
import hmac
import http.client
import re
import struct
import sys
import time
import urllib.parse


def totp(base32_key, at=None):
    key = base64.b32decode(base32_key.upper() + "=" * (-len(base32_key) % 8))
    counter = int((at if at is not None else time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (code % 1_000_000)


class Browser:
    def __init__(self, base_url):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.cookies = {}

    def request(self, method, path, form=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"X-Forwarded-Proto": "https", "User-Agent": "tenantportal-benchmark"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                cookie_name, _, cookie_value = pair.partition("=")
                if cookie_value == "" or "expires=thu, 01 jan 1970" in value.lower():
                    self.cookies.pop(cookie_name, None)
                else:
                    self.cookies[cookie_name] = cookie_value
        connection.close()
        return response.status, response.getheader("Location"), text

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def submit(self, path, fields):
        status, _, page = self.request("GET", path)
        if status != 200:
            raise SystemExit("GET %s answered %d" % (path, status))
        match = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page) or \
            re.search(r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', page)
        if not match:
            raise SystemExit("No antiforgery token on %s" % path)
        form = dict(fields)
        form["__RequestVerificationToken"] = match.group(1)
        return self.request("POST", path, form)


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    base_url, email, password = sys.argv[1:4]
    key = sys.argv[4] if len(sys.argv) > 4 else None
    browser = Browser(base_url)
    status, location, _ = browser.submit("/account/sign-in", {"Email": email, "Password": password})
    if status != 302:
        raise SystemExit("Sign-in as %s answered %d, not a redirect" % (email, status))
    if "/account/sign-in/code" in (location or ""):
        if not key:
            raise SystemExit("%s needs a two-factor code: pass the authenticator key" % email)
        path = urllib.parse.urlsplit(location)
        code_page = path.path + ("?" + path.query if path.query else "")
        # A code works once (the portal refuses a second use): an officer signed in again within the same 30-second
        # step (the benchmark signs in afresh before each URL) waits for the next code.
        for attempt in range(3):
            status, location, _ = browser.submit(code_page, {"Code": totp(key)})
            if status == 302 or attempt == 2:
                break
            time.sleep(30 - time.time() % 30 + 1)
        if status != 302:
            raise SystemExit("Two-factor step for %s answered %d" % (email, status))
    if not any(name.startswith("__Host-TenantPortal") and "Antiforgery" not in name for name in browser.cookies):
        raise SystemExit("No sign-in cookie for %s" % email)
    print(browser.cookie_header())


if __name__ == "__main__":
    main()
