# The two set-up commands: `make demo` and `make test`. Both install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc)
RTLARENA := $(BUILD)/rtlarena

.PHONY: all setup configure build demo test bench clean

all: build

setup:
	@bash scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -G Ninja >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@$(RTLARENA) run --suite core --model reference --out runs/demo-reference
	@$(RTLARENA) run --suite core --model bad --out runs/demo-bad
	@$(RTLARENA) report runs/demo-reference runs/demo-bad -o runs/demo-site

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 900

bench: build
	@bash scripts/bench.sh $(BUILD)

clean:
	rm -rf $(BUILD)
