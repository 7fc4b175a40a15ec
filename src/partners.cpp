#include "pbp/partners.hpp"

#include "pbp/accountability.hpp"
#include "pbp/error.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace pbp {
namespace json = boost::json;

namespace {
// The upper tier of local government: the councils the statute makes partners of an ICB.
bool upper_tier(const Entity& e) noexcept {
    return e.section == Section::organisation && (e.kind == "county_council" || e.kind == "unitary_authority");
}

// The footprint of an organisation or area on the footprints' day: its leaves, sorted, and the
// areas they come from.
std::vector<Index> footprint(const Footprints& fp, Index i, std::vector<std::string>& areas) {
    const Model& m = fp.model();
    if (m.at(i).section == Section::area) {
        areas.push_back(m.id(i));
        const auto l = fp.leaves(i);
        return {l.begin(), l.end()};
    }
    for (Index a : m.at(i).serves)
        if (fp.is_area(a)) areas.push_back(m.id(a));
    std::sort(areas.begin(), areas.end());
    areas.erase(std::unique(areas.begin(), areas.end()), areas.end());
    return fp.served_leaves(i);
}

}  // namespace

Partners partners(const Footprints& fp, std::string_view node) {
    const Model& m = fp.model();
    const Index n = require_entity(m, node, fp.as_of());
    const Entity& e = m.at(n);
    if (e.section != Section::organisation && e.section != Section::area)
        throw InvalidArgument("'" + e.id + "' is neither an organisation nor an area (it is in " +
                              std::string(to_string(e.section)) + ")");
    Partners out;
    out.node = e.id;
    const std::vector<Index> mine = footprint(fp, n, out.areas);
    if (e.section == Section::organisation && out.areas.empty())
        throw InvalidArgument("'" + e.id + "' serves no area" + (fp.as_of() ? " on " + to_string(*fp.as_of()) : "") +
                              ", so it has no footprint to compare with the councils'");
    out.population = fp.population_of(mine);
    std::vector<char> covered(m.entities.size(), 0);
    for (Index c = 0; c < m.entities.size(); ++c) {
        if (c == n || !upper_tier(m.at(c)) || !m.exists(c, fp.as_of())) continue;
        PartnerCouncil p;
        p.council = m.id(c);
        const std::vector<Index> theirs = footprint(fp, c, p.areas);
        std::vector<Index> both;
        std::set_intersection(mine.begin(), mine.end(), theirs.begin(), theirs.end(), std::back_inserter(both));
        if (both.empty()) continue;
        for (Index l : both) covered[l] = 1;
        p.population = fp.population_of(theirs);
        p.overlap = fp.population_of(both);
        p.share = p.population == 0 ? Ratio(0) : Ratio(boost::multiprecision::cpp_int(p.overlap)) /
                                                     Ratio(boost::multiprecision::cpp_int(p.population));
        p.whole = both.size() == theirs.size();
        out.councils.push_back(std::move(p));
    }
    std::sort(out.councils.begin(), out.councils.end(),
              [](const PartnerCouncil& a, const PartnerCouncil& b) { return a.council < b.council; });
    std::vector<Index> outside;
    for (Index l : mine)
        if (!covered[l]) outside.push_back(l);
    out.uncovered = fp.population_of(outside);
    return out;
}

Partners partners(const Model& m, std::string_view node, std::optional<Date> as_of) {
    const Footprints fp(m, as_of);
    return partners(fp, node);
}

json::object to_json(const Partners& p) {
    json::array councils;
    for (const auto& c : p.councils)
        councils.push_back(json::object{{"council", c.council},
                                        {"areas", json::value_from(c.areas)},
                                        {"population", population_json(c.population)},
                                        {"overlap", population_json(c.overlap)},
                                        {"share", format_decimal(c.share, 4, Rounding::half_even)},
                                        {"whole", c.whole}});
    return json::object{{"node", p.node},
                        {"areas", json::value_from(p.areas)},
                        {"population", population_json(p.population)},
                        {"uncovered", population_json(p.uncovered)},
                        {"councils", std::move(councils)}};
}

}  // namespace pbp
