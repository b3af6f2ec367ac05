#include "spamstrip/report.h"

#include "spamstrip/status.h"

namespace spamstrip {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kLine:
      return "line";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kCaption:
      return "caption";
    case BlockKind::kListItem:
      return "list_item";
    case BlockKind::kLinkList:
      return "link_list";
    case BlockKind::kNoise:
      return "noise";
    case BlockKind::kBoilerplate:
      return "boilerplate";
  }
  return "?";
}

const char* DecisionName(Decision d) {
  switch (d) {
    case Decision::kKeep:
      return "keep";
    case Decision::kFlag:
      return "flag";
    case Decision::kStrip:
      return "strip";
  }
  return "?";
}

std::string Clean(std::string_view input, const Report& report) {
  std::string out;
  out.reserve(input.size());
  size_t pos = 0;
  for (const auto& r : report.removed) {
    if (r.start > pos) out.append(input.substr(pos, r.start - pos));
    if (r.end > pos) pos = r.end;
  }
  if (pos < input.size()) out.append(input.substr(pos));
  return out;
}

std::string Status::ToString() const {
  const char* kind = "OK";
  switch (code_) {
    case Code::kOk:
      return "OK";
    case Code::kInvalidArgument:
      kind = "invalid argument";
      break;
    case Code::kIoError:
      kind = "I/O error";
      break;
    case Code::kCorrupt:
      kind = "corrupt input";
      break;
    case Code::kNotFound:
      kind = "not found";
      break;
  }
  return std::string(kind) + ": " + message_;
}

}  // namespace spamstrip
