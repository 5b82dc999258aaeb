// Text helpers for messages to users: "did you mean" hints and log tails without tool banners.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rtlarena {

/// The entry of `known` closest to `word` by edit distance when it is close enough to be a
/// misspelling (at most 2 edits); empty otherwise.
std::string closestWord(const std::string& word, const std::vector<std::string>& known);

/// `s` without tool banners (Yosys's licence box and version line). tailLines() applies it.
std::string stripToolBanners(std::string_view s);

}  // namespace rtlarena
