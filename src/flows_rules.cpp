// E301-E304 and W305: money. (Filled in by the funding-flows work.)
#include "pbp/detail/rules.hpp"

namespace pbp::detail {
void check_flows(const Model&, Diagnostics&) {}
}  // namespace pbp::detail
