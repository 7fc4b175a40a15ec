#include "pbp/detail/report_sections.hpp"

namespace pbp::detail {
// Budgets per year: filled in with balances() by the funding-flows work.
void report_money(const Model&, std::ostream&) {}
}  // namespace pbp::detail
