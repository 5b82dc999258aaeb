// Helpers for the synth tool tests: our design fixtures and flow options without a cache.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "rtlarena/core/files.h"
#include "rtlarena/synth/flow.h"

namespace synthtest {

inline std::string design(const std::string& name) {
  auto text = rtlarena::readFile(std::string(SYNTH_DESIGNS) + "/" + name);
  EXPECT_TRUE(text.ok()) << name;
  return text.ok() ? *text : std::string();
}

inline rtlarena::synth::DesignInput input(const std::string& file, const std::string& top) {
  rtlarena::synth::DesignInput d;
  d.sources = {{file, design(file)}};
  d.top = top;
  return d;
}

/// The real tools in the real sandbox; no cache unless a test sets one.
inline rtlarena::synth::FlowOptions options() {
  rtlarena::synth::FlowOptions o;
  o.cacheDir = "";
  return o;
}

/// Runs the flow and fails the test on a harness error.
inline rtlarena::synth::PpaReport run(const rtlarena::synth::DesignInput& d,
                                      const rtlarena::synth::FlowOptions& o = options()) {
  auto r = rtlarena::synth::PpaFlow(o).run(d);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return r.ok() ? *r : rtlarena::synth::PpaReport{};
}

}  // namespace synthtest
