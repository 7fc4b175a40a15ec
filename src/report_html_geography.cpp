// The HTML report's places and councils: for each place (or, in a model with no places, each
// integrated care system) the council area sharing the most people with it, as bars with the
// people counted in words beside them.
#include "pbp/detail/html.hpp"
#include "pbp/detail/report_sections.hpp"
#include "pbp/error.hpp"
#include "pbp/geography.hpp"

#include <algorithm>
#include <sstream>

namespace pbp::detail {
namespace {

// A bar's length in rem (a full bar is 12rem): floating point for the drawing only; the
// figures beside it are exact.
std::string bar_length(const Population& part, const Population& whole) {
    std::ostringstream os;
    os.setf(std::ios::fixed);
    os.precision(2);
    os << (whole <= 0 ? 0.0 : 12.0 * part.convert_to<double>() / whole.convert_to<double>());
    return os.str();
}
}  // namespace

void html_geography(HtmlContext& c, std::ostream& os) {
    const Model& m = c.m;
    os << "<section id=\"geography\">\n<h2>Places and councils</h2>\n";
    const Footprints fp(m, c.as_of);
    const char* side = any_of_kind(fp, "place") ? "place" : any_of_kind(fp, "ics") ? "ics" : nullptr;
    if (!side || !any_of_kind(fp, "local_authority")) {
        os << "<p>" << (side ? "The model has no council areas (local_authority) to compare with."
                             : "The model has no places and no integrated care systems to compare with council areas.")
           << "</p>\n</section>\n";
        return;
    }
    Coterminosity co;
    try {
        co = coterminosity(fp, AreaSelection::of_kind(side), AreaSelection::of_kind("local_authority"));
    } catch (const InvalidArgument& e) {
        os << "<p>No comparison: " << html_escape(e.what()) << "</p>\n</section>\n";
        return;
    }
    Population largest = 0;
    for (const auto& row : co.areas) largest = std::max(largest, row.population);
    const std::string what = side == std::string("place") ? "place" : "integrated care system";
    os << "<p>For each " << what << ", the council area (local_authority) sharing the most people with it. Overall "
       << html_escape(format_percent(co.score)) << " of people live in the council area that best fits their " << what
       << ".</p>\n<table class=\"geography\">\n<caption>Coterminosity of each " << what
       << " with council areas, as <code>pbp coterminosity</code> finds it; the dark bar is the people the two share</caption>\n"
          "<thead><tr><th scope=\"col\">"
       << (what == "place" ? "Place" : "System") << "</th><th scope=\"col\">Council area</th><th scope=\"col\">Relation</th>"
          "<th scope=\"col\">People</th><th scope=\"col\">Shared with the council</th></tr></thead>\n<tbody>\n";
    for (const auto& row : co.areas) {
        os << "<tr><th scope=\"row\">" << entity_link(m, row.area, c.linked) << "</th><td>" << entity_link(m, row.best, c.linked)
           << "</td><td>" << to_string(row.relation) << "</td><td class=\"num\">" << html_escape(format_people(row.population))
           << "</td><td><div class=\"bars\"><div class=\"bar\" style=\"width:" << bar_length(row.population, largest)
           << "rem\"><div class=\"shared\" style=\"width:" << bar_length(row.overlap, largest)
           << "rem;max-width:100%\"></div></div><span>" << html_escape(format_people(row.overlap)) << " ("
           << html_escape(format_percent(row.coverage)) << ")</span></div></td></tr>\n";
    }
    os << "</tbody>\n</table>\n</section>\n";
}

}  // namespace pbp::detail
