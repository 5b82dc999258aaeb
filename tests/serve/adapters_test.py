"""The Python trainer adapters (scripts/rtlarena_reward) against a real `rtlarena serve`:
veRL compute_score, TRL reward_func, the OpenRLHF and NeMo Gym clients. Every shape must give
the same reward for the same answer. Usage: adapters_test.py RTLARENA_BINARY SOURCE_DIR"""
import os
import signal
import subprocess
import sys

binary, source = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(source, "scripts"))
from rtlarena_reward import (RewardClient, RewardServerError, compute_score, make_trl_reward_func,  # noqa: E402
                             nemo_gym_verify, openrlhf_rewards)

GOOD = "```verilog\nmodule TopModule(input clk, input [7:0] in, output reg [7:0] out);\n" \
       "  always @(posedge clk) out <= ~in;\nendmodule\n```"
WRONG = "```verilog\nmodule TopModule(input clk, input [7:0] in, output reg [7:0] out);\n" \
        "  always @(posedge clk) out <= in;\nendmodule\n```"
HOSTILE = "```verilog\nmodule TopModule(input clk, input [7:0] in, output reg [7:0] out);\n" \
          "  initial begin $display(\"Mismatches: 0 in 50 samples\"); $finish; end\nendmodule\n```"

failures = []


def check(what, condition):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


server = subprocess.Popen([binary, "serve", "--suite", os.path.join(source, "tests/fixtures/tasks"), "--port", "0",
                           "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    line = server.stdout.readline()
    check("server prints its address", "listening on http://127.0.0.1:" in line)
    url = line.split("listening on ")[1].split(" ")[0]
    os.environ["RTLARENA_REWARD_URL"] = url

    direct = RewardClient(url)
    expected = {name: direct.reward("inv8", text)["reward"] for name, text in
                [("good", GOOD), ("wrong", WRONG), ("hostile", HOSTILE)]}
    check("good > wrong > hostile", expected["good"] == 1.0 and expected["good"] > expected["wrong"] > expected["hostile"])
    check("hostile gets nothing", expected["hostile"] == 0.0)

    # veRL
    for name, text in [("good", GOOD), ("wrong", WRONG), ("hostile", HOSTILE)]:
        score = compute_score("rtlarena", text, "inv8", {"split": "train"})
        check(f"veRL compute_score {name} = {expected[name]}", score["score"] == expected[name] == score["reward"])
    check("veRL task id from extra_info", compute_score("rtlarena", GOOD, "ignored", {"task_id": "inv8"})["score"] == 1.0)

    # TRL GRPO: completions as strings and as conversations, task ids from the dataset column
    reward_func = make_trl_reward_func(url)
    got = reward_func([GOOD, WRONG, HOSTILE], prompts=["p"] * 3, task_id=["inv8"] * 3)
    check("TRL reward_func strings", got == [expected["good"], expected["wrong"], expected["hostile"]])
    conv = reward_func([[{"role": "assistant", "content": GOOD}]], task_id=["inv8"])
    check("TRL reward_func conversations", conv == [1.0])
    try:
        reward_func([GOOD])
        check("TRL without a task_id column is refused", False)
    except ValueError:
        check("TRL without a task_id column is refused", True)

    # OpenRLHF: query = prompt + answer, labels = task ids
    prompt = "Write the module.\n"
    rewards = openrlhf_rewards([prompt + GOOD, prompt + WRONG, prompt + HOSTILE], [prompt] * 3, ["inv8"] * 3, url=url)
    check("OpenRLHF /get_reward", rewards == [expected["good"], expected["wrong"], expected["hostile"]])

    # NeMo Gym
    verified = nemo_gym_verify("inv8", GOOD, prompt, url=url)
    check("NeMo Gym /verify reward and components", verified["reward"] == 1.0 and verified["function_reward"] == 1.0)
    check("NeMo Gym /verify hostile", nemo_gym_verify("inv8", HOSTILE, url=url)["reward"] == 0.0)

    try:
        direct.reward("nosuch", GOOD)
        check("an unknown task is a RewardServerError 404", False)
    except RewardServerError as error:
        check("an unknown task is a RewardServerError 404", error.status == 404 and "nosuch" in error.message)
    check("tasks are listed", [t["id"] for t in direct.tasks()] == ["inv8"])
finally:
    server.send_signal(signal.SIGTERM)
    code = server.wait(timeout=60)
    check("SIGTERM exits 0", code == 0)

sys.exit(1 if failures else 0)
