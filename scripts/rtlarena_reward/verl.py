"""veRL custom reward: point `custom_reward_function.path` at this file's package and
`custom_reward_function.name` at `compute_score`. The task id is `ground_truth` (or
extra_info["task_id"] when given)."""
from .client import RewardClient

_client = None


def compute_score(data_source, solution_str, ground_truth, extra_info=None, url=None):
    """Returns a dict: `score` (veRL's key), `reward` (older versions' key) and the components."""
    global _client
    if url is not None:
        client = RewardClient(url)
    else:
        if _client is None:
            _client = RewardClient()
        client = _client
    task_id = ground_truth
    if isinstance(extra_info, dict) and extra_info.get("task_id"):
        task_id = extra_info["task_id"]
    result = client.reward(str(task_id), solution_str)
    components = result["components"]
    return {
        "score": result["reward"],
        "reward": result["reward"],
        "format": components["format"],
        "syntax": components["syntax"],
        "function": components["function"],
        "ppa": components["ppa"],
        "passed": result["verdict"] == "pass",
    }
