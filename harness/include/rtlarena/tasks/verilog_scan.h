// A light lexical scan of Verilog source for the dataset loaders: which modules a file defines
// (with line numbers), a module's header, which modules a testbench instantiates. Not a parser:
// comments and strings are skipped, nothing is elaborated.
#pragma once

#include <string>
#include <vector>

namespace rtlarena {

struct ModuleDecl {
  std::string name;
  int line = 0;  ///< 1-based line of the `module` keyword
};

/// One lexical token: an identifier (escaped ones keep their backslash), a directive (with its
/// backtick), a system name (with its `$`), "0" for any number, "\"" for a string, or one
/// punctuation character. `pos` is the byte offset in the original source.
struct VerilogToken {
  std::string text;
  int line = 0;
  std::size_t pos = 0;
};

/// The tokens of `source`, comments skipped.
std::vector<VerilogToken> verilogTokens(const std::string& source);

/// Every design unit a source declares: modules, primitives, interfaces, programs, packages,
/// classes, checkers and configs, in source order.
std::vector<ModuleDecl> declaredDesignUnits(const std::string& source);

/// Every `module NAME` / `macromodule NAME` declaration, in source order.
std::vector<ModuleDecl> declaredModules(const std::string& source);

/// The header of module `name`: from `module` up to and including the first `;` that ends it.
/// For a non-ANSI header (`module m(a, b);`) the body's `input`/`output`/`inout` statements
/// follow it, one a line, so the result declares every port. Empty when the module is not
/// declared.
std::string moduleHeader(const std::string& source, const std::string& name);

/// Names of modules instantiated in `source` (`Name inst (`, `Name #(...) inst (`) that are not
/// declared in `source` itself, in order of first use, without duplicates.
std::vector<std::string> instantiatedModules(const std::string& source);

/// The source with comments replaced by spaces (newlines kept, so line numbers stay true).
std::string stripComments(const std::string& source);

/// A module with the given header and an empty body: every output is left undriven. The
/// negative control: what a model that understood only the interface would score.
std::string emptyModuleFromHeader(const std::string& header);

}  // namespace rtlarena
