#!/usr/bin/env python3
"""Opens a report page in headless Chromium over the DevTools protocol (--remote-debugging-pipe)
and prints one JSON object: console errors, requests made, leaderboard rows, each chart's
state, load time; with --screenshot, a full-page PNG. Usage:
  browser_check.py PAGE.html [--screenshot OUT.png] [--width 1400] [--timeout 60]"""
import argparse, base64, json, os, shutil, sys, tempfile, time

CHECK_JS = """JSON.stringify({
  ready: document.body.getAttribute('data-ready'),
  rows: [...document.querySelectorAll('#lb-table tbody tr')].map(r => [r.dataset.model, r.dataset.suite]),
  charts: [...document.querySelectorAll('.chart')].map(c => ({id: c.id,
    drawn: !!c.querySelector('svg, canvas'),
    width: c.querySelector('svg, canvas') ? Math.round(c.querySelector('svg, canvas').getBoundingClientRect().width) : 0, marks: c.querySelectorAll('svg path, svg rect, svg line').length,
    error: c.getAttribute('data-error')})),
  drill: (document.getElementById('drill') || {textContent: ''}).textContent.length,
  bugRows: document.querySelectorAll('#bug-table tbody tr').length,
})"""

FILTER_JS = """(() => { const f = document.getElementById('lb-filter'); f.value = %s;
  f.dispatchEvent(new Event('input')); return document.querySelectorAll('#lb-table tbody tr').length; })()"""
SORT_JS = """(() => { const f = document.getElementById('lb-filter'); f.value = ''; f.dispatchEvent(new Event('input'));
  [...document.querySelectorAll('#lb-table th')].find(th => th.textContent === 'model').click();
  return [...document.querySelectorAll('#lb-table tbody tr')].map(r => r.dataset.model); })()"""


class Browser:
    def __init__(self, binary, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        args = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--hide-scrollbars", "--mute-audio", "about:blank"]
        devnull = os.open(os.devnull, os.O_RDWR)
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
                   (os.POSIX_SPAWN_DUP2, devnull, 2),
                   (os.POSIX_SPAWN_DUP2, to_chrome_r, 3), (os.POSIX_SPAWN_DUP2, from_chrome_w, 4)]
        self.pid = os.posix_spawn(binary, args, os.environ, file_actions=actions, setpgroup=0)
        for fd in (to_chrome_r, from_chrome_w, devnull):
            os.close(fd)
        self.buf, self.next_id, self.events, self.session = b"", 0, [], None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def read(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def wait(self, pred):
        while True:
            m = self.read()
            if pred(m):
                if "error" in m:
                    raise RuntimeError(json.dumps(m["error"]))
                return m.get("result", m)
            if "method" in m:
                self.events.append(m)

    def evaluate(self, expr):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True})
        return r["result"].get("value")

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("--screenshot")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--filter", help="also type this into the leaderboard filter and report the rows left")
    a = ap.parse_args()
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        print(json.dumps({"error": "chromium not installed (scripts/setup.sh installs it)"}))
        return 4
    url = "file://" + os.path.abspath(a.page)
    profile = tempfile.mkdtemp(prefix="rtlarena-browser-")
    b = Browser(binary, profile)
    try:
        target = b.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        b.session = b.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for m in ("Runtime.enable", "Log.enable", "Network.enable", "Page.enable"):
            b.send(m)
        b.send("Emulation.setDeviceMetricsOverride", {"width": a.width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        start = time.monotonic()
        b.send("Page.navigate", {"url": url})
        b.wait(lambda m: m.get("method") == "Page.loadEventFired")
        loaded = time.monotonic() - start
        while b.evaluate("document.body && document.body.getAttribute('data-ready')") != "1":
            if time.monotonic() - start > a.timeout:
                break
            time.sleep(0.05)
        ready = time.monotonic() - start
        state = json.loads(b.evaluate(CHECK_JS))
        if a.screenshot:
            size = b.send("Page.getLayoutMetrics")["cssContentSize"]
            shot = b.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                     "clip": {"x": 0, "y": 0, "width": a.width, "height": size["height"], "scale": 1}})
            with open(a.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        if a.filter is not None:  # after the screenshot: these change the page
            state["filtered_rows"] = b.evaluate(FILTER_JS % json.dumps(a.filter))
            state["rows_by_model"] = b.evaluate(SORT_JS)
        b.evaluate("0")  # flush events queued during the checks
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)
    errors, requests = [], []
    for e in b.events:
        m, p = e["method"], e.get("params", {})
        if m == "Runtime.exceptionThrown":
            errors.append(p["exceptionDetails"].get("exception", {}).get("description") or p["exceptionDetails"].get("text"))
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append(" ".join(str(x.get("value", x.get("description", ""))) for x in p.get("args", [])))
        elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
            errors.append(p["entry"].get("text", ""))
        elif m == "Network.requestWillBeSent":
            requests.append(p["request"]["url"])
    state.update({"url": url, "console_errors": errors, "requests": requests,
                  "other_requests": [r for r in requests if r != url],
                  "load_seconds": round(loaded, 3), "ready_seconds": round(ready, 3)})
    print(json.dumps(state))
    return 0


if __name__ == "__main__":
    sys.exit(main())
