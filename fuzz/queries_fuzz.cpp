// Fuzz target: every query on a fuzzed model (docs/fuzzing.md). The input is a model file;
// whatever loads is queried as the command line's --force would, with arguments taken from
// the model itself (its ids, its dates, its years, its limits) so that the fuzzer reaches the
// queries' own code rather than stopping at "there is no such id".
//
// Each query may refuse an argument with InvalidArgument (an area kind with no areas, weights
// all zero): that is its documented answer. Anything else thrown, a hang, or a broken invariant
// (trace's sources and fair shares sum to their totals; balances' net = in - out) is a finding.
#include "fuzz_support.hpp"

#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/designation.hpp"
#include "pbp/diff.hpp"
#include "pbp/error.hpp"
#include "pbp/export.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/flows.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/maturity.hpp"
#include "pbp/report.hpp"
#include "pbp/validate.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace pbp;

namespace {
// Caps on how many arguments of each sort are tried, so that one input stays fast.
constexpr std::size_t kNodes = 24, kPairs = 48, kDates = 4, kYears = 3, kAreas = 8;

template <class F>
void expect_answer_or_refusal(F&& f) {
    try {
        f();
    } catch (const InvalidArgument&) {
        // A documented refusal of the argument.
    }
}

template <class T>
std::vector<T> first(const std::vector<T>& v, std::size_t n) {
    return std::vector<T>(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(std::min(n, v.size())));
}

void check_trace(const Trace& t) {
    Money sum;
    for (const auto& s : t.sources) sum += s.amount;
    // flows.hpp: the amounts sum to the total; only a model with E302 errors can leave every
    // source's exact amount zero, and then no source is credited.
    PBP_FUZZ_CHECK(sum == t.total || (sum.is_zero() && std::all_of(t.sources.begin(), t.sources.end(),
                                                                    [](const SourceAmount& s) { return s.amount.is_zero(); })));
}

void check_shares(const FairShares& f) {
    Money sum;
    for (const auto& s : f.shares) sum += s.amount;
    PBP_FUZZ_CHECK(sum == f.total);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const LoadResult r = load_model(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!r.model) return 0;
    const Model& m = *r.model;
    const Diagnostics problems = validate(m);

    // Arguments from the model.
    std::vector<Index> nodes, functions, areas;
    std::set<std::string> kinds;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        switch (e.section) {
            case Section::organisation:
            case Section::body:
            case Section::post: nodes.push_back(i); break;
            case Section::function: functions.push_back(i); break;
            case Section::area:
                areas.push_back(i);
                if (is_area_kind(e.kind)) kinds.insert(e.kind);
                break;
            default: break;
        }
    }
    std::set<Date> date_set;
    auto add_validity = [&](const Validity& v) {
        if (v.from) date_set.insert(*v.from);
        if (v.to) {
            date_set.insert(*v.to);
            if (v.to->days > INT32_MIN) date_set.insert(Date{v.to->days - 1});
        }
    };
    for (const Entity& e : m.entities) add_validity(e.valid);
    for (const Relation& rel : m.relations) add_validity(rel.valid);
    for (const Assessment& a : m.assessments) date_set.insert(a.date);
    std::vector<std::optional<Date>> days{std::nullopt};
    for (Date d : date_set) {
        if (days.size() > kDates) break;
        days.push_back(d);
    }
    std::vector<Money> amounts{Money(), Money::from_pence(-1)};
    for (const Relation& rel : m.relations)
        if (rel.limit && amounts.size() < 6) {
            amounts.push_back(*rel.limit);
            try {
                amounts.push_back(*rel.limit + Money::from_pence(1));
            } catch (const Overflow&) {
            }
        }
    const std::vector<FinancialYear> years = first(flow_years(m), kYears);

    // Accountability (SPEC 2.1).
    for (const auto& day : days)
        for (Index n : first(nodes, kNodes))
            expect_answer_or_refusal([&] {
                const Accountability a = accountability(m, n, day);
                PBP_FUZZ_CHECK(!a.chain.empty() && a.chain.front() == m.id(n));
                (void)to_json(a);
            });

    // decides and authority (SPEC 2.2), on every pair up to a cap.
    std::size_t pairs = 0;
    for (Index f : functions)
        for (Index p : areas) {
            if (++pairs > kPairs) break;
            for (const auto& day : days) {
                expect_answer_or_refusal([&] {
                    const Decision d = decides(m, f, p, day);
                    PBP_FUZZ_CHECK(!d.delegation_chain.empty() && d.decision_maker == d.delegation_chain.back());
                    PBP_FUZZ_CHECK(d.steps.size() + 1 == d.delegation_chain.size());
                    (void)to_json(d);
                });
                for (const Money& amount : amounts)
                    expect_answer_or_refusal([&] {
                        const Authority a = authority(m, f, p, amount, day);
                        PBP_FUZZ_CHECK(!a.approver.empty());
                        (void)to_json(a);
                    });
            }
        }

    // balances and trace (SPEC 2.3).
    for (FinancialYear y : years) {
        const Balances b = balances(m, y);
        for (const NodeBalance& nb : b.nodes) PBP_FUZZ_CHECK(nb.net == nb.inflow - nb.outflow);
        (void)to_json(b);
        (void)flow_problems(m, y);
        const FlowGraph g(m, y);
        for (Index n : first(g.nodes(), kNodes))
            expect_answer_or_refusal([&] {
                const Trace t = trace(g, n);
                PBP_FUZZ_CHECK(t.total == g.inflow(n));
                check_trace(t);
                (void)to_json(t);
            });
    }

    // Geography (SPEC 2.4): coterminosity, partitions, boundaries and fair shares, by kind and
    // by ids, with and without `within`.
    for (const auto& day : days) {
        const Footprints fp(m, day);
        std::vector<AreaSelection> sides;
        for (const std::string& k : kinds) sides.push_back(AreaSelection::of_kind(k));
        std::vector<std::string> some;
        for (Index a : first(areas, kAreas)) some.push_back(m.id(a));
        if (!some.empty()) sides.push_back(AreaSelection::of_ids(some));
        for (Index w : first(areas, 2))
            for (const std::string& k : kinds) sides.push_back(AreaSelection::of_kind(k, m.id(w)));
        sides = first(sides, 6);
        for (const auto& a : sides) {
            for (const auto& b : sides) {
                expect_answer_or_refusal([&] { (void)to_json(coterminosity(fp, a, b)); });
                expect_answer_or_refusal([&] { (void)to_json(respects_boundaries(fp, a, b)); });
            }
            for (Index whole : first(areas, 3))
                expect_answer_or_refusal([&] { (void)to_json(partitions(fp, a, m.id(whole))); });
            for (const char* total : {"1000.00", "0.07", "-5.00"})
                for (std::optional<Money> floor : {std::optional<Money>(), std::optional<Money>(Money::from_pence(1))})
                    expect_answer_or_refusal([&] {
                        const FairShares f = fair_shares(fp, *Money::parse(total), a, floor);
                        check_shares(f);
                        (void)to_json(f);
                    });
        }
    }

    // designation, diff, maturity (SPEC 2.4, 2.5), the report and the exports.
    for (const auto& day : days) {
        (void)to_json(designation(m, day));
        expect_answer_or_refusal([&] { (void)to_json(maturity(m, std::nullopt, day)); });
        (void)report(m, problems, day);
        (void)to_dot(m, day);
        (void)to_graphml(m, day);
        for (const auto& other : days)
            if (day && other) {
                (void)to_json(diff(m, *day, *other));
                expect_answer_or_refusal([&] { (void)to_json(maturity_change(m, std::nullopt, *day, *other)); });
            }
    }
    return 0;
}
