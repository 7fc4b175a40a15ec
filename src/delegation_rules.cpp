// E103-E105 and E201-E205: delegation and the law (SPEC 3; DOMAIN.md "How functions move").
//
// Each `delegates` relation is checked on its own, against the model as a whole (validation has
// no as-of day). Where a rule depends on another delegation (what the delegator itself
// received), only delegations whose dates overlap the one checked count: a delegation that
// ended before this one started gives no permission, and takes none away. E103 and E104 go
// further, day by day: the right to delegate must cover every day of the delegation.
#include "pbp/detail/rules.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace pbp::detail {
namespace {

// Two half-open validity intervals share at least one day.
bool overlap(const Validity& a, const Validity& b) {
    return (!a.from || !b.to || *a.from < *b.to) && (!b.from || !a.to || *b.from < *a.to);
}

// The first stretch of `v` that none of `cover` includes, if any (half-open, as Validity). No
// `from` is the beginning of time and no `to` the end, so a delegation with no end is covered
// only by cover with no end.
std::optional<Validity> first_gap(const Validity& v, std::vector<Validity> cover) {
    if (v.from && v.to && !(*v.from < *v.to)) return std::nullopt;  // no day at all
    // Starts compare with none first; `at` is a start, compared with an end `to` (none last).
    auto starts_before = [](const std::optional<Date>& a, const std::optional<Date>& b) { return b && (!a || *a < *b); };
    auto before_end = [](const std::optional<Date>& at, const std::optional<Date>& to) { return !to || !at || *at < *to; };
    std::sort(cover.begin(), cover.end(), [&](const Validity& x, const Validity& y) { return starts_before(x.from, y.from); });
    std::optional<Date> at = v.from;  // every day of `v` before `at` is covered
    for (const Validity& c : cover) {
        if (!before_end(at, c.to)) continue;  // ends before `at`
        if (starts_before(at, c.from))        // a gap from `at` to c's start, or to v's end
            return Validity{at, v.to && *v.to < *c.from ? v.to : c.from};
        if (!c.to) return std::nullopt;  // covered for ever from here
        at = c.to;
        if (!before_end(at, v.to)) return std::nullopt;
    }
    return Validity{at, v.to};
}

// The organisations a node belongs to: itself when it is one; otherwise every organisation its
// `of` (bodies) or `in` (posts) chain reaches. A partnership with no `of` belongs to none
// (SPEC 2.6.11: a valid construct in itself). Structural links only, whatever their dates.
std::set<Index> owners(const Model& m, Index node) {
    std::set<Index> out;
    std::unordered_set<Index> seen{node};
    std::vector<Index> stack{node};
    while (!stack.empty()) {
        const Index x = stack.back();
        stack.pop_back();
        const Entity& e = m.at(x);
        if (e.section == Section::organisation) {
            out.insert(x);
            continue;
        }
        std::vector<Index> up;
        if (e.section == Section::body) up = e.of;
        else if (e.section == Section::post && e.in != npos) up.push_back(e.in);
        for (Index u : up)
            if (seen.insert(u).second) stack.push_back(u);
    }
    return out;
}

// Local authorities for section 75 of the NHS Act 2006: the councils, not combined
// authorities (SPEC 1.2: "a combined authority counts as one for s65Z5 only").
bool is_council(const Entity& e) {
    return e.section == Section::organisation &&
           (e.kind == "county_council" || e.kind == "district_council" || e.kind == "unitary_authority");
}

template <class Pred>
bool any_owner(const Model& m, const std::set<Index>& os, Pred p) {
    return std::any_of(os.begin(), os.end(), [&](Index o) { return p(m.at(o)); });
}

std::string q(const Model& m, Index i) {
    const Entity& e = m.at(i);
    return e.name == e.id ? "'" + e.id + "'" : e.name + " ('" + e.id + "')";
}

std::string function_list(const Model& m, const std::vector<Index>& fs) {
    std::string out;
    for (std::size_t k = 0; k < fs.size(); ++k) {
        if (k) out += k + 1 == fs.size() ? " and " : ", ";
        out += "'" + m.id(fs[k]) + "'";
    }
    return out;
}

std::vector<std::string> ids_of(const Model& m, std::initializer_list<Index> first, const std::vector<Index>& more = {}) {
    std::vector<std::string> out;
    for (Index i : first)
        if (std::find(out.begin(), out.end(), m.id(i)) == out.end()) out.push_back(m.id(i));
    for (Index i : more)
        if (std::find(out.begin(), out.end(), m.id(i)) == out.end()) out.push_back(m.id(i));
    return out;
}

// Bodies with no legal personality of their own for NHS purposes (SPEC 1.2; 004: "place-based
// partnerships are not statutory bodies").
bool without_legal_personality(const Entity& e) {
    return e.section == Section::body && (e.kind == "partnership" || e.kind == "place_board" ||
                                          e.kind == "provider_collaborative" || e.kind == "health_and_wellbeing_board");
}

// Organisations that can be given a statutory function: the "relevant bodies" of s65Z5 (NHS
// England, ICBs, NHS trusts, foundation trusts) and the local and combined authorities they may
// delegate to (002 paragraph 18), which are also the parties to section 75 arrangements.
bool can_receive_statutory(const Entity& e) { return is_nhs_body(e) || is_local_authority(e); }

constexpr const char* kS65Z5 = "s65Z5 of the NHS Act 2006 (as inserted by the Health and Care Act 2022)";

class Checker {
public:
    Checker(const Model& m, Diagnostics& out)
        : m_(m), out_(out), to_(m.entities.size()), functions_(m.relations.size()) {
        for (Index r = 0; r < m.relations.size(); ++r) {
            const Relation& rel = m.relations[r];
            if (rel.kind != RelationKind::delegates) continue;
            to_[rel.to].push_back(r);
            functions_[r] = rel.functions;
            std::sort(functions_[r].begin(), functions_[r].end());
        }
    }

    void run() {
        for (Index r = 0; r < m_.relations.size(); ++r) {
            const Relation& rel = m_.relations[r];
            if (rel.kind != RelationKind::delegates) continue;
            check_origin(r);
            check_limit(r);
            check_s65z5(rel);
            check_s75(rel);
            check_receiver(rel);
            check_scheme(rel);
        }
    }

private:
    // The delegations `node` received for `function` that overlap `rel` in time.
    std::vector<Index> received(Index node, Index function, Index rel) const {
        std::vector<Index> out;
        for (Index k : to_[node]) {
            const Relation& x = m_.relations[k];
            if (k != rel && delegates(k, function) && overlap(x.valid, m_.relations[rel].valid))
                out.push_back(k);
        }
        return out;
    }

    // True when delegation k names function f.
    bool delegates(Index k, Index f) const { return std::binary_search(functions_[k].begin(), functions_[k].end(), f); }
    // True when delegations a and b name a function in common.
    bool share_a_function(Index a, Index b) const {
        const std::vector<Index>& x = functions_[a];
        const std::vector<Index>& y = functions_[b];
        for (auto i = x.begin(), j = y.begin(); i != x.end() && j != y.end();) {
            if (*i == *j) return true;
            *i < *j ? ++i : ++j;
        }
        return false;
    }

    // E103, E104: only the holder, its own bodies and posts, and delegates allowed to hand on
    // what they received may delegate a function (DOMAIN.md: "Sub-delegation needs the
    // delegator's permission"). Day by day: a right that covers only part of the delegation's
    // dates leaves the rest without one, as decides() sees it on those days.
    void check_origin(Index r) {
        const Relation& rel = m_.relations[r];
        std::vector<Finding> no_right, no_permission;
        // Whose board, committee or post the delegator is (none, for an organisation): worked
        // out once, not for each function (a delegation may name thousands).
        const std::set<Index> from_owners =
            m_.at(rel.from).section == Section::organisation ? std::set<Index>{} : owners(m_, rel.from);
        for (Index f : rel.functions) {
            const Index holder = m_.at(f).holder;
            if (holder == npos || rel.from == holder) continue;
            const std::vector<Index> got = received(rel.from, f, r);
            std::vector<Validity> any, permitting;
            for (Index k : got) {
                any.push_back(m_.relations[k].valid);
                if (m_.relations[k].may_subdelegate) permitting.push_back(m_.relations[k].valid);
            }
            // A board, committee or post of the holder may delegate on days it received nothing.
            if (!from_owners.count(holder))
                if (const auto gap = first_gap(rel.valid, any)) add(no_right, *gap, f, {});
            // On days it did receive the function, a delegation allowing it to be handed on must
            // cover them: the first such day that none does, with the delegations refusing it.
            for (Index k : got) {
                const Relation& x = m_.relations[k];
                if (x.may_subdelegate) continue;
                if (const auto gap = first_gap(common(rel.valid, x.valid), permitting)) {
                    std::vector<Index> refusing;
                    for (Index j : got)
                        if (!m_.relations[j].may_subdelegate && overlap(m_.relations[j].valid, *gap)) refusing.push_back(j);
                    add(no_permission, *gap, f, refusing);
                    break;
                }
            }
        }
        for (const Finding& n : no_right) {
            std::string holders;
            std::set<Index> seen;
            for (Index f : n.functions)
                if (seen.insert(m_.at(f).holder).second) holders += (holders.empty() ? "" : ", ") + q(m_, m_.at(f).holder);
            std::vector<Index> more = n.functions;
            for (Index h : seen) more.push_back(h);
            const bool one = n.functions.size() == 1;
            const bool always = same_days(n.days, rel.valid);
            out_.push_back(m_.diagnostic(
                "E103",
                q(m_, rel.from) + " delegates " + function_list(m_, n.functions) + " to " + q(m_, rel.to) +
                    ", but it has no right to" + (always ? "" : " " + period(n.days)) + ": it does not hold " +
                    (one ? "that function" : "those functions") + " (held by " + holders +
                    "), is not a board, committee or post of the holder, and " +
                    (always ? std::string("did not receive ") + (one ? "it" : "them") + " through a delegation."
                            : "no delegation it received covers those days."),
                ids_of(m_, {rel.from, rel.to}, more), rel.pointer + "/from"));
        }
        for (const Finding& n : no_permission) {
            std::string from_whom;
            for (Index k : n.refusing)
                from_whom += (from_whom.empty() ? "" : ", ") + q(m_, m_.relations[k].from) + " (" + m_.relations[k].pointer + ")";
            const bool always = same_days(n.days, rel.valid);
            out_.push_back(m_.diagnostic(
                "E104",
                q(m_, rel.from) + " sub-delegates " + function_list(m_, n.functions) + " to " + q(m_, rel.to) +
                    ", but " + (always ? "" : period(n.days) + " ") + "the delegation it received from " + from_whom +
                    " does not allow sub-delegation (may_subdelegate is false). A delegate may hand on a function "
                    "only with its delegator's permission.",
                ids_of(m_, {rel.from, rel.to}, n.functions), rel.pointer + "/from"));
        }
    }

    // Functions missing a right on the same days, with the delegations that refused it.
    struct Finding {
        Validity days;
        std::vector<Index> functions;
        std::vector<Index> refusing;
    };
    static bool same_days(const Validity& a, const Validity& b) { return a.from == b.from && a.to == b.to; }
    static void add(std::vector<Finding>& list, const Validity& days, Index f, const std::vector<Index>& refusing) {
        auto it = std::find_if(list.begin(), list.end(), [&](const Finding& n) { return same_days(n.days, days); });
        if (it == list.end()) it = list.insert(list.end(), Finding{days, {}, {}});
        it->functions.push_back(f);
        for (Index k : refusing)
            if (std::find(it->refusing.begin(), it->refusing.end(), k) == it->refusing.end()) it->refusing.push_back(k);
    }
    // The days both cover.
    static Validity common(const Validity& a, const Validity& b) {
        Validity out{a.from, a.to};
        if (b.from && (!out.from || *out.from < *b.from)) out.from = b.from;
        if (b.to && (!out.to || *b.to < *out.to)) out.to = b.to;
        return out;
    }
    // "from 2023-01-01 until 2024-04-01": `until` is the first day not included, as valid_to.
    static std::string period(const Validity& v) {
        std::string out;
        if (v.from) out = "from " + to_string(*v.from);
        if (v.to) out += (out.empty() ? "" : " ") + std::string("until ") + to_string(*v.to);
        return out.empty() ? "on any day" : out;
    }

    // E105: a delegate cannot be given a higher limit than its delegator holds for the same
    // function (the standing financial instructions behind a scheme of delegation).
    void check_limit(Index r) {
        const Relation& rel = m_.relations[r];
        if (!rel.limit) return;
        std::optional<Index> tightest;
        for (Index k : to_[rel.from]) {
            const Relation& x = m_.relations[k];
            if (k == r || !x.limit || !overlap(x.valid, rel.valid)) continue;
            if (!share_a_function(r, k)) continue;
            if (*rel.limit > *x.limit && (!tightest || *x.limit < *m_.relations[*tightest].limit)) tightest = k;
        }
        if (!tightest) return;
        const Relation& x = m_.relations[*tightest];
        out_.push_back(m_.diagnostic(
            "E105",
            q(m_, rel.from) + " gives " + q(m_, rel.to) + " a limit of " + rel.limit->to_display() + ", but " +
                q(m_, rel.from) + " itself may commit at most " + x.limit->to_display() + " under the delegation it received from " +
                q(m_, x.from) + " (" + x.pointer + "): a delegate cannot be given more than its delegator holds.",
            ids_of(m_, {rel.from, rel.to, x.from}), rel.pointer + "/limit"));
    }

    // E201, E202: s65Z5 lets the NHS "relevant bodies" (NHS England, ICBs, NHS trusts and
    // foundation trusts) arrange for their functions to be exercised by each other, by local and
    // combined authorities, or through joint committees (s65Z6). Councils are not relevant bodies
    // and must use section 75 for their own functions (002 paragraph 18 and footnotes 2-3).
    void check_s65z5(const Relation& rel) {
        if (rel.mechanism != Mechanism::s65z5) return;
        const Entity& a = m_.at(rel.from);
        const std::set<Index> from_owners = owners(m_, rel.from);
        if (!any_owner(m_, from_owners, is_nhs_body)) {
            // Name the organisation that is really delegating (a council, for its committee).
            Index who = rel.from;
            for (Index o : from_owners)
                if (is_local_authority(m_.at(o))) { who = o; break; }
            if (who == rel.from && !from_owners.empty()) who = *from_owners.begin();
            const Entity& w = m_.at(who);
            std::string message;
            if (is_local_authority(w))
                message = w.name + (who == rel.from ? "" : " (through " + q(m_, rel.from) + ")") +
                          " cannot delegate its own functions under " + kS65Z5 +
                          "; use a section 75 partnership arrangement (NHS Act 2006 s75) instead.";
            else
                message = q(m_, rel.from) + " delegates to " + q(m_, rel.to) + " under " + kS65Z5 + ", but " +
                          (a.section == Section::organisation ? "it is" : "it does not belong to") +
                          " an NHS body: only NHS England, ICBs, NHS trusts and NHS foundation trusts may use s65Z5.";
            out_.push_back(m_.diagnostic("E201", message, ids_of(m_, {rel.from, who, rel.to}), rel.pointer + "/mechanism"));
        }
        const Entity& b = m_.at(rel.to);
        bool ok = is_nhs_body(b) || is_local_authority(b);
        if (b.section == Section::body && b.kind == "joint_committee" && !b.of.empty())
            ok = std::all_of(b.of.begin(), b.of.end(), [&](Index o) { return is_nhs_body(m_.at(o)) || is_local_authority(m_.at(o)); });
        if (!ok)
            out_.push_back(m_.diagnostic(
                "E202",
                q(m_, rel.from) + " delegates to " + q(m_, rel.to) + " under " + kS65Z5 + ", but " + q(m_, rel.to) +
                    " is not an NHS body, a local authority, a combined authority or a joint committee of them, so it "
                    "cannot receive functions that way.",
                ids_of(m_, {rel.from, rel.to}), rel.pointer + "/to"));
    }

    // E203: a section 75 partnership arrangement (NHS Act 2006 s75) is made between an NHS body
    // and a local authority; either side may act through its own bodies and posts, and a body
    // belonging to both (an s75 board of an ICB and a council) is on both sides (SPEC 2.6.11).
    void check_s75(const Relation& rel) {
        if (rel.mechanism != Mechanism::s75) return;
        const std::set<Index> a = owners(m_, rel.from), b = owners(m_, rel.to);
        const bool a_nhs = any_owner(m_, a, is_nhs_body), a_la = any_owner(m_, a, is_council);
        const bool b_nhs = any_owner(m_, b, is_nhs_body), b_la = any_owner(m_, b, is_council);
        if ((a_nhs && b_la) || (a_la && b_nhs)) return;
        out_.push_back(m_.diagnostic(
            "E203",
            q(m_, rel.from) + " delegates to " + q(m_, rel.to) +
                " under section 75 of the NHS Act 2006, but a section 75 partnership arrangement must be between an "
                "NHS body and a local authority (a county, district or unitary council), or their own boards, "
                "committees and posts.",
            ids_of(m_, {rel.from, rel.to}), rel.pointer + "/mechanism"));
    }

    // E204: partnerships, place boards, provider collaboratives and health and wellbeing boards
    // have no legal personality for NHS purposes and cannot hold a statutory function (004;
    // 002 paragraph 19, DOMAIN.md); nor can an organisation outside the NHS bodies and the
    // local and combined authorities.
    void check_receiver(const Relation& rel) {
        std::vector<Index> statutory;
        for (Index f : rel.functions)
            if (m_.at(f).statutory) statutory.push_back(f);
        if (statutory.empty()) return;
        const Entity& b = m_.at(rel.to);
        std::string why;
        if (without_legal_personality(b))
            why = "a " + b.kind + " has no legal personality of its own for NHS purposes and cannot hold a statutory "
                  "function; delegate to a committee of the ICB or council (as West Yorkshire's place committees) "
                  "and let the partnership advise it";
        else if (b.section == Section::organisation && !can_receive_statutory(b))
            why = "an organisation of kind " + b.kind + " cannot be given a statutory function: only NHS bodies and "
                  "local or combined authorities can (s65Z5 and s75 of the NHS Act 2006)";
        if (why.empty()) return;
        out_.push_back(m_.diagnostic(
            "E204",
            q(m_, rel.from) + " delegates the statutory " + (statutory.size() == 1 ? "function " : "functions ") +
                function_list(m_, statutory) + " to " + q(m_, rel.to) + ", but " + why + ".",
            ids_of(m_, {rel.from, rel.to}, statutory), rel.pointer + "/to"));
    }

    // E205: a scheme of reservation and delegation works inside one organisation, to its own
    // board, committees and officers; reaching another organisation needs s65Z5 or s75.
    void check_scheme(const Relation& rel) {
        if (rel.mechanism != Mechanism::scheme_of_delegation) return;
        const std::set<Index> a = owners(m_, rel.from), b = owners(m_, rel.to);
        if (std::any_of(a.begin(), a.end(), [&](Index o) { return b.count(o) > 0; })) return;
        std::string whose;
        for (Index o : a) whose += (whose.empty() ? "" : " or ") + q(m_, o);
        out_.push_back(m_.diagnostic(
            "E205",
            q(m_, rel.from) + " delegates to " + q(m_, rel.to) + " through a scheme of delegation, but " + q(m_, rel.to) +
                " is not part of " + (whose.empty() ? std::string("the delegator's organisation") : whose) +
                ": a scheme of delegation reaches only the organisation's own board, committees and officers. Use "
                "s65Z5 or section 75 of the NHS Act 2006 to delegate to another organisation.",
            ids_of(m_, {rel.from, rel.to}), rel.pointer + "/to"));
    }

    const Model& m_;
    Diagnostics& out_;
    std::vector<std::vector<Index>> to_;  // the delegations each node receives, in file order
    // Each delegation's functions, sorted: a delegation may name thousands, and the rules ask
    // of every function whether another delegation names it too.
    std::vector<std::vector<Index>> functions_;
};

}  // namespace

void check_delegation(const Model& m, Diagnostics& out) { Checker(m, out).run(); }

}  // namespace pbp::detail
