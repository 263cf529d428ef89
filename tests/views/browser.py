"""A headless Chromium driven over the DevTools protocol, through a pipe (no extra packages).

Chromium's `--remote-debugging-pipe` reads protocol messages on fd 3 and writes replies on fd 4,
each a JSON text ended by a NUL byte. That is all a test needs: open a page, watch its console and
network, evaluate JavaScript, take a screenshot. No websocket library, no chromedriver, no browser
download: the Debian `chromium` package is the only requirement (.ci/run installs it).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
    "--disable-features=Translate,MediaRouter,OptimizationHints", "--remote-debugging-pipe",
]


def _high_fd(fd: int) -> int:
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


def available() -> bool:
    return shutil.which(CHROMIUM) is not None


def require() -> None:
    """Browser tests need Chromium (README: `make test` needs Debian's `chromium`; .ci/run installs
    it): its absence fails them with the command that fixes it, never passes them silently."""
    import pytest

    if not available():
        pytest.fail("Chromium is missing: apt-get install chromium fonts-noto-cjk (.ci/run does)")


class BrowserError(RuntimeError):
    pass


@dataclass
class PageLog:
    """What a page did while it was open: console messages, uncaught errors, requests."""

    console: list[tuple[str, str]] = field(default_factory=list)  # (level, text)
    exceptions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def errors(self) -> list[str]:
        return [t for lvl, t in self.console if lvl in ("error", "assert")] + self.exceptions


class Browser:
    """One headless Chromium with a fresh profile; `open()` gives a page session."""

    def __init__(self, width: int = 1400, height: int = 900, timeout: float = 60.0) -> None:
        self.width, self.height, self.timeout = width, height, timeout
        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # move the child's ends above 9 so that `3<&N 4>&M` cannot clobber one another (bash: dash takes one-digit fds only)
        to_child_r, from_child_w = (_high_fd(to_child_r), _high_fd(from_child_w))
        # the child gets the pipe ends as fds 3 (its input) and 4 (its output)
        script = f'exec "$0" "$@" 3<&{to_child_r} 4>&{from_child_w} {to_child_r}<&- {from_child_w}>&-'
        self.proc = subprocess.Popen(
            ["/bin/bash", "-c", script, CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}",
             f"--window-size={width},{height}", "about:blank"],
            pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._next_id = 0
        self._lock = threading.Lock()
        self._replies: dict[int, dict[str, Any]] = {}
        self._events: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._closed = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.call("Browser.getVersion")

    # ------------------------------------------------------------ protocol plumbing
    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_child, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._closed = True
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                with self._cond:
                    if "id" in msg:
                        self._replies[msg["id"]] = msg
                    else:
                        self._events.append(msg)
                    self._cond.notify_all()

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        with self._lock:
            self._next_id += 1
            mid = self._next_id
            msg: dict[str, Any] = {"id": mid, "method": method, "params": params or {}}
            if session:
                msg["sessionId"] = session
            os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        return mid

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float | None = None) -> dict[str, Any]:
        mid = self.send(method, params, session)
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while mid not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    raise BrowserError(f"{method}: no reply ({'browser exited' if self._closed else 'timeout'})")
                self._cond.wait(left)
            reply = self._replies.pop(mid)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, session: str | None = None, timeout: float | None = None,
                   since: int = 0) -> dict[str, Any]:
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while True:
                for ev in self._events[since:]:
                    if ev.get("method") == method and (session is None or ev.get("sessionId") == session):
                        return ev
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    raise BrowserError(f"no {method} event")
                self._cond.wait(left)

    def events(self, session: str | None = None) -> list[dict[str, Any]]:
        with self._cond:
            return [e for e in self._events if session is None or e.get("sessionId") == session]

    # ------------------------------------------------------------ pages
    def open(self, path: Path, ready: str = "window.kgView && window.kgView.ready") -> "Page":
        """Open a local file in a new tab and wait until `ready` (a JS expression) is true."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=session)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False}, session=session)
        mark = len(self._events)
        page.url = Path(path).resolve().as_uri()
        page.opened_at = time.perf_counter()
        self.call("Page.navigate", {"url": page.url}, session=session)
        self.wait_event("Page.loadEventFired", session=session, since=mark)
        page.wait_for(ready)
        return page

    def close(self) -> None:
        try:
            if not self._closed:
                self.send("Browser.close")
                self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        finally:
            os.close(self._to_child)
            self._reader.join(timeout=5)
            os.close(self._from_child)
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Page:
    browser: Browser
    target: str
    session: str
    url: str = ""
    opened_at: float = 0.0

    def eval(self, expression: str, await_promise: bool = False) -> Any:
        res = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                     "awaitPromise": await_promise}, session=self.session)
        if "exceptionDetails" in res:
            raise BrowserError(f"{expression[:80]}: {res['exceptionDetails']}")
        return res["result"].get("value")

    def wait_for(self, expression: str, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or self.browser.timeout)
        while not self.eval(f"!!({expression})"):
            if time.monotonic() > deadline:
                raise BrowserError(f"page {self.url}: {expression} never became true; errors: {self.log().errors()}")
            time.sleep(0.05)

    def screenshot(self, path: Path | None = None) -> bytes:
        data = base64.b64decode(self.browser.call("Page.captureScreenshot", {"format": "png"}, session=self.session)["data"])
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return data

    def mouse(self, type_: str, x: float, y: float) -> None:
        self.browser.call("Input.dispatchMouseEvent", {"type": type_, "x": x, "y": y, "button": "none"},
                          session=self.session)

    def type_text(self, selector: str, text: str) -> None:
        self.eval(f"document.querySelector({json.dumps(selector)}).focus()")
        self.browser.call("Input.insertText", {"text": text}, session=self.session)

    def log(self) -> PageLog:
        out = PageLog()
        for ev in self.browser.events(self.session):
            m, p = ev.get("method"), ev.get("params", {})
            if m == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                out.console.append((p.get("type", ""), text))
            elif m == "Log.entryAdded":
                e = p.get("entry", {})
                out.console.append((e.get("level", ""), f"{e.get('source')}: {e.get('text')} {e.get('url', '')}"))
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.exceptions.append(d.get("exception", {}).get("description") or d.get("text", ""))
            elif m == "Network.requestWillBeSent":
                out.requests.append(p.get("request", {}).get("url", ""))
            elif m == "Network.loadingFailed":
                out.failed.append(f"{p.get('errorText')} {p.get('requestId')}")
        return out

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})
