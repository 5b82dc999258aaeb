"""The HTTP client every adapter uses: JSON over urllib, retries on 503 honouring Retry-After."""
import json
import os
import time
import urllib.error
import urllib.request


def default_url():
    return os.environ.get("RTLARENA_REWARD_URL", "http://127.0.0.1:8000").rstrip("/")


class RewardServerError(RuntimeError):
    """The server refused the request (4xx) or kept refusing it (5xx after the retries)."""

    def __init__(self, status, message):
        super().__init__(f"rtlarena serve answered {status}: {message}")
        self.status = status
        self.message = message


class RewardClient:
    def __init__(self, url=None, timeout=600.0, retries=8):
        self.url = (url or default_url()).rstrip("/")
        self.timeout = timeout
        self.retries = retries

    def post(self, path, body):
        data = json.dumps(body).encode("utf-8")
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(
                self.url + path, data=data, headers={"Content-Type": "application/json"}, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                text = error.read().decode("utf-8", "replace")
                try:
                    message = json.loads(text).get("error", text)
                except ValueError:
                    message = text
                if error.code in (503, 504) and attempt < self.retries:
                    time.sleep(float(error.headers.get("Retry-After") or 1))
                    continue
                raise RewardServerError(error.code, message) from None
        raise RewardServerError(503, "retries exhausted")

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=self.timeout) as response:
            body = response.read().decode("utf-8")
            return body if path == "/metrics" else json.loads(body)

    def reward(self, task_id, response):
        """One answer: {reward, components, verdict, class, details, cached}."""
        return self.post("/v1/reward", {"task_id": task_id, "response": response})

    def rewards(self, items):
        """Several answers [(task_id, response), ...]: {results, no_signal_groups}."""
        return self.post("/v1/reward", {"items": [{"task_id": t, "response": r} for t, r in items]})

    def tasks(self):
        return self.get("/v1/tasks")["tasks"]
