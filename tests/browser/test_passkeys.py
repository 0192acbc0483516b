"""A delegate adds a passkey and confirms the next sign-in with it, in Chromium with a
virtual authenticator (the DevTools protocol's WebAuthn domain) standing in for a
fingerprint reader. WebAuthn needs a secure context and a host name as relying party, so the
browser goes to the demo as http://localhost, which browsers count as secure."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from tests.browser.signing import sign_in, sign_out

pytestmark = pytest.mark.browser


def _virtual_authenticator(context: BrowserContext, page: Page) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


def test_a_delegate_adds_a_passkey_and_signs_in_with_it(
    context: BrowserContext, page: Page, demo_server: str
):
    url = demo_server.replace("127.0.0.1", "localhost")
    _virtual_authenticator(context, page)
    sign_in(page, url, "zaf")
    page.goto(f"{url}/account/")
    expect(page.get_by_text("You have no second factor.")).to_be_visible()
    page.get_by_role("link", name="Add a passkey").click()
    page.get_by_label("Name of this passkey").fill("Laptop")
    page.get_by_role("button", name="Create the passkey").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.goto(f"{url}/account/")
    expect(page.get_by_text("Your sign-ins are confirmed with a passkey:")).to_be_visible()
    expect(page.locator(".passkeys li", has_text="Laptop")).to_be_visible()

    page.goto(f"{url}/")
    sign_out(page)
    sign_in(page, url, "zaf")
    page.goto(f"{url}/p/oewg-ict-demo/")
    expect(page).to_have_url(re.compile(r"/account/second-factor/\?next="))
    page.get_by_role("button", name="Use a passkey").click()
    expect(page).to_have_url(f"{url}/p/oewg-ict-demo/")
    expect(page.get_by_role("link", name="My desk")).to_be_visible()
