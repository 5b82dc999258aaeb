// The OpenSTA script and its reader. OpenSTA 2.0.17 keeps going after a Tcl error, so every
// "Error:" line is collected and turns the run into a verdict.
#include "rtlarena/synth/sta.h"

#include <cstdlib>
#include <sstream>

#include "rtlarena/core/text.h"

namespace rtlarena::synth {
namespace {

std::string portList(const std::vector<std::string>& names) {
  std::string s = "[get_ports {";
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? " " : "") + names[i];
  return s + "}]";
}

std::string num(double v) {
  std::ostringstream s;
  s.precision(9);
  s << v;
  return s.str();
}

}  // namespace

std::string staScript(const NetlistInfo& n, const std::string& top, const PpaSettings& settings,
                      const std::string& liberty, const std::vector<BitActivity>& activity) {
  std::vector<std::string> inputs, outputs;
  for (const auto& p : n.ports) {
    bool isClock = false;
    for (const auto& c : n.clockPorts) isClock = isClock || c == p.name;
    if (p.input && !isClock) inputs.push_back(p.name);
    if (p.output) outputs.push_back(p.name);
  }
  std::ostringstream s;
  s << "# rtlarena " << kFlowVersion << ": timing and power of the mapped netlist\n"
    << "read_liberty " << liberty << "\n"
    << "read_verilog netlist.v\n"
    << "link_design " << top << "\n";
  std::string clock = "vclk";
  if (n.clockPorts.empty()) {
    s << "create_clock -name vclk -period " << num(settings.clockPeriodNs) << "\n";
  } else {
    clock = n.clockPorts.front();
    for (const auto& c : n.clockPorts)
      s << "create_clock -name " << c << " -period " << num(settings.clockPeriodNs) << " [get_ports {" << c << "}]\n";
  }
  if (!inputs.empty()) {
    s << "set_input_delay 0 -clock " << clock << " " << portList(inputs) << "\n"
      << "set_input_transition " << num(settings.inputTransitionNs) << " " << portList(inputs) << "\n";
  }
  if (!outputs.empty()) {
    s << "set_output_delay 0 -clock " << clock << " " << portList(outputs) << "\n"
      << "set_load " << num(settings.outputLoadPf) << " " << portList(outputs) << "\n";
  }
  s << "set_power_activity -input -activity " << num(settings.inputActivity) << " -duty "
    << num(settings.inputDuty) << "\n";
  for (const auto& a : activity)
    s << "set_power_activity -input_ports [get_ports {" << a.bit << "}] -activity " << num(a.activity)
      << " -duty " << num(a.duty) << "\n";
  s << "report_checks -path_delay max -digits 4\n"
    << "report_worst_slack -digits 4\n"
    << "report_power -digits 6\n"
    << "exit\n";
  return s.str();
}

StaFigures parseStaOutput(const std::string& out) {
  StaFigures f;
  bool firstPath = true;
  for (std::string_view lv : splitLines(out)) {
    std::string_view line = trim(lv);
    if (startsWith(line, "Error")) {
      f.errors.emplace_back(line);
    } else if (startsWith(line, "Startpoint: ") && firstPath) {
      std::string_view rest = line.substr(12);
      f.startpoint = std::string(rest.substr(0, rest.find(' ')));
    } else if (startsWith(line, "Endpoint: ") && firstPath) {
      std::string_view rest = line.substr(10);
      f.endpoint = std::string(rest.substr(0, rest.find(' ')));
      firstPath = false;
    } else if (startsWith(line, "worst slack ")) {
      std::string v(trim(line.substr(12)));
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      // "INF" (no constrained path) leaves the design untimed.
      if (end != v.c_str() && v.find("INF") == std::string::npos && v.find("inf") == std::string::npos) {
        f.slackNs = d;
        f.timed = true;
      }
    } else if (startsWith(line, "Total ")) {
      std::istringstream in{std::string(line.substr(6))};
      double internal = 0, switching = 0, leakage = 0, total = 0;
      if (in >> internal >> switching >> leakage >> total) {
        f.powerW = total;
        f.powerFound = true;
      }
    }
  }
  // Without a reported path the slack line is meaningless.
  if (f.startpoint.empty()) f.timed = false;
  return f;
}

}  // namespace rtlarena::synth
