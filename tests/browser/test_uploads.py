"""What the server takes from a session, spoken at the protocol level: an upload over what the largest file
the page accepts needs (a map of 16 MiB, and its framing) is refused, to any upload id (four PUTs of 190 MiB
took the server to 869 MB); the largest map is taken."""

from __future__ import annotations

import asyncio
import contextlib
import select
import socket
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from protocol_client import Session

from components.model import load


def put(url: str, session_id: str, size: int) -> int:
    """PUT a file of `size` bytes to a new upload id of the session, as the page does; the HTTP status (the
    server may answer from the headers alone, before the body is sent)."""
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=30) as response:  # sets the XSRF cookie
        cookies = [value for value in response.headers.get_all("Set-Cookie") or [] if "_streamlit_xsrf" in value]
    token = cookies[0].split(";", 1)[0].split("=", 1)[1]
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="map.yaml"\r\n'
        "Content-Type: application/yaml\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    host, port = urlsplit(url).hostname, urlsplit(url).port
    request = (
        f"PUT /_stcore/upload_file/{session_id}/{uuid.uuid4()} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(head) + size + len(tail)}\r\n"
        f"X-Xsrftoken: {token}\r\nCookie: _streamlit_xsrf={token}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection((host, port), timeout=60) as connection:
        connection.sendall(request)
        early, _, _ = select.select([connection], [], [], 2)
        if not early:
            with contextlib.suppress(OSError):  # the server answered and closed while the body was on its way
                connection.sendall(head + b"#" * size + tail)
        answer = connection.recv(64)
    return int(answer.split()[1])


async def statuses(url: str, sizes: list[int]) -> list[int]:
    session = Session(url)
    first = await session.connect()
    session_id = next(m.new_session.initialize.session_id for m in first.messages if m.HasField("new_session"))
    try:
        return [await asyncio.to_thread(put, url, session_id, size) for size in sizes]
    finally:
        await session.close()


@pytest.mark.usefixtures("browser_type_launch_args")  # skips, like every browser test, without Chromium
def test_an_upload_over_the_largest_accepted_file_is_refused_to_any_upload_id(app):
    largest, over = load.MAX_BYTES, load.MAX_BYTES + 2**20  # the limit is in MiB: 16 and framing
    # On a thread of its own: Playwright's sync API may hold this one's event loop.
    with ThreadPoolExecutor(1) as thread:
        answered = thread.submit(asyncio.run, statuses(app.url, [over, largest, 190 * 2**20])).result()
    assert answered == [413, 204, 413]
