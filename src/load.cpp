// Loading `pbp/1` (SPEC 1): Boost.JSON reads the text, one list entry at a time
// (entry_stream.hpp); this file turns what it reads into the typed model, collecting every
// structural diagnostic (E003-E009, W009) as it goes, and enforces the limits of
// docs/limits.md (E010-E017).
#include "pbp/load.hpp"

#include "pbp/error.hpp"
#include "digits.hpp"
#include "entry_stream.hpp"
#include "page_advice.hpp"
#include "ids.hpp"
#include "load_clean.hpp"
#include "load_vocabulary.hpp"
#include "pretty_json.hpp"
#include "source_map.hpp"

#include <gsl/assert>

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_set>

namespace pbp {
namespace json = boost::json;
// Named one by one, not `using namespace detail`: a unity build puts several source files in
// one translation unit, where a using-directive would reach the files after this one.
using detail::pointer_token;
using detail::valid_id;
using detail::bit, detail::kOrg, detail::kBody, detail::kPost, detail::kArea, detail::kFunction, detail::kFund,
    detail::kAny, detail::relation_ends;
using detail::kinds_of, detail::is_kind_of, detail::entry_pointer, detail::Keys, detail::kCommonKeys,
    detail::section_keys, detail::kMemberKeys, detail::kQuorumKeys, detail::kRelationKeys, detail::kDelegationKeys,
    detail::kMembershipKeys, detail::kFlowKeys, detail::kAssessmentKeys;
using detail::is_member_role, detail::maturity_themes, detail::maturity_stages, detail::decimal_digits,
    detail::max_pence;

namespace {

std::string describe(unsigned mask) {
    std::vector<std::string> names;
    if (mask & kArea) names.push_back("an area");
    if (mask & kOrg) names.push_back("an organisation");
    if (mask & kBody) names.push_back("a body");
    if (mask & kPost) names.push_back("a post");
    if (mask & kFunction) names.push_back("a function");
    if (mask & kFund) names.push_back("a fund");
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

std::string_view singular(Section s) {
    switch (s) {
        case Section::area: return "area";
        case Section::organisation: return "organisation";
        case Section::body: return "body";
        case Section::post: return "post";
        case Section::function: return "function";
        case Section::fund: return "fund";
    }
    return "entity";
}

constexpr std::array<std::pair<std::string_view, Section>, 6> kSections{{
    {"areas", Section::area},
    {"organisations", Section::organisation},
    {"bodies", Section::body},
    {"posts", Section::post},
    {"functions", Section::function},
    {"funds", Section::fund},
}};

// The top-level lists, read one entry at a time (entry_stream.hpp): the entity sections in
// kSections' order, then the rest. Diagnostics come out in this order, whatever the file's.
constexpr std::array<std::string_view, 9> kLists{"areas", "organisations", "bodies", "posts", "functions",
                                                 "funds", "relations", "flows", "assessments"};
constexpr std::size_t kRelations = 6, kFlows = 7, kAssessments = 8;

// The shape of SPEC 1.3's money, `-?[0-9]+(\.[0-9]{1,2})?`, whatever its size.
bool has_money_syntax(std::string_view s) {
    auto dot = s.find('.');
    return parse_decimal(s).has_value() && (dot == std::string_view::npos || s.size() - dot - 1 <= 2);
}

std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

// "134,217,728", as people read a count.
std::string grouped(std::uint64_t n) { return detail::group_digits(std::to_string(n)); }

std::string json_text(const json::value& v) {
    // A double serialises as "1.005E2"; show it as people write it ("100.5").
    std::string s = json::serialize(v);
    if (v.is_double()) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.get_double());
        if (ec == std::errc()) s.assign(buf, end);
    }
    return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

class Loader {
public:
    // `outline`: the first reading of `m.source`; its entries are used up (moved from and freed).
    Loader(Model& m, detail::Outline& outline) : m_(m), outline_(outline) {}

    void run() {
        const json::object& root = outline_.root;
        static const std::set<std::string, std::less<>> top{
            "format", "name", "currency", "areas", "organisations", "bodies", "posts", "functions",
            "relations", "funds", "flows", "assessments"};
        for (auto& kv : root)
            if (!top.count(kv.key()))
                unknown_key("the model", "", kv.key());
        if (auto* n = root.if_contains("name")) {
            if (n->is_string()) m_.name = std::string(n->get_string());
            else malformed("/name", {}, "The model's name must be a string, not " + json_text(*n) + ".");
        } else {
            report("E006", "The model has no name: add a top-level \"name\".", {}, "");
        }
        if (auto* c = root.if_contains("currency")) {
            if (!c->is_string() || c->get_string() != "GBP")
                malformed("/currency", {}, "Only the currency \"GBP\" is supported, not " + json_text(*c) + ".");
        }
        // Pass 1: every id, so that references may point forwards. Room for every entity is
        // made first: growing a vector of a million entities by doubling would copy them all
        // and, for a moment, hold them twice.
        std::size_t entries = 0, relations = 0;
        for (std::size_t list = 0; list < kLists.size(); ++list)
            (list < kSections.size() ? entries : relations) += outline_.entries[list].size();
        m_.entities.reserve(entries);
        detail::prepare_to_fill(m_.entities.data(), entries * sizeof(Entity));
        m_.index_by_id.reserve(entries);
        m_.relations.reserve(outline_.entries[kRelations].size());  // at most one per entry, as for entities
        detail::prepare_to_fill(m_.relations.data(), m_.relations.capacity() * sizeof(Relation));
        m_.flows.reserve(outline_.entries[kFlows].size());
        m_.assessments.reserve(outline_.entries[kAssessments].size());
        other_ids_.reserve(relations);
        entity_at_.resize(kSections.size());
        for (std::size_t list = 0; list < kSections.size(); ++list) collect_ids(root, list);
        for (std::size_t list : {kRelations, kFlows, kAssessments}) collect_relation_ids(list);
        other_ids_.clear();          // views into the entries' ids, which go now
        outline_.entries.clear();
        outline_.entries.shrink_to_fit();
        // Pass 2: fields, one entry at a time as the text is read again. Each list's diagnostics
        // are kept apart and joined in kLists' order, as if the lists were read one after another.
        std::vector<Diagnostics> found(kLists.size());
        for (std::size_t list : {kRelations, kFlows, kAssessments})
            if (auto* v = root.if_contains(kLists[list]); v && !v->is_array())
                found[list].push_back(m_.diagnostic("E006", "\"" + std::string(kLists[list]) + "\" must be a list ([...]).", {},
                                                    "/" + std::string(kLists[list])));
        static const std::array<const char*, 3> not_an_object{
            "Each relation must be an object with \"kind\", \"from\" and \"to\".",
            "Each flow must be an object with \"from\", \"to\", \"amount\" and \"year\".",
            "Each assessment must be an object."};
        detail::for_each_entry(m_.source, kLists, outline_, [&](std::size_t list, std::size_t i, const json::value& v) {
            sink_ = &found[list];
            if (list < kSections.size()) {  // an entity that is not an object was reported by pass 1
                if (const Index e = entity_at_[list][i]; e != npos) read_entity(e, v.get_object());
                return;
            }
            std::string base = entry_pointer(kLists[list], i);
            if (!v.is_object()) malformed(std::move(base), {}, not_an_object[list - kRelations]);
            else if (list == kRelations) read_relation(i, v.get_object(), base);
            else if (list == kFlows) read_flow(i, v.get_object(), base);
            else read_assessment(i, v.get_object(), base);
        });
        sink_ = &m_.load_diagnostics;
        for (Diagnostics& ds : found)
            m_.load_diagnostics.insert(m_.load_diagnostics.end(), std::make_move_iterator(ds.begin()),
                                       std::make_move_iterator(ds.end()));
    }

private:
    // ---- reporting -------------------------------------------------------------------------
    void report(const char* code, std::string msg, std::vector<std::string> ids, std::string path) {
        // `ids` lists entity (or relation) ids only, never the labels that name things without
        // an id in messages ("relation 3", "flow 0", "assessment 1").
        std::erase_if(ids, [](const std::string& id) {
            for (std::string_view prefix : {"relation ", "flow ", "assessment "})
                if (id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0 &&
                    id.find_first_not_of("0123456789", prefix.size()) == std::string::npos)
                    return true;
            return false;
        });
        sink_->push_back(m_.diagnostic(code, std::move(msg), std::move(ids), std::move(path)));
    }
    void malformed(std::string path, std::vector<std::string> ids, std::string msg) {
        report("E006", std::move(msg), std::move(ids), std::move(path));
    }
    void unknown_key(const std::string& who, const std::string& base, std::string_view key) {
        report("W009",
               "Unknown key \"" + std::string(key) + "\" in " + who +
                   "; it is kept and written back on save, but pbp does not use it (check the spelling, or move it "
                   "under \"attrs\").",
               {}, base + "/" + pointer_token(key));
    }
    // `who()`: the words for the object in W009, built only for an unknown key.
    template <class Who>
    void check_keys(const json::object& o, const std::string& base, const Who& who, std::initializer_list<Keys> allowed) {
        for (auto& kv : o) {
            const std::string_view key = kv.key();
            bool ok = false;
            for (Keys keys : allowed) ok = ok || std::find(keys.begin(), keys.end(), key) != keys.end();
            if (!ok) unknown_key(who(), base, key);
        }
    }

    // ---- pass 1 ----------------------------------------------------------------------------
    const json::array* section_array(const json::object& root, std::string_view name) {
        auto* v = root.if_contains(name);
        if (!v) return nullptr;
        if (!v->is_array()) {
            malformed("/" + std::string(name), {}, "\"" + std::string(name) + "\" must be a list ([...]).");
            return nullptr;
        }
        return &v->get_array();
    }

    // Claims `id` for the entity that will be at `entity`, or (npos) for a relation, flow or
    // assessment; entities are claimed first. `id` is a view into the outline's entries;
    // `entry`, the JSON Pointer of the entry it is the id of (that of the id itself is built
    // only for a diagnostic).
    bool claim_id(std::string_view id, const std::string& entry, Index entity = npos) {
        if (!valid_id(id)) {
            malformed(entry + "/id", {std::string(id)},
                      "The id " + in_quotes(id) +
                          " is not valid: an id starts with a letter or digit, continues with letters, digits, "
                          "'.', '_', ':' or '-', and is at most 128 characters.");
            return false;
        }
        const bool fresh = entity != npos ? m_.index_by_id.try_emplace(std::string(id), entity).second
                                          : !m_.index_by_id.contains(id) && other_ids_.insert(id).second;
        if (!fresh) {
            report("E003", "The id " + in_quotes(id) + " is used more than once; ids must be unique across the whole file.",
                   {std::string(id)}, entry + "/id");
            return false;
        }
        return true;
    }

    void collect_ids(const json::object& root, std::size_t list) {
        const auto [name, section] = kSections[list];
        if (!section_array(root, name)) return;
        const std::vector<detail::ListEntry>& entries = outline_.entries[list];
        entity_at_[list].assign(entries.size(), npos);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            std::string path = entry_pointer(name, i);
            const detail::ListEntry& entry = entries[i];
            if (!entry.object) {
                malformed(path, {}, "Each entry in \"" + std::string(name) + "\" must be an object ({...}).");
                continue;
            }
            if (!entry.has_id || !entry.id.is_string()) {
                malformed(entry.has_id ? path + "/id" : path, {},
                          "This " + std::string(singular(section)) + " has no id (a string); it is kept but cannot be used.");
                continue;
            }
            const std::string_view id = entry.id.get_string();
            const auto index = static_cast<Index>(m_.entities.size());
            if (!claim_id(id, path, index)) continue;
            Entity& e = m_.entities.emplace_back();
            e.id = std::string(id);
            e.name = e.id;
            e.section = section;
            e.pointer = std::move(path);
            entity_at_[list][i] = index;
        }
    }

    void collect_relation_ids(std::size_t list) {
        const std::vector<detail::ListEntry>& entries = outline_.entries[list];
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (!entries[i].object || !entries[i].has_id) continue;
            const json::value& idv = entries[i].id;
            const std::string entry = entry_pointer(kLists[list], i);
            if (!idv.is_string()) malformed(entry + "/id", {}, "An id must be a string, not " + json_text(idv) + ".");
            else claim_id(idv.get_string(), entry);
        }
    }

    // ---- field readers ---------------------------------------------------------------------
    std::optional<std::string> string_field(const json::object& o, std::string_view key, const std::string& base,
                                            const std::string& owner) {
        auto* v = o.if_contains(key);
        if (!v) return std::nullopt;
        if (!v->is_string()) {
            malformed(base + "/" + std::string(key), {owner},
                      "The \"" + std::string(key) + "\" of " + in_quotes(owner) + " must be a string, not " + json_text(*v) + ".");
            return std::nullopt;
        }
        return std::string(v->get_string());
    }

    std::optional<bool> bool_field(const json::object& o, std::string_view key, const std::string& base,
                                   const std::string& owner) {
        auto* v = o.if_contains(key);
        if (!v) return std::nullopt;
        if (!v->is_bool()) {
            malformed(base + "/" + std::string(key), {owner},
                      "The \"" + std::string(key) + "\" of " + in_quotes(owner) + " must be true or false, not " + json_text(*v) + ".");
            return std::nullopt;
        }
        return v->get_bool();
    }

    std::optional<Date> date_field(const json::object& o, std::string_view key, const std::string& base,
                                   const std::string& owner) {
        auto s = string_field(o, key, base, owner);
        if (!s) return std::nullopt;
        auto d = parse_date(*s);
        if (!d)
            malformed(base + "/" + std::string(key), {owner},
                      "The \"" + std::string(key) + "\" of " + in_quotes(owner) + " is \"" + *s +
                          "\", which is not a calendar date written YYYY-MM-DD.");
        return d;
    }

    Validity validity(const json::object& o, const std::string& base, const std::string& owner) {
        Validity v{date_field(o, "valid_from", base, owner), date_field(o, "valid_to", base, owner)};
        if (v.from && v.to && !(*v.from < *v.to)) {
            report("E008",
                   in_quotes(owner) + " is valid from " + to_string(*v.from) + " to " + to_string(*v.to) +
                       ": valid_from must be before valid_to (the entity exists on days from <= d < to).",
                   {owner}, base + "/valid_from");
            v = Validity{};
        }
        return v;
    }

    // `ids`: the entities to name in a diagnostic (default: the owner).
    std::optional<Money> money_field(const json::object& o, std::string_view key, const std::string& base,
                                     const std::string& owner, bool allow_sign, std::vector<std::string> ids = {}) {
        if (ids.empty()) ids.push_back(owner);
        auto* v = o.if_contains(key);
        if (!v) return std::nullopt;
        std::string path = base + "/" + std::string(key);
        if (!v->is_string()) {
            report("E007",
                   "The " + std::string(key) + " of " + in_quotes(owner) + " is written as " + json_text(*v) +
                       ": money must be a string such as \"1234.50\" (a JSON number could lose pennies).",
                   ids, path);
            return std::nullopt;
        }
        std::string_view s = v->get_string();
        if (const std::size_t n = decimal_digits(s); n > limits::amount_digits) {
            // Checked before any arithmetic: turning a long run of digits into a number costs
            // time in proportion to its square.
            report("E015",
                   "The " + std::string(key) + " of " + in_quotes(owner) + " has " + std::to_string(n) +
                       " digits; pbp reads amounts of at most " + std::to_string(limits::amount_digits) +
                       " digits (the largest amount it holds, 2^127 - 1 pence, has 39).",
                   ids, path);
            return std::nullopt;
        }
        auto money = Money::parse(s);
        if (!money && has_money_syntax(s)) {
            report("E007",
                   "The " + std::string(key) + " of " + in_quotes(owner) + " is \"" + std::string(s) +
                       "\", which is larger than pbp can hold exactly (2^127 pence).",
                   ids, path);
            return std::nullopt;
        }
        if (!money || (!allow_sign && !s.empty() && s.front() == '-')) {
            report("E007",
                   "The " + std::string(key) + " of " + in_quotes(owner) + " is \"" + std::string(s) +
                       "\", which is not an amount of money: write pounds with at most two decimal places, e.g. "
                       "\"1234.50\"" + (allow_sign ? "" : ", with no sign") + ".",
                   ids, path);
            return std::nullopt;
        }
        return money;
    }

    // Where a reference is: `base`/`key`, then `/index` for one in a list. Written out only
    // for a diagnostic; almost every reference resolves and needs none.
    struct At {
        const std::string& base;
        std::string_view key;
        std::size_t index = npos;
        std::string str() const {
            std::string p = base + "/" + std::string(key);
            if (index != npos) p += "/" + std::to_string(index);
            return p;
        }
    };

    // Resolves one id reference; reports E004/E005/E006 and returns npos on failure.
    Index reference(const json::value& v, const At& at, unsigned allowed, const std::string& owner,
                    std::string_view field) {
        if (!v.is_string()) {
            const std::string path = at.str();
            malformed(path, {owner},
                      "The \"" + std::string(field) + "\" of " + in_quotes(owner) + " must be an id (a string), not " +
                          json_text(v) + ".");
            return npos;
        }
        const std::string_view target = v.get_string();
        auto found = m_.find(target);
        if (!found) {
            const std::string path = at.str();
            report("E004",
                   in_quotes(owner) + " names " + in_quotes(target) + " as its " + std::string(field) +
                       ", but nothing in the model has that id.",
                   {owner, std::string(target)}, path);
            return npos;
        }
        const Entity& t = m_.at(*found);
        if (!(allowed & bit(t.section))) {
            const std::string path = at.str();
            report("E005",
                   in_quotes(owner) + " names " + in_quotes(target) + " as its " + std::string(field) + ", but " +
                       in_quotes(target) + " is " + std::string(t.section == Section::area || t.section == Section::organisation ? "an " : "a ") +
                       std::string(singular(t.section)) + "; it must be " + describe(allowed) + ".",
                   {owner, std::string(target)}, path);
            return npos;
        }
        return *found;
    }

    // A list of references; a single string is accepted as a list of one.
    std::vector<Index> references(const json::object& o, std::string_view key, const std::string& base, unsigned allowed,
                                  const std::string& owner) {
        std::vector<Index> out;
        auto* v = o.if_contains(key);
        if (!v) return out;
        if (v->is_string()) {
            Index i = reference(*v, At{base, key}, allowed, owner, key);
            if (i != npos) out.push_back(i);
        } else if (v->is_array()) {
            const json::array& a = v->get_array();
            out.reserve(a.size());
            for (std::size_t k = 0; k < a.size(); ++k) {
                Index i = reference(a[k], At{base, key, k}, allowed, owner, key);
                if (i != npos) out.push_back(i);
            }
        } else {
            malformed(At{base, key}.str(), {owner},
                      "The \"" + std::string(key) + "\" of " + in_quotes(owner) + " must be a list of ids, not " + json_text(*v) + ".");
        }
        return out;
    }

    Index single_reference(const json::object& o, std::string_view key, const std::string& base, unsigned allowed,
                           const std::string& owner) {
        auto* v = o.if_contains(key);
        return v ? reference(*v, At{base, key}, allowed, owner, key) : npos;
    }

    std::optional<std::int64_t> integer_field(const json::object& o, std::string_view key, const std::string& base,
                                              const std::string& owner) {
        auto* v = o.if_contains(key);
        if (!v) return std::nullopt;
        if (v->is_int64() && v->get_int64() >= 0) return v->get_int64();
        if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) return static_cast<std::int64_t>(v->get_uint64());
        malformed(base + "/" + std::string(key), {owner},
                  "The \"" + std::string(key) + "\" of " + in_quotes(owner) + " must be a whole number of at least 0, not " +
                      json_text(*v) + ".");
        return std::nullopt;
    }

    // A whole number of people from 0 to limits::population. A larger one (E016) is usually a
    // figure pasted into the wrong column; JSON reads integers beyond 2^64 as floating point
    // (10^30 arrives as 1e+30), so those are caught here too.
    std::optional<std::int64_t> population_field(const json::object& o, const std::string& base, const std::string& owner) {
        auto* v = o.if_contains("population");
        if (!v) return std::nullopt;
        const bool large = (v->is_int64() && v->get_int64() > limits::population) || v->is_uint64() ||
                           (v->is_double() && v->get_double() >= 0 && v->get_double() == std::floor(v->get_double()) &&
                            v->get_double() > static_cast<double>(limits::population));
        if (large) {
            report("E016",
                   "The population of " + in_quotes(owner) + " is " + json_text(*v) + ", more than pbp accepts (" +
                       grouped(static_cast<std::uint64_t>(limits::population)) +
                       "): check that the figure is a number of people and is in the right column.",
                   {owner}, base + "/population");
            return std::nullopt;
        }
        return integer_field(o, "population", base, owner);
    }

    // ---- entities --------------------------------------------------------------------------
    void read_entity(Index idx, const json::object& o) {
        Entity& e = m_.entities[idx];
        const std::string& base = e.pointer;
        check_keys(o, base, [&] { return std::string(singular(e.section)) + " " + in_quotes(e.id); },
                   {kCommonKeys, section_keys(e.section)});
        if (auto n = string_field(o, "name", base, e.id)) e.name = std::move(*n);
        EntityDetails d;
        if (auto n = string_field(o, "notes", base, e.id)) d.notes = std::move(*n);
        e.valid = validity(o, base, e.id);
        if (auto* c = o.if_contains("codes")) {
            if (c->is_object()) {
                for (auto& kv : c->get_object()) {
                    if (kv.value().is_string()) e.codes[std::string(kv.key())] = std::string(kv.value().get_string());
                    else malformed(base + "/codes/" + pointer_token(kv.key()), {e.id}, "Each code of " + in_quotes(e.id) + " must be a string.");
                }
            } else {
                malformed(base + "/codes", {e.id}, "The \"codes\" of " + in_quotes(e.id) + " must be an object of strings.");
            }
        }
        if (auto* a = o.if_contains("attrs"); a && !a->is_object())
            malformed(base + "/attrs", {e.id}, "The \"attrs\" of " + in_quotes(e.id) + " must be an object ({...}).");
        if (!kinds_of(e.section).empty()) {
            if (auto k = string_field(o, "kind", base, e.id)) {
                if (is_kind_of(e.section, *k)) e.kind = std::move(*k);
                else
                    malformed(base + "/kind", {e.id},
                              "The kind \"" + *k + "\" of " + in_quotes(e.id) + " is not a kind of " +
                                  std::string(singular(e.section)) + " pbp knows.");
            } else if (!o.contains("kind")) {
                malformed(base, {e.id}, "The " + std::string(singular(e.section)) + " " + in_quotes(e.id) + " has no kind.");
            }
        } else if (auto k = string_field(o, "kind", base, e.id)) {
            e.kind = std::move(*k);  // posts and functions have no kinds of their own; kept as written
        }

        switch (e.section) {
            case Section::area: {
                e.within = references(o, "within", base, kArea, e.id);
                e.population = population_field(o, base, e.id);
                if (auto* v = o.if_contains("need_index")) {
                    std::optional<Ratio> r;
                    if (v->is_string()) r = parse_decimal(v->get_string());
                    else if (v->is_int64() || v->is_uint64()) r = parse_decimal(json::serialize(*v));
                    if (r && *r >= 0) d.need_index = *r;
                    else
                        malformed(base + "/need_index", {e.id},
                                  "The need_index of " + in_quotes(e.id) + " is " + json_text(*v) +
                                      ": write a non-negative decimal as a string, e.g. \"1.25\".");
                }
                break;
            }
            case Section::organisation: e.serves = references(o, "serves", base, kArea, e.id); break;
            case Section::body: {
                e.of = references(o, "of", base, kOrg | kBody, e.id);
                if (e.kind == "joint_committee") {
                    for (Index t : e.of)
                        if (m_.at(t).section != Section::organisation)
                            report("E005", "The joint committee " + in_quotes(e.id) + " must belong to organisations, but " +
                                               in_quotes(m_.id(t)) + " is a body.", {e.id, m_.id(t)}, base + "/of");
                }
                if (!o.contains("of") && (e.kind == "board" || e.kind == "committee" || e.kind == "sub_committee" || e.kind == "team"))
                    malformed(base, {e.id}, "The " + e.kind + " " + in_quotes(e.id) + " must say which organisation or body it belongs to (\"of\").");
                e.place = single_reference(o, "place", base, kArea, e.id);
                read_members(o, e, d, base);
                read_quorum(o, e, d, base);
                break;
            }
            case Section::post: {
                if (auto t = string_field(o, "title", base, e.id)) d.title = *t;
                e.in = single_reference(o, "in", base, kOrg | kBody, e.id);
                if (!o.contains("in")) malformed(base, {e.id}, "The post " + in_quotes(e.id) + " must say which organisation or body it sits in (\"in\").");
                e.employer = single_reference(o, "employer", base, kOrg, e.id);
                if (auto h = string_field(o, "holder", base, e.id)) d.person = *h;
                d.appointed_by = references(o, "appointed_by", base, kOrg | kBody | kPost, e.id);
                d.approved_by = references(o, "approved_by", base, kOrg | kBody | kPost, e.id);
                break;
            }
            case Section::function: {
                e.holder = single_reference(o, "holder", base, kOrg, e.id);
                if (!o.contains("holder")) malformed(base, {e.id}, "The function " + in_quotes(e.id) + " must name the organisation that holds it in law (\"holder\").");
                if (auto s = bool_field(o, "statutory", base, e.id)) e.statutory = *s;
                if (auto s = string_field(o, "basis", base, e.id)) d.basis = *s;
                if (auto s = string_field(o, "service_area", base, e.id)) d.service_area = *s;
                break;
            }
            case Section::fund: {
                e.holder = single_reference(o, "holder", base, kOrg | kBody, e.id);
                e.host = single_reference(o, "host", base, kOrg, e.id);
                if (auto y = string_field(o, "year", base, e.id)) {
                    e.year = parse_financial_year(*y);
                    if (!e.year)
                        malformed(base + "/year", {e.id}, "The year \"" + *y + "\" of " + in_quotes(e.id) +
                                                              " is not a financial year written YYYY/YY (e.g. \"2022/23\").");
                }
                break;
            }
        }
        if (!d.empty()) e.more = std::make_shared<const EntityDetails>(std::move(d));
    }

    void read_members(const json::object& o, const Entity& e, EntityDetails& d, const std::string& base) {
        auto* v = o.if_contains("members");
        if (!v) return;
        if (!v->is_array()) {
            malformed(base + "/members", {e.id}, "The \"members\" of " + in_quotes(e.id) + " must be a list.");
            return;
        }
        const json::array& a = v->get_array();
        for (std::size_t k = 0; k < a.size(); ++k) {
            std::string path = base + "/members/" + std::to_string(k);
            if (!a[k].is_object()) {
                malformed(path, {e.id}, "Each member of " + in_quotes(e.id) + " must be an object with a \"member\" id.");
                continue;
            }
            const json::object& mo = a[k].get_object();
            check_keys(mo, path, [&] { return "a member of " + in_quotes(e.id); }, {kMemberKeys});
            Member mem;
            if (auto* id = mo.if_contains("member")) mem.member = reference(*id, At{path, "member"}, kOrg | kPost, e.id, "member");
            else malformed(path, {e.id}, "A member of " + in_quotes(e.id) + " has no \"member\" id.");
            if (auto b = bool_field(mo, "voting", path, e.id)) mem.voting = *b;
            if (auto r = string_field(mo, "role", path, e.id)) {
                if (is_member_role(*r)) mem.role = *r;
                else malformed(path + "/role", {e.id}, "The role \"" + *r + "\" of a member of " + in_quotes(e.id) +
                                                           " must be chair, vice_chair, member or attendee.");
            }
            if (mem.member != npos) d.members.push_back(mem);
        }
    }

    void read_quorum(const json::object& o, const Entity& e, EntityDetails& d, const std::string& base) {
        auto* v = o.if_contains("quorum");
        if (!v) return;
        if (!v->is_object()) {
            malformed(base + "/quorum", {e.id}, "The quorum of " + in_quotes(e.id) + " must be an object with a \"count\".");
            return;
        }
        const json::object& q = v->get_object();
        check_keys(q, base + "/quorum", [&] { return "the quorum of " + in_quotes(e.id); }, {kQuorumKeys});
        Quorum quorum;
        if (auto c = integer_field(q, "count", base + "/quorum", e.id)) quorum.count = *c;
        quorum.must_include = references(q, "must_include", base + "/quorum", kOrg | kPost, e.id);
        d.quorum = quorum;
    }

    // ---- relations -------------------------------------------------------------------------
    // `base`: the relation's JSON Pointer, as for read_flow() and read_assessment().
    void read_relation(std::size_t i, const json::object& o, const std::string& base) {
        Relation r;
        r.pointer = base;
        if (auto s = string_field(o, "id", base, "relation " + std::to_string(i))) r.id = *s;
        std::string label = r.id.empty() ? "relation " + std::to_string(i) : r.id;
        auto ks = string_field(o, "kind", base, label);
        std::optional<RelationKind> kind = ks ? parse_relation_kind(*ks) : std::nullopt;
        if (!kind) {
            malformed(ks ? base + "/kind" : base, {},
                      ks ? "The relation kind \"" + *ks + "\" is not one pbp knows (accountable_to, reports_to, member_of, "
                                                        "commissions, delegates, hosts, chairs, informs)."
                         : "This relation has no kind.");
            check_keys(o, base, [] { return std::string("a relation"); }, {kRelationKeys, kDelegationKeys, kMembershipKeys});
            return;
        }
        r.kind = *kind;
        check_keys(o, base, [&] { return "a " + std::string(to_string(r.kind)) + " relation"; },
                   {kRelationKeys, r.kind == RelationKind::delegates ? Keys(kDelegationKeys)
                               : r.kind == RelationKind::member_of ? Keys(kMembershipKeys) : Keys()});
        const auto [from_ok, to_ok] = relation_ends(r.kind);
        for (const char* end : {"from", "to"}) {
            if (!o.contains(end)) malformed(base, {}, "This " + std::string(to_string(r.kind)) + " relation has no \"" + end + "\".");
        }
        r.from = single_reference(o, "from", base, from_ok, label);
        r.to = single_reference(o, "to", base, to_ok, label);
        if (r.kind == RelationKind::member_of && r.from != npos && r.to != npos &&
            m_.at(r.to).section == Section::organisation && m_.at(r.from).section != Section::organisation) {
            report("E005", "Only an organisation can be a member of another organisation: " + in_quotes(m_.id(r.from)) +
                               " is a post.", {m_.id(r.from), m_.id(r.to)}, base + "/from");
            r.from = npos;
        }
        r.valid = validity(o, base, label);
        if (r.kind == RelationKind::delegates) read_delegation(o, r, base, label);
        if (r.kind == RelationKind::member_of) {
            if (auto b = bool_field(o, "voting", base, label)) r.voting = *b;
            if (auto s = string_field(o, "role", base, label)) {
                if (is_member_role(*s)) r.role = *s;
                else malformed(base + "/role", {label}, "The role \"" + *s + "\" must be chair, vice_chair, member or attendee.");
            }
        }
        if (r.from != npos && r.to != npos) m_.relations.push_back(std::move(r));
    }

    void read_delegation(const json::object& o, Relation& r, const std::string& base, const std::string& label) {
        auto* f = o.if_contains("functions");
        if (!f || !f->is_array() || f->get_array().empty()) {
            malformed(f ? base + "/functions" : base, {label},
                      "A delegation must list the functions it hands on (\"functions\": a non-empty list of function ids).");
        } else {
            r.functions = references(o, "functions", base, kFunction, label);
        }
        if (auto m = string_field(o, "mechanism", base, label)) {
            if (auto mech = parse_mechanism(*m)) r.mechanism = *mech;
            else malformed(base + "/mechanism", {label}, "The mechanism \"" + *m +
                                                             "\" is not one of scheme_of_delegation, s65z5, s75, lead_provider, executive_authority.");
        }
        r.limit = money_field(o, "limit", base, label, false);
        if (auto s = string_field(o, "instrument", base, label)) r.instrument = *s;
        if (auto b = bool_field(o, "may_subdelegate", base, label)) r.may_subdelegate = *b;
    }

    void read_flow(std::size_t i, const json::object& o, const std::string& base) {
        std::string label = "flow " + std::to_string(i);
        if (auto* idv = o.if_contains("id"); idv && idv->is_string()) label = std::string(idv->get_string());  // as relations do
        check_keys(o, base, [] { return std::string("a flow"); }, {kFlowKeys});
        Flow fl;
        fl.pointer = base;
        bool ok = true;
        for (const char* key : {"from", "to", "amount", "year"})
            if (!o.contains(key)) {
                malformed(base, {}, "This flow has no \"" + std::string(key) + "\".");
                ok = false;
            }
        fl.from = single_reference(o, "from", base, kOrg | kBody | kFund, label);
        fl.to = single_reference(o, "to", base, kOrg | kBody | kFund, label);
        std::vector<std::string> ends;  // a flow without an id is named by who pays whom
        for (const char* end : {"from", "to"})
            if (auto* v = o.if_contains(end); v && v->is_string()) ends.emplace_back(v->get_string());
        auto amount = money_field(o, "amount", base, label, false, label.rfind("flow ", 0) == 0 ? ends : std::vector<std::string>{});
        if (amount) fl.amount = *amount;
        if (auto y = string_field(o, "year", base, label)) {
            if (auto fy = parse_financial_year(*y)) fl.year = *fy;
            else {
                malformed(base + "/year", {}, "The year \"" + *y + "\" of this flow is not a financial year written YYYY/YY (e.g. \"2022/23\").");
                ok = false;
            }
        } else {
            ok = false;
        }
        if (auto p = string_field(o, "purpose", base, label)) fl.purpose = *p;
        if (auto rs = string_field(o, "restriction", base, label)) {
            if (auto r = parse_restriction(*rs)) fl.restriction = *r;
            else malformed(base + "/restriction", {}, "The restriction \"" + *rs + "\" is not one of none, ring_fenced, pass_through, mandated.");
        }
        fl.valid = validity(o, base, label);
        if (!(ok && amount && fl.from != npos && fl.to != npos)) return;
        // Every sum pbp takes of a year's flows (a node's inflow, its outflow, a report's
        // total) is at most the year's total, so bounding that keeps every sum exact (E017).
        Pence& total = year_totals_[fl.year.start];
        if (fl.amount.pence() > max_pence() - total) {
            report("E017",
                   "The flows of " + to_string(fl.year) + " add up to more than pbp can hold exactly (2^127 - 1 pence) "
                   "once this one's " + fl.amount.to_string() + " is added; it is left out of every sum. Check the "
                   "amounts (a figure in pence written as pounds?).",
                   label.rfind("flow ", 0) == 0 ? ends : std::vector<std::string>{label}, base + "/amount");
            return;
        }
        total += fl.amount.pence();
        m_.flows.push_back(std::move(fl));
    }

    void read_assessment(std::size_t i, const json::object& o, const std::string& base) {
        const auto& themes = maturity_themes();
        const auto& stages = maturity_stages();
        std::string label = "assessment " + std::to_string(i);
        check_keys(o, base, [] { return std::string("an assessment"); }, {kAssessmentKeys});
        Assessment a;
        a.pointer = base;
        a.subject = single_reference(o, "subject", base, kBody | kArea, label);
        auto d = date_field(o, "date", base, label);
        if (d) a.date = *d;
        auto theme = string_field(o, "theme", base, label);
        auto stage = string_field(o, "stage", base, label);
        if (theme && !themes.count(*theme)) {
            malformed(base + "/theme", {}, "The theme \"" + *theme + "\" is not one of the ten themes of the maturity matrix.");
            theme.reset();
        }
        if (stage && !stages.count(*stage)) {
            malformed(base + "/stage", {}, "The stage \"" + *stage + "\" must be emerging, developing, maturing or thriving.");
            stage.reset();
        }
        if (auto ev = string_field(o, "evidence", base, label)) a.evidence = *ev;
        for (const char* key : {"subject", "date", "theme", "stage"})
            if (!o.contains(key)) malformed(base, {}, "This assessment has no \"" + std::string(key) + "\".");
        if (a.subject != npos && d && theme && stage) {
            a.theme = *theme;
            a.stage = *stage;
            m_.assessments.push_back(std::move(a));
        }
    }

    Model& m_;
    detail::Outline& outline_;
    Diagnostics* sink_ = &m_.load_diagnostics;  // where report() puts what it finds
    std::vector<std::vector<Index>> entity_at_;  // per entity list: each entry's entity, or npos
    std::unordered_set<std::string_view> other_ids_;  // of relations, flows and assessments: views into outline_
    std::map<int, Pence> year_totals_;  // the flows kept so far, by financial year
};

// The graph of every link (SPEC 2.1) and the delegations of each function, built once every
// entity and relation has been read.
void build_graph(Model& model) {
    // Every edge first, then the graph in one go (compressed sparse rows cannot grow). One
    // pass over the entities: each is 336 bytes, so every pass over 44,000 of them is a cache
    // miss or more per entity (with a counting pass before this one, build_graph had a sixth of
    // the cache misses of `pbp validate` on a national model, cachegrind). The lists are
    // reserved generously instead: pages of a reservation that are never written are never
    // mapped.
    std::vector<std::pair<Index, Index>> ends;
    std::vector<EdgeProperties> properties;
    const std::size_t likely = 2 * (model.entities.size() + model.relations.size());
    ends.reserve(likely);
    properties.reserve(likely);
    auto add = [&](Index a, Index b, EdgeKind k, Validity v = {}, Index rel = npos) {
        if (a == npos || b == npos) return;
        ends.emplace_back(a, b);
        properties.push_back(EdgeProperties{k, v, rel});
    };
    for (Index i = 0; i < model.entities.size(); ++i) {
        const Entity& e = model.entities[i];
        for (Index p : e.within) add(i, p, EdgeKind::within);
        for (Index s : e.serves) add(i, s, EdgeKind::serves);
        for (Index o : e.of) add(i, o, EdgeKind::of);
        add(i, e.place, EdgeKind::place);
        const EntityDetails* d = e.more.get();  // most entities have none: details() would read a default
        if (d)
            for (const Member& mem : d->members) add(i, mem.member, EdgeKind::member);
        add(i, e.in, EdgeKind::in);
        add(i, e.employer, EdgeKind::employer);
        add(i, e.holder, EdgeKind::holds);
        add(i, e.host, EdgeKind::host);
        if (!d) continue;
        for (Index a : d->appointed_by) add(i, a, EdgeKind::appointed_by);
        for (Index a : d->approved_by) add(i, a, EdgeKind::approved_by);
    }
    for (Index r = 0; r < model.relations.size(); ++r) {
        const Relation& rel = model.relations[r];
        add(rel.from, rel.to, static_cast<EdgeKind>(rel.kind), rel.valid, r);
        if (rel.kind != RelationKind::delegates) continue;
        add(rel.to, rel.from, EdgeKind::answers_to_delegator, rel.valid, r);
        for (Index f : rel.functions) {
            std::vector<Index>& of_f = model.delegations_by_function[f];
            if (of_f.empty() || of_f.back() != r) of_f.push_back(r);  // a function listed twice counts once
        }
    }
    Graph& g = model.graph;
    g = Graph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), properties.begin(),
              static_cast<Index>(model.entities.size()));
    for (Index i = 0; i < model.entities.size(); ++i) g[i].entity = i;
}

void strip_bom(std::string_view& text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
}

Diagnostic located(std::string code, std::string message, std::string_view text, std::size_t offset) {
    const SourcePosition p = detail::position_of(text, offset);
    return Diagnostic{std::move(code), severity_of(code), std::move(message), {}, "", p.line, p.column};
}

// E012: a section with more entries than limits:: allows, as a diagnostic at that section.
std::optional<Diagnostic> too_many(const Model& model, const detail::Outline& outline) {
    std::size_t entities = 0;
    std::string largest;
    std::size_t largest_size = 0;
    for (std::size_t list = 0; list < kSections.size(); ++list) {
        const std::size_t size = outline.entries[list].size();
        entities += size;
        if (size > largest_size) largest_size = size, largest = std::string(kLists[list]);
    }
    if (entities > limits::entities)
        return model.diagnostic("E012",
                                "The model has " + grouped(entities) + " areas, organisations, bodies, posts, functions "
                                "and funds together; pbp reads at most " + grouped(limits::entities) + ". Split it into "
                                "several models (for example one per system).",
                                {}, "/" + largest);
    for (std::size_t list : {kRelations, kFlows, kAssessments})
        if (const std::size_t size = outline.entries[list].size(); size > limits::relations)
            return model.diagnostic("E012",
                                    "The model has " + grouped(size) + " " + std::string(kLists[list]) +
                                        "; pbp reads at most " + grouped(limits::relations) +
                                        ". Split it into several models (for example one per system or year).",
                                    {}, "/" + std::string(kLists[list]));
    return std::nullopt;
}

// The sentence of E001 for a parse error at `offset`, with a hint for the mistakes that the
// parser's own words ("syntax error") do not explain.
std::string not_json_message(std::string_view text, std::size_t offset, const json::error_code& ec) {
    const SourcePosition p = detail::position_of(text, offset);
    std::string msg = "The file is not valid JSON at line " + std::to_string(p.line) + ", column " +
                      std::to_string(p.column) + ": " + ec.message();
    if (offset < text.size()) {
        const auto c = static_cast<unsigned char>(text[offset]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%04X", c);
            msg += " (the control character U+" + std::string(hex) +
                   "; inside a string JSON allows it only escaped, as \\u" + hex + ")";
        }
    } else if (ec != json::error::extra_data) {
        msg += " (the file ends too early: a string, list or object is not closed)";
    }
    return msg + ".";
}

// Parses the whole of `text` as pbp reads JSON (comments and trailing commas allowed, nesting
// bounded). On failure `ec` is set and `consumed` is where the parser stopped.
json::value parse(std::string_view text, json::error_code& ec, std::size_t& consumed) {
    json::parse_options opts;
    opts.allow_comments = true;
    opts.allow_trailing_commas = true;
    opts.max_depth = limits::depth;
    json::stream_parser parser({}, opts);
    consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec && consumed < text.size()) ec = json::error::extra_data;
    if (!ec) parser.finish(ec);
    if (ec) return nullptr;
    return parser.release();
}

}  // namespace

namespace {
// E010 for input read past the limit. `size`: the whole size, when known.
LoadResult too_large(const std::string& what, std::uintmax_t size) {
    LoadResult r;
    r.diagnostics.push_back(Diagnostic{
        "E010", Severity::error,
        what + " is " + (size > limits::file_bytes ? grouped(size) : "more than " + grouped(limits::file_bytes)) +
            " bytes; pbp reads models of at most " + grouped(limits::file_bytes) +
            " bytes (128 MiB). Split it into several models (for example one per system).",
        {}, "", std::nullopt, std::nullopt});
    return r;
}
// load_model() on text it owns, so that the model keeps it without a copy (a copy of a 111 MB
// file is 111 MB more at the moment memory is fullest).
// `quick`: try the quick reading (load_clean.hpp) first.
LoadResult load_text(std::string owned, bool quick = true) {
    std::string_view text = owned;
    strip_bom(text);
    LoadResult result;
    if (text.size() > limits::file_bytes) return too_large("The file", text.size());
    if (const std::size_t bad = detail::invalid_utf8(text); bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
        const SourcePosition p = detail::position_of(text, bad);
        result.diagnostics.push_back(located(
            "E001",
            "The file is not valid UTF-8 at line " + std::to_string(p.line) + ", column " + std::to_string(p.column) +
                " (byte 0x" + hex + "): save it as UTF-8 (a spreadsheet's \"CSV UTF-8\" or a text editor's \"UTF-8\" "
                "encoding), not Latin-1 or Windows-1252.",
            text, bad));
        return result;
    }
    if (quick && text.size() <= detail::clean_reading_bytes) {
        owned.erase(0, owned.size() - text.size());  // the byte order mark, if any
        auto clean = std::make_shared<Model>();
        clean->source = std::move(owned);
        if (detail::read_clean(*clean)) {
            build_graph(*clean);
            result.model = std::move(clean);
            return result;
        }
        owned = std::move(clean->source);  // read again, in full, for the diagnostics
        text = owned;
    }
    auto model = std::make_shared<Model>();

    json::error_code ec;
    std::size_t consumed = 0;
    // The first of two readings (entry_stream.hpp): the whole document is never held at once.
    detail::Outline outline = detail::outline(text, kLists, ec, consumed);
    if (ec == json::error::too_deep) {
        const SourcePosition p = detail::position_of(text, consumed);
        result.diagnostics.push_back(located("E011",
                                             "The file nests lists and objects more than " + std::to_string(limits::depth) +
                                                 " levels deep at line " + std::to_string(p.line) + ", column " +
                                                 std::to_string(p.column) +
                                                 "; a pbp model needs a handful. Flatten what is under \"attrs\".",
                                             text, consumed));
        return result;
    }
    if (ec) {
        result.diagnostics.push_back(located("E001", not_json_message(text, consumed, ec), text, consumed));
        return result;
    }
    const json::object* root = outline.object ? &outline.root : nullptr;
    const json::value* format = root ? root->if_contains("format") : nullptr;
    if (!format || !format->is_string() || format->get_string() != "pbp/1") {
        std::string what = !root ? "The file is not a pbp model: its top level must be an object with \"format\": \"pbp/1\"."
                           : !format ? "The file has no \"format\": a pbp model starts with \"format\": \"pbp/1\"."
                                     : "The format " + json_text(*format) + " is not supported: this version of pbp reads \"pbp/1\".";
        result.diagnostics.push_back(model->diagnostic("E002", what, {}, format ? "/format" : ""));
        detail::locate(result.diagnostics, text);
        return result;
    }
    // The limits on the document as a whole: past one, nothing is read (E012-E014).
    std::optional<Diagnostic> limit;
    if (const auto& big = outline.oversize) {
        using What = detail::Oversize::What;
        const std::string what =
            big->what == What::number
                ? "a number too large to hold (beyond about 1.8E308), which could not be written back as it was read"
                : std::string(big->what == What::key ? "a key" : "a string") + " of " + grouped(big->bytes) +
                      " bytes; pbp reads strings and keys of at most " + grouped(limits::string_bytes) + " bytes (1 MiB)";
        limit = model->diagnostic(big->what == What::number ? "E014" : "E013",
                                  "The value at " + (big->pointer.empty() ? std::string("the top") : big->pointer) + " is " +
                                      what + ".",
                                  {}, big->pointer);
    } else {
        limit = too_many(*model, outline);
    }
    if (limit) {
        result.diagnostics.push_back(std::move(*limit));
        detail::locate(result.diagnostics, text);
        return result;
    }
    owned.erase(0, owned.size() - text.size());  // the byte order mark, if any
    model->source = std::move(owned);
    text = model->source;

    // Boost.JSON keeps the last of two equal keys in an object; the first value would be lost
    // without a word, so each repeat is an error (E009) naming both places. The outline saw
    // whether any object may repeat a key; only then is the text scanned for where.
    std::vector<Diagnostic> duplicates;
    if (outline.repeated_key)
        for (const auto& d : detail::duplicate_keys(text))
            duplicates.push_back(Diagnostic{
                "E009", Severity::error,
                "The key \"" + d.key + "\" is written more than once in the same object: first at line " +
                    std::to_string(d.first.line) + ", column " + std::to_string(d.first.column) + ", again at line " +
                    std::to_string(d.position.line) + ", column " + std::to_string(d.position.column) +
                    "; only the last value is kept. Remove or rename the repeats.",
                {}, d.pointer, d.position.line, d.position.column});
    model->load_diagnostics = std::move(duplicates);
    Loader(*model, outline).run();
    build_graph(*model);
    model->locate(model->load_diagnostics);
    result.diagnostics = model->load_diagnostics;
    result.model = std::move(model);
    return result;
}
}  // namespace

std::size_t detail::invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        // A model is almost all ASCII: eight bytes at a time while none has its high bit set.
        for (; i + 8 <= n; i += 8) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, s.data() + i, 8);
            if (eight & 0x8080808080808080u) break;
        }
        if (i == n) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) len = 3, lo = 0xA0;
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) len = 3, hi = 0x9F;
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) len = 4, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) len = 4, hi = 0x8F;
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

LoadResult detail::load_model_in_full(std::string_view text) {
    if (text.size() > limits::file_bytes + 3) return too_large("The file", text.size());
    return load_text(std::string(text), false);
}

LoadResult load_model(std::string_view text) {
    // Refused before it is copied (the limit counts a byte order mark, as before).
    if (text.size() > limits::file_bytes + 3) return too_large("The file", text.size());
    return load_text(std::string(text));
}

namespace {
// Reads `in` to its end or to one byte past limits::file_bytes, whichever comes first: a huge
// file, /dev/zero or an endless pipe is refused without holding more than the limit in memory.
// `expected`: the size, when known, so that the text is allocated once and to size.
std::string read_capped(std::istream& in, std::uintmax_t expected = 0) {
    std::string text;
    // A file of known size is read straight into its string, with no buffer between.
    const auto size = static_cast<std::size_t>(std::min<std::uintmax_t>(expected, limits::file_bytes + 1));
    text.reserve(size);
    detail::prepare_to_fill(text.data(), size);
    text.resize(size);
    text.resize(static_cast<std::size_t>(std::max<std::streamsize>(
        in.read(text.data(), static_cast<std::streamsize>(text.size())).gcount(), 0)));
    if (text.size() < expected) return text;  // the end (or an error, which the caller sees)
    char buffer[1 << 16];
    while (text.size() <= limits::file_bytes) {
        const std::size_t want = std::min(sizeof buffer, limits::file_bytes + 1 - text.size());
        if (in.read(buffer, static_cast<std::streamsize>(want)).gcount() <= 0) break;
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    return text;
}

}  // namespace

LoadResult load_model(std::istream& in) {
    std::string text = read_capped(in);
    if (in.bad()) throw IoError("cannot read the model");
    if (text.size() > limits::file_bytes) return too_large("The input", 0);
    return load_text(std::move(text));
}

LoadResult load_model_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot open " + path.string());
    std::error_code ec;
    std::uintmax_t size = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
    if (ec) size = 0;
    std::string text = read_capped(in, size);
    if (in.bad()) throw IoError("cannot read " + path.string());
    if (text.size() > limits::file_bytes) return too_large("The file " + path.string(), size);
    return load_text(std::move(text));
}

json::value Model::document() const {
    if (source.empty()) return nullptr;
    json::error_code ec;
    std::size_t consumed = 0;
    json::value v = parse(source, ec, consumed);
    // The text was parsed without error when the model was loaded; parsing is deterministic.
    Ensures(!ec);
    return v;
}

std::string save_model(const Model& m) {
    if (m.source.empty()) return pretty_json(m.document());
    // From the text, not from document(): a document would change the numbers it cannot hold
    // exactly (past 64 bits, or more digits than a double keeps).
    auto text = detail::reindent_json(m.source);
    // The text was parsed without error when the model was loaded; parsing is deterministic.
    Ensures(text.has_value());
    return *std::move(text);
}

void save_model_file(const Model& m, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw IoError("cannot write " + path.string());
    out << save_model(m);
    if (!out) throw IoError("cannot write " + path.string());
}

}  // namespace pbp
