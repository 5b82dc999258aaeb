// The plan of a fuzz sweep and its folder (see sweep.h): seed and scheduler lists, the
// round-robin partition into shards, sweep.json, and making a folder ready to (re)run a shard.
#include "rtlarena/fuzz/sweep.h"

#include <charconv>
#include <set>

#include "rtlarena/core/files.h"

namespace rtlarena::fuzz {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool parseU64(std::string_view s, uint64_t& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

std::vector<std::string> splitCommas(const std::string& text) {
  std::vector<std::string> items;
  std::size_t from = 0;
  for (;;) {
    const auto comma = text.find(',', from);
    items.push_back(text.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
    if (comma == std::string::npos) return items;
    from = comma + 1;
  }
}

}  // namespace

std::string SweepCampaign::name() const { return algo + "-s" + std::to_string(seed); }

Result<std::vector<uint64_t>> parseSeedList(const std::string& text) {
  const auto bad = [&](const std::string& why) {
    return makeError(ErrorCode::BadArgument, "--seeds '" + text + "': " + why + " (expected e.g. 1-30 or 1,4,9-12)");
  };
  std::vector<uint64_t> seeds;
  std::set<uint64_t> seen;
  for (const auto& item : splitCommas(text)) {
    const auto dash = item.find('-');
    uint64_t lo = 0, hi = 0;
    if (dash == std::string::npos ? !parseU64(item, lo) : !parseU64(item.substr(0, dash), lo) || !parseU64(item.substr(dash + 1), hi))
      return bad("'" + item + "' is not a seed or a range");
    if (dash == std::string::npos) hi = lo;
    if (hi < lo) return bad("range '" + item + "' runs backwards");
    if (hi - lo >= 100000) return bad("range '" + item + "' is too long");
    for (uint64_t s = lo; s <= hi; ++s) {
      if (!seen.insert(s).second) return bad("seed " + std::to_string(s) + " is given twice");
      seeds.push_back(s);
    }
  }
  return seeds;
}

Result<std::vector<std::string>> parseAlgoList(const std::string& text) {
  std::vector<std::string> algos;
  for (const auto& item : splitCommas(text)) {
    if (item.empty()) return makeError(ErrorCode::BadArgument, "--algo '" + text + "': an empty scheduler name");
    for (const auto& a : algos)
      if (a == item) return makeError(ErrorCode::BadArgument, "--algo '" + text + "': " + item + " is given twice");
    algos.push_back(item);
  }
  return algos;
}

std::vector<SweepCampaign> sweepCampaigns(const std::vector<std::string>& algos, const std::vector<uint64_t>& seeds) {
  std::vector<SweepCampaign> plan;
  for (const auto& a : algos)
    for (uint64_t s : seeds) plan.push_back({a, s});
  return plan;
}

std::vector<SweepCampaign> shardCampaigns(const std::vector<SweepCampaign>& plan, int index, int count) {
  std::vector<SweepCampaign> mine;
  for (std::size_t k = 0; k < plan.size(); ++k)
    if (sweepShardOf(k, count) == index) mine.push_back(plan[k]);
  return mine;
}

std::string sweepRecordJson(const SweepRecord& r) {
  return json{{"config", r.config},
              {"algos", r.algos},
              {"seeds", r.seeds},
              {"shard", {{"index", r.shardIndex}, {"count", r.shardCount}}}}
      .dump(2);
}

Result<SweepRecord> readSweepRecord(const fs::path& dir) {
  const fs::path file = dir / "sweep.json";
  std::error_code ec;
  if (!fs::exists(file, ec))
    return makeError(ErrorCode::NotFound, dir.string() + ": not a fuzz sweep folder (no sweep.json); give the --out "
                                                         "folders of `rtlarena fuzz --seeds ... --shard I/N`");
  auto text = readFile(file);
  if (!text) return text.error();
  json j = json::parse(*text, nullptr, false);
  const auto bad = [&] { return makeError(ErrorCode::Parse, file.string() + ": not a fuzz sweep record"); };
  if (j.is_discarded() || !j.is_object() || !j.contains("config") || !j["config"].is_object() || !j.contains("algos") ||
      !j["algos"].is_array() || !j.contains("seeds") || !j["seeds"].is_array() || !j.contains("shard") ||
      !j["shard"].is_object() || !j["shard"].value("index", json()).is_number_integer() ||
      !j["shard"].value("count", json()).is_number_integer())
    return bad();
  SweepRecord r;
  r.config = j["config"];
  try {
    r.algos = j["algos"].get<std::vector<std::string>>();
    r.seeds = j["seeds"].get<std::vector<uint64_t>>();
  } catch (const json::exception&) {
    return bad();
  }
  r.shardIndex = j["shard"]["index"].get<int>();
  r.shardCount = j["shard"]["count"].get<int>();
  if (r.shardCount < 1 || r.shardIndex < 1 || r.shardIndex > r.shardCount)
    return makeError(ErrorCode::Parse, file.string() + ": shard index outside 1..count");
  return r;
}

fs::path campaignFolder(const fs::path& dir, const SweepCampaign& c) { return dir / "campaigns" / c.name(); }

bool campaignFinished(const fs::path& dir, const SweepCampaign& c) {
  std::error_code ec;
  return fs::exists(campaignFolder(dir, c) / "campaign.json", ec);
}

Status prepareSweepFolder(const fs::path& dir, const SweepRecord& record) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return makeError(ErrorCode::BadArgument, "--out " + dir.string() + " is a file, not a folder");
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    auto held = readSweepRecord(dir);
    if (!held)
      return makeError(ErrorCode::BadArgument, "--out " + dir.string() + " is not empty and holds no fuzz sweep; give an empty or new folder");
    const json mine = json::parse(sweepRecordJson(record)), theirs = json::parse(sweepRecordJson(*held));
    for (const auto& [key, value] : mine.items())
      if (theirs[key] != value)
        return makeError(ErrorCode::BadArgument, "--out " + dir.string() + " holds another sweep (" + key + " " +
                                                     theirs[key].dump() + ", now " + value.dump() + "); give another --out");
    for (const auto& c : record.campaigns())
      if (!campaignFinished(dir, c)) fs::remove_all(campaignFolder(dir, c), ec);  // killed mid-campaign: run again
    return Ok{};
  }
  fs::create_directories(dir / "campaigns", ec);
  if (ec) return makeError(ErrorCode::Io, dir.string() + ": cannot create: " + ec.message());
  return writeFile(dir / "sweep.json", sweepRecordJson(record) + "\n");
}

}  // namespace rtlarena::fuzz
