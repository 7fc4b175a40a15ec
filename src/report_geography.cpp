// The geography section of `pbp report`: does each place match a council's footprint?
// (001 2.4-2.5: none of Lancashire and South Cumbria's five places did; 004: Nottinghamshire's
// places are a city council, a district, and groups of districts.)
#include "pbp/detail/report_sections.hpp"

#include "pbp/geography.hpp"

#include <string>

namespace pbp::detail {
namespace {
bool any_of_kind(const Footprints& fp, const char* kind) {
    for (Index i : fp.areas())
        if (fp.model().at(i).kind == kind) return true;
    return false;
}

}  // namespace

void report_geography(const Model& m, std::optional<Date> as_of, std::ostream& os) {
    const std::string title = "Places and council boundaries";
    os << "\n" << title << "\n" << std::string(title.size(), '=') << "\n";
    const Footprints fp(m, as_of);
    if (!any_of_kind(fp, "place")) {
        os << "(no places)\n";
        return;
    }
    if (!any_of_kind(fp, "local_authority")) {
        os << "(no local_authority areas to compare the places with)\n";
        return;
    }
    const Coterminosity c = coterminosity(fp, AreaSelection::of_kind("place"), AreaSelection::of_kind("local_authority"));
    os << "For each place, the council area (local_authority) sharing the most people with it:\n";
    std::size_t matching = 0;
    for (const auto& row : c.areas) {
        const Index place = *m.find(row.area), council = *m.find(row.best);
        const std::string la = label(m, council);
        os << "- " << label(m, place) << ": ";
        switch (row.relation) {
            case AreaRelation::disjoint:
                os << "shares no people with any council area" << (row.population == 0 ? " (no population recorded)" : "")
                   << ".\n";
                break;
            case AreaRelation::coterminous:
                ++matching;
                os << "coterminous with " << la << " (" << format_percent(row.coverage)
                   << " of its people): the place is the council's footprint.\n";
                break;
            case AreaRelation::within:
                os << "lies within " << la << " (" << format_percent(row.coverage) << " of its people), whose area holds "
                   << format_people(row.best_population - row.overlap) << " more people outside the place.\n";
                break;
            case AreaRelation::contains:
                os << "contains all of " << la << ", which covers " << format_percent(row.coverage) << " of the place's people; "
                   << format_people(row.population - row.overlap) << " live outside it.\n";
                break;
            case AreaRelation::overlaps:
                os << "overlaps " << la << ", which covers " << format_percent(row.coverage) << " of the place's people; "
                   << format_people(row.population - row.overlap) << " of the place's people live outside it and "
                   << format_people(row.best_population - row.overlap) << " of the council's live outside the place.\n";
                break;
        }
    }
    os << matching << " of " << c.areas.size() << " place" << (c.areas.size() == 1 ? "" : "s")
       << " match a council boundary; overall " << format_percent(c.score) << " of people live in the council area that best fits their place.\n";
}

}  // namespace pbp::detail
