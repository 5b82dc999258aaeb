// String helpers.
#include "rtlarena/core/text.h"
#include "rtlarena/core/text_hints.h"

#include <algorithm>
#include <cctype>

namespace rtlarena {

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::vector<std::string_view> splitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < s.size()) lines.push_back(s.substr(start));
      break;
    }
    std::string_view line = s.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool contains(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

std::string closestWord(const std::string& word, const std::vector<std::string>& known) {
  std::string best;
  std::size_t bestDistance = 3;
  for (const auto& k : known) {
    std::vector<std::size_t> row(k.size() + 1);
    for (std::size_t j = 0; j <= k.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      std::size_t diag = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= k.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (word[i - 1] == k[j - 1] ? 0 : 1)});
        diag = up;
      }
    }
    if (row[k.size()] < bestDistance) bestDistance = row[k.size()], best = k;
  }
  return best;
}

std::string stripToolBanners(std::string_view s) {
  // Yosys opens every log with a boxed licence notice and a version line: noise in a tail.
  if (s.find("Yosys Open SYnthesis Suite") == std::string_view::npos) return std::string(s);
  std::string out;
  bool inBox = false, afterBox = false;
  for (auto line : splitLines(s)) {
    std::string_view t = trim(line);
    if (!inBox && startsWith(t, "/-----")) { inBox = true; continue; }
    if (inBox) {
      if (startsWith(t, "\\-----")) inBox = false, afterBox = true;
      continue;
    }
    if (afterBox && (t.empty() || startsWith(t, "Yosys "))) continue;
    afterBox = false;
    out.append(line).push_back('\n');
  }
  return out;
}

std::string tailLines(std::string_view input, std::size_t maxLines, std::size_t maxBytes) {
  const std::string stripped = stripToolBanners(input);
  std::string_view s = stripped;
  std::size_t end = s.size();
  while (end > 0 && (s[end - 1] == '\n' || s[end - 1] == '\r')) --end;
  std::size_t pos = end, lines = 0;
  while (pos > 0 && lines < maxLines) {
    std::size_t nl = s.rfind('\n', pos - 1);
    if (nl == std::string_view::npos) {
      pos = 0;
      break;
    }
    pos = nl;
    ++lines;
    if (lines < maxLines) continue;
    pos = nl + 1;
  }
  std::string_view tail = s.substr(pos, end - pos);
  if (!tail.empty() && tail.front() == '\n') tail.remove_prefix(1);
  if (tail.size() > maxBytes) tail = tail.substr(tail.size() - maxBytes);
  return std::string(tail);
}

static bool isIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

std::string replaceIdentifier(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t hit = text.find(from, i);
    if (hit == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    bool leftOk = hit == 0 || !isIdentChar(text[hit - 1]);
    std::size_t after = hit + from.size();
    bool rightOk = after >= text.size() || !isIdentChar(text[after]);
    out.append(text.substr(i, hit - i));
    out.append(leftOk && rightOk ? to : from);
    i = after;
  }
  return out;
}

std::string replaceAll(std::string_view text, std::string_view from, std::string_view to) {
  if (from.empty()) return std::string(text);
  std::string out;
  std::size_t i = 0;
  while (true) {
    std::size_t hit = text.find(from, i);
    if (hit == std::string_view::npos) {
      out.append(text.substr(i));
      return out;
    }
    out.append(text.substr(i, hit - i));
    out.append(to);
    i = hit + from.size();
  }
}

}  // namespace rtlarena
