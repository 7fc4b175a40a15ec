// The geography section of `pbp report`: does each place match a council's footprint?
// (001 2.4-2.5: none of Lancashire and South Cumbria's five places did; 004: Nottinghamshire's
// places are a city council, a district, and groups of districts.)
#include "pbp/detail/report_sections.hpp"

#include "pbp/geography.hpp"

#include <string>
#include <vector>

namespace pbp::detail {
bool any_of_kind(const Footprints& fp, const char* kind) {
    for (Index i : fp.areas())
        if (fp.model().at(i).kind == kind) return true;
    return false;
}

namespace {

// A model of systems and councils without places (the national map): the councils whose area
// crosses an ICS boundary, each of which must work with more than one integrated care board.
void report_councils_across_systems(const Footprints& fp, std::ostream& os) {
    const Model& m = fp.model();
    if (!any_of_kind(fp, "ics") || !any_of_kind(fp, "local_authority")) return;
    const BoundaryRespect r = respects_boundaries(fp, AreaSelection::of_kind("local_authority"), AreaSelection::of_kind("ics"));
    std::size_t split = 0;
    for (const UnitFit& u : r.units) {
        if (u.pieces.size() < 2) continue;
        os << (split++ == 0 ? "Council areas (local_authority) that cross an ICS boundary:\n" : "") << "- "
           << label(m, u.unit) << ":";
        for (std::size_t k = 0; k < u.pieces.size(); ++k)
            os << (k ? "; " : " ") << format_people(u.pieces[k].second) << " in " << label(m, u.pieces[k].first);
        os << "\n";
    }
    os << split << " of " << r.units.size() << " council areas cross an ICS boundary.\n";
}

// Do the places cover each system once, with no gap and no overlap? In people, or where no
// one is recorded there, in small areas (leaves): a gap is never reported as "0 people".
void report_place_cover(const Footprints& fp, std::ostream& os) {
    const Model& m = fp.model();
    // The places and systems, found in one pass over the areas: the places of each system are
    // then picked from the places alone, as AreaSelection::of_kind("place", ics) would pick
    // them from every area (a pass over every area per system: systems x areas).
    std::vector<Index> places, systems;
    bool any = false;
    for (Index i : fp.areas()) {
        const std::string& kind = m.at(i).kind;
        if (kind == "place") {
            places.push_back(i);
            any = any || !fp.leaves(i).empty();
        }
        if (kind == "ics") systems.push_back(i);
    }
    if (!any) return;
    for (Index ics : systems) {
        std::vector<std::string> inside;
        for (Index place : places)
            if (fp.lies_within(place, ics)) inside.push_back(m.id(place));
        if (inside.empty()) continue;  // no place lies wholly inside this system
        const Partition p = partitions(fp, AreaSelection::of_ids(std::move(inside)), m.id(ics));
        const bool people = fp.population(ics) > 0;
        if (p.partitions) {
            os << "The " << p.parts.size() << " places partition " << label(m, ics) << ": ";
            if (people)
                os << "each of its " << format_people(fp.population(ics)) << " people lives in exactly one place.\n";
            else
                os << "each of its small areas lies in exactly one place (no populations are recorded).\n";
            continue;
        }
        const auto how_many = [](Population population, std::size_t leaves) {
            if (population > 0) return format_people(population) + " people live";
            return std::to_string(leaves) + (leaves == 1 ? " small area lies" : " small areas lie");
        };
        os << "The places do not partition " << label(m, ics) << ":";
        const char* between = " ";
        if (!p.gap.empty()) {
            os << between << how_many(p.gap_population, p.gap.size()) << " in no place";
            between = "; ";
        }
        for (const auto& o : p.overlaps) {
            os << between << how_many(o.population, o.leaves.size()) << " in " << o.areas.size() << " places at once (";
            for (std::size_t k = 0; k < o.areas.size(); ++k) os << (k ? ", " : "") << label(m, o.areas[k]);
            os << ")";
            between = "; ";
        }
        os << (people ? ".\n" : " (no populations are recorded).\n");
    }
}

// Districts split between places: a place built on NHS footprints cuts a council's (001 2.4).
void report_split_districts(const Footprints& fp, std::ostream& os) {
    const Model& m = fp.model();
    if (!any_of_kind(fp, "district")) return;
    const BoundaryRespect r = respects_boundaries(fp, AreaSelection::of_kind("district"), AreaSelection::of_kind("place"));
    std::size_t split = 0;
    for (const UnitFit& u : r.units) {
        if (u.pieces.size() < 2) continue;
        ++split;
        os << (split == 1 ? "Districts split between places:\n" : "") << "- " << label(m, u.unit) << ":";
        for (std::size_t k = 0; k < u.pieces.size(); ++k)
            os << (k ? "; " : " ") << format_people(u.pieces[k].second) << " in " << label(m, u.pieces[k].first);
        os << "\n";
    }
    if (split == 0) os << "No district is split between places.\n";
}

}  // namespace

void report_geography(const Footprints& fp, std::ostream& os) {
    const Model& m = fp.model();
    const std::string title = "Places and council boundaries";
    os << "\n" << title << "\n" << std::string(title.size(), '=') << "\n";
    if (!any_of_kind(fp, "place")) {
        os << "(no places)\n";
        report_councils_across_systems(fp, os);
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
    report_place_cover(fp, os);
    report_split_districts(fp, os);
}

}  // namespace pbp::detail
