// String helpers shared by extraction, classification and reports.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rtlarena {

std::string_view trim(std::string_view s);
std::vector<std::string_view> splitLines(std::string_view s);
bool startsWith(std::string_view s, std::string_view prefix);
bool contains(std::string_view s, std::string_view needle);
/// The last `maxLines` lines, at most `maxBytes` bytes.
std::string tailLines(std::string_view s, std::size_t maxLines, std::size_t maxBytes = 4096);
/// Replaces whole-word occurrences of an identifier (Verilog identifier boundaries).
std::string replaceIdentifier(std::string_view text, std::string_view from, std::string_view to);
/// Replaces every occurrence of `from` with `to`.
std::string replaceAll(std::string_view text, std::string_view from, std::string_view to);

}  // namespace rtlarena
