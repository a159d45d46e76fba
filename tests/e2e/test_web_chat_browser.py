"""The website chat in a real browser (Debian's chromium, headless, driven by
Playwright) against the real Rasa server: keyboard-only use, quick replies,
a conversation that survives a reload, errors with a retry, small screens,
markup shown as text, and an axe-core accessibility check. A screenshot is
kept in bench/results/web-chat.png."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT
from tests.conftest import require_all

pytestmark = pytest.mark.rasa
AXE = PROJECT_ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT_ROOT / "bench" / "results"
ANSWER_TIMEOUT = 60_000


def _chromium() -> str:
    path = os.environ.get("HANDELWIJZER_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if require_all():
            pytest.fail("chromium not installed: run the tests with scripts/test.sh")
        pytest.skip("chromium not installed: run the tests with scripts/test.sh")
    return path


@pytest.fixture(scope="module")
def browser():
    if require_all():
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture()
def page(browser, rasa_url):
    # The page's own Content-Security-Policy forbids eval and inline scripts;
    # the test harness needs both (wait_for_function, axe), the page does not.
    context = browser.new_context(viewport={"width": 1024, "height": 800}, locale="nl-NL", bypass_csp=True)
    pg = context.new_page()
    pg.goto(f"{rasa_url}/webhooks/web/chat")
    pg.wait_for_selector(".hw-chat")
    yield pg
    context.close()


def _bot_messages(page):
    return page.locator(".hw-msg.hw-bot")


def _ask_with_keyboard(page, question: str) -> None:
    page.keyboard.press("Tab")  # skip link first
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hw-input"
    page.keyboard.type(question)
    before = _bot_messages(page).count()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.hw-msg.hw-bot').length > {before}", timeout=ANSWER_TIMEOUT)


def test_page_is_served_with_a_strict_content_security_policy(browser, rasa_url):
    context = browser.new_context()
    pg = context.new_page()
    response = pg.goto(f"{rasa_url}/webhooks/web/chat")
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    pg.wait_for_selector(".hw-chat")  # the widget runs under that policy
    context.close()


def test_keyboard_only_question_answer_and_quick_reply(page):
    _ask_with_keyboard(page, "Mag ik bij mijn moeder de steunkousen aantrekken?")
    answer = _bot_messages(page).last
    assert "Ja, als mantelzorger" in answer.inner_text()
    assert answer.locator("ul li").count() >= 2  # conditions are a real list
    buttons = answer.locator(".hw-quick-btn")
    assert buttons.count() >= 2
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-chat.png"), full_page=True)

    buttons.first.focus()
    before = _bot_messages(page).count()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.hw-msg.hw-bot').length > {before}", timeout=ANSWER_TIMEOUT)
    assert "aansprakelijk" in _bot_messages(page).last.inner_text()


def test_conversation_survives_a_reload(page):
    _ask_with_keyboard(page, "Mag ik bij mijn vader de oogdruppels geven?")
    page.reload()
    page.wait_for_selector(".hw-msg.hw-user")
    assert "oogdruppels" in page.locator(".hw-msg.hw-user").last.inner_text()
    assert "Ja, als mantelzorger" in _bot_messages(page).last.inner_text()
    page.get_by_role("button", name="Nieuw gesprek").click()
    assert page.locator(".hw-msg.hw-user").count() == 0


def test_server_unreachable_shows_error_and_retry_works(page):
    page.route("**/webhooks/web/webhook", lambda route: route.abort())
    page.fill("#hw-input", "Mag ik bij mijn zus insuline spuiten?")
    page.press("#hw-input", "Enter")
    page.wait_for_selector(".hw-error", timeout=ANSWER_TIMEOUT)
    assert "lukt nu niet" in page.locator(".hw-status").inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Opnieuw proberen"
    page.unroute("**/webhooks/web/webhook")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.hw-msg.hw-bot').length > 1", timeout=ANSWER_TIMEOUT)
    assert "insuline" in _bot_messages(page).last.inner_text()


def test_markup_in_a_message_is_shown_as_text(page):
    page.fill("#hw-input", "<img src=x onerror=\"window.hacked=1\"> mag ik steunkousen aantrekken bij mijn man?")
    page.press("#hw-input", "Enter")
    page.wait_for_function("document.querySelectorAll('.hw-msg.hw-bot').length > 1", timeout=ANSWER_TIMEOUT)
    assert page.locator(".hw-log img").count() == 0
    assert page.evaluate("window.hacked") is None
    assert "<img" in page.locator(".hw-msg.hw-user").last.inner_text()


def test_small_screen_has_no_sideways_scrolling(browser, rasa_url):
    context = browser.new_context(viewport={"width": 320, "height": 640}, bypass_csp=True)
    pg = context.new_page()
    pg.goto(f"{rasa_url}/webhooks/web/chat")
    pg.wait_for_selector(".hw-chat")
    pg.fill("#hw-input", "Mag ik als vrijwilliger insuline spuiten bij een bewoner?")
    pg.press("#hw-input", "Enter")
    pg.wait_for_function("document.querySelectorAll('.hw-msg.hw-bot').length > 1", timeout=ANSWER_TIMEOUT)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_axe_finds_no_accessibility_violations(page):
    assert AXE.exists(), "axe-core missing: scripts/test.sh installs it"
    _ask_with_keyboard(page, "Wie is aansprakelijk als het misgaat bij het insuline spuiten bij mijn zus?")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert not violations, violations
