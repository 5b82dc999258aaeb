// Scanning property files (see props_file.h). The scan is item by item: an
// assertion ends at its
// `;` (after an optional action block), a declaration at its end keyword, so an
// error inside one item is recorded on that item and the scan goes on with the
// next one.
#include "rtlarena/formal/props_file.h"

#include <map>
#include <set>

namespace rtlarena::formal {
namespace {

struct Decl {
  std::string name;
  std::string scope;
  std::vector<std::string> formals;
  std::vector<std::vector<Token>>
      defaults; ///< empty when the formal has no default
  std::vector<Token> body;
  ParseIssue issue;
};

bool isWord(const Token &t, const char *w) {
  return t.kind == TokenKind::Ident && t.text == w;
}
bool isOp(const Token &t, const char *w) {
  return t.kind == TokenKind::Op && t.text == w;
}
bool isAssertWord(const Token &t) {
  return t.kind == TokenKind::Ident &&
         (t.text == "assert" || t.text == "assume" || t.text == "cover");
}

ParseIssue syntaxIssue(const std::string &what, int line) {
  return {ParseIssue::Kind::Syntax,
          "syntax error: " + what + " (line " + std::to_string(line) + ")"};
}
ParseIssue unsupportedIssue(const std::string &what, int line) {
  return {ParseIssue::Kind::Unsupported,
          "unsupported: " + what + " (line " + std::to_string(line) + ")"};
}

class FileScanner {
public:
  FileScanner(PropsSet &set, int file, const std::vector<Token> &t,
              std::vector<Decl> &decls)
      : set_(set), file_(file), t_(t), decls_(decls) {}

  void scanTop() {
    std::size_t i = 0;
    while (i < t_.size()) {
      const Token &tok = t_[i];
      if (isWord(tok, "module") || isWord(tok, "macromodule"))
        i = module(i);
      else if (isWord(tok, "bind"))
        i = bind(i);
      else if (std::size_t e = item(i, "", set_.topDefaultClock,
                                    set_.topDefaultDisable, nullptr);
               e != i)
        i = e;
      else
        ++i;
    }
  }

private:
  PropsSet &set_;
  int file_;
  const std::vector<Token> &t_;
  std::vector<Decl> &decls_;

  std::size_t n() const { return t_.size(); }
  void cut(std::size_t first, std::size_t last) { // token indices, inclusive
    if (first >= n())
      return;
    last = std::min(last, n() - 1);
    set_.files[file_].cutRanges.push_back({t_[first].begin, t_[last].end});
  }
  // Tokens where a broken item must stop so that the next one is still read.
  bool syncPoint(std::size_t i) const {
    const Token &t = t_[i];
    if (t.kind != TokenKind::Ident)
      return false;
    static const std::set<std::string> s = {
        "endmodule", "module",      "property", "endproperty",
        "sequence",  "endsequence", "bind",     "assert",
        "assume",    "cover",       "default"};
    if (s.count(t.text))
      return true;
    return i + 2 < n() && isOp(t_[i + 1], ":") &&
           isAssertWord(t_[i + 2]); // `label: assert`
  }
  std::size_t matchingClose(std::size_t open, ParseIssue &issue) const {
    int depth = 0;
    for (std::size_t i = open; i < n(); ++i) {
      if (isOp(t_[i], "("))
        ++depth;
      else if (isOp(t_[i], ")") && --depth == 0)
        return i;
      else if (i > open && (isOp(t_[i], ";") || syncPoint(i))) {
        issue = syntaxIssue("missing ')'", t_[open].line);
        return isOp(t_[i], ";") ? i : i - 1; // a `;` still ends the broken item
      }
    }
    issue = syntaxIssue("missing ')'", t_[open].line);
    return n() - 1;
  }
  // One statement of an action block; returns the index after it.
  std::size_t skipStatement(std::size_t i, ParseIssue &issue) const {
    if (i < n() && isWord(t_[i], "begin")) {
      int depth = 0;
      for (; i < n(); ++i) {
        if (isWord(t_[i], "begin"))
          ++depth;
        if (isWord(t_[i], "end") && --depth == 0) {
          ++i;
          if (i + 1 < n() && isOp(t_[i], ":"))
            i += 2;
          return i;
        }
        if (isWord(t_[i], "endmodule"))
          break;
      }
      issue =
          syntaxIssue("'begin' without 'end'", t_[std::min(i, n() - 1)].line);
      return i;
    }
    int depth = 0;
    for (std::size_t j = i; j < n(); ++j) {
      if (isOp(t_[j], "("))
        ++depth;
      if (isOp(t_[j], ")"))
        --depth;
      if (depth <= 0 && isOp(t_[j], ";"))
        return j + 1;
      if (depth <= 0 && syncPoint(j)) {
        issue = syntaxIssue("missing ';'", t_[j > 0 ? j - 1 : 0].line);
        return j;
      }
    }
    issue = syntaxIssue("missing ';'", t_[n() - 1].line);
    return n();
  }

  // An item that can appear in a module or at the top: assertion, declaration,
  // defaults. Returns `i` when there is none here.
  std::size_t item(std::size_t i, const std::string &scope,
                   std::vector<Token> &clock, std::vector<Token> &disable,
                   CheckerModule *mod) {
    const Token &tok = t_[i];
    bool labelled = tok.kind == TokenKind::Ident && i + 2 < n() &&
                    isOp(t_[i + 1], ":") && isAssertWord(t_[i + 2]);
    if (labelled || isAssertWord(tok))
      return assertion(i, scope);
    if (isWord(tok, "property") || isWord(tok, "sequence"))
      return declaration(i, scope);
    if (isWord(tok, "default") && i + 1 < n() && isWord(t_[i + 1], "clocking"))
      return defaultClocking(i, clock);
    if (isWord(tok, "default") && i + 1 < n() && isWord(t_[i + 1], "disable"))
      return defaultDisable(i, disable);
    if (mod && (isWord(tok, "parameter") || isWord(tok, "localparam"))) {
      // `parameter [type] NAME = 3` with a literal value: usable as a delay
      // bound.
      std::size_t j = i + 1;
      while (j + 2 < n() && !isOp(t_[j + 1], "=")) {
        if (isOp(t_[j], ";") || isOp(t_[j], ")"))
          return i + 1;
        ++j;
      }
      if (j + 2 < n() && t_[j].kind == TokenKind::Ident &&
          t_[j + 2].kind == TokenKind::Number &&
          t_[j + 2].text.find('\'') == std::string::npos)
        mod->constants[t_[j].text] =
            std::strtol(t_[j + 2].text.c_str(), nullptr, 10);
      return i + 1;
    }
    return i;
  }

  std::size_t assertion(std::size_t i, const std::string &scope) {
    PropsAssertion a;
    a.file = file_;
    a.scope = scope;
    a.line = t_[i].line;
    std::size_t first = i;
    if (!isAssertWord(t_[i])) {
      a.label = t_[i].text;
      i += 2;
    }
    const std::string word = t_[i].text;
    ++i;
    bool concurrent =
        i < n() && (isWord(t_[i], "property") ||
                    (word == "cover" && isWord(t_[i], "sequence")));
    if (!concurrent) {
      // An immediate assertion in procedural code: left in place for Yosys,
      // reported.
      a.kind = AssertionKind::Immediate;
      a.issue = unsupportedIssue(
          "an immediate assertion (only concurrent assertions are judged)",
          a.line);
      std::size_t j = i;
      while (j < n() && !isOp(t_[j], ";"))
        ++j;
      a.begin = t_[first].begin;
      a.end = t_[std::min(j, n() - 1)].end;
      a.endLine = t_[std::min(j, n() - 1)].line;
      if (word == "assert")
        set_.assertions.push_back(std::move(a));
      return std::min(j + 1, n());
    }
    a.kind = word == "assert"   ? AssertionKind::Assert
             : word == "assume" ? AssertionKind::Assume
                                : AssertionKind::Cover;
    ++i;
    std::size_t last = i;
    if (i >= n() || !isOp(t_[i], "(")) {
      a.issue = syntaxIssue("expected '(' after '" + word + " property'",
                            t_[i - 1].line);
      last = skipStatement(i, a.issue) - 1;
    } else {
      std::size_t close = matchingClose(i, a.issue);
      a.body.assign(t_.begin() + static_cast<long>(i) + 1,
                    t_.begin() + static_cast<long>(close));
      last = close;
      std::size_t j = close + 1;
      if (!a.issue && j < n()) {
        if (isOp(t_[j], ";")) {
          last = j;
        } else {
          if (!isWord(t_[j], "else"))
            j = skipStatement(j, a.issue); // the pass action
          if (!a.issue && j < n() && isWord(t_[j], "else"))
            j = skipStatement(j + 1, a.issue);
          last = j - 1;
        }
      }
    }
    last = std::min(last, n() - 1);
    a.begin = t_[first].begin;
    a.end = t_[last].end;
    a.endLine = t_[last].line;
    cut(first, last);
    set_.assertions.push_back(std::move(a));
    return last + 1;
  }

  std::size_t declaration(std::size_t i, const std::string &scope) {
    const bool isProperty = t_[i].text == "property";
    const char *endWord = isProperty ? "endproperty" : "endsequence";
    std::size_t first = i;
    Decl d;
    d.scope = scope;
    ++i;
    if (i >= n() || t_[i].kind != TokenKind::Ident) {
      cut(first, first);
      return first + 1;
    }
    d.name = t_[i++].text;
    if (i < n() && isOp(t_[i], "(")) {
      std::size_t close = matchingClose(i, d.issue);
      std::vector<Token> cur;
      auto flush = [&] {
        std::vector<Token> before, def;
        bool seenEq = false;
        for (const auto &tk : cur)
          (seenEq ? def : before).push_back(tk),
              seenEq = seenEq || isOp(tk, "=");
        if (!def.empty() && isOp(before.back(), "="))
          before.pop_back();
        std::string name;
        for (const auto &tk : before)
          if (tk.kind == TokenKind::Ident)
            name = tk.text;
        for (const auto &tk : before)
          if (isWord(tk, "local"))
            d.issue = unsupportedIssue("a local variable argument", tk.line);
        if (!name.empty()) {
          d.formals.push_back(name);
          d.defaults.push_back(def);
        }
        cur.clear();
      };
      int depth = 0;
      for (std::size_t j = i + 1; j < close; ++j) {
        if (isOp(t_[j], "(") || isOp(t_[j], "[") || isOp(t_[j], "{"))
          ++depth;
        if (isOp(t_[j], ")") || isOp(t_[j], "]") || isOp(t_[j], "}"))
          --depth;
        if (depth == 0 && isOp(t_[j], ","))
          flush();
        else
          cur.push_back(t_[j]);
      }
      flush();
      i = close + 1;
    }
    if (i < n() && isOp(t_[i], ";"))
      ++i;
    std::size_t bodyStart = i;
    while (i < n() && !isWord(t_[i], endWord) && !isWord(t_[i], "endmodule") &&
           !isWord(t_[i], "property") && !isWord(t_[i], "sequence") &&
           !isWord(t_[i], "module"))
      ++i;
    std::size_t bodyEnd = i;
    if (i >= n() || !isWord(t_[i], endWord)) {
      if (!d.issue)
        d.issue = syntaxIssue(std::string("missing '") + endWord + "' for '" +
                                  d.name + "'",
                              t_[first].line);
    } else {
      ++i;
      if (i + 1 < n() && isOp(t_[i], ":"))
        i += 2;
    }
    while (bodyEnd > bodyStart && isOp(t_[bodyEnd - 1], ";"))
      --bodyEnd;
    d.body.assign(t_.begin() + static_cast<long>(bodyStart),
                  t_.begin() + static_cast<long>(bodyEnd));
    for (const auto &tk : d.body)
      if (isOp(tk, ";") && !d.issue)
        d.issue =
            unsupportedIssue("declarations inside '" + d.name + "'", tk.line);
    cut(first, i - 1);
    decls_.push_back(std::move(d));
    return i;
  }

  std::size_t defaultClocking(std::size_t i, std::vector<Token> &clock) {
    std::size_t first = i;
    while (i < n() && !isOp(t_[i], "@") && !isOp(t_[i], ";"))
      ++i;
    if (i + 1 < n() && isOp(t_[i], "@") && isOp(t_[i + 1], "(")) {
      ParseIssue ignored;
      std::size_t close = matchingClose(i + 1, ignored);
      clock.assign(t_.begin() + static_cast<long>(i) + 2,
                   t_.begin() + static_cast<long>(close));
      i = close;
    }
    while (i < n() && !isWord(t_[i], "endclocking") &&
           !isWord(t_[i], "endmodule"))
      ++i;
    if (i < n() && isWord(t_[i], "endclocking"))
      ++i;
    if (i + 1 < n() && isOp(t_[i], ":"))
      i += 2;
    cut(first, i - 1);
    return i;
  }

  std::size_t defaultDisable(std::size_t i, std::vector<Token> &disable) {
    std::size_t first = i;
    i += 2;
    if (i + 1 < n() && isWord(t_[i], "iff") && isOp(t_[i + 1], "(")) {
      ParseIssue ignored;
      std::size_t close = matchingClose(i + 1, ignored);
      disable.assign(t_.begin() + static_cast<long>(i) + 2,
                     t_.begin() + static_cast<long>(close));
      i = close + 1;
    }
    if (i < n() && isOp(t_[i], ";"))
      ++i;
    cut(first, i - 1);
    return i;
  }

  std::size_t bind(std::size_t i) {
    BindItem b;
    b.file = file_;
    b.line = t_[i].line;
    std::size_t first = i++;
    ParseIssue issue;
    std::size_t end = skipStatement(i, issue);
    b.issue = issue;
    if (i + 1 < end && t_[i].kind == TokenKind::Ident &&
        t_[i + 1].kind == TokenKind::Ident) {
      b.target = t_[i].text;
      b.module = t_[i + 1].text;
      const std::string &text = set_.files[file_].text;
      std::size_t from = t_[i + 1].begin, to = t_[end - 1].end;
      b.instanceText = text.substr(from, to - from);
    } else if (i + 1 < end && isOp(t_[i + 1], ".")) {
      b.issue =
          unsupportedIssue("bind to a hierarchical instance path", b.line);
    } else if (!b.issue) {
      b.issue = syntaxIssue("malformed bind", b.line);
    }
    cut(first, end - 1);
    set_.binds.push_back(std::move(b));
    return end;
  }

  std::size_t module(std::size_t i) {
    CheckerModule m;
    m.file = file_;
    m.line = t_[i].line;
    ++i;
    if (i < n() && t_[i].kind == TokenKind::Ident)
      m.name = t_[i].text;
    std::size_t idx = set_.modules.size();
    set_.modules.push_back(m);
    while (i < n() && !isWord(t_[i], "endmodule")) {
      CheckerModule &mod = set_.modules[idx];
      std::size_t e =
          item(i, mod.name, mod.defaultClock, mod.defaultDisable, &mod);
      i = e == i ? i + 1 : e;
    }
    set_.modules[idx].endLine = i < n() ? t_[i].line : t_.back().line;
    return i + 1;
  }
};

// Replaces instances of named properties and sequences by their bodies,
// arguments substituted.
class Expander {
public:
  explicit Expander(const std::vector<Decl> &decls) : decls_(decls) {}

  ParseIssue expand(std::vector<Token> &tokens, const std::string &scope) {
    for (int round = 0; round < 16; ++round) {
      bool changed = false;
      std::vector<Token> out;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Decl *d = tokens[i].kind == TokenKind::Ident
                            ? find(tokens[i].text, scope)
                            : nullptr;
        if (!d || (i > 0 && isOp(tokens[i - 1], "."))) {
          out.push_back(tokens[i]);
          continue;
        }
        if (d->issue)
          return d->issue;
        std::vector<std::vector<Token>> args;
        std::map<std::string, std::vector<Token>> named;
        std::size_t next = i + 1;
        if (next < tokens.size() && isOp(tokens[next], "(")) {
          if (auto bad = arguments(tokens, next, args, named); bad)
            return bad;
        }
        std::map<std::string, std::vector<Token>> actual;
        for (std::size_t k = 0; k < d->formals.size(); ++k) {
          const std::string &f = d->formals[k];
          if (named.count(f))
            actual[f] = named[f];
          else if (k < args.size() && !args[k].empty())
            actual[f] = args[k];
          else if (!d->defaults[k].empty())
            actual[f] = d->defaults[k];
          else
            return syntaxIssue("missing argument '" + f + "' of '" + d->name +
                                   "'",
                               tokens[i].line);
        }
        if (args.size() > d->formals.size())
          return syntaxIssue("too many arguments for '" + d->name + "'",
                             tokens[i].line);
        const bool whole = i == 0 && next == tokens.size();
        Token open = tokens[i], close = tokens[i];
        open.kind = close.kind = TokenKind::Op;
        open.text = "(";
        close.text = ")";
        if (!whole)
          out.push_back(open);
        for (const Token &b : d->body) {
          auto it =
              b.kind == TokenKind::Ident ? actual.find(b.text) : actual.end();
          if (it == actual.end()) {
            out.push_back(b);
            continue;
          }
          out.push_back(open);
          out.insert(out.end(), it->second.begin(), it->second.end());
          out.push_back(close);
        }
        if (!whole)
          out.push_back(close);
        i = next - 1;
        changed = true;
      }
      tokens = std::move(out);
      if (!changed)
        return {};
    }
    return unsupportedIssue("recursive property or sequence",
                            tokens.empty() ? 0 : tokens[0].line);
  }

private:
  const std::vector<Decl> &decls_;

  const Decl *find(const std::string &name, const std::string &scope) const {
    const Decl *top = nullptr;
    for (const auto &d : decls_) {
      if (d.name != name)
        continue;
      if (d.scope == scope)
        return &d;
      if (d.scope.empty())
        top = &d;
    }
    return top;
  }

  // Reads `( a, b )` or `( .x(a), .y(b) )` starting at `open`; `next` ends
  // after `)`.
  ParseIssue arguments(const std::vector<Token> &t, std::size_t &next,
                       std::vector<std::vector<Token>> &args,
                       std::map<std::string, std::vector<Token>> &named) const {
    std::size_t open = next;
    int depth = 0;
    std::vector<Token> cur;
    for (std::size_t j = open; j < t.size(); ++j) {
      bool opener = isOp(t[j], "(") || isOp(t[j], "[") || isOp(t[j], "{");
      bool closer = isOp(t[j], ")") || isOp(t[j], "]") || isOp(t[j], "}");
      if (opener && depth++ == 0)
        continue;
      if (closer && --depth == 0) {
        args.push_back(cur);
        next = j + 1;
        break;
      }
      if (depth == 1 && isOp(t[j], ",")) {
        args.push_back(cur);
        cur.clear();
        continue;
      }
      cur.push_back(t[j]);
    }
    if (depth != 0)
      return syntaxIssue("missing ')'", t[open].line);
    if (args.size() == 1 && args[0].empty())
      args.clear();
    for (auto &a : args) {
      if (a.size() >= 3 && isOp(a[0], ".") && a[1].kind == TokenKind::Ident &&
          isOp(a[2], "(") && isOp(a.back(), ")")) {
        named[a[1].text] = std::vector<Token>(a.begin() + 3, a.end() - 1);
        a.clear();
      }
    }
    if (!named.empty())
      args.clear();
    return {};
  }
};

} // namespace

PropsSet scanPropsFiles(const std::vector<SourceFile> &files) {
  PropsSet set;
  std::vector<Decl> decls;
  for (std::size_t f = 0; f < files.size(); ++f) {
    set.files.push_back({files[f].name, files[f].text, {}});
    LexResult lex = lexSystemVerilog(files[f].text);
    std::size_t firstAssertion = set.assertions.size();
    FileScanner(set, static_cast<int>(f), lex.tokens, decls).scanTop();
    if (!lex.error.empty()) {
      // Items after a lexical error cannot be trusted.
      for (std::size_t k = firstAssertion; k < set.assertions.size(); ++k)
        if (set.assertions[k].line >= lex.errorLine && !set.assertions[k].issue)
          set.assertions[k].issue = {ParseIssue::Kind::Syntax,
                                     "syntax error: " + lex.error};
      set.notes.push_back(files[f].name + ": " + lex.error);
    }
  }
  Expander expander(decls);
  for (auto &a : set.assertions) {
    if (a.issue || a.kind == AssertionKind::Immediate)
      continue;
    a.issue = expander.expand(a.body, a.scope);
  }
  return set;
}

} // namespace rtlarena::formal
