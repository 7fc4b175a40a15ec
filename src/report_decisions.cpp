// `pbp report`: "Who decides what where" — for each function and place, the decision maker,
// its limit and who answers for it (SPEC 2.2), then the legal problems with delegation and
// accountability (E1xx, E2xx) in plain words.
#include "pbp/delegation.hpp"
#include "pbp/detail/report_sections.hpp"
#include "pbp/detail/rules.hpp"

#include <algorithm>
#include <string>

namespace pbp::detail {
namespace {

void heading(std::ostream& os, const std::string& title) {
    os << "\n" << title << "\n" << std::string(title.size(), '=') << "\n";
}

// Chains by id, to keep lines short; the decision maker and the place are named in full.
std::string arrows(const Model& m, const std::vector<Index>& chain, std::size_t from = 0) {
    std::string out;
    for (std::size_t k = from; k < chain.size(); ++k) out += (out.empty() ? "" : " -> ") + m.id(chain[k]);
    return out.empty() ? "(no one)" : out;
}

// One line naming what each code means, for readers who do not know the codes.
std::string_view plain(std::string_view code) {
    if (code == "E101") return "accountability goes round in a circle";
    if (code == "W102") return "accountability never reaches an organisation";
    if (code == "E103") return "a function delegated by someone with no right to delegate it";
    if (code == "E104") return "sub-delegation without the delegator's permission";
    if (code == "E105") return "a delegate given a higher limit than its delegator holds";
    if (code == "E201") return "s65Z5 used by a body that is not an NHS body";
    if (code == "E202") return "s65Z5 used to delegate to a body that cannot receive it";
    if (code == "E203") return "a section 75 arrangement not between the NHS and a council";
    if (code == "E204") return "a statutory function given to a body that cannot hold it";
    if (code == "E205") return "a scheme of delegation reaching outside its own organisation";
    return "";
}

// Which places lie in the area an organisation serves: those sharing a leaf with one of its
// `serves`. At another system's place where nothing is delegated, decides() names an ICB only
// because nothing else is in scope there; the report counts such places instead of listing
// every place of England under every ICB's function (docs/queries/report.md).
class ServedPlaces {
public:
    ServedPlaces(const Footprints& fp, const std::vector<Index>& places)
        : fp_(fp), places_of_leaf_(fp.model().entities.size()), served_(places.size()) {
        for (std::size_t k = 0; k < places.size(); ++k)
            for (Index leaf : fp.leaves(places[k])) places_of_leaf_[leaf].push_back(k);
    }

    /// Whether each place (by its position in `places`) lies in the area `holder` serves;
    /// nullptr when that cannot be told (not an organisation, or it serves no area on the day):
    /// then every place counts as its own.
    const std::vector<char>* of(Index holder) {
        if (holder == holder_) return known_ ? &served_ : nullptr;
        holder_ = holder;
        std::fill(served_.begin(), served_.end(), 0);
        const std::vector<Index> leaves = fp_.served_leaves(holder);
        known_ = !leaves.empty();
        for (Index leaf : leaves)
            for (std::size_t k : places_of_leaf_[leaf]) served_[k] = 1;
        return known_ ? &served_ : nullptr;
    }

private:
    const Footprints& fp_;
    std::vector<std::vector<std::size_t>> places_of_leaf_;  // by leaf: positions of the places holding it
    std::vector<char> served_;
    Index holder_ = npos;
    bool known_ = false;
};

}  // namespace

void report_decisions(const Footprints& fp, std::ostream& os) {
    const Model& m = fp.model();
    const std::optional<Date> as_of = fp.as_of();
    heading(os, "Who decides what where");
    std::vector<Index> functions, places;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (!m.exists(i, as_of)) continue;
        if (e.section == Section::function) functions.push_back(i);
        if (e.section == Section::area && e.kind == "place") places.push_back(i);
    }
    auto by_id = [&](Index a, Index b) { return m.id(a) < m.id(b); };
    std::sort(places.begin(), places.end(), by_id);
    ServedPlaces served(fp, places);
    if (functions.empty()) os << "(no functions)\n";
    DecisionIndices d;
    for (Index f : functions) {
        const Entity& fn = m.at(f);
        os << "- " << label(m, f);
        if (!fn.details().service_area.empty()) os << " [" << fn.details().service_area << "]";
        if (fn.holder == npos || !m.exists(fn.holder, as_of)) {
            os << "\n    its holder does not exist" << (as_of ? " on this day" : "") << "\n";
            continue;
        }
        os << ", held by " << label(m, fn.holder) << (fn.statutory ? "" : " (not statutory)") << "\n";
        // The answers as indices, named only where printed: a model with thousands of
        // functions and places asks millions of these.
        std::vector<Index> kept;  // places in the holder's area where it decides itself
        std::size_t elsewhere = 0;  // places outside its area where nothing is delegated
        std::vector<Index> holder_answers;
        const std::vector<char>* in_area = served.of(fn.holder);
        for (std::size_t k = 0; k < places.size(); ++k) {
            const Index p = places[k];
            decides(m, f, p, as_of, d);
            if (d.steps.empty() && in_area && !(*in_area)[k]) {
                ++elsewhere;
                continue;
            }
            if (d.steps.empty()) {
                // The holder's own chain, the same at every place where it decides itself.
                if (kept.empty()) holder_answers = d.accountability_chain;
                kept.push_back(p);
                continue;
            }
            os << "    " << label(m, p) << ": " << label(m, d.delegation_chain.back()) << ", "
               << (d.limit ? "up to " + d.limit->to_display() + " a commitment" : "no financial limit") << "\n"
               << "      delegation: " << arrows(m, d.delegation_chain) << "\n"
               << "      answers to: " << arrows(m, d.accountability_chain, 1) << "\n";
        }
        if (places.empty()) {
            os << "    (the model has no areas of kind place)\n";
        } else if (!kept.empty()) {
            std::string list;
            for (Index k : kept) list += (list.empty() ? "" : ", ") + label(m, k);
            os << "    " << (kept.size() == places.size() ? "at every place" : "at " + list) << ": "
               << m.id(fn.holder) << " itself, answering to " << arrows(m, holder_answers, 1) << "\n";
        }
        if (elsewhere)
            os << "    not listed: " << elsewhere << (elsewhere == 1 ? " place" : " places") << " outside the areas "
               << m.id(fn.holder) << " serves, where nothing is delegated\n";
    }

    // Legal problems: the delegation rules and the accountability graph they rely on.
    Diagnostics problems;
    check_accountability(m, problems);
    check_delegation(m, problems);
    os << "\nProblems with decisions and accountability:\n";
    if (problems.empty()) os << "  none found: every delegation has a lawful route and stays within its limits.\n";
    for (const Diagnostic& d : problems) {
        os << "  - " << d.code;
        if (auto p = plain(d.code); !p.empty()) os << " (" << p << ")";
        os << ": " << d.message << "\n";
    }
}

}  // namespace pbp::detail
