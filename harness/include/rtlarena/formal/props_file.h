// The structure of property files: checker modules (kept as written, with their
// assertions cut out), `bind` directives, named `property`/`sequence`
// declarations, default clocking and `default disable iff`, and every assertion
// with its label, scope, line and expanded body. Assertions outside any module
// belong to the design's top module.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "rtlarena/formal/sv_lexer.h"
#include "rtlarena/formal/sva_parser.h"
#include "rtlarena/tasks/task.h"

namespace rtlarena::formal {

enum class AssertionKind {
  Assert,    ///< `assert property`: gets a verdict
  Assume,    ///< `assume property`: constrains every proof
  Cover,     ///< `cover property`: reported as unsupported
  Immediate, ///< `assert (...)` in procedural code: reported as unsupported,
             ///< left in place
};

struct PropsAssertion {
  int file = 0;                   ///< index into PropsSet::files
  int line = 0, endLine = 0;      ///< 1-based lines of the item
  std::size_t begin = 0, end = 0; ///< byte range of the item in its file
  std::string label;              ///< empty when unlabelled
  std::string scope; ///< checker module name; empty for the top module
  AssertionKind kind = AssertionKind::Assert;
  std::vector<Token>
      body; ///< the property tokens, named properties/sequences expanded
  ParseIssue issue; ///< a problem found before parsing the body
};

struct CheckerModule {
  std::string name;
  int file = 0;
  int line = 0, endLine = 0;
  ConstantTable constants; ///< parameters with literal values
  std::vector<Token>
      defaultClock; ///< the expression of `default clocking @(posedge X)`
  std::vector<Token>
      defaultDisable; ///< the expression of `default disable iff (X)`
};

struct BindItem {
  int file = 0;
  int line = 0;
  std::string target;       ///< module the checker is instantiated in
  std::string module;       ///< the checker module
  std::string instanceText; ///< `chk #(...) name (...)` as written, without
                            ///< `bind target`
  ParseIssue issue;
};

struct PropsFileText {
  std::string name;
  std::string text;
  /// Byte ranges that are ours to replace: assertions, declarations, binds and
  /// top-level items.
  std::vector<std::pair<std::size_t, std::size_t>> cutRanges;
};

struct PropsSet {
  std::vector<PropsFileText> files;
  std::vector<PropsAssertion>
      assertions; ///< every assertion item, in source order
  std::vector<CheckerModule> modules;
  std::vector<BindItem> binds;
  std::vector<Token>
      topDefaultClock; ///< default clocking given outside any module
  std::vector<Token> topDefaultDisable;
  std::vector<std::string> notes; ///< ignored top-level text, for the report
};

/// Scans the property files. Problems in single items are recorded on the item
/// (so one bad assertion leaves the others intact); nothing here fails as a
/// whole.
PropsSet scanPropsFiles(const std::vector<SourceFile> &files);

} // namespace rtlarena::formal
