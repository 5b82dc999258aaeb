// SHA-256, for content addresses (candidate de-duplication, caches).
#pragma once

#include <string>
#include <string_view>

namespace rtlarena {

/// Lower-case hex SHA-256 of the bytes.
std::string sha256Hex(std::string_view data);

}  // namespace rtlarena
