#include "pbp/maturity.hpp"

#include "pbp/accountability.hpp"
#include "pbp/error.hpp"

#include <algorithm>
#include <map>

namespace pbp {
namespace {

int stage_rank(std::string_view s) {
    for (std::size_t i = 0; i < maturity_stages.size(); ++i)
        if (maturity_stages[i] == s) return static_cast<int>(i);
    return -1;
}

// Latest assessment per theme for one subject on or before `day`. Where two assessments of a
// theme share a date, the later one in the file wins (a correction to the earlier entry).
std::vector<ThemeStage> stages(const Model& m, Index subject, std::optional<Date> day) {
    std::vector<ThemeStage> out;
    for (auto theme : maturity_themes) {
        ThemeStage t{std::string(theme), std::nullopt, std::nullopt, {}};
        for (const Assessment& a : m.assessments) {
            if (a.subject != subject || a.theme != theme || (day && *day < a.date)) continue;
            if (!t.date || !(a.date < *t.date)) {
                t.stage = a.stage;
                t.date = a.date;
                t.evidence = a.evidence;
            }
        }
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<Index> subjects(const Model& m, std::optional<std::string_view> subject) {
    std::vector<Index> out;
    if (subject) {
        auto i = m.find(*subject);
        if (!i) throw InvalidArgument("there is no '" + std::string(*subject) + "' in the model");
        // SPEC 1.2: a subject is a body or an area; anything else would list ten themes "not
        // assessed", which reads as an answer about it.
        const Section s = m.at(*i).section;
        if (s != Section::body && s != Section::area)
            throw InvalidArgument("'" + std::string(*subject) + "' is not a body or area (it is in " +
                                  std::string(to_string(s)) + "): only those are assessed");
        out.push_back(*i);
        return out;
    }
    for (const Assessment& a : m.assessments) out.push_back(a.subject);
    std::sort(out.begin(), out.end(), [&](Index a, Index b) { return m.id(a) < m.id(b); });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

boost::json::value text_or_null(const std::optional<std::string>& s) {
    return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

}  // namespace

std::vector<SubjectMaturity> maturity(const Model& m, std::optional<std::string_view> subject,
                                      std::optional<Date> as_of) {
    std::vector<SubjectMaturity> out;
    for (Index s : subjects(m, subject)) out.push_back({m.id(s), stages(m, s, as_of), {}});
    return out;
}

std::vector<SubjectMaturity> maturity_change(const Model& m, std::optional<std::string_view> subject, Date from, Date to) {
    if (to < from) throw InvalidArgument("the second date must not be before the first");
    std::vector<SubjectMaturity> out;
    for (Index s : subjects(m, subject)) out.push_back({m.id(s), stages(m, s, to), stages(m, s, from)});
    return out;
}

boost::json::object to_json(const std::vector<SubjectMaturity>& result) {
    boost::json::array subjects;
    for (const SubjectMaturity& sm : result) {
        boost::json::array themes;
        for (std::size_t i = 0; i < sm.themes.size(); ++i) {
            const ThemeStage& t = sm.themes[i];
            boost::json::object o;
            o["theme"] = t.theme;
            o["stage"] = text_or_null(t.stage);
            o["date"] = t.date ? boost::json::value(to_string(*t.date)) : boost::json::value(nullptr);
            o["evidence"] = t.evidence;
            if (!sm.themes_before.empty()) {
                const ThemeStage& b = sm.themes_before[i];
                o["from_stage"] = text_or_null(b.stage);
                o["change"] = (t.stage && b.stage) ? boost::json::value(stage_rank(*t.stage) - stage_rank(*b.stage))
                                                   : boost::json::value(nullptr);
            }
            themes.push_back(std::move(o));
        }
        boost::json::object s;
        s["subject"] = sm.subject;
        s["themes"] = std::move(themes);
        subjects.push_back(std::move(s));
    }
    return {{"subjects", std::move(subjects)}};
}

}  // namespace pbp
