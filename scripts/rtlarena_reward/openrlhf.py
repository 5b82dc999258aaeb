"""OpenRLHF's remote reward model: run OpenRLHF with `--remote_rm_url http://HOST:PORT/get_reward`
and `--label_key task_id`, so each label is the sample's task id. This client sends the same
request, for testing a server the way OpenRLHF will call it."""
from .client import RewardClient


def openrlhf_rewards(queries, prompts, labels, url=None):
    answer = RewardClient(url).post("/get_reward", {"query": queries, "prompts": prompts, "labels": labels})
    return answer["rewards"]
