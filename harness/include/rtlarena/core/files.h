// Small file-system helpers that return Result instead of throwing, and private temp dirs.
#pragma once

#include <filesystem>
#include <string>

#include "rtlarena/core/result.h"

namespace rtlarena {

Result<std::string> readFile(const std::filesystem::path& path);
Status writeFile(const std::filesystem::path& path, std::string_view content);

/// A private directory under the system temp dir (or `parent`), removed on destruction
/// unless keep() was called.
class TempDir {
 public:
  static Result<TempDir> create(const std::string& prefix = "rtlarena",
                                const std::filesystem::path& parent = {});
  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return path_; }
  void keep() { keep_ = true; }

 private:
  explicit TempDir(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
  bool keep_ = false;
};

}  // namespace rtlarena
