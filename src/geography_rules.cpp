// W010 and E206: geography. (Filled in by the geography work.)
#include "pbp/detail/rules.hpp"

namespace pbp::detail {
void check_geography(const Model&, Diagnostics&) {}
}  // namespace pbp::detail
