"""A Streamlit session spoken at the protocol level, for `make bench` (benchmarks/) and the tests of what
the server takes: what the server does and sends, measured without a browser (thirty browsers on two
cores would measure the browsers).

A session connects to the app's websocket as the page does, asks for runs (`BackMsg.rerun_script`) with
widget triggers, says which of the map view's blobs it holds (the `held` state the page's store.js sets,
so that the map's data comes once, as in a browser), and times each run from request to
`script_finished`. (Streamlit's own cache of unchanged elements is off in this app; were it on, the
session would keep the messages marked cacheable and resolve references to them, as a browser does.)
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Run:
    seconds: float
    received: int  # bytes that crossed the wire (compressed, with the frames' headers)
    messages: list[ForwardMsg]  # references resolved to the messages they refer to
    wire: list[int]  # bytes of each of those messages before compression (a reference's, not its target's)

    def fragments(self) -> dict[str, str]:
        """The widgets drawn in a fragment this run, widget id -> the fragment's id (a press reruns it alone)."""
        found = {}
        for message in self.messages:
            if message.WhichOneof("type") == "delta" and message.delta.fragment_id:
                element = message.delta.new_element
                kind = element.WhichOneof("type")
                if kind and hasattr(getattr(element, kind), "id"):
                    found[getattr(element, kind).id] = message.delta.fragment_id
        return found

    def buttons(self) -> dict[str, str]:
        """The buttons drawn in this run, label -> widget id."""
        found = {}
        for message in self.messages:
            if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                if element.WhichOneof("type") == "button":
                    found[element.button.label] = element.button.id
        return found


@dataclass
class Session:
    url: str  # http://host:port
    query: str = ""
    socket: websockets.ClientConnection | None = None
    cached: dict[str, ForwardMsg] = field(default_factory=dict)  # the messages this "browser" holds, by hash
    closed: bool = False
    raw: int = 0  # bytes received on the socket so far, as they crossed the wire
    held: dict[str, str] = field(default_factory=dict)  # blob element id -> the tag this "page" holds

    async def connect(self) -> Run:
        host = self.url.removeprefix("http://")
        self.socket = await websockets.connect(
            f"ws://{host}/_stcore/stream",
            subprotocols=[websockets.Subprotocol("streamlit")],
            origin=websockets.Origin(self.url),
            max_size=None,
            compression="deflate",  # as a browser does, if the server agrees
        )
        receive = self.socket.data_received

        def counted(data: bytes) -> None:
            self.raw += len(data)
            receive(data)

        self.socket.data_received = counted  # type: ignore[method-assign]
        return await self.run()

    async def run(self, trigger: str | None = None, fragment: str = "") -> Run:
        """One run of the app, with the button of widget id `trigger` pressed (None: a plain rerun); a button
        drawn in a fragment (see Run.fragments) reruns that fragment alone, as in a browser."""
        assert self.socket is not None
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.fragment_id = fragment
        state.cached_message_hashes.extend(sorted(self.cached))
        for element, tag in sorted(self.held.items()):
            blob = state.widget_states.widgets.add()
            blob.id = element
            blob.json_value = json.dumps({"held": tag})
        if trigger:
            widget = state.widget_states.widgets.add()
            widget.id = trigger
            widget.trigger_value = True
        start = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        before = self.raw
        messages = []
        wire = []
        while True:
            frame = await asyncio.wait_for(self.socket.recv(), timeout=120)
            assert isinstance(frame, bytes)
            forward = ForwardMsg()
            forward.ParseFromString(frame)
            if forward.metadata.cacheable:
                self.cached[forward.hash] = forward
            elif forward.WhichOneof("type") == "ref_hash":
                forward = self.cached[forward.ref_hash]  # as the browser does: the copy it holds
            self._hold(forward)
            messages.append(forward)
            wire.append(len(frame))
            if forward.WhichOneof("type") == "script_finished":
                return Run(time.perf_counter() - start, self.raw - before, messages, wire)

    def _hold(self, forward: ForwardMsg) -> None:
        """A blob of the map view that came with its content is held from now on (see store.js)."""
        if forward.WhichOneof("type") != "delta" or forward.delta.WhichOneof("type") != "new_element":
            return
        element = forward.delta.new_element
        if element.WhichOneof("type") != "bidi_component" or element.bidi_component.WhichOneof("data") != "bytes":
            return
        data = element.bidi_component.bytes
        name, _, rest = data.partition(b"\n")
        tag, body_follows, _ = rest.partition(b"\n")
        if name and not data.startswith(b"{") and body_follows:
            self.held[element.bidi_component.id] = tag.decode()

    async def close(self) -> None:
        if self.socket is not None and not self.closed:
            self.closed = True
            await self.socket.close()
