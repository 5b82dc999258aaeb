// Names of task kinds.
#include "rtlarena/tasks/task.h"

namespace rtlarena {

std::string_view taskKindName(TaskKind kind) {
  switch (kind) {
    case TaskKind::SpecToRtl: return "spec-to-rtl";
    case TaskKind::CodeComplete: return "code-complete";
    case TaskKind::Assertion: return "assertion";
    case TaskKind::Nl2sva: return "nl2sva";
  }
  return "unknown";
}

}  // namespace rtlarena
