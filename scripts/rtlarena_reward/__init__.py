"""Clients of `rtlarena serve` for RL trainers, standard library only.

    from rtlarena_reward import RewardClient, compute_score, make_trl_reward_func
    from rtlarena_reward import openrlhf_rewards, nemo_gym_verify

Set RTLARENA_REWARD_URL (default http://127.0.0.1:8000) or pass url= explicitly.
"""
from .client import RewardClient, RewardServerError, default_url
from .verl import compute_score
from .trl import make_trl_reward_func, reward_func
from .openrlhf import openrlhf_rewards
from .nemo_gym import nemo_gym_verify

__all__ = [
    "RewardClient",
    "RewardServerError",
    "default_url",
    "compute_score",
    "make_trl_reward_func",
    "reward_func",
    "openrlhf_rewards",
    "nemo_gym_verify",
]
