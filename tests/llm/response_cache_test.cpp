// The on-disk response cache.
#include "response_cache.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "rtlarena/core/files.h"

namespace rtlarena {
namespace {

TEST(ResponseCache, StoresAndReturnsAnswersByKey) {
  auto dir = TempDir::create("llm-cache");
  ASSERT_TRUE(dir);
  ResponseCache cache(dir->path());
  std::string key = sampleCacheKey("request", 3);
  EXPECT_FALSE(cache.get(key));
  Answer a;
  a.text = "module TopModule; endmodule";
  a.reasoning = "thought";
  a.finishReason = "length";
  a.tokensIn = 5;
  a.tokensOut = 6;
  a.attempts = 2;
  cache.put(key, a);
  auto hit = cache.get(key);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->text, a.text);
  EXPECT_EQ(hit->reasoning, "thought");
  EXPECT_EQ(hit->finishReason, "length");
  EXPECT_EQ(hit->tokensOut, 6);
  EXPECT_TRUE(hit->cached);
  EXPECT_EQ(hit->attempts, 0);
  EXPECT_FALSE(cache.get(sampleCacheKey("request", 4)));  // the sample index is part of the key
}

TEST(ResponseCache, DisabledCacheNeitherStoresNorFinds) {
  ResponseCache cache{std::filesystem::path()};
  Answer a;
  a.text = "x";
  cache.put("k", a);
  EXPECT_FALSE(cache.get("k"));
}

TEST(ResponseCache, CorruptEntryIsAMiss) {
  auto dir = TempDir::create("llm-cache");
  ASSERT_TRUE(dir);
  ResponseCache cache(dir->path());
  std::string key = sampleCacheKey("r", 0);
  ASSERT_TRUE(writeFile(dir->path() / "responses" / key.substr(0, 2) / (key + ".json"), "{trunc"));
  EXPECT_FALSE(cache.get(key));
}

TEST(ResponseCache, DefaultDirFollowsXdg) {
  const char* old = std::getenv("XDG_CACHE_HOME");
  std::string saved = old ? old : "";
  setenv("XDG_CACHE_HOME", "/tmp/xdg-test", 1);
  EXPECT_EQ(ResponseCache::defaultDir(), std::filesystem::path("/tmp/xdg-test/rtlarena"));
  if (old) setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  else unsetenv("XDG_CACHE_HOME");
}

}  // namespace
}  // namespace rtlarena
