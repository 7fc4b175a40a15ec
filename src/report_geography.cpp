#include "pbp/detail/report_sections.hpp"

namespace pbp::detail {
// Coterminosity of places with council footprints: filled in by the geography work.
void report_geography(const Model&, std::optional<Date>, std::ostream&) {}
}  // namespace pbp::detail
