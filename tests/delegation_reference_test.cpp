// decides() and authority() against the reference implementation they replaced
// (tests/delegation_reference.hpp): every function at every area, on every day on which
// something in the model starts or ends, in every bundled model. Whole answers are compared:
// the JSON of SPEC 2.2 and the steps the report and authority() read.
#include "delegation_reference.hpp"

#include "pbp/bundled.hpp"

#include "bundled_support.hpp"

#include <doctest/doctest.h>

#include <boost/json/serialize.hpp>

namespace {
using namespace pbp;

// The answer, or the message of the exception it throws.
template <class Query>
std::string outcome(Query&& query) {
    try {
        const Decision d = query();
        std::string steps;
        for (const DelegationStep& s : d.steps)
            steps += s.delegator + ">" + s.delegate + "@" + std::to_string(s.relation) + s.pointer + "/" +
                     std::string(to_string(s.fit)) + (s.limit ? s.limit->to_string() : "-") + ";";
        return boost::json::serialize(to_json(d)) + steps;
    } catch (const InvalidArgument& e) {
        return std::string("InvalidArgument: ") + e.what();
    }
}
}  // namespace

TEST_CASE("decides: every function at every area on every day, as the reference implementation") {
    for (const char* name : {"nottinghamshire", "bob", "west-yorkshire", "greater-manchester", "lancashire-south-cumbria",
                             "black-country", "england"}) {
        if (!bundled_model(name)) continue;
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        std::vector<Index> functions, areas;
        for (Index i = 0; i < m->entities.size(); ++i) {
            if (m->entities[i].section == Section::function) functions.push_back(i);
            // Every area but the LSOAs of the real maps (tens of thousands, all alike): those of
            // kind place, and every other kind once.
            if (m->entities[i].section == Section::area && m->entities[i].kind != "lsoa") areas.push_back(i);
        }
        const auto days = test::days_of(*m);
        std::size_t compared = 0;
        for (const auto& day : std::string(name) == "england" ? std::vector<std::optional<Date>>{std::nullopt} : days)
            for (Index f : functions)
                for (Index p : areas) {
                    const std::string got = outcome([&] { return decides(*m, f, p, day); });
                    const std::string want = outcome([&] { return test::reference::decides(*m, f, p, day); });
                    if (got != want) {
                        CAPTURE(m->id(f));
                        CAPTURE(m->id(p));
                        CHECK(got == want);
                    }
                    ++compared;
                }
        MESSAGE(std::string(name) << ": " << compared << " decisions compared");
        CHECK(compared >= functions.size());
    }
}

TEST_CASE("decides and authority: one answer of indices reused for every question is each question's own answer") {
    // The index forms refill the same answer and share per-thread marks across questions, with
    // questions that throw in between: each answer must still be the reference's. Authority is
    // checked at amounts around every limit of the model against SPEC 2.2 worked out here from
    // the reference decision: the approver is the node furthest down the chain whose smallest
    // limit on the way down from the first node is at least the amount.
    for (const char* name : {"nottinghamshire", "bob", "lancashire-south-cumbria"}) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        std::vector<Index> functions, areas;
        std::vector<Money> amounts{*Money::parse("0.00")};
        for (Index i = 0; i < m->entities.size(); ++i) {
            if (m->entities[i].section == Section::function) functions.push_back(i);
            if (m->entities[i].section == Section::area && m->entities[i].kind != "lsoa") areas.push_back(i);
        }
        for (const Relation& r : m->relations)
            if (r.limit) amounts.insert(amounts.end(), {*r.limit, *r.limit + *Money::parse("0.01")});
        DecisionIndices d;
        AuthorityIndices a;
        std::size_t compared = 0;
        for (const auto& day : test::days_of(*m))
            for (Index f : functions)
                for (Index p : areas) {
                    const std::string want = outcome([&] { return test::reference::decides(*m, f, p, day); });
                    const std::string got = outcome([&] {
                        decides(*m, f, p, day, d);
                        return to_ids(*m, d);
                    });
                    CHECK(got == want);
                    if (want.rfind("InvalidArgument", 0) == 0) continue;
                    const Decision ref = test::reference::decides(*m, f, p, day);
                    for (const Money& amount : amounts) {
                        authority(*m, f, p, amount, day, a);
                        std::size_t approver = 0;
                        std::optional<Money> smallest, limit_at_approver;
                        for (std::size_t k = 1; k < ref.delegation_chain.size(); ++k) {
                            const auto& lim = ref.steps[k - 1].limit;
                            if (lim && (!smallest || *lim < *smallest)) smallest = lim;
                            if (!smallest || *smallest >= amount) approver = k, limit_at_approver = smallest;
                        }
                        const Authority got_a = to_ids(*m, a);
                        CHECK(got_a.approver == ref.delegation_chain[approver]);
                        CHECK(got_a.effective_limit == limit_at_approver);
                        CHECK(got_a.chain.size() == ref.delegation_chain.size() - approver);
                        CHECK(boost::json::serialize(to_json(got_a)) ==
                              boost::json::serialize(to_json(authority(*m, f, p, amount, day))));
                        ++compared;
                    }
                }
        MESSAGE(std::string(name) << ": " << compared << " authorities compared");
        CHECK(compared > functions.size());
    }
}

TEST_CASE("decides: Model::delegation_edges are delegations_of each function, in order, counting on the days their relation and both ends exist") {
    // The compact index decides() reads against the definition it replaced, on every day that matters.
    for (const char* name : {"nottinghamshire", "bob", "west-yorkshire", "greater-manchester"}) {
        if (!bundled_model(name)) continue;
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        const detail::DelegationEdges& edges = m->delegation_edges();
        REQUIRE(edges.first.size() == m->entities.size() + 1);
        const auto days = test::days_of(*m);
        std::size_t checked = 0;
        for (Index f = 0; f < m->entities.size(); ++f) {
            const std::vector<Index>& of_f = m->delegations_of(f);
            REQUIRE(edges.first[f + 1] - edges.first[f] == of_f.size());
            for (std::size_t k = 0; k < of_f.size(); ++k) {
                const detail::DelegationEdges::Edge& e = edges.edge[edges.first[f] + k];
                const Relation& r = m->relations[of_f[k]];
                REQUIRE(e.relation == of_f[k]);
                CHECK(e.from == r.from);
                CHECK(e.to == r.to);
                CHECK(e.may_subdelegate == r.may_subdelegate);
                CHECK(e.has_limit == r.limit.has_value());
                for (const auto& day : days)
                    CHECK(e.valid.contains(day) ==
                          (r.valid.contains(day) && m->exists(r.from, day) && m->exists(r.to, day)));
                ++checked;
            }
        }
        CHECK(checked > 0);
    }
}
