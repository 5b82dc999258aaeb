// String helpers.
#include <gtest/gtest.h>

#include "rtlarena/core/json_tidy.h"
#include "rtlarena/core/text.h"
#include "rtlarena/core/text_hints.h"

namespace rtlarena {
namespace {

TEST(Text, ReplaceIdentifierRespectsWordBoundaries) {
  EXPECT_EQ(replaceIdentifier("module RefModule(); RefModuleX y; RefModule_z q; endmodule", "RefModule", "TopModule"),
            "module TopModule(); RefModuleX y; RefModule_z q; endmodule");
}

TEST(Text, TailLinesKeepsTheLastLines) {
  EXPECT_EQ(tailLines("a\nb\nc\nd\n", 2), "c\nd");
  EXPECT_EQ(tailLines("only", 5), "only");
  EXPECT_EQ(tailLines("", 5), "");
}

TEST(Text, SplitLinesHandlesCrlf) {
  auto lines = splitLines("a\r\nb\nc");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[2], "c");
}

TEST(Text, YosysBannerIsLeftOutOfLogTails) {
  const std::string log =
      "\n /----------------------------------------------------------------------------\\\n"
      " |  yosys -- Yosys Open SYnthesis Suite                                       |\n"
      " |  Copyright (C) 2012 - 2020  Claire Xenia Wolf <claire@yosyshq.com>         |\n"
      " \\----------------------------------------------------------------------------/\n"
      "\n Yosys 0.23 (git sha1 7ce5011c24b)\n\n"
      "-- Parsing `design.sv' using frontend ` -sv' --\n"
      "ERROR: Module `Nope' not found!\n";
  const std::string tail = tailLines(log, 30);
  EXPECT_EQ(tail.find("Copyright"), std::string::npos) << tail;
  EXPECT_EQ(tail.find("Yosys 0.23"), std::string::npos) << tail;
  EXPECT_NE(tail.find("-- Parsing"), std::string::npos) << tail;
  EXPECT_NE(tail.find("ERROR: Module `Nope' not found!"), std::string::npos) << tail;
  // A log without the banner is left as it is.
  EXPECT_EQ(stripToolBanners("a\n/---- not yosys\nb\n"), "a\n/---- not yosys\nb\n");
}

TEST(Text, ClosestWordSuggestsOnlyNearMisspellings) {
  EXPECT_EQ(closestWord("popcont8", {"popcount8", "uart_tx"}), "popcount8");
  EXPECT_EQ(closestWord("cor", {"core"}), "core");
  EXPECT_EQ(closestWord("completely_else", {"popcount8", "uart_tx"}), "");
}

TEST(JsonTidy, FloatsAreRoundedAndSentinelsAreNull) {
  nlohmann::json j = {{"a", 36.695620000000005}, {"b", {0.1 + 0.2}}, {"n", 3}, {"s", "x"}};
  EXPECT_EQ(tidyJson(j).dump(), R"({"a":36.6956,"b":[0.3],"n":3,"s":"x"})");
  EXPECT_TRUE(countOrNull(-1).is_null());
  EXPECT_EQ(countOrNull(0), 0);
}

}  // namespace
}  // namespace rtlarena
