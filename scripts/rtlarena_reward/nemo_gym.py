"""NeMo Gym resources-server shape: POST /verify with the rollout (responses_create_params,
response.output messages) and the task id (top level or verifier_metadata.task_id); the answer
is the request's fields plus `reward` and the components (`format_reward`, ...)."""
from .client import RewardClient


def nemo_gym_verify(task_id, answer_text, prompt="", url=None):
    body = {
        "responses_create_params": {"input": [{"role": "user", "content": prompt}]},
        "response": {
            "output": [{"type": "message", "role": "assistant",
                        "content": [{"type": "output_text", "text": answer_text}]}]
        },
        "verifier_metadata": {"task_id": task_id},
    }
    return RewardClient(url).post("/verify", body)
