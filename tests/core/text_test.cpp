// String helpers.
#include <gtest/gtest.h>

#include "rtlarena/core/text.h"

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

}  // namespace
}  // namespace rtlarena
