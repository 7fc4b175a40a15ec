// E103-E105 and E201-E205: delegation and the law. (Filled in by the delegation work.)
#include "pbp/detail/rules.hpp"

namespace pbp::detail {
void check_delegation(const Model&, Diagnostics&) {}
}  // namespace pbp::detail
