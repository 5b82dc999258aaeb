// --model-config files: JSON and TOML, and the errors a user sees.
#include "rtlarena/llm/model_config.h"

#include <gtest/gtest.h>

#include "rtlarena/core/files.h"
#include "toml_to_json.h"

namespace rtlarena {
namespace {

std::string writeTemp(const TempDir& dir, const std::string& name, const std::string& text) {
  auto path = dir.path() / name;
  EXPECT_TRUE(writeFile(path, text));
  return path.string();
}

TEST(TomlToJson, ParsesValuesTablesAndComments) {
  auto j = parseTomlToJson(R"(# a model
model = "qwen"   # trailing comment
temperature = 0.85
max_tokens = 4_096
stream = false
stop = ["[DONE]", 'x\y']
[headers]
"X-Team" = "hw"
[extra_body.chat_template_kwargs]
enable_thinking = true
)",
                           "m.toml");
  ASSERT_TRUE(j) << j.error().message;
  EXPECT_EQ((*j)["model"], "qwen");
  EXPECT_DOUBLE_EQ((*j)["temperature"].get<double>(), 0.85);
  EXPECT_EQ((*j)["max_tokens"], 4096);
  EXPECT_EQ((*j)["stream"], false);
  EXPECT_EQ((*j)["stop"][1], "x\\y");  // literal strings keep backslashes
  EXPECT_EQ((*j)["headers"]["X-Team"], "hw");
  EXPECT_EQ((*j)["extra_body"]["chat_template_kwargs"]["enable_thinking"], true);
}

TEST(TomlToJson, AcceptsTomlTheOldSubsetRefused) {
  auto j = parseTomlToJson(R"(model = 'C:\models\qwen'        # literal string, comment after it
headers = { X-Org = "lab", "X-Run" = "7" }    # inline table
extra_body.top_k = 20                         # dotted key
stop = [
  "[DONE]",   # one per line, trailing comma
  """
end""",
]
api_key_env = """
MY_KEY"""
[[extra_body.tools]]
name = "lint"
[[extra_body.tools]]
name = "sim"
[extra_body.template]
text = '''
line one
line "two"'''
)",
                           "m.toml");
  ASSERT_TRUE(j) << j.error().message;
  EXPECT_EQ((*j)["model"], "C:\\models\\qwen");
  EXPECT_EQ((*j)["headers"], (nlohmann::json{{"X-Org", "lab"}, {"X-Run", "7"}}));
  EXPECT_EQ((*j)["extra_body"]["top_k"], 20);
  EXPECT_EQ((*j)["stop"], (nlohmann::json{"[DONE]", "end"}));  // a newline right after """ is dropped
  EXPECT_EQ((*j)["api_key_env"], "MY_KEY");
  ASSERT_EQ((*j)["extra_body"]["tools"].size(), 2u);
  EXPECT_EQ((*j)["extra_body"]["tools"][1]["name"], "sim");
  EXPECT_EQ((*j)["extra_body"]["template"]["text"], "line one\nline \"two\"");
}

TEST(TomlToJson, SyntaxErrorsNameFileLineAndColumn) {
  auto j = parseTomlToJson("model = \"a\"\ntemperature = = 1\n", "m.toml");
  ASSERT_FALSE(j);
  EXPECT_EQ(j.error().code, ErrorCode::BadConfig);
  EXPECT_EQ(j.error().message.rfind("m.toml:2:15: ", 0), 0u) << j.error().message;
  auto bad = parseTomlToJson("model = \"a\"\nbad line\n", "m.toml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message.rfind("m.toml:2:", 0), 0u) << bad.error().message;
  EXPECT_FALSE(parseTomlToJson("x = \"unterminated\n", "m.toml"));
  auto twice = parseTomlToJson("x = 1\nx = 2\n", "m.toml");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message.rfind("m.toml:2:", 0), 0u) << twice.error().message;
}

TEST(TomlToJson, RefusesValuesJsonCannotCarryByName) {
  auto date = parseTomlToJson("model = \"m\"\n[extra_body]\nsince = 2024-01-02\n", "m.toml");
  ASSERT_FALSE(date);
  EXPECT_NE(date.error().message.find("m.toml:3:"), std::string::npos) << date.error().message;
  EXPECT_NE(date.error().message.find("'extra_body.since' is a date"), std::string::npos) << date.error().message;
  auto nan = parseTomlToJson("temperature = nan\n", "m.toml");
  ASSERT_FALSE(nan);
  EXPECT_NE(nan.error().message.find("'temperature' must be a finite number"), std::string::npos)
      << nan.error().message;
  EXPECT_FALSE(parseTomlToJson("stop = [inf]\n", "m.toml"));
}

TEST(ModelConfig, TomlFileSetsEndpointAndParameters) {
  auto dir = TempDir::create("llm-config");
  ASSERT_TRUE(dir);
  auto file = writeTemp(*dir, "m.toml", R"(provider = "openai"
model = "my-model"
base_url = "http://127.0.0.1:8000/v1"
api_key_env = "MY_KEY"
temperature = 0.2
top_p = 0.9
max_tokens = 2048
seed = 42
stop = "[DONE]"
concurrency = 16
rpm = 600
tpm = 100000
timeout = 120
retries = 3
n_mode = "repeat"
[headers]
X-Org = "lab"
[extra_body]
repetition_penalty = 1.1
)");
  ProviderOptions o;
  ASSERT_TRUE(loadModelConfig(file, o));
  EXPECT_EQ(o.spec, "openai:my-model");
  EXPECT_EQ(o.baseUrl, "http://127.0.0.1:8000/v1");
  EXPECT_EQ(o.apiKeyEnv, "MY_KEY");
  EXPECT_DOUBLE_EQ(o.params.temperature, 0.2);
  EXPECT_EQ(o.params.maxTokens, 2048);
  EXPECT_EQ(*o.params.seed, 42);
  EXPECT_EQ(o.params.stop, std::vector<std::string>{"[DONE]"});
  EXPECT_EQ(o.concurrency, 16);
  EXPECT_DOUBLE_EQ(o.requestsPerMinute, 600);
  EXPECT_EQ(o.retries, 3);
  EXPECT_EQ(o.nMode, "repeat");
  ASSERT_EQ(o.headers.size(), 1u);
  EXPECT_EQ(o.headers[0].first, "X-Org");
  EXPECT_EQ(o.extraBodyJson, R"({"repetition_penalty":1.1})");
}

TEST(ModelConfig, JsonFileWithNestedExtraBody) {
  auto dir = TempDir::create("llm-config");
  ASSERT_TRUE(dir);
  auto file = writeTemp(*dir, "m.json",
                        R"({"provider": "anthropic", "model": "claude-x", "extra_body": {"thinking": {"type": "enabled", "budget_tokens": 2000}}})");
  ProviderOptions o;
  ASSERT_TRUE(loadModelConfig(file, o));
  EXPECT_EQ(o.spec, "anthropic:claude-x");
  EXPECT_NE(o.extraBodyJson.find("budget_tokens"), std::string::npos);
}

TEST(ModelConfig, MistakesAreOneClearLine) {
  auto dir = TempDir::create("llm-config");
  ASSERT_TRUE(dir);
  ProviderOptions o;
  auto unknown = loadModelConfig(writeTemp(*dir, "a.toml", "model = \"m\"\ntemprature = 1\n"), o);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("unknown field 'temprature'"), std::string::npos);
  auto type = loadModelConfig(writeTemp(*dir, "b.toml", "model = \"m\"\ntemperature = \"hot\"\n"), o);
  ASSERT_FALSE(type);
  EXPECT_NE(type.error().message.find("'temperature' must be a number"), std::string::npos);
  auto key = loadModelConfig(writeTemp(*dir, "c.json", R"({"model": "m", "api_key": "sk-123"})"), o);
  ASSERT_FALSE(key);
  EXPECT_NE(key.error().message.find("api_key_env"), std::string::npos);
  EXPECT_EQ(key.error().message.find("sk-123"), std::string::npos);
  EXPECT_FALSE(loadModelConfig(writeTemp(*dir, "d.toml", "temperature = 1\n"), o));  // no model
  EXPECT_FALSE(loadModelConfig((dir->path() / "missing.toml").string(), o));
  auto nested = loadModelConfig(writeTemp(*dir, "e.toml", "model = \"m\"\nheaders = { X-Org = 1 }\n"), o);
  ASSERT_FALSE(nested);
  EXPECT_NE(nested.error().message.find("e.toml: field 'headers.X-Org' must be a string"), std::string::npos)
      << nested.error().message;
  auto dotted = loadModelConfig(writeTemp(*dir, "f.toml", "model = \"m\"\nextra.top_k = 1\n"), o);
  ASSERT_FALSE(dotted);
  EXPECT_NE(dotted.error().message.find("f.toml: unknown field 'extra'"), std::string::npos) << dotted.error().message;
  auto syntax = loadModelConfig(writeTemp(*dir, "g.toml", "model = \"m\"\n\ntemperature = 0.2.1\n"), o);
  ASSERT_FALSE(syntax);
  EXPECT_NE(syntax.error().message.find("g.toml:3:"), std::string::npos) << syntax.error().message;
}

TEST(ModelConfig, TomlWithInlineTablesDottedKeysAndMultiLineArrays) {
  auto dir = TempDir::create("llm-config");
  ASSERT_TRUE(dir);
  auto file = writeTemp(*dir, "m.toml", R"(model = 'qwen'  # literal string
headers = { X-Org = "lab" }
extra_body.chat_template_kwargs.enable_thinking = false
stop = [
  "[DONE]",
  "</answer>",
]
)");
  ProviderOptions o;
  auto st = loadModelConfig(file, o);
  ASSERT_TRUE(st) << st.error().message;
  EXPECT_EQ(o.spec, "openai:qwen");
  ASSERT_EQ(o.headers.size(), 1u);
  EXPECT_EQ(o.headers[0].second, "lab");
  EXPECT_EQ(o.extraBodyJson, R"({"chat_template_kwargs":{"enable_thinking":false}})");
  EXPECT_EQ(o.params.stop, (std::vector<std::string>{"[DONE]", "</answer>"}));
}

}  // namespace
}  // namespace rtlarena
