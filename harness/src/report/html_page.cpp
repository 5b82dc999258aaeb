// The page: our template (harness/report_assets/page.html, page.css, page.js) with the chart
// bundles (vega, vega-lite, vega-embed from node_modules) and the data inlined, so the one
// file opens from file:// and requests nothing.
#include <algorithm>
#include <cctype>

#include "report_parts.h"
#include "rtlarena/core/files.h"
#include "rtlarena/report/report.h"

namespace rtlarena::report {

namespace fs = std::filesystem;

namespace {

const char* const kBundles[] = {"node_modules/vega/build/vega.min.js", "node_modules/vega-lite/build/vega-lite.min.js",
                                "node_modules/vega-embed/build/vega-embed.min.js"};

// Drops source-map comments: the maps are not shipped, and a browser's tools would fetch them.
std::string withoutSourceMaps(std::string js) {
  for (std::size_t at; (at = js.find("//# sourceMappingURL=")) != std::string::npos;) {
    std::size_t end = js.find('\n', at);
    js.erase(at, end == std::string::npos ? std::string::npos : end - at);
  }
  return js;
}

// A script's text may not hold "</script" (it would close the element).
std::string scriptText(std::string js) {
  std::string lower = js;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (std::size_t at = lower.size(); (at = lower.rfind("</script", at)) != std::string::npos;) {
    js.insert(at + 1, "\\");
    if (at == 0) break;
    --at;
  }
  return js;
}

std::string fill(const std::string& page, const std::string& slot, const std::string& content) {
  const std::size_t at = page.find(slot);
  if (at == std::string::npos) return page;
  return page.substr(0, at) + content + page.substr(at + slot.size());
}

}  // namespace

std::string scriptSafe(std::string text) {
  for (std::size_t at = 0; (at = text.find("</", at)) != std::string::npos; at += 3) text.replace(at, 2, "<\\/");
  return text;
}

Result<std::string> htmlPage(const json& data) {
  const fs::path dir = reportAssetsDir();
  std::string bundles;
  for (const char* rel : kBundles) {
    auto js = readFile(dir / rel);
    if (!js)
      return makeError(ErrorCode::ToolMissing, "report: chart bundle " + (dir / rel).string() +
                                                   " is missing; install it with scripts/setup.sh (or `npm ci` in " +
                                                   dir.string() + ")");
    bundles += "<script>" + scriptText(withoutSourceMaps(*js)) + "</script>\n";
  }
  auto page = readFile(dir / "page.html");
  auto style = readFile(dir / "page.css");
  auto app = readFile(dir / "page.js");
  for (const auto* part : {&page, &style, &app})
    if (!*part) return makeError(ErrorCode::ToolMissing, "report: page template missing in " + dir.string() + ": " + part->error().message);
  // Data last: a slot name inside the data is never taken for a slot.
  std::string out = *page;
  out = fill(out, "{{STYLE}}", *style);
  out = fill(out, "{{BUNDLES}}", bundles);
  out = fill(out, "{{APP}}", scriptText(*app));
  out = fill(out, "{{DATA}}", scriptSafe(data.dump()));
  return out;
}

}  // namespace rtlarena::report
