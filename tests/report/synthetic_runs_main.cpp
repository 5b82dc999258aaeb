// report_synthetic_runs OUT MODELS TASKS SAMPLES: writes OUT/model-NN/results.sqlite for the
// report benchmark (tests/bench/bench_report.sh), models of spread skill, deterministic.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "synthetic_store.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: report_synthetic_runs OUT MODELS TASKS SAMPLES\n");
    return 2;
  }
  const std::string out = argv[1];
  const int models = std::atoi(argv[2]), tasks = std::atoi(argv[3]), samples = std::atoi(argv[4]);
  for (int m = 0; m < models; ++m) {
    rtlarena::testing::SyntheticRun run;
    char name[32];
    std::snprintf(name, sizeof name, "model-%02d", m);
    run.model = name;
    run.suite = "synthetic";
    run.tasks = tasks;
    run.samples = samples;
    run.skill = 0.15 + 0.8 * m / (models > 1 ? models - 1 : 1);
    run.seed = static_cast<std::uint64_t>(m + 1);
    if (auto s = rtlarena::testing::writeSyntheticRun(out + "/" + name, run); !s) {
      std::fprintf(stderr, "report_synthetic_runs: %s\n", s.error().message.c_str());
      return 3;
    }
  }
  return 0;
}
