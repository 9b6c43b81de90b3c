"""Fake Neo4j servers on 127.0.0.1 for the time-limit tests: just enough Bolt to be waited on.

* ``FakeBolt("silent")`` accepts TCP connections and never answers the Bolt handshake;
* ``FakeBolt("stalls")`` answers the handshake (Bolt 5.4), HELLO and LOGON, the server-version
  query that ``open_driver`` asks (``dbms.components``) and the transaction messages, then never
  answers any other query (a ``RUN``).

Bolt in brief: the client sends the magic ``60 60 B0 17`` and four version proposals of four bytes
each (``00 range minor major``); the server answers with the four bytes of the version it picked.
After that both sides send messages as chunks (two bytes of length, the bytes; a zero length ends
the message); a message is a PackStream structure (``B0 + fields``, a tag byte, the fields).
"""

from __future__ import annotations

import socket
import struct
import threading

MAGIC = b"\x60\x60\xb0\x17"
VERSION = b"\x00\x00\x04\x05"  # Bolt 5.4: HELLO, then LOGON with the credentials
SUCCESS, RECORD = 0x70, 0x71
RUN, PULL, DISCARD, GOODBYE = 0x10, 0x3F, 0x2F, 0x02
SERVER_VERSION = "5.26.0"


def pack(value) -> bytes:
    """PackStream for the few kinds of value the replies need: text, whole numbers, lists, maps.

    >>> pack({"a": [1, "b"]}).hex()
    'a1816192018162'
    """
    if isinstance(value, str):
        data = value.encode()
        return (bytes([0x80 + len(data)]) if len(data) < 16 else b"\xd0" + bytes([len(data)])) + data
    if isinstance(value, int):
        return bytes([value]) if 0 <= value < 128 else b"\xcb" + struct.pack(">q", value)
    if isinstance(value, list):
        return bytes([0x90 + len(value)]) + b"".join(pack(v) for v in value)
    if isinstance(value, dict):
        return bytes([0xA0 + len(value)]) + b"".join(pack(k) + pack(v) for k, v in value.items())
    raise TypeError(type(value))


def message(tag: int, *fields) -> bytes:
    """One message as one chunk and the end marker."""
    body = bytes([0xB0 + len(fields), tag]) + b"".join(pack(f) for f in fields)
    return struct.pack(">H", len(body)) + body + b"\x00\x00"


def first_text(body: bytes) -> str:
    """The first field of a message when it is a text (a RUN's query)."""
    marker, at = body[2], 3
    if 0x80 <= marker < 0x90:
        size = marker - 0x80
    else:
        width = {0xD0: 1, 0xD1: 2, 0xD2: 4}[marker]
        size, at = int.from_bytes(body[3:3 + width], "big"), 3 + width
    return body[at:at + size].decode("utf-8", "replace")


class FakeBolt:
    """A server on 127.0.0.1 in a thread; ``uri`` to connect, ``close()`` (or ``with``) to stop it
    and drop every connection (a client still waiting then sees the connection end)."""

    def __init__(self, mode: str):
        assert mode in ("silent", "stalls")
        self.mode = mode
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.uri = f"bolt://127.0.0.1:{self.listener.getsockname()[1]}"
        self.connections: list[socket.socket] = []
        self.queries: list[str] = []  # every RUN's text, answered or not
        self.closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def __enter__(self) -> FakeBolt:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.closed.set()
        for sock in [self.listener, *self.connections]:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(conn)
            if self.mode == "stalls":
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self._read(conn, 20)[:4] != MAGIC:
                return
            conn.sendall(VERSION)
            self._converse(conn)
        except (OSError, ConnectionError):
            return

    def _converse(self, conn: socket.socket) -> None:
        pending_rows: list = []
        while True:
            body = self._message(conn)
            tag = body[1]
            if tag == GOODBYE:
                return
            if tag == RUN:
                query = first_text(body)
                self.queries.append(query)
                if "dbms.components" not in query:
                    self.closed.wait()  # never answer: the client waits until it gives up
                    return
                pending_rows = [[SERVER_VERSION]]
                conn.sendall(message(SUCCESS, {"fields": ["version"], "t_first": 0}))
            elif tag in (PULL, DISCARD):
                replies = b"".join(message(RECORD, row) for row in pending_rows)
                pending_rows = []
                conn.sendall(replies + message(SUCCESS, {"t_last": 0, "type": "r", "db": "neo4j"}))
            else:  # HELLO, LOGON, BEGIN, COMMIT, ROLLBACK, RESET, …
                conn.sendall(message(SUCCESS, {"server": f"Neo4j/{SERVER_VERSION}", "connection_id": "bolt-1"}))

    def _message(self, conn: socket.socket) -> bytes:
        body = b""
        while True:
            size = struct.unpack(">H", self._read(conn, 2))[0]
            if size == 0:
                if body:
                    return body
                continue  # a NOOP (keep-alive chunk)
            body += self._read(conn, size)

    @staticmethod
    def _read(conn: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size:
            part = conn.recv(size - len(data))
            if not part:
                raise ConnectionError("the client closed the connection")
            data += part
        return data
