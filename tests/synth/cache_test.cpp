// The PPA cache and the report's JSON form.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "rtlarena/core/files.h"
#include "rtlarena/synth/cache.h"
#include "rtlarena/synth/ppa_report.h"

using namespace rtlarena::synth;

TEST(SynthCache, StoresAndReturnsByKey) {
  auto dir = rtlarena::TempDir::create("ppa-cache-test");
  ASSERT_TRUE(dir.ok());
  PpaCache cache((dir->path() / "c").string());
  EXPECT_FALSE(cache.get("abcdef").has_value());
  cache.put("abcdef", "{\"x\":1}");
  ASSERT_TRUE(cache.get("abcdef").has_value());
  EXPECT_EQ(*cache.get("abcdef"), "{\"x\":1}");
  cache.put("abcdef", "{\"x\":2}");
  EXPECT_EQ(*cache.get("abcdef"), "{\"x\":2}");
}

TEST(SynthCache, EmptyDirectoryDisablesIt) {
  PpaCache cache("");
  EXPECT_FALSE(cache.enabled());
  cache.put("abcdef", "{}");
  EXPECT_FALSE(cache.get("abcdef").has_value());
}

TEST(SynthReport, JsonHasTheDocumentedFieldsAndRoundTrips) {
  PpaReport r;
  r.status = PpaStatus::Ok;
  r.top = "adder";
  r.areaUm2 = 12.5;
  r.cells = 3;
  r.delayNs = 1.25;
  r.slackNs = 8.75;
  r.fmaxMhz = 800;
  r.powerUw = 4.5;
  r.clockPort = "clk";
  auto j = nlohmann::json::parse(ppaToJson(r));
  for (const char* k : {"area_um2", "cells", "delay_ns", "slack_ns", "fmax_mhz", "power_uw", "status"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_EQ(j["status"], "ok");
  auto back = ppaFromJson(ppaToJson(r));
  ASSERT_TRUE(back.ok());
  EXPECT_DOUBLE_EQ(back->areaUm2, 12.5);
  EXPECT_EQ(back->clockPort, "clk");
  EXPECT_FALSE(ppaFromJson("{\"status\":\"bogus\"}").ok());
  EXPECT_FALSE(ppaFromJson("nonsense").ok());
}
