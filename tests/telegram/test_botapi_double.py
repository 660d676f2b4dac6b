"""The Bot API test double speaks Telegram's wire format (checked with a plain HTTP client)."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pytest
from botapi_double import ApiError, BotApiDouble, entities_for, parse_html

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def call(
    double: BotApiDouble, method: str, token: str | None = None, **fields: Any
) -> tuple[int, dict[str, Any]]:
    """POST form-urlencoded fields, nested ones as JSON strings, as the library does."""
    body = urllib.parse.urlencode(
        {k: json.dumps(v) if isinstance(v, dict | list) else str(v) for k, v in fields.items()}
    ).encode()
    url = f"{double.base_url}{token or double.token}/{method}"
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    try:
        with OPENER.open(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_success_is_wrapped_in_ok_and_result(double: BotApiDouble) -> None:
    status, payload = call(double, "getMe")
    assert status == 200
    assert payload["ok"] is True
    assert payload["result"]["username"] == "rothbot_test_bot"


@pytest.mark.parametrize(
    ("token", "method", "status"),
    [("999:wrong", "getMe", 401), (None, "noSuchMethod", 404)],
    ids=["wrong token", "unknown method"],
)
def test_errors_use_real_statuses_and_the_error_envelope(
    double: BotApiDouble, token: str | None, method: str, status: int
) -> None:
    got, payload = call(double, method, token)
    assert got == status
    assert payload["ok"] is False and payload["error_code"] == status
    assert payload["description"]


def test_programmed_flood_control_carries_retry_after_then_clears(double: BotApiDouble) -> None:
    double.user_says("hi", chat_id=1, queue=False)
    double.fail_next("sendMessage", 429, retry_after=3)

    status, payload = call(double, "sendMessage", chat_id=1, text="x")
    assert status == 429
    assert payload["parameters"] == {"retry_after": 3}
    assert call(double, "sendMessage", chat_id=1, text="x")[0] == 200


def test_get_updates_confirms_with_offset_and_waits_at_most_a_second(
    double: BotApiDouble,
) -> None:
    first = double.user_says("one", chat_id=1)
    second = double.user_says("/two", chat_id=1)

    _, payload = call(double, "getUpdates", timeout=30)
    assert [u["update_id"] for u in payload["result"]] == [
        first["update_id"],
        second["update_id"],
    ]
    assert payload["result"][1]["message"]["entities"][0]["type"] == "bot_command"

    _, payload = call(double, "getUpdates", offset=second["update_id"], timeout=30)
    assert [u["update_id"] for u in payload["result"]] == [second["update_id"]]

    started = time.monotonic()
    _, payload = call(double, "getUpdates", offset=second["update_id"] + 1, timeout=30)
    assert payload["result"] == []
    # It waited (a long poll), and not the 30 s asked: the cap. Only the lower bound is
    # tight; a loaded machine only makes the call longer, so the upper one is far off.
    assert 0.9 <= time.monotonic() - started < 20


def test_send_message_checks_html_length_and_buttons_like_telegram(
    double: BotApiDouble,
) -> None:
    double.user_says("hi", chat_id=1, queue=False)
    cases = [
        ({"text": "<b>ok</b> &amp; fine", "parse_mode": "HTML"}, 200),
        ({"text": "a < b", "parse_mode": "HTML"}, 400),
        ({"text": "x" * 4097}, 400),
        ({"text": "&amp;" * 4096, "parse_mode": "HTML"}, 200),  # counted after parsing
        ({"text": "   "}, 400),
        (
            {
                "text": "b",
                "reply_markup": {"inline_keyboard": [[{"text": "B", "callback_data": "x" * 65}]]},
            },
            400,
        ),
        ({"text": "b", "chat_id": 404}, 400),
    ]
    for fields, status in cases:
        assert call(double, "sendMessage", **{"chat_id": 1, **fields})[0] == status, fields
    [ok, long_ok] = double.sent_messages(1)
    assert ok["text"] == "ok & fine"
    assert long_ok["text"] == "&" * 4096


def test_editing_to_identical_content_is_not_modified(double: BotApiDouble) -> None:
    double.user_says("hi", chat_id=1, queue=False)
    keyboard = {"inline_keyboard": [[{"text": "Yes", "callback_data": "yes"}]]}
    _, sent = call(double, "sendMessage", chat_id=1, text="q", reply_markup=keyboard)
    message_id = sent["result"]["message_id"]

    assert call(double, "editMessageReplyMarkup", chat_id=1, message_id=message_id)[0] == 200
    status, payload = call(double, "editMessageReplyMarkup", chat_id=1, message_id=message_id)
    assert status == 400
    assert "message is not modified" in payload["description"]


@pytest.mark.parametrize(
    ("html", "visible"),
    [
        ("plain", "plain"),
        ("<b>bold</b> <i>it</i>", "bold it"),
        ('<a href="https://irs.gov">IRS</a>', "IRS"),
        ("&lt;b&gt; &amp; &quot;q&quot; &#39;", '<b> & "q" \''),
    ],
)
def test_html_is_parsed_to_visible_text(html: str, visible: str) -> None:
    assert parse_html(html) == visible


@pytest.mark.parametrize("html", ["a < b", "AT&T", "<script>x</script>", "<b>open", "</b>", "a>b"])
def test_html_telegram_would_reject_is_rejected(html: str) -> None:
    with pytest.raises(ApiError, match="can't parse entities") as raised:
        parse_html(html)
    assert raised.value.status == 400


def test_clients_mark_commands_and_mentions_in_utf16_offsets() -> None:
    assert entities_for("🙂 hi @rothbot_test_bot") == [
        {"type": "mention", "offset": 6, "length": 17}
    ]
    assert entities_for("/facts@rothbot_test_bot now")[0] == {
        "type": "bot_command",
        "offset": 0,
        "length": 23,
    }


def test_an_outage_window_fails_every_call_until_it_ends() -> None:
    now = [1000.0]
    double = BotApiDouble()
    double.window_clock = lambda: now[0]  # a paused test thread must not end the window
    double.fail_for("sendMessage", 502, 0.3)
    double.fail_for("sendPhoto", 502, 0.3)
    assert double.take_failure("sendMessage", {}).status == 502
    now[0] += 0.29
    assert double.take_failure("sendMessage", {"chat_id": "9"}).status == 502
    now[0] += 0.02
    assert double.take_failure("sendMessage", {}) is None
    double.end_outage("sendPhoto")
    assert double.take_failure("sendPhoto", {}) is None


def test_many_connections_opened_at_once_are_all_answered(double: BotApiDouble) -> None:
    """As Telegram does: a bot with replies owed in many chats opens as many connections
    at once; none may be dropped after its request was written (it would count as maybe
    delivered, and so as sent)."""
    import asyncio

    import httpx

    async def ask_all() -> list[object]:
        limits = httpx.Limits(max_connections=200)
        async with httpx.AsyncClient(limits=limits, timeout=8, trust_env=False) as client:
            url = f"{double.base_url}{double.token}/getMe"
            calls = [client.post(url) for _ in range(200)]
            answers = await asyncio.gather(*calls, return_exceptions=True)
        return [a.status_code if isinstance(a, httpx.Response) else type(a) for a in answers]

    assert asyncio.run(ask_all()) == [200] * 200
