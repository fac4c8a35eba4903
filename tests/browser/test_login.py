import pytest

from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_user_logs_in_and_sees_the_norwegian_dashboard(page_as):
    page = page_as("business")
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("nav.mainnav a").count() >= 5
    screenshot(page, "dashboard")


def test_pages_carry_a_content_security_policy(page_as):
    page = page_as("viewer")
    response = page.goto(page.live_server_url + "/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
