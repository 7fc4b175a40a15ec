// `pbp import-ods`: England's organisations from the ODS registers and the ONS lookups
// (include/pbp/import_ods.hpp; docs/england.md says what each register contributes).
#include "pbp/import_ods.hpp"

#include "csv.hpp"
#include "ids.hpp"
#include "pbp/error.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_map>

namespace pbp {
namespace json = boost::json;

namespace {
using detail::finding;

using detail::CsvRecord;
using detail::trim;
using detail::list_some;
using detail::valid_id;

// Integrated care boards were established on 1 July 2022 (Health and Care Act 2022; DOMAIN.md,
// the tiers). Their sub-ICB locations keep the ODS codes of the CCGs they replaced, so eccg's
// open dates are the CCGs'; nothing of an ICB starts before the ICB does.
constexpr std::string_view kIcbsEstablished = "2022-07-01";

// Column positions (1-based) of the ODS extracts, which have no header row (data/england/README.md
// section 3; the ODS "Data Downloads" technical guidance).
namespace col {
constexpr std::size_t code = 1, name = 2, grouping = 3, icb = 4, open = 11, close = 12;
constexpr std::size_t status = 13, commissioner = 15, joined = 16, left = 17, setting = 26;
}  // namespace col

std::string field(const CsvRecord& r, std::size_t one_based) {
    return one_based <= r.fields.size() ? trim(r.fields[one_based - 1]) : std::string();
}

// "YYYYMMDD" (ODS) or "YYYY-MM-DD" as `YYYY-MM-DD`; empty when it is no calendar day.
std::string iso(const std::string& raw) {
    std::string d = raw;
    if (raw.size() == 8 && std::all_of(raw.begin(), raw.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        d = raw.substr(0, 4) + "-" + raw.substr(4, 2) + "-" + raw.substr(6, 2);
    return parse_date(d) ? d : std::string();
}

// A date as a message shows it: ISO when it is one, else as written.
std::string shown_date(const std::string& raw) {
    const std::string d = iso(raw);
    return d.empty() ? raw : d;
}

// ---- findings ----------------------------------------------------------------------------------

// A sentence's opening ("Line 3 of etr") inside another sentence.
std::string lowered(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// ---- registers with a header row ----------------------------------------------------------------

// Header names compared without case, spaces or punctuation ("PCN Code" = "pcn_code").
std::string squeezed(std::string_view s) {
    std::string out;
    for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

struct Table {
    std::string what;
    CsvRecord header;
    std::vector<CsvRecord> rows;

    Table(std::string_view text, std::string what_) : what(std::move(what_)) {
        auto records = detail::read_csv(text, what);
        if (records.empty()) throw InvalidArgument(what + " is empty: it needs a header row");
        header = std::move(records.front());
        rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    }

    // The column named `name` (ignoring case, spaces and punctuation).
    std::size_t column(std::string_view name) const {
        const std::string want = squeezed(name);
        for (std::size_t c = 0; c < header.fields.size(); ++c)
            if (squeezed(header.fields[c]) == want) return c + 1;
        throw InvalidArgument(what + " has no column \"" + std::string(name) + "\"");
    }

    // An ONS column: `<LEVEL><YY><SUFFIX>`, any two-digit year or none, an underscore allowed
    // before the suffix (`ICB24CDH`, `NHSER_CD`), as SPEC 1.4 names them.
    std::size_t ons_column(std::string_view level, std::string_view suffix) const {
        for (std::size_t c = 0; c < header.fields.size(); ++c) {
            const std::string h = squeezed(header.fields[c]);
            if (h.size() < level.size() + suffix.size() || h.compare(0, level.size(), level) != 0 ||
                h.compare(h.size() - suffix.size(), suffix.size(), suffix) != 0)
                continue;
            const std::string year = h.substr(level.size(), h.size() - level.size() - suffix.size());
            if (year.empty() || (year.size() == 2 && std::isdigit(static_cast<unsigned char>(year[0])) &&
                                 std::isdigit(static_cast<unsigned char>(year[1]))))
                return c + 1;
        }
        throw InvalidArgument(what + " has no " + std::string(level) + "<YY>" + std::string(suffix) + " column");
    }
};

// ---- the import ---------------------------------------------------------------------------------

struct Region {
    std::string ods, ons, name;
};

struct Icb {
    std::string ods, ons, name;
    std::string region;  // ODS code of its NHS England region
};

struct SubIcb {
    std::string ods, ons, name, icb;  // icb: ODS code
};

struct Practice {
    std::string code, name, sub_icb, status, close;
    bool gp = false;  // prescribing setting 4
    std::size_t line = 0;
};

struct Pcn {
    std::string code, name, sub_icb, close;
    bool open = false;
    std::size_t line = 0;
};

class OdsImporter {
public:
    OdsImporter(const OdsRegisters& r, const Model& areas) : registers_(r), areas_(areas) {
        for (const Entity& e : areas.entities)
            if (e.section == Section::area) ids_.insert(e.id);
    }

    ImportedOrganisations run(std::string name) {
        apex();
        read_sub_icb_locations();
        read_icbs();
        regions_and_icbs();
        sub_icb_locations();
        trusts();
        councils();
        read_practices();
        read_pcns();
        primary_care();
        return build(std::move(name));
    }

private:
    const OdsRegisters& registers_;
    const Model& areas_;
    std::set<std::string> ids_;
    Diagnostics findings_;
    std::vector<json::object> organisations_, bodies_;
    json::array relations_;
    std::map<std::string, std::size_t> kinds_;

    std::map<std::string, Region> regions_;          // by ODS code
    std::map<std::string, Icb> icbs_;                // by ODS code
    std::map<std::string, SubIcb> sub_icbs_;         // by ODS code
    std::map<std::string, Practice> practices_;      // every row of epraccur, by code
    std::set<std::string> imported_practices_;
    std::map<std::string, Pcn> pcns_;                // every row of PCNDetails, by code

    void note(std::string code, std::string message, std::vector<std::string> ids, std::size_t line = 0) {
        findings_.push_back(finding(std::move(code), std::move(message), std::move(ids), line));
    }

    // A new id, or none when it is taken (the model must not hold it twice: E003).
    bool claim(const std::string& id, const std::string& what, std::size_t line = 0) {
        if (!valid_id(id)) {
            note("W610", what + " has the code \"" + id + "\", which is not a usable id; it is left out.", {}, line);
            return false;
        }
        if (ids_.insert(id).second) return true;
        note("W610", what + " has the code " + id + ", which is already the id of another entity of the model; it is left out.",
             {id}, line);
        return false;
    }

    // An area of the areas model, or none (W611) when it lacks it.
    // `owner` (an id) and `whose` (how the message names it) are the entity linking to it.
    std::optional<std::string> area(const std::string& code, const std::string& owner, const std::string& whose,
                                    std::string_view as) {
        if (auto i = areas_.find(code); i && areas_.at(*i).section == Section::area) return code;
        note("W611", "The areas model has no area " + code + ", which " + whose + " " + std::string(as) +
                         "; the link is left out.",
             {owner, code});
        return std::nullopt;
    }

    // "YYYYMMDD" (ODS) or "YYYY-MM-DD" as a pbp date; empty when absent or unreadable (W610).
    std::string date(const std::string& raw, const std::string& what, std::size_t line) {
        if (raw.empty()) return {};
        if (std::string d = iso(raw); !d.empty()) return d;
        note("W610", what + " has the date \"" + raw + "\", which is not a calendar day; it is ignored.", {}, line);
        return {};
    }

    // Sets `valid_from` and `valid_to` on `o`; false (W612) when the end is not after the start,
    // for then the record would exist on no day (E008).
    bool set_dates(json::object& o, const std::string& from, const std::string& to, const std::string& what,
                   std::vector<std::string> ids, std::size_t line) {
        if (!from.empty() && !to.empty() && to <= from) {
            note("W612", what + " runs from " + from + " to " + to + ", so it exists on no day; it is left out.",
                 std::move(ids), line);
            return false;
        }
        if (!from.empty()) o["valid_from"] = from;
        if (!to.empty()) o["valid_to"] = to;
        return true;
    }

    json::object& add_organisation(json::object o) {
        ++kinds_[std::string(o.at("kind").as_string())];
        organisations_.push_back(std::move(o));
        return organisations_.back();
    }

    void relation(std::string_view kind, const std::string& from, const std::string& to, json::object extra = {}) {
        json::object r{{"kind", kind}, {"from", from}, {"to", to}};
        for (auto& kv : extra) r[kv.key()] = std::move(kv.value());
        relations_.push_back(std::move(r));
    }

    // ---- Parliament, DHSC, NHS England ----------------------------------------------------------

    void apex() {
        for (const char* id : {"parliament", "dhsc", "nhs-england"}) ids_.insert(id);
        add_organisation({{"id", "parliament"}, {"name", "Parliament"}, {"kind", "parliament"},
                          {"notes", "Apex of NHS accountability (DOMAIN.md, the tiers)."}});
        add_organisation({{"id", "dhsc"}, {"name", "Department of Health and Social Care"}, {"kind", "department"},
                          {"notes", "The Secretary of State for Health and Social Care answers to Parliament for the NHS."}});
        add_organisation(
            {{"id", "nhs-england"},
             {"name", "NHS England"},
             {"kind", "nhs_england"},
             {"notes",
              "Accountable to the Secretary of State (DHSC) and so to Parliament; ICBs and NHS trusts answer to it "
              "(DOMAIN.md). Its seven regions are teams of it, not legal bodies. The organisations of this model come "
              "from the NHS Organisation Data Service extracts etr, eccg, epraccur and ePCN and the ONS lists of ICBs, "
              "sub-ICB locations and local authorities kept in data/england (data/england/README.md gives each file's "
              "source and date). Contains information from NHS England, licensed under the current version of the "
              "Open Government Licence. Source: Office for National Statistics licensed under the Open Government "
              "Licence v.3.0."}});
        relation("accountable_to", "dhsc", "parliament");
        relation("accountable_to", "nhs-england", "dhsc");
    }

    // ---- ICBs, regions and sub-ICB locations ----------------------------------------------------

    std::vector<SubIcb> sub_icb_rows_;

    void read_sub_icb_locations() {
        const Table t(registers_.sub_icb_locations, "the sub-ICB location lookup");
        const std::size_t cd = t.ons_column("SICBL", "CD"), cdh = t.ons_column("SICBL", "CDH"),
                          nm = t.ons_column("SICBL", "NM"), icb = t.ons_column("ICB", "CDH"),
                          rcd = t.ons_column("NHSER", "CD"), rcdh = t.ons_column("NHSER", "CDH"),
                          rnm = t.ons_column("NHSER", "NM");
        for (const auto& r : t.rows) {
            SubIcb s{field(r, cdh), field(r, cd), field(r, nm), field(r, icb)};
            Region g{field(r, rcdh), field(r, rcd), field(r, rnm)};
            if (s.ods.empty() || s.icb.empty() || g.ods.empty()) {
                note("W610", "Line " + std::to_string(r.line) + " of the sub-ICB location lookup lacks an ODS code of "
                                 "the sub-ICB location, its ICB or its region; it is skipped.", {}, r.line);
                continue;
            }
            if (auto [it, fresh] = regions_.try_emplace(g.ods, g); !fresh && it->second.ons != g.ons)
                note("W606", "The sub-ICB location lookup gives the region " + g.ods + " two ONS codes, " + it->second.ons +
                                 " and " + g.ons + " (line " + std::to_string(r.line) + "); the first is used.",
                     {g.ods}, r.line);
            region_of_icb_.emplace(s.icb, std::make_pair(g.ods, r.line));
            if (auto it = region_of_icb_.find(s.icb); it->second.first != g.ods)
                note("W606", "The sub-ICB location lookup puts the ICB " + s.icb + " in two NHS England regions, " +
                                 it->second.first + " and " + g.ods + " (line " + std::to_string(r.line) +
                                 "); the first is used.",
                     {s.icb, it->second.first, g.ods}, r.line);
            if (!sub_icbs_.emplace(s.ods, s).second) {
                note("W610", "The sub-ICB location " + s.ods + " is listed twice in the sub-ICB location lookup (line " +
                                 std::to_string(r.line) + "); the first is used.", {s.ods}, r.line);
                continue;
            }
            sub_icb_rows_.push_back(s);
        }
    }

    std::map<std::string, std::pair<std::string, std::size_t>> region_of_icb_;

    void read_icbs() {
        const Table t(registers_.icbs, "the ICB names and codes");
        const std::size_t cd = t.ons_column("ICB", "CD"), cdh = t.ons_column("ICB", "CDH"), nm = t.ons_column("ICB", "NM");
        for (const auto& r : t.rows) {
            Icb i{field(r, cdh), field(r, cd), field(r, nm), {}};
            if (i.ods.empty() || i.ons.empty()) {
                note("W610", "Line " + std::to_string(r.line) + " of the ICB names and codes lacks a code; it is skipped.", {},
                     r.line);
                continue;
            }
            if (auto g = region_of_icb_.find(i.ods); g != region_of_icb_.end()) i.region = g->second.first;
            if (!icbs_.emplace(i.ods, i).second)
                note("W610", "The ICB " + i.ods + " is listed twice in the ICB names and codes (line " +
                                 std::to_string(r.line) + "); the first is used.", {i.ods}, r.line);
        }
    }

    void regions_and_icbs() {
        for (const auto& [code, g] : regions_) {
            if (!claim(code, "The NHS England region " + g.name)) continue;
            json::object b{{"id", code},
                           {"name", "NHS England " + g.name + " region"},
                           {"kind", "team"},
                           {"of", "nhs-england"},
                           {"codes", json::object{{"ods", code}, {"ons", g.ons}}}};
            if (auto a = area(g.ons, code, code + " (the NHS England region " + g.name + ")", "covers")) b["place"] = *a;
            bodies_.push_back(std::move(b));
        }
        for (const auto& [code, icb] : icbs_) {
            if (!claim(code, "The ICB " + icb.name)) continue;
            json::object o{{"id", code},
                           {"name", icb.name},
                           {"kind", "icb"},
                           {"codes", json::object{{"ods", code}, {"ons", icb.ons}}},
                           {"valid_from", kIcbsEstablished}};
            if (auto a = area(icb.ons, code, code + " (" + icb.name + ")", "serves")) o["serves"] = json::array{json::string(*a)};
            add_organisation(std::move(o));
            relation("accountable_to", code, "nhs-england");
            if (!icb.region.empty() && regions_.count(icb.region))
                relation("reports_to", code, icb.region,
                         {{"notes", "Oversight by NHS England's regional team: information, not accountability (SPEC 2.6)."}});
            else
                note("W604", "The ICB " + code + " (" + icb.name + ") has no sub-ICB location in the sub-ICB location "
                             "lookup, so its NHS England region is not known.", {code});
        }
        for (const auto& [code, s] : sub_icbs_)
            if (!icbs_.count(s.icb))
                note("W604", "The sub-ICB location lookup puts " + code + " (" + s.name + ") in the ICB " + s.icb +
                                 ", which the ICB names and codes do not list; it is left out.",
                     {code, s.icb});
    }

    // eccg: when each sub-ICB location's code opened, and whether the register agrees on its ICB.
    void sub_icb_locations() {
        std::map<std::string, const CsvRecord*> eccg;
        const auto records = detail::read_csv(registers_.eccg, "eccg");
        for (const auto& r : records)
            if (!field(r, col::code).empty()) eccg.emplace(field(r, col::code), &r);
        for (const SubIcb& s : sub_icb_rows_) {
            if (!icbs_.count(s.icb) || !ids_.count(s.icb)) continue;
            std::string from(kIcbsEstablished), opened;
            auto it = eccg.find(s.ods);
            if (it == eccg.end()) {
                note("W604", "The sub-ICB location " + s.ods + " (" + s.name + ") is not in eccg, the ODS register of "
                             "sub-ICB locations; it is kept, from the ONS lookup.", {s.ods});
            } else {
                const CsvRecord& r = *it->second;
                opened = date(field(r, col::open), "Line " + std::to_string(r.line) + " of eccg", r.line);
                if (!field(r, col::close).empty())
                    note("W603", "eccg closed the sub-ICB location " + s.ods + " (" + s.name + ") on " +
                                     shown_date(field(r, col::close)) + " (line " + std::to_string(r.line) +
                                     "), but the ONS lookup still lists it; it is kept.",
                         {s.ods}, r.line);
                if (field(r, col::icb) != s.icb)
                    note("W606", "eccg puts the sub-ICB location " + s.ods + " in the ICB " + field(r, col::icb) + " (line " +
                                     std::to_string(r.line) + "), the ONS lookup in " + s.icb + "; the ONS lookup is used.",
                         {s.ods, field(r, col::icb), s.icb}, r.line);
                if (opened > from) from = opened;
            }
            if (!claim(s.ods, "The sub-ICB location " + s.name)) continue;
            json::object b{{"id", s.ods},
                           {"name", s.name},
                           {"kind", "team"},
                           {"of", s.icb},
                           {"codes", json::object{{"ods", s.ods}, {"ons", s.ons}}},
                           {"valid_from", from}};
            if (auto a = area(s.ons, s.ods, s.ods + " (the sub-ICB location " + s.name + ")", "covers")) b["place"] = *a;
            if (!opened.empty()) b["attrs"] = json::object{{"ods_open_date", opened}};
            bodies_.push_back(std::move(b));
        }
    }

    // ---- trusts -----------------------------------------------------------------------------------

    void trusts() {
        std::vector<std::string> welsh;
        for (const auto& r : detail::read_csv(registers_.etr, "etr")) {
            const std::string code = field(r, col::code), name = field(r, col::name);
            if (r.fields.size() < col::close) {
                note("W610", "Line " + std::to_string(r.line) + " of etr has " + std::to_string(r.fields.size()) +
                                 " fields, fewer than the " + std::to_string(col::close) + " the import reads; it is skipped.",
                     {}, r.line);
                continue;
            }
            if (!field(r, col::close).empty()) continue;  // closed: history, not today's NHS
            const std::string icb = field(r, col::icb), region = field(r, col::grouping);
            auto i = icbs_.find(icb);
            if (i == icbs_.end()) {
                // No English ICB: Welsh trusts have neither region nor ICB (column 24 holds W).
                if (icb.empty() && region.empty()) welsh.push_back(code);
                else
                    note("W604", "etr places the open trust " + code + " (" + name + ") in the ICB \"" + icb + "\" (line " +
                                     std::to_string(r.line) + "), which the ICB names and codes do not list; it is left out.",
                         {code, icb}, r.line);
                continue;
            }
            const std::string where = "Line " + std::to_string(r.line) + " of etr";
            if (!claim(code, where, r.line)) continue;
            const bool foundation = name.find("FOUNDATION TRUST") != std::string::npos;
            json::object o{{"id", code}, {"name", name}, {"kind", foundation ? "foundation_trust" : "nhs_trust"},
                           {"codes", json::object{{"ods", code}}}};
            if (ids_.count(icb)) {
                if (auto a = area(i->second.ons, code, code + " (" + name + ")", "is registered in"))
                    o["serves"] = json::array{json::string(*a)};
            }
            if (auto d = date(field(r, col::open), where, r.line); !d.empty()) o["valid_from"] = d;
            o["attrs"] = json::object{{"icb", icb}};
            add_organisation(std::move(o));
            relation("accountable_to", code, "nhs-england");
            if (regions_.count(region)) {
                if (!i->second.region.empty() && i->second.region != region)
                    note("W606", "etr puts the trust " + code + " in the NHS England region " + region + " and in the ICB " +
                                     icb + ", which the sub-ICB location lookup puts in " + i->second.region + " (line " +
                                     std::to_string(r.line) + "); etr's region is used.",
                         {code, region, i->second.region}, r.line);
                relation("reports_to", code, region,
                         {{"notes", "Oversight by NHS England's regional team: information, not accountability (SPEC 2.6)."}});
            } else {
                note("W604", "etr puts the trust " + code + " in the region \"" + region + "\" (line " + std::to_string(r.line) +
                                 "), which is not one of NHS England's regions.", {code}, r.line);
            }
        }
        if (!welsh.empty())
            note("W609", "etr lists " + plural(welsh.size(), "open trust", "open trusts") +
                             " with no NHS England region and no ICB, in Wales (" + list_some(welsh) + "); left out.",
                 welsh);
    }

    // ---- councils ---------------------------------------------------------------------------------

    void councils() {
        const Table t(registers_.councils, "the lower to upper tier local authority lookup");
        const std::size_t lcd = t.ons_column("LTLA", "CD"), lnm = t.ons_column("LTLA", "NM"),
                          ucd = t.ons_column("UTLA", "CD"), unm = t.ons_column("UTLA", "NM");
        struct Council {
            std::string name;
            bool lower = false, upper = false, own_upper = false;
            std::size_t line = 0;
        };
        std::map<std::string, Council> all;
        std::set<std::string> others;
        for (const auto& r : t.rows) {
            const std::string l = field(r, lcd), u = field(r, ucd);
            // England's codes start with E; the lookup covers Wales (W06) too.
            if (l.empty() || u.empty() || l[0] != 'E' || u[0] != 'E') {
                if (!l.empty() && !u.empty()) others.insert(l);
                else
                    note("W610", "Line " + std::to_string(r.line) + " of the local authority lookup lacks a code; it is skipped.",
                         {}, r.line);
                continue;
            }
            Council& lower = all[l];
            if (lower.name.empty()) lower.name = field(r, lnm), lower.line = r.line;
            lower.lower = true;
            lower.own_upper = lower.own_upper || l == u;
            Council& upper = all[u];
            if (upper.name.empty()) upper.name = field(r, unm), upper.line = r.line;
            upper.upper = true;
        }
        if (!others.empty()) {
            const std::vector<std::string> codes(others.begin(), others.end());
            note("W609", "The local authority lookup has " + plural(codes.size(), "council", "councils") +
                             " outside England (codes not starting with E: " + list_some(codes) + "); left out.",
                 codes);
        }
        for (const auto& [code, c] : all) {
            // Kind from the tier: a council that is its own upper tier is unitary; an upper tier
            // over others is a county; a lower tier under another is a district.
            const char* kind = c.lower && c.upper ? "unitary_authority" : c.upper ? "county_council" : "district_council";
            const std::string prefix = code.substr(0, 3);
            const char* type = prefix == "E06"   ? "unitary authority"
                               : prefix == "E07" ? "district council"
                               : prefix == "E08" ? "metropolitan borough"
                               : prefix == "E09" ? "London borough"
                               : prefix == "E10" ? "county council"
                                                 : nullptr;
            const bool prefix_agrees = type && (std::string_view(kind) == "unitary_authority"
                                                    ? prefix == "E06" || prefix == "E08" || prefix == "E09"
                                                : std::string_view(kind) == "county_council" ? prefix == "E10"
                                                                                             : prefix == "E07");
            if (!prefix_agrees || (c.lower && c.upper && !c.own_upper))
                note("W606", "The local authority lookup makes " + code + " (" + c.name + ") a " + kind +
                                 " by its tiers, which its ONS code " + (type ? "(" + prefix + ", " + type + ")" : prefix) +
                                 " does not; the tiers are used.",
                     {"council." + code}, c.line);
            const std::string id = "council." + code, voters = "electorate." + code;
            if (!claim(id, "The council " + c.name) || !claim(voters, "The electorate of " + c.name)) continue;
            const std::string shown = c.name + " (" + (type ? type : kind) + ")";
            json::object o{{"id", id}, {"name", shown}, {"kind", kind}, {"codes", json::object{{"ons", code}}}};
            json::object e{{"id", voters}, {"name", "Electorate of " + shown}, {"kind", "electorate"}};
            if (auto a = area(code, id, id + " (" + c.name + ")", "serves")) {
                o["serves"] = json::array{json::string(*a)};
                e["serves"] = json::array{json::string(*a)};
            }
            o["attrs"] = json::object{{"tier", c.lower && c.upper ? "both" : c.upper ? "upper" : "lower"}};
            add_organisation(std::move(o));
            add_organisation(std::move(e));
            relation("accountable_to", id, voters);
        }
    }

    // ---- primary care -----------------------------------------------------------------------------

    std::vector<CsvRecord> epraccur_;

    void read_practices() {
        epraccur_ = detail::read_csv(registers_.epraccur, "epraccur");
        for (const auto& r : epraccur_) {
            if (r.fields.size() < col::setting) {
                note("W610", "Line " + std::to_string(r.line) + " of epraccur has " + std::to_string(r.fields.size()) +
                                 " fields, fewer than the " + std::to_string(col::setting) + " the import reads; it is skipped.",
                     {}, r.line);
                continue;
            }
            Practice p{field(r, col::code), field(r, col::name), field(r, col::commissioner), field(r, col::status),
                       field(r, col::close), field(r, col::setting) == "4", r.line};
            if (!practices_.emplace(p.code, p).second)
                note("W610", "The code " + p.code + " is listed twice in epraccur (line " + std::to_string(r.line) +
                                 "); the first is used.", {p.code}, r.line);
        }
    }

    void read_pcns() {
        const Table t(registers_.pcn_details, "the ePCN PCN details");
        const std::size_t code = t.column("PCN Code"), name = t.column("PCN Name"),
                          sub = t.column("Current Sub ICB Loc Code"), open = t.column("Open Date"),
                          close = t.column("Close Date");
        for (const auto& r : t.rows) {
            Pcn p{field(r, code), field(r, name), field(r, sub), field(r, close), field(r, close).empty(), r.line};
            if (p.code.empty()) continue;
            if (!pcns_.emplace(p.code, p).second) {
                note("W610", "The network " + p.code + " is listed twice in the ePCN PCN details (line " +
                                 std::to_string(r.line) + "); the first is used.", {p.code}, r.line);
                continue;
            }
            if (!p.open) continue;
            const std::string where = "Line " + std::to_string(r.line) + " of the ePCN PCN details";
            auto s = sub_icbs_.find(p.sub_icb);
            if (s == sub_icbs_.end() || !ids_.count(p.sub_icb)) {
                note("W604", "The open network " + p.code + " (" + p.name + ") sits in the sub-ICB location \"" + p.sub_icb +
                                 "\", which is not one of the sub-ICB locations imported (" + lowered(where) + "); it is left out.",
                     {p.code, p.sub_icb}, r.line);
                pcns_.at(p.code).open = false;
                continue;
            }
            if (!claim(p.code, where, r.line)) {
                pcns_.at(p.code).open = false;
                continue;
            }
            json::object o{{"id", p.code}, {"name", p.name}, {"kind", "pcn"}, {"codes", json::object{{"ods", p.code}}}};
            if (auto d = date(field(r, open), where, r.line); !d.empty()) o["valid_from"] = d;
            o["attrs"] = json::object{{"sub_icb_location", p.sub_icb}};
            add_organisation(std::move(o));
        }
    }

    // Why a code the partner list names is not an imported practice.
    void not_a_practice(const std::string& code, const std::string& pcn, std::size_t line) {
        const std::string where = " (line " + std::to_string(line) + " of the ePCN core partner details)";
        auto it = practices_.find(code);
        if (it == practices_.end()) {
            note("W604", "The network " + pcn + " lists the partner " + code + ", which epraccur does not have" + where +
                             "; the membership is left out.", {pcn, code}, line);
            return;
        }
        const Practice& p = it->second;
        if (p.status != "A") {
            const std::string status = p.status == "C" ? "closed" : p.status == "D" ? "dormant" : p.status == "P" ? "proposed" : "status " + p.status;
            note("W603", "The network " + pcn + " still lists the practice " + code + " (" + p.name + ") as a member" + where +
                             ", but epraccur has it " + status + (p.close.empty() ? "" : " (closed " + shown_date(p.close) + ")") +
                             "; the membership is left out.",
                 {pcn, code}, line);
        } else if (!p.gp) {
            note("W605", "The network " + pcn + " lists " + code + " (" + p.name + ") as a member" + where +
                             ", but epraccur does not list it as a GP practice (its prescribing setting is not 4); the "
                             "membership is left out.",
                 {pcn, code}, line);
        } else {
            note("W604", "The network " + pcn + " lists the practice " + code + " (" + p.name + ")" + where +
                             ", which is not one of the practices imported (see the findings about it); the membership is "
                             "left out.",
                 {pcn, code}, line);
        }
    }

    void primary_care() {
        // The practices: active (A) GP practices (prescribing setting 4) with an English sub-ICB location.
        std::vector<std::string> welsh;
        json::array commissions;
        for (const auto& r : epraccur_) {
            if (r.fields.size() < col::setting || field(r, col::status) != "A" || field(r, col::setting) != "4") continue;
            const std::string code = field(r, col::code), name = field(r, col::name), sub = field(r, col::commissioner);
            if (practices_.at(code).line != r.line) continue;  // a second row of the same code (W610)
            auto s = sub_icbs_.find(sub);
            if (s == sub_icbs_.end() || !ids_.count(sub)) {
                if (field(r, col::grouping) == "W00") welsh.push_back(code);
                else
                    note("W604", "epraccur has the active practice " + code + " (" + name + ") commissioned by \"" + sub +
                                     "\" (line " + std::to_string(r.line) + "), which is not one of the sub-ICB locations "
                                     "imported; it is left out.",
                         {code, sub}, r.line);
                continue;
            }
            const std::string where = "Line " + std::to_string(r.line) + " of epraccur";
            json::object o{{"id", code}, {"name", name}, {"kind", "gp_practice"}, {"codes", json::object{{"ods", code}}}};
            if (!set_dates(o, date(field(r, col::open), where, r.line), date(field(r, col::close), where, r.line),
                           "The practice " + code + " (" + lowered(where) + ")", {code}, r.line) ||
                !claim(code, where, r.line))
                continue;
            const std::string icb = s->second.icb;
            if (field(r, col::icb) != icb)
                note("W606", "epraccur puts the practice " + code + " in the ICB " + field(r, col::icb) +
                                 " (column 4), but its sub-ICB location " + sub + " is in " + icb + " (line " +
                                 std::to_string(r.line) + "); the sub-ICB location's ICB is used.",
                     {code, field(r, col::icb), icb}, r.line);
            add_organisation(std::move(o));
            imported_practices_.insert(code);
            // The ICB commissions the practice from when it joined this sub-ICB location's list,
            // or from the ICB's own start when it joined the CCG before.
            const std::string joined = date(field(r, col::joined), where, r.line);
            json::object c{{"kind", "commissions"}, {"from", icb}, {"to", code}};
            if (!set_dates(c, std::max(joined, std::string(kIcbsEstablished)), date(field(r, col::left), where, r.line),
                           "The ICB " + icb + "'s commissioning of the practice " + code + " (" + lowered(where) + ")", {code, icb},
                           r.line))
                continue;
            json::object attrs{{"sub_icb_location", sub}};
            if (!joined.empty()) attrs["register_joined"] = joined;
            c["attrs"] = std::move(attrs);
            commissions.push_back(std::move(c));
        }
        if (!welsh.empty())
            note("W609", "epraccur lists " + plural(welsh.size(), "active GP practice", "active GP practices") +
                             " in Wales (national grouping W00: " + list_some(welsh) + "); left out.",
                 welsh);
        for (auto& c : commissions) relations_.push_back(std::move(c));

        // Memberships, dated: current ones (no end date) checked against the other registers,
        // ended ones kept as history when both ends are in the model.
        const Table t(registers_.pcn_partners, "the ePCN core partner details");
        const std::size_t practice_col = t.column("Partner Organisation Code"), pcn_col = t.column("PCN Code"),
                          start_col = t.column("Practice to PCN Relationship Start Date"),
                          end_col = t.column("Practice to PCN Relationship End Date");
        std::map<std::string, std::pair<std::string, std::size_t>> current;  // practice -> (PCN, line)
        std::map<std::string, std::size_t> members;                          // PCN -> current members imported
        for (const auto& r : t.rows) {
            const std::string practice = field(r, practice_col), pcn = field(r, pcn_col);
            if (practice.empty() || pcn.empty()) {
                note("W610", "Line " + std::to_string(r.line) + " of the ePCN core partner details lacks a practice or "
                                 "network code; it is skipped.", {}, r.line);
                continue;
            }
            const std::string where = "Line " + std::to_string(r.line) + " of the ePCN core partner details";
            const std::string start = date(field(r, start_col), where, r.line), end = date(field(r, end_col), where, r.line);
            const bool ongoing = field(r, end_col).empty();
            auto net = pcns_.find(pcn);
            const bool pcn_in = net != pcns_.end() && net->second.open;
            const bool practice_in = imported_practices_.count(practice) > 0;
            if (!ongoing) {
                json::object extra;
                if (pcn_in && practice_in &&
                    set_dates(extra, start, end, "The past membership of " + practice + " in the network " + pcn + " (" + lowered(where) + ")",
                              {practice, pcn}, r.line))
                    relation("member_of", practice, pcn, std::move(extra));
                continue;
            }
            if (net == pcns_.end()) {
                note("W604", where + " makes " + practice + " a member of the network " + pcn +
                                 ", which the ePCN PCN details do not have; the membership is left out.",
                     {practice, pcn}, r.line);
                continue;
            }
            if (!net->second.close.empty()) {
                note("W603", where + " makes " + practice + " a current member of the network " + pcn + " (" + net->second.name +
                                 "), which closed on " + shown_date(net->second.close) + "; the membership is left out.",
                     {practice, pcn}, r.line);
                continue;
            }
            if (!pcn_in) continue;  // the network itself was left out, and said why
            if (!practice_in) {
                not_a_practice(practice, pcn, r.line);
                continue;
            }
            if (auto [it, fresh] = current.try_emplace(practice, pcn, r.line); !fresh) {
                note("W607", where + " makes " + practice + " a current member of the network " + pcn + ", but line " +
                                 std::to_string(it->second.second) + " made it a member of " + it->second.first +
                                 "; a practice is in one network at a time, and the first is kept.",
                     {practice, it->second.first, pcn}, r.line);
                continue;
            }
            ++members[pcn];
            json::object extra;
            if (!start.empty()) extra["valid_from"] = start;
            relation("member_of", practice, pcn, std::move(extra));
            const std::string& own = practices_.at(practice).sub_icb;
            if (own != net->second.sub_icb)
                note("W601", "The practice " + practice + " (" + practices_.at(practice).name + ") is commissioned through "
                                 "the sub-ICB location " + own + " (epraccur), but its network " + pcn + " (" +
                                 net->second.name + ") sits in " + net->second.sub_icb + " (ePCN); the membership is kept.",
                     {practice, pcn, own, net->second.sub_icb}, r.line);
        }
        for (const std::string& code : imported_practices_)
            if (!current.count(code))
                note("W602", "The active GP practice " + code + " (" + practices_.at(code).name + ") is in no primary care "
                             "network: the ePCN core partner details give it no current membership.",
                     {code}, practices_.at(code).line);
        for (const auto& [code, p] : pcns_)
            if (p.open && !members.count(code))
                note("W608", "The open network " + code + " (" + p.name + ") has no active GP practice among its current "
                             "members.", {code}, p.line);
    }

    // ---- the model --------------------------------------------------------------------------------

    ImportedOrganisations build(std::string name) {
        // Each finding is also kept with the first organisation it names, so that the model
        // carries where its registers disagree (pbp report shows it).
        std::unordered_map<std::string, json::object*> by_id;
        for (auto& o : organisations_) by_id.emplace(std::string(o.at("id").as_string()), &o);
        for (auto& o : bodies_) by_id.emplace(std::string(o.at("id").as_string()), &o);
        for (const Diagnostic& d : findings_) {
            if (d.code == "W609" || d.code == "W610") continue;  // about rows left out, not an organisation
            for (const std::string& id : d.ids) {
                auto it = by_id.find(id);
                if (it == by_id.end()) continue;
                json::value& attrs = (*it->second)["attrs"];
                if (!attrs.is_object()) attrs.emplace_object();
                json::value& list = attrs.as_object()["register_findings"];
                if (!list.is_array()) list.emplace_array();
                list.as_array().emplace_back(d.code + ": " + d.message);
                break;
            }
        }
        ImportedOrganisations out;
        json::array orgs, bodies;
        for (auto& o : organisations_) orgs.push_back(std::move(o));
        for (auto& b : bodies_) bodies.push_back(std::move(b));
        out.bodies = bodies.size();
        out.relations = relations_.size();
        out.organisations = kinds_;
        json::array areas;
        json::value areas_document = areas_.document();
        if (auto* doc = areas_document.if_object())
            if (auto* a = doc->if_contains("areas"); a && a->is_array()) areas = std::move(a->get_array());
        out.model = json::object{{"format", "pbp/1"}, {"name", std::move(name)},     {"areas", std::move(areas)},
                                 {"organisations", std::move(orgs)}, {"bodies", std::move(bodies)},
                                 {"relations", std::move(relations_)}};
        out.findings = std::move(findings_);
        return out;
    }
};

}  // namespace

const std::vector<std::vector<std::string>>& ods_register_files() {
    static const std::vector<std::vector<std::string>> names{
        {"ods_etr.csv", "etr.csv"},
        {"ods_eccg.csv", "eccg.csv"},
        {"ods_epraccur.csv", "epraccur.csv"},
        {"ods_epcn_pcn_details.csv", "epcn_pcn_details.csv"},
        {"ods_epcn_core_partner_details.csv", "epcn_core_partner_details.csv"},
        {"ons_icb24_names_codes_dec2024_en.csv", "icb_names_codes.csv"},
        {"sicbl24_icb24_nhser_en.csv", "sicbl_icb_nhser.csv"},
        {"ons_ltla23_utla23_ew.csv", "ltla_utla.csv"},
    };
    return names;
}

OdsRegisters read_ods_registers(const std::filesystem::path& dir) {
    // Said first: otherwise the first register would be reported missing from it.
    std::error_code ec;
    const auto status = std::filesystem::status(dir, ec);
    if (!std::filesystem::exists(status)) throw IoError("there is no directory '" + dir.string() + "'");
    if (!std::filesystem::is_directory(status))
        throw IoError("'" + dir.string() + "' is not a directory: DATA_DIR is the directory that holds the registers");
    std::vector<std::string> texts;
    for (const auto& names : ods_register_files()) {
        std::optional<std::filesystem::path> found;
        for (const auto& n : names)
            if (!found && std::filesystem::is_regular_file(dir / n)) found = dir / n;
        if (!found) {
            std::string tried;
            for (const auto& n : names) tried += (tried.empty() ? "" : " or ") + n;
            throw IoError("'" + dir.string() + "' has no " + tried);
        }
        texts.push_back(detail::read_text_file(*found));
    }
    return OdsRegisters{std::move(texts[0]), std::move(texts[1]), std::move(texts[2]), std::move(texts[3]),
                        std::move(texts[4]), std::move(texts[5]), std::move(texts[6]), std::move(texts[7])};
}

ImportedOrganisations import_ods(const OdsRegisters& registers, const Model& areas, std::string name) {
    return OdsImporter(registers, areas).run(std::move(name));
}

}  // namespace pbp
