// The primary care section of `pbp report`: each GP practice's network and commissioner. A
// practice, an independent contractor, answers to no one through either: membership and
// commissioning carry no accountability (SPEC 1.2, 2.6), so the report says who they are
// rather than leaving them to be inferred from the chains.
#include "pbp/detail/report_sections.hpp"
#include "digits.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace pbp::detail {
namespace {
// The value at `pointer` in the model's document, if any (the typed model keeps no attrs).
const boost::json::value* at(const boost::json::value& doc, const std::string& pointer) {
    boost::system::error_code ec;
    return doc.find_pointer(pointer, ec);
}

std::string dates(const Validity& v) {
    std::string out;
    if (v.from) out += " from " + to_string(*v.from);
    if (v.to) out += (v.from ? " to " : " until ") + to_string(*v.to);
    return out;
}

std::string thousands(std::size_t n) { return group_digits(std::to_string(n)); }

// Beyond this many practices, the report summarises by commissioner instead of listing each.
constexpr std::size_t kListEveryPractice = 50;

void findings(const boost::json::value& doc, const Entity& e, std::ostream& os) {
    const auto* list = at(doc, e.pointer + "/attrs/register_findings");
    if (!list || !list->is_array()) return;
    for (const auto& f : list->get_array())
        if (f.is_string()) os << "    register finding: " << std::string_view(f.get_string()) << "\n";
}
}  // namespace

void report_primary_care(const Model& m, std::optional<Date> as_of, std::ostream& os) {
    std::size_t practices = 0, networks = 0;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (e.section != Section::organisation || !m.exists(i, as_of)) continue;
        practices += e.kind == "gp_practice";
        networks += e.kind == "pcn";
    }
    if (practices == 0 && networks == 0) return;  // a model without primary care has no such section
    const boost::json::value doc = m.document();  // for attrs: parsed once, here

    // Each practice's memberships and commissioners on the day, in the order of the file.
    std::vector<std::vector<const Relation*>> member_of(m.entities.size()), commissioned(m.entities.size());
    std::vector<char> answers(m.entities.size(), 0);
    for (const Relation& r : m.relations) {
        if (!r.valid.contains(as_of) || !m.exists(r.from, as_of) || !m.exists(r.to, as_of)) continue;
        if (r.kind == RelationKind::member_of && m.at(r.to).kind == "pcn") member_of[r.from].push_back(&r);
        if (r.kind == RelationKind::commissions) commissioned[r.to].push_back(&r);
        if (r.kind == RelationKind::accountable_to || r.kind == RelationKind::delegates) answers[r.from] = answers[r.to] = 1;
    }
    const std::string title = "Primary care: practices, their networks and commissioners";
    os << "\n" << title << "\n" << std::string(title.size(), '=') << "\n";
    os << thousands(practices) << " GP practice" << (practices == 1 ? "" : "s") << " and " << thousands(networks)
       << " primary care network" << (networks == 1 ? "" : "s")
       << ". Membership of a network and commissioning carry no accountability: a practice answers to no one "
          "through them.\n";
    // One practice, as a governance officer would look it up: its network and its commissioner.
    std::vector<Index> chain;  // answers_to()'s scratch
    auto describe = [&](Index i) {
        const Entity& e = m.entities[i];
        os << "- " << label(m, i) << "\n    network: ";
        auto& in = member_of[i];
        std::stable_sort(in.begin(), in.end(), [](const Relation* a, const Relation* b) { return a->valid.from < b->valid.from; });
        if (in.empty()) os << "none";
        for (std::size_t k = 0; k < in.size(); ++k) os << (k ? "; " : "") << label(m, in[k]->to) << dates(in[k]->valid);
        os << "\n    commissioner: ";
        if (commissioned[i].empty()) os << "none";
        for (std::size_t k = 0; k < commissioned[i].size(); ++k) {
            const Relation& r = *commissioned[i][k];
            os << (k ? "; " : "") << label(m, r.from);
            if (const auto* s = at(doc, r.pointer + "/attrs/sub_icb_location"); s && s->is_string())
                os << ", sub-ICB location " << std::string_view(s->get_string());
            os << (r.valid.from || r.valid.to ? "," : "") << dates(r.valid);
        }
        os << "\n";
        // Only when the model gives the practice an accountability edge of its own.
        if (answers[i]) {
            const std::string above = answers_to(m, i, as_of, chain);
            os << "    answers to: " << (above.empty() ? "no one" : above) << "\n";
        }
        findings(doc, e, os);
    };
    auto is_practice = [&](Index i) {
        const Entity& e = m.entities[i];
        return e.section == Section::organisation && e.kind == "gp_practice" && m.exists(i, as_of);
    };
    if (practices <= kListEveryPractice) {
        for (Index i = 0; i < m.entities.size(); ++i)
            if (is_practice(i)) describe(i);
    } else {
        // A national model has thousands: a line per commissioner, and in full only the practices
        // the registers disagree about (each practice is still in `pbp export` and the queries).
        struct Tally {
            std::size_t practices = 0, without_network = 0;
            std::set<Index> networks;
        };
        std::map<Index, Tally> by_commissioner;  // by entity index: file order
        std::vector<Index> disputed;
        for (Index i = 0; i < m.entities.size(); ++i) {
            if (!is_practice(i)) continue;
            for (const Relation* r : commissioned[i]) {
                Tally& t = by_commissioner[r->from];
                ++t.practices;
                t.without_network += member_of[i].empty();
                for (const Relation* n : member_of[i]) t.networks.insert(n->to);
            }
            if (at(doc, m.entities[i].pointer + "/attrs/register_findings")) disputed.push_back(i);
        }
        os << "By commissioner (practices, the networks they belong to, practices in no network):\n";
        for (const auto& [commissioner, t] : by_commissioner)
            os << "- " << label(m, commissioner) << ": " << thousands(t.practices) << " practices in "
               << thousands(t.networks.size()) << " networks" << (t.without_network ? ", " + thousands(t.without_network) + " in none" : "")
               << "\n";
        if (!disputed.empty()) os << "Practices the registers disagree about:\n";
        for (Index i : disputed) describe(i);
    }
    bool heading = false;
    for (Index i = 0; i < m.entities.size(); ++i) {
        const Entity& e = m.entities[i];
        if (e.section != Section::organisation || e.kind != "pcn" || !m.exists(i, as_of)) continue;
        if (!at(doc, e.pointer + "/attrs/register_findings")) continue;
        if (!heading) os << "Networks the registers disagree about:\n";
        heading = true;
        os << "- " << label(m, i) << "\n";
        findings(doc, e, os);
    }
}

}  // namespace pbp::detail
