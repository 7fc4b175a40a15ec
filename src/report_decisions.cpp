#include "pbp/detail/report_sections.hpp"

namespace pbp::detail {
// Who decides what where: filled in with decides() by the delegation work.
void report_decisions(const Model&, std::optional<Date>, std::ostream&) {}
}  // namespace pbp::detail
