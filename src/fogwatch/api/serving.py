"""Running the app under uvicorn: one process, or N worker processes on one listening socket.

Workers are uvicorn's (its supervisor restarts one that dies); each builds the app with
`create_app()` on the store named in `FOGWATCH_DB`, so all of them read and write one store.
"""

from __future__ import annotations

import os
import socket

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess


def run(web: FastAPI, host: str, port: int, workers: int = 1) -> None:
    """Serve `web` (built by `create_app`) on host:port until stopped, in `workers` processes."""
    options = {"host": host, "port": port, "log_level": "warning", "access_log": False}
    if workers == 1:
        uvicorn.run(web, **options)  # type: ignore[arg-type]
        return
    os.environ["FOGWATCH_DB"] = web.state.store.url  # each worker builds the app on this store
    config = uvicorn.Config("fogwatch.api:create_app", factory=True, workers=workers, **options)  # type: ignore[arg-type]
    Multiprocess(config, sockets=[_tcp_listener(config)]).run()


def _tcp_listener(config: uvicorn.Config) -> socket.socket:
    """uvicorn's bound socket, re-declared as TCP. asyncio turns Nagle off (TCP_NODELAY) only on
    connections whose socket says IPPROTO_TCP, and accepted connections copy the listener's
    protocol field, which uvicorn leaves 0: every response would wait out the client's delayed
    ACK (40 ms) in multi-worker mode."""
    bound = config.bind_socket()
    listener = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    listener.set_inheritable(True)
    return listener
