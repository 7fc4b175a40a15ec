// `pbp import-areas` (SPEC 1.4): ONS lookup tables to a pbp/1 model of areas.
#include "pbp/import_areas.hpp"

#include "csv.hpp"
#include "ids.hpp"
#include "pbp/error.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

namespace pbp {
namespace json = boost::json;

namespace {

using detail::CsvRecord;
using detail::read_csv;
using detail::finding;
using detail::trim;
using detail::upper;
using detail::list_some;
using detail::valid_id;

// ---- levels ------------------------------------------------------------------------------------

struct Level {
    std::string_view name;
    std::string_view kind;
    int rank;  ///< higher = larger geography; decides which kind a code at two levels takes
};

// SPEC 1.4's table.
constexpr std::array<Level, 17> kLevels{{
    {"LSOA", "lsoa", 0},  {"OA", "lsoa", 0},        {"DZ", "lsoa", 0},
    {"MSOA", "unit", 1},  {"SICBL", "unit", 1},     {"CCG", "unit", 1},
    {"WD", "ward", 2},    {"LAD", "district", 3},   {"LTLA", "district", 3},
    {"UTLA", "local_authority", 4}, {"CTY", "local_authority", 4}, {"CTYUA", "local_authority", 4},
    {"ICB", "ics", 5},    {"STP", "ics", 5},        {"NHSER", "region", 6},
    {"RGN", "region", 6}, {"CTRY", "country", 7},
}};

const Level* find_level(std::string_view name) {
    for (const auto& l : kLevels)
        if (l.name == name) return &l;
    return nullptr;
}

enum class Part { code, name, ods, welsh_name };

struct ColumnName {
    std::string level;  ///< e.g. "LAD"
    std::string key;    ///< level and year, e.g. "LAD24": one group of columns
    Part part;
};

// `<LEVEL><YY><CD|NM|CDH|NMW>`, any case; an underscore before the suffix and a missing year
// are tolerated (`NHSER_CD`).
std::optional<ColumnName> parse_column(std::string_view raw) {
    const std::string s = upper(trim(raw));
    static constexpr std::array<std::pair<std::string_view, Part>, 4> kSuffixes{{
        {"CDH", Part::ods}, {"NMW", Part::welsh_name}, {"CD", Part::code}, {"NM", Part::name}}};
    for (auto [suffix, part] : kSuffixes) {
        if (s.size() <= suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        std::string rest = s.substr(0, s.size() - suffix.size());
        if (!rest.empty() && rest.back() == '_') rest.pop_back();
        std::string key = rest;
        if (rest.size() >= 2 && std::isdigit(static_cast<unsigned char>(rest[rest.size() - 1])) &&
            std::isdigit(static_cast<unsigned char>(rest[rest.size() - 2])))
            rest.resize(rest.size() - 2);
        if (!rest.empty() && rest.back() == '_') rest.pop_back();
        if (rest.empty() || !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            continue;
        return ColumnName{rest, key, part};
    }
    return std::nullopt;
}

struct Group {
    std::string key;
    const Level* level = nullptr;
    std::optional<std::size_t> code, name, ods;
};

// ---- areas -------------------------------------------------------------------------------------

struct Area {
    std::string code, name, ods;
    const Level* level = nullptr;       ///< the highest level the code appears at
    std::vector<const Level*> levels;   ///< every level it appears at
    std::size_t name_line = 0, ods_line = 0;
    bool leaf = false;
    std::vector<std::string> within;
    std::size_t within_line = 0;
    std::optional<std::int64_t> population;
    std::size_t population_line = 0;
};

// A value as it appears in a message: line breaks inside quoted fields shown as \n.
std::string shown(const std::string& v) {
    std::string out;
    for (char c : v) out += c == '\n' ? std::string("\\n") : c == '\r' ? std::string("\\r") : std::string(1, c);
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "(no other area)" : out;
}

// A whole number of people: digits, optionally grouped by commas ("12,345").
std::optional<std::int64_t> parse_count(std::string_view s) {
    std::string digits;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (c == ',' && i > 0 && (s.size() - i - 1) % 4 == 3) continue;
        else return std::nullopt;
    }
    if (digits.empty() || digits.size() > 18) return std::nullopt;
    return std::stoll(digits);
}

std::string normalise_header(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '_') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

class Importer {
public:
    ImportedAreas run(std::string_view lookup, std::optional<std::string_view> population, std::string name) {
        read_lookup(lookup);
        if (population) read_population(*population);
        return build(std::move(name));
    }

private:
    std::unordered_map<std::string, Area> areas_;
    std::vector<Group> groups_;
    Diagnostics findings_;
    std::set<std::pair<std::string, std::string>> reported_;  // (code, what) disagreements already told

    void disagree(const std::string& code, const std::string& what, const std::string& message, std::size_t line) {
        if (!reported_.insert({code, what}).second) return;
        findings_.push_back(finding("W501", message, {code}, line));
    }

    void read_header(const CsvRecord& header) {
        std::map<std::string, std::size_t> by_key;
        std::set<std::string> unknown;
        for (std::size_t c = 0; c < header.fields.size(); ++c) {
            auto col = parse_column(header.fields[c]);
            if (!col) continue;
            const Level* level = find_level(col->level);
            if (!level) {
                if (col->part == Part::code && unknown.insert(col->key).second)
                    findings_.push_back(finding("W505",
                                                "The column " + trim(header.fields[c]) + " names a level of geography (" +
                                                    col->level + ") that pbp does not know; it is ignored.",
                                                {}, header.line));
                continue;
            }
            if (col->part == Part::welsh_name) continue;
            auto [it, fresh] = by_key.emplace(col->key, groups_.size());
            if (fresh) groups_.push_back(Group{col->key, level, {}, {}, {}});
            Group& g = groups_[it->second];
            std::optional<std::size_t>& slot = col->part == Part::code ? g.code : col->part == Part::name ? g.name : g.ods;
            if (slot)
                throw InvalidArgument("the lookup's header has two columns for " + col->key +
                                      (col->part == Part::code ? " codes" : col->part == Part::name ? " names" : " ODS codes"));
            slot = c;
        }
        if (groups_.empty())
            throw InvalidArgument(
                "the lookup's header names no level of geography pbp knows: expected columns such as LSOA21CD, "
                "LAD24CD, ICB24CD");
        for (const auto& g : groups_)
            if (!g.code)
                throw InvalidArgument("the lookup has " + g.key + " names or ODS codes but no " + g.key +
                                      "CD column: every level needs its ONS codes");
    }

    // Registers `code` at `level` with what this row says about it.
    void see(const std::string& code, const Group& g, const std::string& name, const std::string& ods, std::size_t line) {
        auto [it, fresh] = areas_.try_emplace(code);
        Area& a = it->second;
        if (fresh) {
            a.code = code;
            a.level = g.level;
            a.name_line = a.ods_line = line;
        }
        if (std::find(a.levels.begin(), a.levels.end(), g.level) == a.levels.end()) {
            a.levels.push_back(g.level);
            if (g.level->rank > a.level->rank) a.level = g.level;  // SPEC 1.4: the higher level's kind
        }
        if (!name.empty()) {
            if (a.name.empty()) {
                a.name = name;
                a.name_line = line;
            } else if (a.name != name) {
                disagree(code, "name:" + name,
                         "Line " + std::to_string(line) + " names " + code + " \"" + shown(name) + "\", but line " +
                             std::to_string(a.name_line) + " named it \"" + shown(a.name) + "\"; the first name is kept.",
                         line);
            }
        }
        if (!ods.empty()) {
            if (a.ods.empty()) {
                a.ods = ods;
                a.ods_line = line;
            } else if (a.ods != ods) {
                disagree(code, "ods:" + ods,
                         "Line " + std::to_string(line) + " gives " + code + " the ODS code " + ods + ", but line " +
                             std::to_string(a.ods_line) + " gave " + a.ods + "; the first is kept.",
                         line);
            }
        }
    }

    void read_lookup(std::string_view text) {
        const auto records = read_csv(text, "the lookup");
        if (records.empty()) throw InvalidArgument("the lookup is empty: it needs a header row");
        read_header(records.front());
        const std::size_t width = records.front().fields.size();
        auto field = [](const CsvRecord& r, std::optional<std::size_t> c) { return c ? trim(r.fields[*c]) : std::string(); };
        for (std::size_t k = 1; k < records.size(); ++k) {
            const CsvRecord& r = records[k];
            if (r.fields.size() != width) {
                findings_.push_back(finding("W502",
                                            "Line " + std::to_string(r.line) + " of the lookup has " +
                                                std::to_string(r.fields.size()) + " fields, but the header has " +
                                                std::to_string(width) + "; the row is skipped.",
                                            {}, r.line));
                continue;
            }
            const std::string leaf = field(r, groups_[0].code);
            if (!valid_id(leaf)) {
                findings_.push_back(finding("W502",
                                            "Line " + std::to_string(r.line) + " of the lookup has " +
                                                (leaf.empty() ? std::string("no ") + groups_[0].key + " code"
                                                              : "the " + groups_[0].key + " code \"" + leaf +
                                                                    "\", which is not a usable id") +
                                                "; the row is skipped.",
                                            leaf.empty() ? std::vector<std::string>{} : std::vector<std::string>{leaf},
                                            r.line));
                continue;
            }
            std::vector<std::string> parents;
            for (std::size_t gi = 0; gi < groups_.size(); ++gi) {
                const Group& g = groups_[gi];
                const std::string code = field(r, g.code);
                if (code.empty()) continue;  // this row has no area at this level (e.g. Welsh rows, no ICB)
                if (!valid_id(code)) {
                    findings_.push_back(finding("W502",
                                                "Line " + std::to_string(r.line) + " has the " + g.key + " code \"" + code +
                                                    "\", which is not a usable id; it is skipped.",
                                                {}, r.line));
                    continue;
                }
                see(code, g, field(r, g.name), field(r, g.ods), r.line);
                if (gi > 0 && code != leaf && std::find(parents.begin(), parents.end(), code) == parents.end())
                    parents.push_back(code);
            }
            Area& a = areas_.at(leaf);
            if (!a.leaf) {
                a.leaf = true;
                a.within = parents;
                a.within_line = r.line;
            } else {
                auto x = a.within, y = parents;
                std::sort(x.begin(), x.end());
                std::sort(y.begin(), y.end());
                if (x != y)
                    disagree(leaf, "within:" + joined(y),
                             "Line " + std::to_string(r.line) + " puts " + leaf + " in " + joined(parents) + ", but line " +
                                 std::to_string(a.within_line) + " put it in " + joined(a.within) +
                                 "; the first row is kept.",
                             r.line);
            }
        }
    }

    void read_population(std::string_view text) {
        const auto records = read_csv(text, "the population file");
        if (records.empty()) throw InvalidArgument("the population file is empty: it needs a header row");
        const CsvRecord& header = records.front();
        static constexpr std::array<std::string_view, 5> kNames{"population", "totalpopulation", "total", "allages",
                                                                "obsvalue"};
        std::optional<std::size_t> col;
        for (auto want : kNames) {
            for (std::size_t c = 1; c < header.fields.size() && !col; ++c)
                if (normalise_header(trim(header.fields[c])) == want) col = c;
            if (col) break;
        }
        if (!col) {
            std::string names;
            for (const auto& f : header.fields) names += (names.empty() ? "" : ", ") + trim(f);
            throw InvalidArgument("the population file has no column named population, total_population, total, "
                                  "all_ages or obs_value (its columns: " + names + ")");
        }
        std::vector<std::string> extra;
        for (std::size_t k = 1; k < records.size(); ++k) {
            const CsvRecord& r = records[k];
            const std::string code = trim(r.fields[0]);
            if (*col >= r.fields.size()) {
                findings_.push_back(finding("W502",
                                            "Line " + std::to_string(r.line) + " of the population file has no " +
                                                trim(header.fields[*col]) + " value; it is skipped.",
                                            {}, r.line));
                continue;
            }
            auto it = areas_.find(code);
            if (it == areas_.end() || !it->second.leaf) {
                extra.push_back(code);
                continue;
            }
            const std::string raw = trim(r.fields[*col]);
            auto people = parse_count(raw);
            if (!people) {
                findings_.push_back(finding("W502",
                                            "Line " + std::to_string(r.line) + " of the population file gives " + code +
                                                " the population \"" + shown(raw) + "\", which is not a whole number; it is skipped.",
                                            {code}, r.line));
                continue;
            }
            Area& a = it->second;
            if (!a.population) {
                a.population = *people;
                a.population_line = r.line;
            } else if (*a.population != *people) {
                disagree(code, "population:" + raw,
                         "Line " + std::to_string(r.line) + " of the population file gives " + code + " " +
                             std::to_string(*people) + " people, but line " + std::to_string(a.population_line) +
                             " gave " + std::to_string(*a.population) + "; the first is kept.",
                         r.line);
            }
        }
        std::vector<std::string> missing;
        for (const auto& [code, a] : areas_)
            if (a.leaf && !a.population) missing.push_back(code);
        std::sort(missing.begin(), missing.end());
        std::sort(extra.begin(), extra.end());
        extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
        if (!missing.empty())
            findings_.push_back(finding("W503",
                                        "The population file has no figure for " + std::to_string(missing.size()) +
                                            " leaf area" + (missing.size() == 1 ? "" : "s") + " of the lookup (" +
                                            list_some(missing) + "); they get no population and count as 0 in every sum.",
                                        missing, 0));
        if (!extra.empty())
            findings_.push_back(finding("W504",
                                        "The population file has " + std::to_string(extra.size()) + " code" +
                                            (extra.size() == 1 ? "" : "s") + " that are not leaf areas of the lookup (" +
                                            list_some(extra) + "); they are ignored.",
                                        extra, 0));
    }

    ImportedAreas build(std::string name) {
        std::vector<const Area*> order;
        order.reserve(areas_.size());
        for (const auto& [code, a] : areas_) order.push_back(&a);
        std::sort(order.begin(), order.end(), [](const Area* x, const Area* y) {
            return x->level->rank != y->level->rank ? x->level->rank > y->level->rank : x->code < y->code;
        });
        ImportedAreas out;
        json::array list;
        list.reserve(order.size());
        for (const Area* a : order) {
            json::object o;
            o["id"] = a->code;
            if (!a->name.empty()) o["name"] = a->name;
            o["kind"] = std::string(a->level->kind);
            json::object codes{{"ons", a->code}};
            if (!a->ods.empty()) codes["ods"] = a->ods;
            o["codes"] = std::move(codes);
            if (!a->within.empty()) {
                json::array w;
                for (const auto& p : a->within) w.emplace_back(p);
                o["within"] = std::move(w);
            }
            if (a->population) o["population"] = *a->population;
            json::object attrs{{"level", std::string(a->level->name)}};
            if (a->levels.size() > 1) {
                json::array levels;
                for (const Level* l : a->levels) levels.emplace_back(std::string(l->name));
                attrs["levels"] = std::move(levels);
            }
            o["attrs"] = std::move(attrs);
            list.push_back(std::move(o));
            out.leaves += a->leaf;
            out.populated += a->leaf && a->population;
        }
        out.areas = order.size();
        out.model = json::object{{"format", "pbp/1"}, {"name", std::move(name)}, {"areas", std::move(list)}};
        out.findings = std::move(findings_);
        return out;
    }
};

}  // namespace

ImportedAreas import_areas(std::string_view lookup_csv, std::optional<std::string_view> population_csv, std::string name) {
    return Importer().run(lookup_csv, population_csv, std::move(name));
}

ImportedAreas import_areas_files(const std::filesystem::path& lookup, const std::optional<std::filesystem::path>& population,
                                 std::optional<std::string> name) {
    // A directory opens as a file that reads as empty: said as it is, not as "the lookup is empty".
    auto not_a_directory = [](const std::filesystem::path& p, const char* what) {
        std::error_code ec;
        if (std::filesystem::is_directory(p, ec))
            throw IoError("'" + p.string() + "' is a directory, not " + what + " (CSV)");
    };
    not_a_directory(lookup, "a lookup table");
    if (population) not_a_directory(*population, "a population table");
    const std::string text = detail::read_text_file(lookup);
    std::optional<std::string> pop;
    if (population) pop = detail::read_text_file(*population);
    return import_areas(text, pop ? std::optional<std::string_view>(*pop) : std::nullopt,
                        name ? *name : "Areas from " + lookup.filename().string());
}

}  // namespace pbp
