// Rendering check reports (see formal_report.h). The JSON field names are a
// public format.
#include "rtlarena/formal/formal_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace rtlarena::formal {

std::string_view formalVerdictName(FormalVerdict v) {
  switch (v) {
  case FormalVerdict::Proven:
    return "proven";
  case FormalVerdict::Vacuous:
    return "vacuous";
  case FormalVerdict::Cex:
    return "cex";
  case FormalVerdict::Undetermined:
    return "undetermined";
  case FormalVerdict::Timeout:
    return "timeout";
  case FormalVerdict::Unsupported:
    return "unsupported";
  case FormalVerdict::SyntaxError:
    return "syntax_error";
  }
  return "undetermined";
}

std::map<FormalVerdict, int> CheckReport::counts() const {
  std::map<FormalVerdict, int> c;
  for (const auto &a : assertions)
    ++c[a.verdict];
  return c;
}

bool CheckReport::anyCex() const {
  for (const auto &a : assertions)
    if (a.verdict == FormalVerdict::Cex)
      return true;
  return false;
}

std::string reportToJson(const CheckReport &r) {
  using nlohmann::json;
  json list = json::array();
  for (const auto &a : r.assertions) {
    json j = {{"name", a.name},      {"file", a.file},
              {"line", a.line},      {"verdict", formalVerdictName(a.verdict)},
              {"depth", a.depth},    {"message", a.message},
              {"seconds", a.seconds}};
    if (!a.vcd.empty())
      j["vcd"] = a.vcd;
    list.push_back(j);
  }
  json summary = {{"total", r.assertions.size()}};
  for (FormalVerdict v :
       {FormalVerdict::Proven, FormalVerdict::Vacuous, FormalVerdict::Cex,
        FormalVerdict::Undetermined, FormalVerdict::Timeout,
        FormalVerdict::Unsupported, FormalVerdict::SyntaxError})
    summary[std::string(formalVerdictName(v))] = 0;
  for (const auto &[v, n] : r.counts())
    summary[std::string(formalVerdictName(v))] = n;
  summary["seconds"] = r.seconds;
  json out = {{"assertions", list},
              {"summary", summary},
              {"top", r.top},
              {"clock", r.clock},
              {"reset", r.reset.empty() ? json(nullptr) : json(r.reset)},
              {"reset_active", r.reset.empty()
                                   ? json(nullptr)
                                   : json(r.resetActiveHigh ? "high" : "low")},
              {"latches", r.latches},
              {"notes", r.notes}};
  return out.dump();
}

std::string reportToText(const CheckReport &r) {
  std::string out;
  char buf[256];
  for (const auto &a : r.assertions) {
    std::snprintf(buf, sizeof buf, "%-14s %s:%d %s",
                  std::string(formalVerdictName(a.verdict)).c_str(),
                  a.file.c_str(), a.line, a.name.c_str());
    out += buf;
    if (a.verdict == FormalVerdict::Cex)
      out += " (depth " + std::to_string(a.depth) + ")";
    if (!a.message.empty())
      out += ": " + a.message;
    if (!a.vcd.empty())
      out += "\n               trace: " + a.vcd;
    out += "\n";
  }
  out += "top " + r.top + ", clock " +
         (r.clock.empty() ? std::string("(none)") : r.clock) + ", reset " +
         (r.reset.empty() ? std::string("(none: free initial state)")
                          : r.reset + (r.resetActiveHigh ? " (active high)"
                                                         : " (active low)")) +
         "\n";
  for (const auto &l : r.latches)
    out += "latch: " + l + "\n";
  for (const auto &n : r.notes)
    out += "note: " + n + "\n";
  std::string summary;
  for (const auto &[v, n] : r.counts())
    summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " +
               std::string(formalVerdictName(v));
  std::snprintf(buf, sizeof buf, "%zu assertions: %s (%.2f s)\n",
                r.assertions.size(), summary.empty() ? "none" : summary.c_str(),
                r.seconds);
  out += buf;
  return out;
}

} // namespace rtlarena::formal
