"""TRL GRPO reward function: `GRPOTrainer(reward_funcs=[reward_func], ...)`. TRL passes every
dataset column as a keyword argument; the task ids come from the `task_id` column (another name:
make_trl_reward_func(column="...")). Completions may be strings or conversational message lists."""
from .client import RewardClient


def _text(completion):
    if isinstance(completion, str):
        return completion
    if isinstance(completion, list):  # [{"role": "assistant", "content": ...}, ...]
        return "".join(m.get("content", "") for m in completion if isinstance(m, dict))
    return str(completion)


def make_trl_reward_func(url=None, column="task_id"):
    client = RewardClient(url)

    def reward_func(completions, **kwargs):
        task_ids = kwargs.get(column)
        if task_ids is None:
            raise ValueError(f"the dataset has no '{column}' column: each completion needs its task id")
        if len(task_ids) != len(completions):
            raise ValueError(f"{len(completions)} completions but {len(task_ids)} task ids")
        answer = client.rewards([(str(t), _text(c)) for t, c in zip(task_ids, completions)])
        return [float(r["reward"]) for r in answer["results"]]

    reward_func.__name__ = "rtlarena_reward"
    return reward_func


def reward_func(completions, **kwargs):
    """The default: RTLARENA_REWARD_URL and the `task_id` column."""
    return make_trl_reward_func()(completions, **kwargs)
