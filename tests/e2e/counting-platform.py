#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference platform behind a proxy that notes what it is asked.

Started by the app in place of crowdfund-platform (through
$CROWDFUND_PLATFORM), with the same arguments: it starts the real one
($CROWDFUND_REAL_PLATFORM), listens on a port of its own, says so as the
platform does, and passes every connection through, writing the request
line of each HTTP request it sees ("GET /v1/me") to $CROWDFUND_REQUEST_LOG."""

import asyncio
import os
import re
import signal
import sys

REQUEST_LINE = re.compile(rb"(GET|HEAD|POST|PUT|PATCH|DELETE) (\S+) HTTP/1\.[01]\r\n")
# Longer than any request line the app sends, so that one split between two
# reads is still found.
KEPT = 4096


async def pipe(reader, writer, log=None):
    """Passes what reader gives on to writer; with a log, notes the request
    line of each request that passes."""
    unread = b""
    try:
        while data := await reader.read(65536):
            if log is not None:
                unread += data
                end = 0
                for match in REQUEST_LINE.finditer(unread):
                    log.write(f"{match[1].decode()} {match[2].decode()}\n")
                    end = match.end()
                unread = unread[end:][-KEPT:]
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main():
    platform = await asyncio.create_subprocess_exec(os.environ["CROWDFUND_REAL_PLATFORM"], *sys.argv[1:],
                                                    stdout=asyncio.subprocess.PIPE)
    first = (await platform.stdout.readline()).decode()
    if not first.startswith("listening on http://"):
        sys.exit(f"the platform did not start: {first!r}")
    host, port = first.split()[-1].removeprefix("http://").rsplit(":", 1)
    log = open(os.environ["CROWDFUND_REQUEST_LOG"], "a", buffering=1, encoding="utf-8")

    async def connection(reader, writer):
        upstream_reader, upstream_writer = await asyncio.open_connection(host, int(port))
        await asyncio.gather(pipe(reader, upstream_writer, log), pipe(upstream_reader, writer))

    server = await asyncio.start_server(connection, "127.0.0.1", 0)
    print(f"listening on http://127.0.0.1:{server.sockets[0].getsockname()[1]}", flush=True)

    stopped = asyncio.get_running_loop().create_future()
    for number in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(number, lambda: stopped.done() or stopped.set_result(None))
    await stopped
    platform.terminate()
    await platform.wait()


if __name__ == "__main__":
    asyncio.run(main())
