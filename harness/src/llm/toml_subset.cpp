// The TOML subset. Deliberately small: no inline tables, multi-line strings or arrays, dates,
// or arrays of tables. Anything outside the subset is an error naming the line, never a guess.
#include "toml_subset.h"

#include <cctype>
#include <optional>

#include "rtlarena/core/text.h"

namespace rtlarena {

using nlohmann::json;

namespace {

class LineParser {
 public:
  LineParser(std::string_view s, std::string where) : s_(s), where_(std::move(where)) {}

  Error error(const std::string& what) const { return makeError(ErrorCode::BadConfig, where_ + ": " + what); }
  void skipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  bool atEnd() {
    skipSpace();
    return i_ >= s_.size() || s_[i_] == '#';
  }
  bool eat(char c) {
    skipSpace();
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }

  Result<std::string> key() {
    skipSpace();
    if (i_ < s_.size() && (s_[i_] == '"' || s_[i_] == '\'')) return string();
    std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '-')) ++i_;
    if (start == i_) return error("expected a key");
    return std::string(s_.substr(start, i_ - start));
  }

  Result<std::string> string() {
    char quote = s_[i_++];
    std::string out;
    while (i_ < s_.size() && s_[i_] != quote) {
      char c = s_[i_++];
      if (c != '\\' || quote == '\'') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) break;
      char e = s_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        default: return error(std::string("unknown escape \\") + e + " in a string");
      }
    }
    if (i_ >= s_.size()) return error("unterminated string");
    ++i_;
    return out;
  }

  Result<json> value() {
    skipSpace();
    if (i_ >= s_.size()) return error("expected a value");
    char c = s_[i_];
    if (c == '"' || c == '\'') {
      auto s = string();
      if (!s) return s.error();
      return json(*s);
    }
    if (c == '[') {
      ++i_;
      json arr = json::array();
      while (!eat(']')) {
        if (atEnd()) return error("an array must close on the same line");
        auto v = value();
        if (!v) return v.error();
        arr.push_back(*v);
        if (!eat(',') && !(skipSpace(), i_ < s_.size() && s_[i_] == ']')) return error("expected , or ] in an array");
      }
      return arr;
    }
    std::size_t start = i_;
    while (i_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[i_])) && s_[i_] != ',' && s_[i_] != ']' &&
           s_[i_] != '#')
      ++i_;
    std::string word(s_.substr(start, i_ - start));
    if (word == "true") return json(true);
    if (word == "false") return json(false);
    std::string digits;
    for (char d : word)
      if (d != '_') digits += d;
    json number = json::parse(digits.size() > 1 && digits[0] == '+' ? digits.substr(1) : digits, nullptr, false);
    if (!number.is_discarded() && number.is_number()) return number;
    return error("'" + word + "' is not a string, number, boolean or array");
  }

  std::size_t pos() const { return i_; }

 private:
  std::string_view s_;
  std::string where_;
  std::size_t i_ = 0;
};

}  // namespace

Result<json> parseTomlSubset(std::string_view text, const std::string& fileName) {
  json root = json::object();
  json* table = &root;
  int lineNo = 0;
  for (auto line : splitLines(text)) {
    ++lineNo;
    LineParser p(line, fileName + ":" + std::to_string(lineNo));
    if (p.atEnd()) continue;
    if (p.eat('[')) {
      if (p.eat('[')) return p.error("arrays of tables ([[...]]) are not supported");
      table = &root;
      do {
        auto k = p.key();
        if (!k) return k.error();
        json& next = (*table)[*k];
        if (next.is_null()) next = json::object();
        if (!next.is_object()) return p.error("'" + *k + "' is already a value, not a table");
        table = &next;
      } while (p.eat('.'));
      if (!p.eat(']') || !p.atEnd()) return p.error("expected ] at the end of a table header");
      continue;
    }
    auto k = p.key();
    if (!k) return k.error();
    if (!p.eat('=')) return p.error("expected = after '" + *k + "'");
    auto v = p.value();
    if (!v) return v.error();
    if (!p.atEnd()) return p.error("unexpected text after the value of '" + *k + "'");
    if (table->contains(*k)) return p.error("'" + *k + "' is given twice");
    (*table)[*k] = std::move(*v);
  }
  return root;
}

}  // namespace rtlarena
