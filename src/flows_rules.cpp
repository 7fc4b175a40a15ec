// E301-E304 and W305: the rules money must keep in each financial year (SPEC 2.3, 3).
#include "pbp/detail/rules.hpp"
#include "pbp/flows.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace pbp {
namespace {
std::string q(const std::string& s) { return "'" + s + "'"; }
std::string dq(const std::string& s) { return "\"" + s + "\""; }

// What a node received and paid out in one year, split by purpose and restriction.
struct NodeMoney {
    std::map<std::string, Money> ring_fenced_in;   // purpose -> ring-fenced inflow
    std::map<std::string, Money> pass_through_in;  // purpose -> pass-through inflow
    std::map<std::string, Money> out;              // purpose -> outflow
    std::map<std::string, std::string> first_ring_fenced, first_pass_through;  // purpose -> flow pointer
};

// Which sides of a section 75 pool a payer stands for. An organisation counts as itself; a
// body (a committee of an ICB, an s75 board...) counts as every organisation its `of` chain
// reaches, so a place committee of an ICB pays NHS money; a fund counts as its holder. A
// combined authority is a local authority for s65Z5 only (SPEC 1.2), so it does not count.
struct Sides {
    bool nhs = false, local_authority = false;
};
void sides_of(const Model& m, Index v, Sides& s, std::set<Index>& seen) {
    if (v == npos || v >= m.entities.size() || !seen.insert(v).second) return;
    const Entity& e = m.at(v);
    switch (e.section) {
        case Section::organisation:
            s.nhs = s.nhs || is_nhs_body(e);
            s.local_authority = s.local_authority || (is_local_authority(e) && e.kind != "combined_authority");
            break;
        case Section::body:
            for (Index o : e.of) sides_of(m, o, s, seen);
            break;
        case Section::fund: sides_of(m, e.holder, s, seen); break;
        default: break;
    }
}

struct Finding {
    std::string code, node, purpose;
    Diagnostic d;
};
}  // namespace

namespace {
// The rules for one year, unlocated (validate() locates everything in one pass at the end).
Diagnostics collect(const FlowGraph& g) {
    const Model& m = g.model();
    const std::string year = to_string(g.year());
    std::vector<Finding> found;

    // E301: the year's flows must form a directed acyclic graph.
    for (const auto& cycle : g.cycles()) {
        std::vector<std::string> ids;
        std::set<Index> members(cycle.begin(), cycle.end());
        for (Index v : cycle) ids.push_back(m.id(v));
        std::string names, path;
        for (auto& id : ids) names += (names.empty() ? "" : ", ") + q(id);
        for (std::size_t k : g.flows()) {
            const Flow& f = m.flows[k];
            if (members.count(f.from) && members.count(f.to)) {
                path = f.pointer;
                break;
            }
        }
        std::string msg = ids.size() == 1
                              ? "In " + year + " " + names + " pays money to itself"
                              : "In " + year + " money goes round in a circle between " + names;
        msg += ": the flows of a year must run one way, from sources such as NHS England's allocation or a "
               "council's own budget to where the money is spent, so it cannot be said where this money came from.";
        found.push_back({"E301", ids.front(), "", m.diagnostic("E301", msg, ids, path)});
    }

    // Keyed by node, not a slot per entity: a year's flows touch few of a national model's
    // million entities.
    std::unordered_map<Index, NodeMoney> money;
    for (std::size_t k : g.flows()) {
        const Flow& f = m.flows[k];
        NodeMoney& to = money[f.to];
        if (f.restriction == Restriction::ring_fenced) {
            to.ring_fenced_in[f.purpose] += f.amount;
            to.first_ring_fenced.emplace(f.purpose, f.pointer);
        } else if (f.restriction == Restriction::pass_through) {
            to.pass_through_in[f.purpose] += f.amount;
            to.first_pass_through.emplace(f.purpose, f.pointer);
        }
        money[f.from].out[f.purpose] += f.amount;
    }

    for (Index v : g.nodes()) {
        const Entity& e = m.at(v);
        const NodeMoney& nm = money[v];  // every node has a flow, so this finds one
        const Money& in = g.inflow(v);
        const Money& out = g.outflow(v);

        // E302: a node that receives money must not pay out more than it receives.
        if (!g.is_source(v) && out > in)
            found.push_back({"E302", e.id, "",
                             m.diagnostic("E302",
                                          "In " + year + " " + q(e.id) + " pays out " + out.to_display() +
                                              " but receives only " + in.to_display() + ", " + (out - in).to_display() +
                                              " more than it has: an organisation, body or fund that is funded by "
                                              "others can pass on only what it is given.",
                                          {e.id}, e.pointer)});

        // E303, per ring-fenced purpose p (SPEC 2.3): the node's outflows for purposes other
        // than p must not exceed its inflows minus the money ring-fenced for p.
        bool e303 = false;
        for (const auto& [p, fenced] : nm.ring_fenced_in) {
            Money other;
            for (const auto& [purpose, amount] : nm.out)
                if (purpose != p) other += amount;
            const Money may_spend = in - fenced;
            if (other > may_spend) {
                e303 = true;
                found.push_back(
                    {"E303", e.id, p,
                     m.diagnostic("E303",
                                  "In " + year + " " + q(e.id) + " received " + fenced.to_display() + " ring-fenced for " +
                                      dq(p) + " (of " + in.to_display() + " received in all) but paid out " +
                                      other.to_display() + " for other purposes, more than the " + may_spend.to_display() +
                                      " it may spend on them: money ring-fenced for " + dq(p) +
                                      " may leave only for that purpose or stay where it is.",
                                  {e.id}, nm.first_ring_fenced.at(p))});
            }
        }
        // With several ring-fenced purposes the per-purpose test can pass while the money still
        // cannot be arranged so that each ring-fenced pound leaves for its own purpose (money
        // fenced for a and for b, all paid out for c). The exact test: each purpose's outflow
        // is met first from money fenced for it, the rest from money that is not ring-fenced;
        // anything still unmet, while some fenced money is unspent, was ring-fenced money
        // spent on another purpose. A node that simply overspends (no fenced money left over)
        // is E302, not E303.
        if (!e303 && !nm.ring_fenced_in.empty()) {
            Money fenced_total, shortfall, spare;
            std::vector<std::string> short_purposes, spare_purposes;
            for (const auto& [p, a] : nm.ring_fenced_in) fenced_total += a;
            for (const auto& [p, o] : nm.out) {
                auto it = nm.ring_fenced_in.find(p);
                const Money fenced = it == nm.ring_fenced_in.end() ? Money() : it->second;
                if (o > fenced) {
                    shortfall += o - fenced;
                    short_purposes.push_back(p);
                }
            }
            for (const auto& [p, a] : nm.ring_fenced_in) {
                auto it = nm.out.find(p);
                const Money spent = it == nm.out.end() ? Money() : it->second;
                if (a > spent) {
                    spare += a - spent;
                    spare_purposes.push_back(p);
                }
            }
            const Money unfenced = in - fenced_total;
            if (shortfall > unfenced && spare > Money()) {
                auto list = [](const std::vector<std::string>& v) {
                    std::string s;
                    for (std::size_t k = 0; k < v.size(); ++k)
                        s += (k == 0 ? "" : k + 1 == v.size() ? " and " : ", ") + dq(v[k]);
                    return s;
                };
                found.push_back(
                    {"E303", e.id, spare_purposes.front(),
                     m.diagnostic("E303",
                                  "In " + year + " " + q(e.id) + " paid out " + shortfall.to_display() + " for " +
                                      list(short_purposes) +
                                      " beyond what money ring-fenced for those purposes covers, but received only " +
                                      unfenced.to_display() +
                                      " that is not ring-fenced: the rest must have come from money ring-fenced for " +
                                      list(spare_purposes) + ", which may leave only for its own purpose.",
                                  {e.id}, nm.first_ring_fenced.at(spare_purposes.front()))});
            }
        }

        // E304: pass-through money for p must leave in full for p.
        for (const auto& [p, through] : nm.pass_through_in) {
            auto it = nm.out.find(p);
            const Money passed = it == nm.out.end() ? Money() : it->second;
            if (passed < through)
                found.push_back(
                    {"E304", e.id, p,
                     m.diagnostic("E304",
                                  "In " + year + " " + q(e.id) + " received " + through.to_display() +
                                      " to pass through for " + dq(p) + " but paid out only " + passed.to_display() +
                                      " for " + dq(p) + ", keeping " + (through - passed).to_display() +
                                      ": pass-through money must be passed on in full for its purpose.",
                                  {e.id}, nm.first_pass_through.at(p))});
        }

        // W305: a pooled fund (a section 75 pool, NHS Act 2006) should be fed, in each year it
        // receives money, by both an NHS body and a local authority.
        if (e.section == Section::fund && e.kind == "pooled" && in > Money()) {
            Sides s;
            std::set<std::string> nhs_payers, la_payers;
            bool combined_authority = false;
            for (std::size_t k : g.flows_into(v)) {
                const Flow& f = m.flows[k];
                if (f.amount.is_zero()) continue;  // a zero flow contributes nothing to the pool
                Sides one;
                std::set<Index> seen;
                sides_of(m, f.from, one, seen);
                if (one.nhs) nhs_payers.insert(m.id(f.from));
                if (one.local_authority) la_payers.insert(m.id(f.from));
                combined_authority = combined_authority || m.at(f.from).kind == "combined_authority";
                s.nhs = s.nhs || one.nhs;
                s.local_authority = s.local_authority || one.local_authority;
            }
            if (!(s.nhs && s.local_authority)) {
                auto names = [](const std::set<std::string>& ids) {
                    std::string out;
                    for (auto& id : ids) out += (out.empty() ? "" : ", ") + q(id);
                    return out;
                };
                std::string what = s.nhs ? "only NHS money (from " + names(nhs_payers) + ") and none from a local authority"
                                   : s.local_authority
                                       ? "only local authority money (from " + names(la_payers) + ") and none from an NHS body"
                                       : "money from neither an NHS body nor a local authority";
                found.push_back({"W305", e.id, "",
                                 m.diagnostic("W305",
                                              "In " + year + " the pooled fund " + q(e.id) + " receives " +
                                                  in.to_display() + " but " + what +
                                                  ": a pooled fund under section 75 of the NHS Act 2006 pools NHS and "
                                                  "local authority money" +
                                                  (combined_authority && !s.local_authority
                                                       ? " (a combined authority is not a local authority for section 75)."
                                                       : "."),
                                              {e.id}, e.pointer)});
            }
        }
    }

    std::stable_sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.code, a.node, a.purpose) < std::tie(b.code, b.node, b.purpose);
    });
    Diagnostics out;
    out.reserve(found.size());
    for (auto& f : found) out.push_back(std::move(f.d));
    return out;
}

}  // namespace

Diagnostics flow_problems(const FlowGraph& g) {
    Diagnostics ds = collect(g);
    g.model().locate(ds);
    return ds;
}

Diagnostics flow_problems(const Model& m, FinancialYear year) { return flow_problems(FlowGraph(m, year)); }

namespace detail {
void check_flows(const Model& m, Diagnostics& out) {
    for (FinancialYear y : flow_years(m)) {
        Diagnostics ds = collect(FlowGraph(m, y));
        out.insert(out.end(), std::make_move_iterator(ds.begin()), std::make_move_iterator(ds.end()));
    }
}
}  // namespace detail
}  // namespace pbp
