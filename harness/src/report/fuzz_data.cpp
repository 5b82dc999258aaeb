// Fuzz campaigns for the report, read from the files `rtlarena fuzz --out` writes
// (summary.json, coverage.csv, arms.csv, arms_over_time.csv, mismatches.json), and the two
// views across seeds: coverage bands and time to bug.
#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "report_parts.h"
#include "rtlarena/core/files.h"

namespace rtlarena::report {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kCurvePoints = 200;  // per campaign on the page
constexpr int kBandPoints = 60;

// Rows of a CSV file with a header line, as numbers (our files hold numbers only).
std::vector<std::vector<double>> readCsv(const fs::path& file, std::vector<std::string>* header = nullptr) {
  std::vector<std::vector<double>> rows;
  auto text = readFile(file);
  if (!text) return rows;
  std::istringstream in(*text);
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ls(line);
    for (std::string cell; std::getline(ls, cell, ',');) cells.push_back(cell);
    if (first) {
      first = false;
      if (header) *header = cells;
      continue;
    }
    std::vector<double> row;
    for (const auto& c : cells) row.push_back(std::strtod(c.c_str(), nullptr));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Every n-th row, always keeping the last, so a long campaign stays a light page.
template <typename Row>
std::vector<Row> thin(const std::vector<Row>& rows, std::size_t most) {
  if (rows.size() <= most) return rows;
  std::vector<Row> out;
  const double step = static_cast<double>(rows.size() - 1) / static_cast<double>(most - 1);
  for (std::size_t i = 0; i < most; ++i) out.push_back(rows[static_cast<std::size_t>(i * step + 0.5)]);
  return out;
}

Result<json> campaign(const fs::path& dir) {
  auto text = readFile(dir / "summary.json");
  if (!text) return text.error();
  json summary = json::parse(*text, nullptr, false);
  if (!summary.is_object() || !summary.contains("algo"))
    return makeError(ErrorCode::Parse, (dir / "summary.json").string() + ": not an rtlarena fuzz campaign summary");
  json j = summary;
  j["dir"] = dir.string();
  json curve = json::array();
  for (const auto& r : thin(readCsv(dir / "coverage.csv"), kCurvePoints))
    if (r.size() >= 4) curve.push_back({r[0], r[3], r[1]});  // tests, coverage, seconds
  j["curve"] = curve;
  std::vector<std::string> armHeader;
  json arms = json::array();
  for (const auto& r : readCsv(dir / "arms.csv", &armHeader)) {
    json a = json::object();
    for (std::size_t i = 0; i < r.size() && i < armHeader.size(); ++i) a[armHeader[i]] = r[i];
    arms.push_back(a);
  }
  j["arms"] = arms;
  json trace = json::array();
  for (const auto& r : thin(readCsv(dir / "arms_over_time.csv"), 100)) trace.push_back(r);
  j["arm_trace"] = trace;
  if (auto m = readFile(dir / "mismatches.json")) {
    json list = json::parse(*m, nullptr, false);
    j["mismatch_list"] = list.is_array() ? list : json::array();
  }
  return j;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string groupKey(const json& c) {
  return c.value("core", "") + "\t" + c.value("bug", "") + "\t" + c.value("algo", "");
}

std::map<std::string, std::vector<const json*>> groups(const json& campaigns) {
  std::map<std::string, std::vector<const json*>> out;
  for (const auto& c : campaigns) out[groupKey(c)].push_back(&c);
  return out;
}

}  // namespace

Result<json> fuzzCampaigns(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return makeError(ErrorCode::NotFound, "--fuzz " + dir + ": no such folder");
  std::vector<fs::path> found;
  if (fs::exists(fs::path(dir) / "summary.json")) found.push_back(dir);
  else
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); ++it) {
      if (it.depth() > 1) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory() && fs::exists(it->path() / "summary.json")) {
        found.push_back(it->path());
        it.disable_recursion_pending();
      }
    }
  if (found.empty()) return makeError(ErrorCode::NotFound, "--fuzz " + dir + ": holds no campaign (no summary.json)");
  std::sort(found.begin(), found.end());
  json out = json::array();
  for (const auto& p : found) {
    auto c = campaign(p);
    if (!c) return c.error();
    out.push_back(*c);
  }
  return out;
}

json coverageBands(const json& campaigns) {
  json rows = json::array();
  for (const auto& [key, list] : groups(campaigns)) {
    double maxTests = 0;
    for (const json* c : list)
      if (!(*c)["curve"].empty()) maxTests = std::max(maxTests, (*c)["curve"].back()[0].get<double>());
    if (maxTests <= 0) continue;
    for (int i = 0; i <= kBandPoints; ++i) {
      const double t = maxTests * i / kBandPoints;
      std::vector<double> at;
      for (const json* c : list) {
        double cov = 0;  // step curve: the last sample at or before t
        for (const auto& p : (*c)["curve"])
          if (p[0].get<double>() <= t) cov = p[1].get<double>();
        at.push_back(cov);
      }
      const json& c0 = *list.front();
      rows.push_back({{"core", c0.value("core", "")}, {"bug", c0.value("bug", "")}, {"algo", c0.value("algo", "")},
                      {"tests", t}, {"median", median(at)},
                      {"low", *std::min_element(at.begin(), at.end())},
                      {"high", *std::max_element(at.begin(), at.end())}, {"seeds", list.size()}});
    }
  }
  return rows;
}

json bugTable(const json& campaigns) {
  json rows = json::array();
  for (const auto& [key, list] : groups(campaigns)) {
    std::vector<double> tests, seconds;
    std::map<std::string, int> signatures;
    for (const json* c : list) {
      if (c->value("bugs_found", 0) == 0 || !(*c)["first_mismatch_test"].is_number()) continue;
      tests.push_back((*c)["first_mismatch_test"].get<double>());
      seconds.push_back((*c)["first_mismatch_seconds"].get<double>());
      signatures[c->value("first_signature", "")] += 1;
    }
    const json& c0 = *list.front();
    json r = {{"core", c0.value("core", "")}, {"bug", c0.value("bug", "")}, {"algo", c0.value("algo", "")},
              {"runs", list.size()}, {"found", tests.size()}, {"signatures", signatures}};
    r["median_tests_to_bug"] = tests.empty() ? json() : json(median(tests));
    r["median_seconds_to_bug"] = seconds.empty() ? json() : json(median(seconds));
    rows.push_back(r);
  }
  return rows;
}

}  // namespace rtlarena::report
