// A set of coverage points (a bitmap with a population count): the campaign's global
// coverage and each arm's local coverage.
#pragma once

#include <cstdint>
#include <vector>

namespace rtlarena::fuzz {

class CoverageMap {
 public:
  explicit CoverageMap(size_t points = 0) : bits_(points, 0) {}
  void resize(size_t points) { bits_.assign(points, 0), count_ = 0; }
  size_t size() const { return bits_.size(); }
  size_t count() const { return count_; }
  bool test(uint32_t p) const { return p < bits_.size() && bits_[p]; }
  /// True when the point was new.
  bool add(uint32_t p) {
    if (p >= bits_.size() || bits_[p]) return false;
    bits_[p] = 1;
    ++count_;
    return true;
  }
  /// Adds every hit; returns how many were new.
  size_t merge(const std::vector<uint32_t>& hits) {
    size_t n = 0;
    for (uint32_t p : hits) n += add(p);
    return n;
  }
  void clear() { std::fill(bits_.begin(), bits_.end(), 0), count_ = 0; }

 private:
  std::vector<uint8_t> bits_;
  size_t count_ = 0;
};

}  // namespace rtlarena::fuzz
