// Delta debugging specialised to instruction words (see minimize.h for the order).
#include "rtlarena/fuzz/minimize.h"

#include <chrono>

#include "rtlarena/fuzz/encode.h"

namespace rtlarena::fuzz {

MinimizeResult minimize(Runner& runner, const Program& program, const std::string& signature,
                        const MinimizeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  MinimizeResult out;
  out.program = program;
  auto budgetLeft = [&] {
    return out.runs < options.maxRuns &&
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < options.seconds;
  };
  auto check = [&](const Program& p) {
    ++out.runs;
    TestResult r = runner.run(p);
    if (r.divergence && r.divergence->signature() == signature) {
      out.divergence = *r.divergence;
      return true;
    }
    return false;
  };
  if (!check(program)) return out;
  out.reproduced = true;
  Program best = program;
  const uint32_t nop = rv::nop();

  // 1. shortest prefix of the body that still diverges (binary search on the length)
  {
    size_t lo = 0, hi = best.body.size();
    while (lo < hi && budgetLeft()) {
      size_t mid = (lo + hi) / 2;
      Program p = best;
      p.body.resize(mid);
      if (check(p)) hi = mid;
      else lo = mid + 1;
    }
    best.body.resize(hi);
  }
  // 2. NOP out chunks, halving the chunk size
  for (size_t chunk = std::max<size_t>(1, best.body.size() / 2); chunk >= 1 && budgetLeft(); chunk /= 2) {
    for (size_t at = 0; at < best.body.size() && budgetLeft(); at += chunk) {
      Program p = best;
      bool changed = false;
      for (size_t i = at; i < std::min(at + chunk, p.body.size()); ++i)
        if (p.body[i] != nop) p.body[i] = nop, changed = true;
      if (changed && check(p)) best = std::move(p);
    }
    if (chunk == 1) break;
  }
  // 3. delete NOPs (shifts later words; kept only when the divergence survives)
  for (size_t i = best.body.size(); i-- > 0 && budgetLeft();) {
    if (best.body[i] != nop) continue;
    Program p = best;
    p.body.erase(p.body.begin() + static_cast<long>(i));
    if (check(p)) best = std::move(p);
  }
  // 4. data: all gone, else zero words one by one from the end
  if (!best.data.empty() && budgetLeft()) {
    Program p = best;
    p.data.clear();
    if (check(p)) best = std::move(p);
    else
      for (size_t i = best.data.size(); i-- > 0 && budgetLeft();) {
        if (best.data[i] == 0) continue;
        Program q = best;
        q.data[i] = 0;
        if (check(q)) best = std::move(q);
      }
    // trailing zero words revert to the frame's filler only if that changes nothing
    Program t = best;
    while (!t.data.empty() && t.data.back() == 0) t.data.pop_back();
    if (t.data.size() != best.data.size() && budgetLeft() && check(t)) best = std::move(t);
  }
  check(best);  // leaves out.divergence describing the final program
  out.program = std::move(best);
  return out;
}

}  // namespace rtlarena::fuzz
