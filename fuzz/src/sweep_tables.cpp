// The tables of a fuzz sweep (see sweep.h), read from its campaign folders: coverage per
// campaign, per scheduler and overall (the union of points hit, from each campaign's
// uncovered.tsv), and the mismatches deduplicated by signature across campaigns.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "rtlarena/core/files.h"
#include "rtlarena/fuzz/sweep.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct CampaignRead {
  SweepCampaign campaign;
  json summary;
  json mismatches;
  std::set<uint64_t> uncovered;
};

Result<json> readJson(const fs::path& file) {
  auto text = readFile(file);
  if (!text) return text.error();
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return makeError(ErrorCode::Parse, file.string() + ": not JSON");
  return j;
}

Result<CampaignRead> readCampaign(const fs::path& dir, const SweepCampaign& c) {
  const fs::path d = campaignFolder(dir, c);
  CampaignRead r{c, {}, {}, {}};
  auto summary = readJson(d / "summary.json");
  if (!summary) return summary.error();
  auto mismatches = readJson(d / "mismatches.json");
  if (!mismatches) return mismatches.error();
  if (!summary->is_object() || !mismatches->is_array())
    return makeError(ErrorCode::Parse, d.string() + ": summary.json or mismatches.json is not a campaign's");
  r.summary = std::move(*summary);
  r.mismatches = std::move(*mismatches);
  auto unc = readFile(d / "uncovered.tsv");
  if (!unc) return unc.error();
  std::istringstream lines(*unc);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const std::string field = line.substr(0, line.find('\t'));
    uint64_t point = 0;
    auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), point);
    if (ec != std::errc() || end != field.data() + field.size())
      return makeError(ErrorCode::Parse, (d / "uncovered.tsv").string() + ": '" + field + "' is not a point index");
    r.uncovered.insert(point);
  }
  return r;
}

uint64_t u64(const json& j, const char* key) { return j.contains(key) && j[key].is_number() ? j[key].get<uint64_t>() : 0; }
double num(const json& j, const char* key) { return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0; }

// Points hit by at least one of `runs`: every point but those none of them hit.
uint64_t unionCoverage(const std::vector<const CampaignRead*>& runs, uint64_t points) {
  if (runs.empty()) return 0;
  std::set<uint64_t> missed = runs.front()->uncovered;
  for (const auto* r : runs) {
    std::set<uint64_t> both;
    std::set_intersection(missed.begin(), missed.end(), r->uncovered.begin(), r->uncovered.end(),
                          std::inserter(both, both.end()));
    missed = std::move(both);
  }
  return points - std::min<uint64_t>(points, missed.size());
}

json scopeRow(const std::string& scope, const std::vector<const CampaignRead*>& runs, uint64_t points) {
  uint64_t tests = 0, lo = UINT64_MAX, hi = 0, sum = 0;
  double seconds = 0;
  for (const auto* r : runs) {
    const uint64_t cov = u64(r->summary, "coverage");
    tests += u64(r->summary, "tests");
    seconds += num(r->summary, "seconds");
    lo = std::min(lo, cov), hi = std::max(hi, cov), sum += cov;
  }
  const uint64_t un = unionCoverage(runs, points);
  return {{"scope", scope}, {"campaigns", runs.size()}, {"tests", tests},
          {"coverage_union", un}, {"coverage_points", points},
          {"coverage_union_percent", points ? 100.0 * static_cast<double>(un) / static_cast<double>(points) : 0.0},
          {"coverage_min", runs.empty() ? 0 : lo}, {"coverage_max", hi},
          {"coverage_mean", runs.empty() ? 0.0 : static_cast<double>(sum) / static_cast<double>(runs.size())},
          {"campaign_seconds", seconds}};
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string fmt(const char* f, double v) {
  char b[64];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

json bugTable(const std::vector<CampaignRead>& runs) {
  std::map<std::string, json> bySignature;
  std::vector<std::string> order;  // first found, in plan order
  for (const auto& r : runs)
    for (const auto& m : r.mismatches) {
      const std::string sig = m.value("signature", "");
      auto [it, fresh] = bySignature.emplace(sig, json{{"signature", sig}, {"message", m.value("message", "")},
                                                        {"count", 0}, {"found_by", json::array()}});
      if (fresh) order.push_back(sig);
      // calibration's suspected bugs of the core (each campaign's known_deviations)
      for (const auto& k : r.summary.value("known_deviations", json::array()))
        if (k == sig) it->second["known"] = true;
      it->second["count"] = it->second["count"].get<uint64_t>() + u64(m, "count");
      it->second["found_by"].push_back(
          {{"campaign", r.campaign.name()}, {"first_test", u64(m, "first_test")}, {"count", u64(m, "count")}});
    }
  json table = json::array();
  for (const auto& sig : order) {
    json b = bySignature[sig];
    uint64_t first = UINT64_MAX;
    for (const auto& f : b["found_by"]) first = std::min(first, f["first_test"].get<uint64_t>());
    b["campaigns"] = b["found_by"].size();
    b["first_test"] = first;
    table.push_back(std::move(b));
  }
  std::stable_sort(table.begin(), table.end(), [](const json& a, const json& b) { return a["campaigns"] > b["campaigns"]; });
  return table;
}

}  // namespace

Result<std::string> summarizeSweep(const fs::path& dir) {
  auto record = readSweepRecord(dir);
  if (!record) return record.error();
  std::vector<CampaignRead> runs;
  for (const auto& c : record->campaigns()) {
    if (!campaignFinished(dir, c)) continue;
    auto r = readCampaign(dir, c);
    if (!r) return r.error();
    runs.push_back(std::move(*r));
  }
  const uint64_t points = runs.empty() ? 0 : u64(runs.front().summary, "coverage_points");
  json campaigns = json::array(), byAlgo = json::array();
  std::string csv = "scope,algo,seed,campaigns,tests,coverage,coverage_points,coverage_percent,mismatches,unique_mismatches,"
                    "first_mismatch_test,seconds\n";
  std::vector<const CampaignRead*> all;
  for (const auto& r : runs) {
    const json& s = r.summary;
    campaigns.push_back({{"campaign", r.campaign.name()}, {"algo", r.campaign.algo}, {"seed", r.campaign.seed},
                         {"tests", u64(s, "tests")}, {"coverage", u64(s, "coverage")}, {"coverage_points", u64(s, "coverage_points")},
                         {"coverage_percent", num(s, "coverage_percent")}, {"mismatches", u64(s, "mismatches")},
                         {"unique_mismatches", u64(s, "unique_mismatches")},
                         {"first_mismatch_test", s.value("first_mismatch_test", json())}, {"seconds", num(s, "seconds")}});
    const json& c = campaigns.back();
    csv += r.campaign.name() + "," + r.campaign.algo + "," + std::to_string(r.campaign.seed) + ",1," +
           std::to_string(u64(s, "tests")) + "," + std::to_string(u64(s, "coverage")) + "," +
           std::to_string(u64(s, "coverage_points")) + "," + fmt("%.2f", num(s, "coverage_percent")) + "," +
           std::to_string(u64(s, "mismatches")) + "," + std::to_string(u64(s, "unique_mismatches")) + "," +
           (c["first_mismatch_test"].is_null() ? "" : c["first_mismatch_test"].dump()) + "," + fmt("%.3f", num(s, "seconds")) + "\n";
    all.push_back(&r);
  }
  const auto scopeCsv = [&](const json& row, const std::string& algo) {
    return row["scope"].get<std::string>() + "," + algo + ",," + row["campaigns"].dump() + "," + row["tests"].dump() + "," +
           row["coverage_union"].dump() + "," + row["coverage_points"].dump() + "," +
           fmt("%.2f", row["coverage_union_percent"].get<double>()) + ",,,," + fmt("%.3f", row["campaign_seconds"].get<double>()) + "\n";
  };
  for (const auto& algo : record->algos) {
    std::vector<const CampaignRead*> mine;
    for (const auto* r : all)
      if (r->campaign.algo == algo) mine.push_back(r);
    if (mine.empty()) continue;
    json row = scopeRow("algo:" + algo, mine, points);
    row["algo"] = algo;
    csv += scopeCsv(row, algo);
    byAlgo.push_back(std::move(row));
  }
  json overall = scopeRow("all", all, points);
  csv += scopeCsv(overall, "");
  const json bugs = bugTable(runs);
  std::string bugCsv = "signature,campaigns,first_test,count,found_by,message\n";
  for (const auto& b : bugs) {
    std::string foundBy;
    for (const auto& f : b["found_by"])
      foundBy += (foundBy.empty() ? "" : " ") + f["campaign"].get<std::string>() + "@" + f["first_test"].dump();
    bugCsv += csvField(b["signature"]) + "," + b["campaigns"].dump() + "," + b["first_test"].dump() + "," + b["count"].dump() +
              "," + csvField(foundBy) + "," + csvField(b["message"]) + "\n";
  }
  const std::string core = runs.empty() ? "" : runs.front().summary.value("core", "");
  const std::string bug = runs.empty() ? "" : runs.front().summary.value("bug", "");
  json summary = {{"core", core}, {"bug", bug}, {"algos", record->algos}, {"seeds", record->seeds},
                  {"planned_campaigns", record->campaigns().size()}, {"campaigns", campaigns}, {"by_algo", byAlgo},
                  {"overall", overall}, {"bugs", bugs}};
  if (auto s = writeFile(dir / "coverage.csv", csv); !s) return s.error();
  if (auto s = writeFile(dir / "bugs.csv", bugCsv); !s) return s.error();
  if (auto s = writeFile(dir / "sweep_summary.json", summary.dump(2) + "\n"); !s) return s.error();
  return summary.dump();
}

std::string sweepSummaryText(const std::string& summaryJson) {
  const json s = json::parse(summaryJson, nullptr, false);
  if (s.is_discarded()) return summaryJson + "\n";
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "fuzz sweep on %s%s: %zu of %llu campaigns\n", s.value("core", "").c_str(),
                s.value("bug", "").empty() ? "" : (" with bug " + s.value("bug", "")).c_str(), s["campaigns"].size(),
                static_cast<unsigned long long>(s.value("planned_campaigns", 0ull)));
  out += line;
  std::snprintf(line, sizeof line, "%-22s %9s %9s %9s %9s %9s %8s\n", "scope", "campaigns", "tests", "cov.union", "cov.mean",
                "cov.min", "union%");
  out += line;
  auto row = [&](const json& r) {
    std::snprintf(line, sizeof line, "%-22s %9llu %9llu %9llu %9.1f %9llu %7.2f%%\n", r["scope"].get<std::string>().c_str(),
                  r["campaigns"].get<unsigned long long>(), r["tests"].get<unsigned long long>(),
                  r["coverage_union"].get<unsigned long long>(), r["coverage_mean"].get<double>(),
                  r["coverage_min"].get<unsigned long long>(), r["coverage_union_percent"].get<double>());
    out += line;
  };
  for (const auto& r : s["by_algo"]) row(r);
  row(s["overall"]);
  if (s["bugs"].empty()) return out + "no mismatches\n";
  out += std::to_string(s["bugs"].size()) + " distinct mismatch signature" + (s["bugs"].size() == 1 ? "" : "s") + ":\n";
  for (const auto& b : s["bugs"]) {
    std::string foundBy;
    for (const auto& f : b["found_by"])
      foundBy += (foundBy.empty() ? "" : ", ") + f["campaign"].get<std::string>() + " at test " + f["first_test"].dump();
    out += "  " + b["signature"].get<std::string>() + (b.value("known", false) ? " (known: calibration's suspected bug)" : "") +
           ": " + b["campaigns"].dump() + " campaign" + (b["campaigns"] == 1 ? "" : "s") + " (" + foundBy +
           "): " + b["message"].get<std::string>() + "\n";
  }
  return out;
}

}  // namespace rtlarena::fuzz
