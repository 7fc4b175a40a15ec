// designation(): SPEC 2.4, built on decides() (SPEC 2.2).
#include "pbp/designation.hpp"

#include "pbp/delegation.hpp"

#include "pretty_json.hpp"

#include <algorithm>
#include <ostream>

namespace pbp {

std::string_view to_string(DesignationLevel l) noexcept {
    switch (l) {
        case DesignationLevel::place: return "place";
        case DesignationLevel::system: return "system";
        case DesignationLevel::not_delegated: return "not_delegated";
    }
    return "";
}

Designations designation(const Model& m, std::optional<Date> as_of) {
    std::vector<Index> functions, places;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (!m.exists(i, as_of)) continue;
        if (e.section == Section::function && !e.details().service_area.empty() && e.holder != npos && m.exists(e.holder, as_of))
            functions.push_back(i);
        if (e.section == Section::area && e.kind == "place") places.push_back(i);
    }
    auto by_id = [&](Index a, Index b) { return m.id(a) < m.id(b); };
    std::sort(functions.begin(), functions.end(), by_id);
    std::sort(places.begin(), places.end(), by_id);

    // A function is delegated on the day when some delegation listing it exists, with both ends.
    std::vector<char> delegated(m.entities.size(), 0);
    for (const Relation& r : m.relations)
        if (r.kind == RelationKind::delegates && r.valid.contains(as_of) && m.exists(r.from, as_of) && m.exists(r.to, as_of))
            for (Index f : r.functions) delegated[f] = 1;

    Designations out;
    out.as_of = as_of;
    out.rows.reserve(functions.size() * places.size());
    DecisionIndices d;  // indices, reused: only the row's own ids are made as strings
    for (Index f : functions)
        for (Index p : places) {
            decides(m, f, p, as_of, d);
            Designation row{m.id(f), m.at(f).details().service_area, m.id(p), DesignationLevel::system,
                            m.id(d.delegation_chain.back())};
            if (!delegated[f]) row.level = DesignationLevel::not_delegated;
            else if (!d.steps.empty() && d.steps.back().fit != PlaceFit::no_place) row.level = DesignationLevel::place;
            out.rows.push_back(std::move(row));
        }
    return out;
}

namespace {
boost::json::object row_json(const Designation& r) {
    boost::json::object o;
    o["function"] = r.function;
    o["service_area"] = r.service_area;
    o["place"] = r.place;
    o["level"] = std::string(to_string(r.level));
    o["decision_maker"] = r.decision_maker;
    return o;
}

boost::json::value as_of_json(const Designations& d) {
    return d.as_of ? boost::json::value(to_string(*d.as_of)) : boost::json::value(nullptr);
}
}  // namespace

boost::json::object to_json(const Designations& d) {
    boost::json::array rows;
    rows.reserve(d.rows.size());
    for (const Designation& r : d.rows) rows.push_back(row_json(r));
    boost::json::object o;
    o["as_of"] = as_of_json(d);
    o["designations"] = std::move(rows);
    return o;
}

void write_json(std::ostream& out, const Designations& d) {
    // The layout of pretty_json(to_json(d)), row by row: the whole document of the generated
    // model of ten times national (7.6 million rows) took 6.8 GB only to be printed.
    detail::JsonScalars scalars;
    std::string text = "{\n  \"as_of\": ";
    detail::write_pretty(text, as_of_json(d), 1, scalars);
    text += ",\n  \"designations\": ";
    if (d.rows.empty()) {
        text += "[]";
    } else {
        text += '[';
        for (std::size_t i = 0; i < d.rows.size(); ++i) {
            text += i ? ",\n    " : "\n    ";
            detail::write_pretty(text, row_json(d.rows[i]), 2, scalars);
            if (text.size() >= 1 << 16) {
                out << text;
                text.clear();
            }
        }
        text += "\n  ]";
    }
    text += "\n}\n";
    out << text;
}

}  // namespace pbp
