"""A Streamlit session spoken at the protocol level, for `make bench`: what the server does and sends,
measured without a browser (thirty browsers on two cores would measure the browsers).

A session connects to the app's websocket as the page does, asks for runs (`BackMsg.rerun_script`) with
widget triggers, keeps the messages Streamlit marks cacheable and tells the server which it holds (so
unchanged elements come as references, as in a browser), and times each run from request to
`script_finished`.
"""

from __future__ import annotations

import asyncio
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

    async def run(self, trigger: str | None = None) -> Run:
        """One run of the app, with the button of widget id `trigger` pressed (None: a plain rerun)."""
        assert self.socket is not None
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query
        state.cached_message_hashes.extend(sorted(self.cached))
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
            messages.append(forward)
            wire.append(len(frame))
            if forward.WhichOneof("type") == "script_finished":
                return Run(time.perf_counter() - start, self.raw - before, messages, wire)

    async def close(self) -> None:
        if self.socket is not None and not self.closed:
            self.closed = True
            await self.socket.close()
