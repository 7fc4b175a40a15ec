// The HTML report's problems: every diagnostic, errors first, with its code, message, the
// entities it names (linked to their rows in the page's directory) and where it is in the file.
#include "pbp/detail/html.hpp"

namespace pbp::detail {

void html_problems(HtmlContext& c, const Diagnostics& problems, std::map<std::string, std::vector<std::string>>& problem_ids,
                   std::ostream& os) {
    os << "<section id=\"problems\">\n<h2>Problems</h2>\n";
    if (problems.empty()) os << "<p>None found.</p>\n";
    std::size_t n = 0;
    for (Severity s : {Severity::error, Severity::warning}) {
        std::size_t count = 0;
        for (const Diagnostic& d : problems) count += d.severity == s;
        if (count == 0) continue;
        const char* title = s == Severity::error ? "Errors" : "Warnings";
        os << "<h3 id=\"" << (s == Severity::error ? "errors" : "warnings") << "\">" << title << " (" << count << ")</h3>\n<ol class=\""
           << to_string(s) << "s\">\n";
        for (std::size_t k = 0; k < problems.size(); ++k) {
            const Diagnostic& d = problems[k];
            if (d.severity != s) continue;
            const std::string anchor = "problem-" + std::to_string(++n);
            os << "<li id=\"" << anchor << "\" class=\"problem\"><strong class=\"code\">" << html_escape(d.code) << "</strong> <span class=\"severity\">("
               << to_string(d.severity) << ")</span> " << html_escape(d.message);
            if (!d.ids.empty()) {
                os << "<br>Entities: ";
                for (std::size_t i = 0; i < d.ids.size(); ++i) {
                    os << (i ? ", " : "") << entity_link(c.m, d.ids[i], c.linked);
                    auto& list = problem_ids[d.ids[i]];
                    if (list.empty() || list.back() != anchor) list.push_back(anchor);
                }
            }
            if (!d.path.empty()) os << "<br>At <code class=\"pointer\">" << html_escape(d.path) << "</code>";
            if (d.line) os << ", line " << *d.line << ", column " << d.column.value_or(1);
            os << "</li>\n";
        }
        os << "</ol>\n";
    }
    os << "</section>\n";
}

}  // namespace pbp::detail
