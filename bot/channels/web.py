"""The website chat: the REST webhook plus the page and the widget script it
serves (web/), at /webhooks/web/. The organisation's name, colours and contact
line come from settings, so the same widget fits any website."""
from __future__ import annotations

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.rest import RestInput
from bot.settings import PROJECT_ROOT, load_settings

WEB_DIR = PROJECT_ROOT / "web"


class WebInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "web"

    def add_routes(self, bp: Blueprint) -> None:
        @bp.route("/chat", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return await response.file(str(WEB_DIR / "index.html"), headers=_security_headers())

        @bp.route("/config", methods=["GET"])
        async def config(request: Request) -> HTTPResponse:
            s = load_settings()
            return response.json({"name": s.org_name, "colour": s.colour, "contact": s.human_contact,
                                  "welcome": s.welcome}, headers={"Cache-Control": "no-store"})

        @bp.route("/static/<name:str>", methods=["GET"])
        async def static(request: Request, name: str) -> HTTPResponse:
            if name not in ("widget.js", "widget.css"):
                return response.text("Niet gevonden", status=404)
            return await response.file(str(WEB_DIR / name), headers={"Cache-Control": "no-cache", **_security_headers()})


def _security_headers() -> dict:
    # The page only talks to its own server and loads nothing from elsewhere.
    return {
        "Content-Security-Policy": "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors *",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
