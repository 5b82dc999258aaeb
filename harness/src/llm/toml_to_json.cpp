// toml++ parses; this file walks its tree into JSON and turns its errors into BadConfig.
#include "toml_to_json.h"

#include <cmath>
#include <toml++/toml.h>

namespace rtlarena {

using nlohmann::json;

namespace {

std::string where(const std::string& file, const toml::source_position& at) {
  return file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

Error refuse(const std::string& file, const toml::node& node, const std::string& key, const std::string& why) {
  return makeError(ErrorCode::BadConfig, where(file, node.source().begin) + ": '" + key + "' " + why);
}

Result<json> convert(const toml::node& node, const std::string& key, const std::string& file) {
  switch (node.type()) {
    case toml::node_type::table: {
      json out = json::object();
      for (const auto& [name, child] : *node.as_table()) {
        std::string path = key.empty() ? std::string(name.str()) : key + "." + std::string(name.str());
        auto value = convert(child, path, file);
        if (!value) return value.error();
        out[std::string(name.str())] = std::move(*value);
      }
      return out;
    }
    case toml::node_type::array: {
      json out = json::array();
      const auto& items = *node.as_array();
      for (std::size_t i = 0; i < items.size(); ++i) {
        auto value = convert(items[i], key + "[" + std::to_string(i) + "]", file);
        if (!value) return value.error();
        out.push_back(std::move(*value));
      }
      return out;
    }
    case toml::node_type::string:
      return json(node.as_string()->get());
    case toml::node_type::integer:
      return json(node.as_integer()->get());
    case toml::node_type::floating_point: {
      double d = node.as_floating_point()->get();
      // JSON has no inf or nan, and a range check on nan passes every bound.
      if (!std::isfinite(d)) return refuse(file, node, key, "must be a finite number");
      return json(d);
    }
    case toml::node_type::boolean:
      return json(node.as_boolean()->get());
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return refuse(file, node, key, "is a date or time; no config field takes one (quote it to send a string)");
    case toml::node_type::none:
      break;
  }
  return refuse(file, node, key, "has no value");
}

}  // namespace

Result<json> parseTomlToJson(std::string_view text, const std::string& fileName) {
  toml::table table;
  // The packaged toml++ is built with exceptions; its parse error is turned into our Error
  // right here so that no exception leaves this function.
  try {
    table = toml::parse(text, fileName);
  } catch (const toml::parse_error& e) {
    return makeError(ErrorCode::BadConfig, where(fileName, e.source().begin) + ": " + std::string(e.description()));
  }
  return convert(table, "", fileName);
}

}  // namespace rtlarena
