// The quick reading of a model (load_clean.hpp): Boost.JSON's basic_parser calls this file's
// Reader for every key and value, in text order. The Reader keeps only the entry being read
// (its fields, as views into the text wherever it can), turns each finished entry into an
// entity, relation, flow or assessment, resolves each id it names at once when that entity has
// been read, and the rest once every entity has. Whatever the full reading would report makes
// it give way: the rules below are the full reading's (load.cpp), asked as yes-or-no questions.
#include "load_clean.hpp"

#include "pbp/load.hpp"
#include "ids.hpp"
#include "load_vocabulary.hpp"
#include "page_advice.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <gsl/assert>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace pbp::detail {
namespace json = boost::json;

namespace {

// Every key of an entry, a member or a quorum (load_vocabulary.hpp), as a number.
enum class Field : std::uint8_t {
    id, name, kind, codes, valid_from, valid_to, notes, attrs, within, population, need_index, serves, of, place,
    members, quorum, title, in, employer, holder, appointed_by, approved_by, statutory, basis, service_area, year,
    host, from, to, functions, mechanism, limit, instrument, may_subdelegate, voting, role, amount, purpose,
    restriction, subject, date, theme, stage, evidence, member, count, must_include, none
};
constexpr std::array<std::string_view, static_cast<std::size_t>(Field::none)> kFieldNames{
    "id", "name", "kind", "codes", "valid_from", "valid_to", "notes", "attrs", "within", "population", "need_index",
    "serves", "of", "place", "members", "quorum", "title", "in", "employer", "holder", "appointed_by", "approved_by",
    "statutory", "basis", "service_area", "year", "host", "from", "to", "functions", "mechanism", "limit",
    "instrument", "may_subdelegate", "voting", "role", "amount", "purpose", "restriction", "subject", "date", "theme",
    "stage", "evidence", "member", "count", "must_include"};
using Fields = std::uint64_t;  // a set of Field
constexpr Fields of(Field f) { return Fields{1} << static_cast<unsigned>(f); }

// The field of a key, looked up in a small open-addressed table: every key of every entry
// comes here, and a look along all 47 names for each was a few per cent of the reading (perf).
Field field_named(std::string_view key) {
    constexpr std::size_t size = 256;
    const auto slot = [](std::string_view k) {
        return k.empty() ? 0 : (k.size() * 131 + static_cast<unsigned char>(k.front()) * 31 + static_cast<unsigned char>(k.back())) % size;
    };
    static const std::array<Field, size> table = [&] {
        std::array<Field, size> t;
        t.fill(Field::none);
        for (std::size_t f = 0; f < kFieldNames.size(); ++f) {
            std::size_t at = slot(kFieldNames[f]);
            while (t[at] != Field::none) at = (at + 1) % size;
            t[at] = static_cast<Field>(f);
        }
        return t;
    }();
    for (std::size_t at = slot(key);; at = (at + 1) % size) {
        const Field f = table[at];
        if (f == Field::none || kFieldNames[static_cast<std::size_t>(f)] == key) return f;
    }
}
Fields fields_named(std::initializer_list<Keys> lists) {
    Fields out = 0;
    for (Keys keys : lists)
        for (std::string_view k : keys) out |= of(field_named(k));
    return out;
}

// The top level's lists, in load.cpp's order (kLists there): the six entity sections, then
// relations, flows and assessments.
constexpr std::array<std::string_view, 9> kLists{"areas", "organisations", "bodies", "posts", "functions",
                                                 "funds", "relations", "flows", "assessments"};
constexpr std::size_t kSectionLists = 6, kRelations = 6, kFlows = 7, kAssessments = 8;
constexpr std::size_t kFormat = 9, kName = 10, kCurrency = 11, kNoKey = 12;  // the other top-level keys

// The keys each list's entries may have (for relations, those of any kind).
const std::array<Fields, 9>& list_fields() {
    static const std::array<Fields, 9> fields = [] {
        std::array<Fields, 9> f{};
        for (std::size_t s = 0; s < kSectionLists; ++s)
            f[s] = fields_named({kCommonKeys, section_keys(static_cast<Section>(s))});
        f[kRelations] = fields_named({kRelationKeys, kDelegationKeys, kMembershipKeys});
        f[kFlows] = fields_named({kFlowKeys});
        f[kAssessments] = fields_named({kAssessmentKeys});
        return f;
    }();
    return fields;
}

// A value read for a field. Strings are views: into the text when the parser gave one (no
// escapes), else into storage the Reader keeps.
struct Slot {
    enum class Type : std::uint8_t { string, boolean, integer, unsigned_integer, real, null, array, object };
    explicit Slot(Type t = Type::null, std::string_view s = {}) : type(t), text(s) {}
    Type type;
    std::string_view text;
    bool flag = false;
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer = 0;
    std::size_t first = 0, last = 0;  // an array of ids: names_[first, last)
};
using Type = Slot::Type;

struct MemberSlot {
    Fields present = 0;
    std::string_view member, role;
    bool voting = true;
};

struct QuorumSlot {
    std::int64_t count = 0;
    std::size_t first = 0, last = 0;  // must_include: names_[first, last)
};

// Where the parser is: the innermost open array or object first.
enum class In : std::uint8_t { root, list, entry, codes, names, members, member, quorum, skip_object, skip_array };
struct Frame {
    In in;
    std::size_t key = kNoKey;  // the key whose value comes next: a Field, or at the root a list or kFormat...
    Fields seen = 0;           // keys seen so far (entry, member, quorum, root)
    std::size_t hashes = 0;    // a skipped object's: where its key hashes start in hashes_
};

class Reader {
public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    explicit Reader(Model& m) : m_(m), text_(m.source), pages_(m.source.size() >= threaded_mapping_bytes) {}

    /// Ends the mapping of the entities' and relations' pages: call it before either may move.
    void stop_mapping() noexcept { pages_.stop(); }

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code& ec) { return ok(finished_, ec); }
    bool on_object_begin(json::error_code& ec) { return ok(open_object(), ec); }
    bool on_object_end(std::size_t, json::error_code& ec) { return ok(close_object(), ec); }
    bool on_array_begin(json::error_code& ec) { return ok(open_array(), ec); }
    bool on_array_end(std::size_t, json::error_code& ec) { return ok(close_array(), ec); }
    bool on_key_part(json::string_view s, std::size_t n, json::error_code& ec) {
        if (n > limits::string_bytes) return ok(false, ec);
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t n, json::error_code& ec) {
        if (n > limits::string_bytes) return ok(false, ec);
        std::string_view k = s;
        if (!key_.empty()) k = key_.append(s.data(), s.size());
        const bool fine = key(k);
        key_.clear();
        return ok(fine, ec);
    }
    bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec) {
        if (n > limits::string_bytes) return ok(false, ec);
        string_.append(s.data(), s.size());
        return true;
    }
    bool on_string(json::string_view s, std::size_t n, json::error_code& ec) {
        if (n > limits::string_bytes) return ok(false, ec);
        std::string_view v = s;
        if (!string_.empty()) v = string_.append(s.data(), s.size());
        Slot slot{Type::string, kept(v)};
        string_.clear();
        return ok(scalar(slot), ec);
    }
    bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t i, json::string_view, json::error_code& ec) {
        Slot slot{Type::integer};
        slot.integer = i;
        return ok(scalar(slot), ec);
    }
    bool on_uint64(std::uint64_t u, json::string_view, json::error_code& ec) {
        Slot slot{Type::unsigned_integer};
        slot.unsigned_integer = u;
        return ok(scalar(slot), ec);
    }
    // A number past the range of a double (E014) is a limit of the file; any other is read as
    // the full reading reads it, which reports one wherever pbp wants a whole number.
    bool on_double(double d, json::string_view, json::error_code& ec) {
        return ok(std::isfinite(d) && scalar(Slot{Type::real}), ec);
    }
    bool on_bool(bool b, json::error_code& ec) {
        Slot slot{Type::boolean};
        slot.flag = b;
        return ok(scalar(slot), ec);
    }
    bool on_null(json::error_code& ec) { return ok(scalar(Slot{Type::null}), ec); }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

    // After the whole text: the ids every entry names, now that every entity is known.
    bool resolve();

private:
    // The parser stops at the first `false`; the error code only tells it so.
    static bool ok(bool fine, json::error_code& ec) {
        if (!fine) ec = json::error::syntax;
        return fine;
    }

    // A view that outlives the parser's buffers: into the text, or a copy kept until the end.
    std::string_view kept(std::string_view v) {
        if (v.data() >= text_.data() && v.data() + v.size() <= text_.data() + text_.size()) return v;
        return copies_.emplace_back(v);
    }

    Frame& top() { return frames_.back(); }
    Field field() const { return static_cast<Field>(frames_.back().key); }

    // ---- the events, by where they happen ------------------------------------------------
    bool open_object() {
        if (frames_.empty()) return frames_.push_back(Frame{In::root}), true;
        switch (top().in) {
            case In::list: return begin_entry(), frames_.push_back(Frame{In::entry}), true;
            case In::entry:
                switch (field()) {
                    case Field::codes: return set(Type::object) && (frames_.push_back(Frame{In::codes}), true);
                    case Field::quorum: return set(Type::object) && (frames_.push_back(Frame{In::quorum}), true);
                    case Field::attrs: return set(Type::object) && skip(In::skip_object);
                    case Field::notes: return list_ >= kSectionLists && set(Type::object) && skip(In::skip_object);
                    default: return false;
                }
            case In::members: return members_.emplace_back(), frames_.push_back(Frame{In::member}), true;
            case In::member: return field() == Field::attrs && skip(In::skip_object);
            case In::skip_object:
            case In::skip_array: return skip(In::skip_object);
            default: return false;
        }
    }

    bool open_array() {
        if (frames_.empty()) return false;
        switch (top().in) {
            case In::root:
                if (top().key >= kSectionLists + 3) return false;  // format, name, currency
                return begin_list(top().key);
            case In::entry:
                switch (field()) {
                    case Field::within: case Field::serves: case Field::of: case Field::appointed_by:
                    case Field::approved_by: case Field::functions:
                        set(Type::array);
                        slot().first = names_.size();
                        return frames_.push_back(Frame{In::names}), true;
                    case Field::members: return set(Type::array) && (frames_.push_back(Frame{In::members}), true);
                    case Field::attrs: case Field::notes: return list_ >= kSectionLists && set(Type::array) && skip(In::skip_array);
                    default: return false;
                }
            case In::member: return field() == Field::attrs && skip(In::skip_array);  // a member's "attrs" may be anything
            case In::quorum:
                if (field() != Field::must_include) return false;
                quorum_.first = names_.size();
                return frames_.push_back(Frame{In::names}), true;
            case In::skip_object:
            case In::skip_array: return skip(In::skip_array);
            default: return false;
        }
    }

    bool close_object() {
        const Frame done = frames_.back();
        frames_.pop_back();
        switch (done.in) {
            case In::root: return finished_ = root_done(done.seen);
            case In::entry: return finish_entry(done.seen);
            case In::member: return member_done(done.seen);
            case In::skip_object: hashes_.resize(done.hashes); return true;
            default: return true;
        }
    }

    bool close_array() {
        const Frame done = frames_.back();
        frames_.pop_back();
        if (done.in != In::names) return true;
        if (top().in == In::quorum) quorum_.last = names_.size();
        else slot().last = names_.size();
        return true;
    }

    bool key(std::string_view k) {
        Frame& f = top();
        switch (f.in) {
            case In::root: {
                const std::array<std::string_view, 3> others{"format", "name", "currency"};
                std::size_t which = std::find(kLists.begin(), kLists.end(), k) - kLists.begin();
                if (which == kLists.size()) which = kFormat + (std::find(others.begin(), others.end(), k) - others.begin());
                return which < kNoKey && first_time(f, which);
            }
            case In::entry: {
                const Field k_field = field_named(k);
                return k_field != Field::none && (list_fields()[list_] & of(k_field)) && first_time(f, static_cast<std::size_t>(k_field));
            }
            case In::member: {
                const Field k_field = field_named(k);
                return std::find(kMemberKeys.begin(), kMemberKeys.end(), k) != kMemberKeys.end() &&
                       first_time(f, static_cast<std::size_t>(k_field));
            }
            case In::quorum: {
                const Field k_field = field_named(k);
                return std::find(kQuorumKeys.begin(), kQuorumKeys.end(), k) != kQuorumKeys.end() &&
                       first_time(f, static_cast<std::size_t>(k_field));
            }
            case In::codes: {
                const std::string_view code = kept(k);
                for (const auto& c : codes_)
                    if (c.first == code) return false;  // E009
                codes_.emplace_back(code, std::string_view{});
                return true;
            }
            case In::skip_object: {
                // E009 in a value passed over ("attrs", a relation's "notes"): keys compared by
                // hash, so a rare false alarm only sends the file to the full reading, which
                // compares them exactly.
                const std::uint64_t h = std::hash<std::string_view>{}(k);
                const auto from = hashes_.begin() + static_cast<std::ptrdiff_t>(f.hashes);
                if (hashes_.end() - from >= 64 || std::find(from, hashes_.end(), h) != hashes_.end()) return false;
                hashes_.push_back(h);
                return true;
            }
            default: return false;
        }
    }

    static bool first_time(Frame& f, std::size_t key) {
        if (f.seen & (Fields{1} << key)) return false;  // E009
        f.seen |= Fields{1} << key;
        f.key = key;
        return true;
    }

    bool scalar(const Slot& v) {
        if (frames_.empty()) return false;
        switch (top().in) {
            case In::root:
                switch (top().key) {
                    case kFormat: return v.type == Type::string && v.text == "pbp/1";
                    case kName: return v.type == Type::string && (m_.name = std::string(v.text), true);
                    case kCurrency: return v.type == Type::string && v.text == "GBP";
                    default: return false;  // a list that is not a list
                }
            case In::entry: return field() != Field::codes && field() != Field::quorum && field() != Field::members &&
                                   (slot() = v, true);
            case In::codes: return v.type == Type::string && (codes_.back().second = v.text, true);
            case In::names: return v.type == Type::string && (names_.push_back(v.text), true);
            case In::member: {
                MemberSlot& mem = members_.back();
                switch (field()) {
                    case Field::member: return v.type == Type::string && (mem.member = v.text, true);
                    case Field::voting: return v.type == Type::boolean && (mem.voting = v.flag, true);
                    case Field::role: return v.type == Type::string && is_member_role(v.text) && (mem.role = v.text, true);
                    default: return true;  // "attrs"
                }
            }
            case In::quorum:
                if (field() == Field::count) return v.type == Type::integer && v.integer >= 0 && (quorum_.count = v.integer, true);
                quorum_.first = names_.size();
                if (v.type != Type::string) return false;
                names_.push_back(v.text);
                quorum_.last = names_.size();
                return true;
            case In::skip_object:
            case In::skip_array: return true;
            default: return false;
        }
    }

    bool skip(In in) {
        frames_.push_back(Frame{in, kNoKey, 0, hashes_.size()});
        return true;
    }

    Slot& slot() { return slots_[static_cast<std::size_t>(field())]; }
    bool set(Type t) {
        slot() = Slot{t};
        return true;
    }
    const Slot* get(Field f) const {
        return (entry_seen_ & of(f)) ? &slots_[static_cast<std::size_t>(f)] : nullptr;
    }

    bool begin_list(std::size_t list) {
        if (list < kSectionLists) {
            // Entities are numbered in the sections' order whatever the file's; a file in
            // another order goes to the full reading, which numbers them so.
            if (list < last_section_ && last_section_ != kNoKey) return false;
            last_section_ = list;
        }
        list_ = list;
        frames_.push_back(Frame{In::list});
        return true;
    }

    void begin_entry() {
        names_.clear();
        codes_.clear();
        members_.clear();
        quorum_ = QuorumSlot{};
    }

    bool member_done(Fields seen) {
        MemberSlot& mem = members_.back();
        mem.present = seen;
        return (seen & of(Field::member)) != 0;
    }

    bool root_done(Fields seen) {
        constexpr Fields needed = (Fields{1} << kFormat) | (Fields{1} << kName);
        return (seen & needed) == needed;
    }

    // ---- an entry, once read -------------------------------------------------------------
    bool finish_entry(Fields seen);
    bool entity(Section s, std::size_t index);
    bool relation(std::size_t index);
    bool flow(std::size_t index);
    bool assessment(std::size_t index);

    // A string field: absent (true, `out` untouched), a string (true), anything else (false).
    bool text(Field f, std::string& out) const {
        const Slot* v = get(f);
        if (!v) return true;
        if (v->type != Type::string) return false;
        out.assign(v->text);
        return true;
    }
    bool text(Field f, std::optional<std::string_view>& out) const {
        const Slot* v = get(f);
        if (!v) return true;
        if (v->type != Type::string) return false;
        out = v->text;
        return true;
    }
    bool boolean(Field f, bool& out) const {
        const Slot* v = get(f);
        if (!v) return true;
        if (v->type != Type::boolean) return false;
        out = v->flag;
        return true;
    }
    bool validity(Validity& out) const {
        std::optional<std::string_view> from, to;
        if (!text(Field::valid_from, from) || !text(Field::valid_to, to)) return false;
        if (from && !(out.from = parse_date(*from))) return false;
        if (to && !(out.to = parse_date(*to))) return false;
        return !(out.from && out.to && !(*out.from < *out.to));  // E008
    }
    bool money(Field f, std::optional<Money>& out) const {
        const Slot* v = get(f);
        if (!v) return true;
        if (v->type != Type::string || decimal_digits(v->text) > limits::amount_digits) return false;
        out = Money::parse(v->text);
        return out && !(!v->text.empty() && v->text.front() == '-');
    }
    // A reference: the index of the entity it names when that has been read (most have: a
    // model lists areas before what serves them, entities before relations), else a number
    // marked kPending until resolve() finds it.
    Index name(std::string_view id, unsigned allowed) {
        if (const auto found = m_.index_by_id.find(id); found != m_.index_by_id.end()) {
            if (!(allowed & bit(m_.entities[found->second].section))) wrong_ = true;  // E005
            return found->second;
        }
        references_.push_back(Reference{id, allowed});
        return kPending | static_cast<Index>(references_.size() - 1);
    }
    // Only an organisation may be a member of an organisation (a PCN's practices); a body's
    // members may be anything the relation allows. @pre both ends of `r` are resolved.
    bool member_of_allowed(const Relation& r) const {
        return r.kind != RelationKind::member_of || m_.entities[r.to].section != Section::organisation ||
               m_.entities[r.from].section == Section::organisation;
    }
    bool reference(Field f, unsigned allowed, Index& out) {
        const Slot* v = get(f);
        if (!v) return true;
        if (v->type != Type::string) return false;
        out = name(v->text, allowed);
        return true;
    }
    bool references(Field f, unsigned allowed, std::vector<Index>& out) {
        const Slot* v = get(f);
        if (!v) return true;
        if (v->type == Type::string) return out.push_back(name(v->text, allowed)), true;
        if (v->type != Type::array) return false;
        out.reserve(v->last - v->first);
        for (std::size_t k = v->first; k < v->last; ++k) out.push_back(name(names_[k], allowed));
        return true;
    }
    bool claim_other(const Slot* id) {
        if (!id) return true;
        if (id->type != Type::string || !valid_id(id->text)) return false;
        other_ids_.push_back(id->text);
        return true;
    }

    struct Reference {
        std::string_view id;
        unsigned allowed;
    };

    Model& m_;
    std::string_view text_;
    std::vector<Frame> frames_;
    std::string key_, string_;             // a key or string the parser gave in parts
    std::deque<std::string> copies_;       // strings that are not views into the text
    std::vector<std::uint64_t> hashes_;    // the keys of the skipped objects open, innermost last
    bool finished_ = false;
    std::size_t list_ = kNoKey, last_section_ = kNoKey;
    std::array<std::size_t, 9> entries_{};  // per list, entries read so far

    // The entry being read.
    std::array<Slot, static_cast<std::size_t>(Field::none)> slots_;
    Fields entry_seen_ = 0;
    std::vector<std::string_view> names_;  // the ids of its lists of ids
    std::vector<std::pair<std::string_view, std::string_view>> codes_;
    std::vector<MemberSlot> members_;
    QuorumSlot quorum_;

    // Entities are fewer than limits::entities, references than half the text's bytes: the
    // mark is set in neither, and a marked number is never npos.
    static constexpr Index kPending = Index{1} << 31;
    static_assert(limits::entities < kPending && clean_reading_bytes / 2 < kPending - 1);
    bool wrong_ = false;  // an entry names an entity of the wrong section
    std::vector<Reference> references_;
    // What resolve() must look at again, so that it need not pass over every entity and
    // relation (each a cache miss or more): those naming an entity not yet read, and the
    // joint committees, whose `of` it checks once every reference is known.
    std::vector<Index> pending_entities_, pending_relations_, joint_committees_;
    std::vector<std::pair<Index, EntityDetails>> details_;  // of entities that have some, until resolved
    std::vector<std::string_view> other_ids_;               // of relations, flows and assessments
    std::map<int, Pence> year_totals_;                      // E017
    // Texts from this size on have their pages mapped on a thread of its own: about 20,000
    // entities, whose room fills several mebibytes, where starting a thread costs tens of
    // microseconds.
    static constexpr std::size_t threaded_mapping_bytes = std::size_t{2} << 20;
    static constexpr std::size_t kEntityPages = 0, kRelationPages = 1;
    PageMapper pages_;
};

bool Reader::finish_entry(Fields seen) {
    entry_seen_ = seen;
    const std::size_t index = entries_[list_]++;
    const bool fine = list_ < kSectionLists ? entity(static_cast<Section>(list_), index)
                      : list_ == kRelations ? relation(index)
                      : list_ == kFlows     ? flow(index)
                                            : assessment(index);
    return fine && !wrong_;
}

bool Reader::entity(Section s, std::size_t index) {
    const std::size_t references_before = references_.size();
    const Slot* id = get(Field::id);
    if (!id || id->type != Type::string || !valid_id(id->text)) return false;
    const auto at = static_cast<Index>(m_.entities.size());
    if (at >= limits::entities || !m_.index_by_id.try_emplace(std::string(id->text), at).second) return false;
    Entity& e = pages_.append(kEntityPages, m_.entities);
    e.id = std::string(id->text);
    e.section = s;
    e.pointer = entry_pointer(kLists[list_], index);
    e.name = e.id;
    EntityDetails d;
    if (!text(Field::name, e.name) || !text(Field::notes, d.notes) || !validity(e.valid)) return false;
    if (const Slot* c = get(Field::codes)) {
        if (c->type != Type::object) return false;
        for (const auto& [code, value] : codes_) e.codes.emplace(code, value);
    }
    if (const Slot* a = get(Field::attrs); a && a->type != Type::object) return false;
    if (!kinds_of(s).empty()) {
        const Slot* k = get(Field::kind);
        if (!k || k->type != Type::string || !is_kind_of(s, k->text)) return false;
        e.kind = std::string(k->text);
    } else if (!text(Field::kind, e.kind)) {
        return false;
    }
    switch (s) {
        case Section::area: {
            if (!references(Field::within, kArea, e.within)) return false;
            if (const Slot* p = get(Field::population)) {
                if (p->type != Type::integer || p->integer < 0 || p->integer > limits::population) return false;
                e.population = p->integer;
            }
            if (const Slot* n = get(Field::need_index)) {
                std::optional<Ratio> r;
                if (n->type == Type::string) r = parse_decimal(n->text);
                else if (n->type == Type::integer) r = parse_decimal(std::to_string(n->integer));
                else if (n->type == Type::unsigned_integer) r = parse_decimal(std::to_string(n->unsigned_integer));
                if (!r || *r < 0) return false;
                d.need_index = *r;
            }
            break;
        }
        case Section::organisation:
            if (!references(Field::serves, kArea, e.serves)) return false;
            break;
        case Section::body: {
            if (!references(Field::of, kOrg | kBody, e.of) || !reference(Field::place, kArea, e.place)) return false;
            if (!get(Field::of) && (e.kind == "board" || e.kind == "committee" || e.kind == "sub_committee" || e.kind == "team"))
                return false;
            if (const Slot* v = get(Field::members)) {
                if (v->type != Type::array) return false;
                for (const MemberSlot& mem : members_) {
                    Member& kept = d.members.emplace_back();
                    kept.member = name(mem.member, kOrg | kPost);
                    kept.voting = mem.voting;
                    if (mem.present & of(Field::role)) kept.role = std::string(mem.role);
                }
            }
            if (const Slot* q = get(Field::quorum)) {
                if (q->type != Type::object) return false;
                Quorum& quorum = d.quorum.emplace();
                quorum.count = quorum_.count;
                for (std::size_t k = quorum_.first; k < quorum_.last; ++k)
                    quorum.must_include.push_back(name(names_[k], kOrg | kPost));
            }
            break;
        }
        case Section::post:
            if (!get(Field::in) || !text(Field::title, d.title) || !reference(Field::in, kOrg | kBody, e.in) ||
                !reference(Field::employer, kOrg, e.employer) || !text(Field::holder, d.person) ||
                !references(Field::appointed_by, kOrg | kBody | kPost, d.appointed_by) ||
                !references(Field::approved_by, kOrg | kBody | kPost, d.approved_by))
                return false;
            break;
        case Section::function:
            if (!get(Field::holder) || !reference(Field::holder, kOrg, e.holder) || !boolean(Field::statutory, e.statutory) ||
                !text(Field::basis, d.basis) || !text(Field::service_area, d.service_area))
                return false;
            break;
        case Section::fund: {
            std::optional<std::string_view> year;
            if (!reference(Field::holder, kOrg | kBody, e.holder) || !reference(Field::host, kOrg, e.host) ||
                !text(Field::year, year))
                return false;
            if (year && !(e.year = parse_financial_year(*year))) return false;
            break;
        }
    }
    if (!d.empty()) details_.emplace_back(at, std::move(d));
    if (references_.size() != references_before) pending_entities_.push_back(at);
    if (s == Section::body && e.kind == "joint_committee") joint_committees_.push_back(at);
    return true;
}

bool Reader::relation(std::size_t index) {
    if (index >= limits::relations) return false;
    const std::size_t references_before = references_.size();
    Relation r;
    r.pointer = entry_pointer("relations", index);
    const Slot* kind_slot = get(Field::kind);
    if (!kind_slot || kind_slot->type != Type::string) return false;
    const std::optional<RelationKind> kind = parse_relation_kind(kind_slot->text);
    if (!kind) return false;
    r.kind = *kind;
    static const Fields plain = fields_named({kRelationKeys}), delegation = fields_named({kDelegationKeys}),
                        membership = fields_named({kMembershipKeys});
    const Fields allowed = plain | (r.kind == RelationKind::delegates ? delegation : 0) |
                           (r.kind == RelationKind::member_of ? membership : 0);
    if (entry_seen_ & ~allowed) return false;  // W009
    if (!get(Field::from) || !get(Field::to)) return false;
    const auto [from_ok, to_ok] = relation_ends(r.kind);
    if (!claim_other(get(Field::id)) || !text(Field::id, r.id) || !reference(Field::from, from_ok, r.from) ||
        !reference(Field::to, to_ok, r.to) || !validity(r.valid))
        return false;
    if (r.kind == RelationKind::delegates) {
        const Slot* f = get(Field::functions);
        std::optional<std::string_view> mechanism;
        if (!f || f->type != Type::array || f->first == f->last || !references(Field::functions, kFunction, r.functions) ||
            !text(Field::mechanism, mechanism) || !money(Field::limit, r.limit) || !text(Field::instrument, r.instrument) ||
            !boolean(Field::may_subdelegate, r.may_subdelegate))
            return false;
        if (mechanism) {
            const auto mech = parse_mechanism(*mechanism);
            if (!mech) return false;
            r.mechanism = *mech;
        }
    }
    if (r.kind == RelationKind::member_of) {
        std::optional<std::string_view> role;
        if (!boolean(Field::voting, r.voting) || !text(Field::role, role)) return false;
        if (role) {
            if (!is_member_role(*role)) return false;
            r.role = std::string(*role);
        }
    }
    if (references_.size() != references_before) {
        pending_relations_.push_back(static_cast<Index>(m_.relations.size()));
    } else if (!member_of_allowed(r)) {
        return false;
    }
    pages_.append(kRelationPages, m_.relations) = std::move(r);
    return true;
}

bool Reader::flow(std::size_t index) {
    if (index >= limits::relations) return false;
    if (entry_seen_ & ~list_fields()[kFlows]) return false;
    for (Field f : {Field::from, Field::to, Field::amount, Field::year})
        if (!get(f)) return false;
    Flow fl;
    fl.pointer = entry_pointer("flows", index);
    std::optional<Money> amount;
    std::optional<std::string_view> year, restriction;
    if (!claim_other(get(Field::id)) || !reference(Field::from, kOrg | kBody | kFund, fl.from) ||
        !reference(Field::to, kOrg | kBody | kFund, fl.to) || !money(Field::amount, amount) || !text(Field::year, year) ||
        !text(Field::purpose, fl.purpose) || !text(Field::restriction, restriction) || !validity(fl.valid))
        return false;
    const auto fy = year ? parse_financial_year(*year) : std::nullopt;
    if (!amount || !fy) return false;
    fl.amount = *amount;
    fl.year = *fy;
    if (restriction) {
        const auto r = parse_restriction(*restriction);
        if (!r) return false;
        fl.restriction = *r;
    }
    Pence& total = year_totals_[fl.year.start];
    if (fl.amount.pence() > max_pence() - total) return false;  // E017
    total += fl.amount.pence();
    m_.flows.push_back(std::move(fl));
    return true;
}

bool Reader::assessment(std::size_t index) {
    if (index >= limits::relations) return false;
    if (entry_seen_ & ~list_fields()[kAssessments]) return false;
    for (Field f : {Field::subject, Field::date, Field::theme, Field::stage})
        if (!get(f)) return false;
    Assessment a;
    a.pointer = entry_pointer("assessments", index);
    std::optional<std::string_view> date, theme, stage;
    if (!claim_other(get(Field::id)) || !reference(Field::subject, kBody | kArea, a.subject) || !text(Field::date, date) ||
        !text(Field::theme, theme) || !text(Field::stage, stage) || !text(Field::evidence, a.evidence))
        return false;
    const auto day = parse_date(*date);
    if (!day || !maturity_themes().count(*theme) || !maturity_stages().count(*stage)) return false;
    a.date = *day;
    a.theme = std::string(*theme);
    a.stage = std::string(*stage);
    m_.assessments.push_back(std::move(a));
    return true;
}

bool Reader::resolve() {
    // Ids of relations, flows and assessments: unique among themselves and the entities' (E003).
    std::unordered_set<std::string_view> others;
    others.reserve(other_ids_.size());
    for (std::string_view id : other_ids_)
        if (m_.index_by_id.contains(id) || !others.insert(id).second) return false;
    std::vector<Index> resolved(references_.size());
    for (std::size_t r = 0; r < references_.size(); ++r) {
        const auto found = m_.index_by_id.find(references_[r].id);
        if (found == m_.index_by_id.end() || !(references_[r].allowed & bit(m_.entities[found->second].section)))
            return false;  // E004, E005
        resolved[r] = found->second;
    }
    const auto one = [&](Index& i) {
        if (i != npos && (i & kPending)) i = resolved[i & ~kPending];
    };
    const auto all = [&](std::vector<Index>& v) {
        for (Index& i : v) one(i);
    };
    for (Index i : pending_entities_) {
        Entity& e = m_.entities[i];
        all(e.within);
        all(e.serves);
        all(e.of);
        for (Index* p : {&e.place, &e.in, &e.employer, &e.holder, &e.host}) one(*p);
    }
    for (Index i : joint_committees_)
        for (Index t : m_.entities[i].of)
            if (m_.entities[t].section != Section::organisation) return false;
    for (auto& [at, d] : details_) {
        for (Member& mem : d.members) one(mem.member);
        all(d.appointed_by);
        all(d.approved_by);
        if (d.quorum) all(d.quorum->must_include);
        m_.entities[at].more = std::make_shared<const EntityDetails>(std::move(d));
    }
    for (Index k : pending_relations_) {
        Relation& r = m_.relations[k];
        one(r.from);
        one(r.to);
        all(r.functions);
        if (!member_of_allowed(r)) return false;
    }
    for (Flow& f : m_.flows) {
        one(f.from);
        one(f.to);
    }
    for (Assessment& a : m_.assessments) one(a.subject);
    return true;
}

}  // namespace

bool read_clean(Model& m) {
    Expects(m.entities.empty() && m.relations.empty());
    // Room for as many entities as a text of this size is likely to hold (a national model
    // has one per 100 bytes), so that the lists seldom grow: reserved pages that are never
    // written cost no memory.
    const std::size_t likely = std::min(m.source.size() / 64, limits::entities);
    m.entities.reserve(likely);
    m.index_by_id.reserve(likely);
    m.relations.reserve(std::min(m.source.size() / 128, limits::relations));
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    options.max_depth = limits::depth;
    options.allow_invalid_utf8 = true;  // checked already (the precondition): not twice
    json::basic_parser<Reader> parser(options, m);
    json::error_code ec;
    const std::string_view text = m.source;
    const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
    parser.handler().stop_mapping();
    return !ec && consumed == text.size() && parser.handler().resolve();
}

}  // namespace pbp::detail
