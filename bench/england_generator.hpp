// A generator of national-size pbp/1 models for benchmarks and scale tests (issue: "England:
// ~42 ICBs, ~180 places, ~1,250 PCNs, ~6,300 GP practices, ~220 trusts, ~317 councils, ~33,755
// LSOAs"). Every figure in a generated model is invented; the shape follows the seeds: ICB
// board -> place sub-committee -> NHS officer delegations (000 s4), councils answering to
// electorates, practices in PCNs commissioned by their ICB, money from NHS England through ICBs
// and places to providers. `copies` > 1 repeats the whole country under id prefixes (sharing
// Parliament, DHSC and NHS England) to reach a million entities.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <string>

namespace pbp::bench {

struct EnglandShape {
    int icbs = 42, places = 180, pcns = 1250, practices = 6300, trusts = 220, councils = 317, lsoas = 33755;
    int functions_per_icb = 10;
    int copies = 1;
};

inline boost::json::object generate_england(const EnglandShape& s = {}) {
    namespace json = boost::json;
    json::array areas, orgs, bodies, posts, functions, relations, flows;
    auto rel = [&](const char* kind, const std::string& from, const std::string& to) {
        relations.push_back(json::object{{"kind", kind}, {"from", from}, {"to", to}});
    };
    orgs.push_back(json::object{{"id", "parliament"}, {"kind", "parliament"}});
    orgs.push_back(json::object{{"id", "dhsc"}, {"kind", "department"}});
    orgs.push_back(json::object{{"id", "nhse"}, {"kind", "nhs_england"}});
    rel("accountable_to", "dhsc", "parliament");
    rel("accountable_to", "nhse", "dhsc");
    areas.push_back(json::object{{"id", "E"}, {"kind", "country"}});
    for (int c = 0; c < s.copies; ++c) {
        const std::string p = s.copies > 1 ? "c" + std::to_string(c) + "." : "";
        const std::string country = s.copies > 1 ? p + "E" : "E";
        if (s.copies > 1) areas.push_back(json::object{{"id", country}, {"kind", "country"}, {"within", json::array{"E"}}});
        auto ics = [&](int i) { return p + "ics" + std::to_string(i); };
        auto icb = [&](int i) { return p + "icb" + std::to_string(i); };
        auto place = [&](int i) { return p + "place" + std::to_string(i); };
        auto la = [&](int i) { return p + "la" + std::to_string(i); };
        for (int i = 0; i < s.icbs; ++i) {
            areas.push_back(json::object{{"id", ics(i)}, {"kind", "ics"}, {"within", json::array{json::string(country)}}});
            orgs.push_back(json::object{{"id", icb(i)}, {"kind", "icb"}, {"serves", json::array{json::string(ics(i))}}});
            rel("accountable_to", icb(i), "nhse");
            bodies.push_back(json::object{{"id", icb(i) + ".board"}, {"kind", "board"}, {"of", icb(i)}});
            for (int f = 0; f < s.functions_per_icb; ++f)
                functions.push_back(json::object{{"id", icb(i) + ".fn" + std::to_string(f)},
                                                 {"holder", icb(i)},
                                                 {"service_area", "service area " + std::to_string(f)}});
            flows.push_back(json::object{{"from", "nhse"}, {"to", icb(i)}, {"amount", "3000000000.00"}, {"year", "2023/24"}, {"purpose", "allocation"}});
        }
        for (int i = 0; i < s.places; ++i) {
            const int b = i % s.icbs;
            areas.push_back(json::object{{"id", place(i)}, {"kind", "place"}, {"within", json::array{json::string(ics(b))}}});
            const std::string sc = place(i) + ".sc";
            bodies.push_back(json::object{{"id", sc}, {"kind", "sub_committee"}, {"of", icb(b) + ".board"}, {"place", place(i)}});
            bodies.push_back(json::object{{"id", place(i) + ".pbp"}, {"kind", "partnership"}, {"place", place(i)}});
            rel("accountable_to", place(i) + ".pbp", icb(b));
            posts.push_back(json::object{{"id", place(i) + ".director"}, {"title", "Place Director"}, {"in", sc}, {"employer", icb(b)}});
            posts.push_back(json::object{{"id", place(i) + ".officer"}, {"title", "NHS officer for delegated functions"}, {"in", sc}, {"employer", icb(b)}});
            for (int f = 0; f < s.functions_per_icb; ++f) {
                const std::string fn = icb(b) + ".fn" + std::to_string(f);
                relations.push_back(json::object{{"kind", "delegates"}, {"from", icb(b) + ".board"}, {"to", sc},
                                                 {"functions", json::array{json::string(fn)}}, {"limit", "5000000.00"}, {"may_subdelegate", true}});
                relations.push_back(json::object{{"kind", "delegates"}, {"from", sc}, {"to", place(i) + ".officer"},
                                                 {"functions", json::array{json::string(fn)}}, {"limit", "250000.00"}});
            }
            flows.push_back(json::object{{"from", icb(b)}, {"to", sc}, {"amount", "400000000.00"}, {"year", "2023/24"}, {"purpose", "programme"}});
        }
        for (int i = 0; i < s.councils; ++i) {
            areas.push_back(json::object{{"id", la(i)}, {"kind", "local_authority"}});
            const char* kind = i % 3 == 0 ? "county_council" : i % 3 == 1 ? "district_council" : "unitary_authority";
            const std::string council = p + "council" + std::to_string(i);
            orgs.push_back(json::object{{"id", council}, {"kind", kind}, {"serves", json::array{json::string(la(i))}}});
            orgs.push_back(json::object{{"id", council + ".electorate"}, {"kind", "electorate"}});
            rel("accountable_to", council, council + ".electorate");
        }
        for (int i = 0; i < s.lsoas; ++i) {
            // Places and councils both tile the LSOAs, in different orders, so they overlap
            // the way NHS and local government footprints do.
            const int pl = i % s.places, c = (i / 7) % s.councils;
            areas.push_back(json::object{{"id", p + "lsoa" + std::to_string(i)}, {"kind", "lsoa"},
                                         {"within", json::array{json::string(place(pl)), json::string(la(c))}},
                                         {"population", 1500 + (i * 37) % 1000}});
        }
        for (int i = 0; i < s.trusts; ++i) {
            const std::string t = p + "trust" + std::to_string(i);
            orgs.push_back(json::object{{"id", t}, {"kind", i % 2 ? "foundation_trust" : "nhs_trust"},
                                        {"serves", json::array{json::string(place(i % s.places))}}});
            rel("accountable_to", t, "nhse");
            flows.push_back(json::object{{"from", place(i % s.places) + ".sc"}, {"to", t}, {"amount", "100000000.00"}, {"year", "2023/24"}, {"purpose", "programme"}});
        }
        for (int i = 0; i < s.pcns; ++i) {
            const std::string pcn = p + "pcn" + std::to_string(i);
            orgs.push_back(json::object{{"id", pcn}, {"kind", "pcn"}});
        }
        for (int i = 0; i < s.practices; ++i) {
            const std::string gp = p + "gp" + std::to_string(i);
            const int pcn = i % s.pcns;
            orgs.push_back(json::object{{"id", gp}, {"kind", "gp_practice"}});
            rel("member_of", gp, p + "pcn" + std::to_string(pcn));
            rel("commissions", icb(pcn % s.icbs), gp);
        }
    }
    return json::object{{"format", "pbp/1"},
                        {"name", "Generated England-size model (all figures invented)"},
                        {"areas", std::move(areas)},
                        {"organisations", std::move(orgs)},
                        {"bodies", std::move(bodies)},
                        {"posts", std::move(posts)},
                        {"functions", std::move(functions)},
                        {"relations", std::move(relations)},
                        {"flows", std::move(flows)}};
}

}  // namespace pbp::bench
