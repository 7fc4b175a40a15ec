#include "commands.hpp"

#include "pbp/bundled.hpp"
#include "pbp/error.hpp"
#include "pbp/report.hpp"
#include "pbp/report_html.hpp"

#include <fstream>
#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() > 1) throw UsageError("expects at most one MODEL");
    auto as_of = args.as_of();
    const auto html = args.get("html");
    if (html && html->empty()) throw UsageError("--html needs a FILE to write (or - for standard output)");
    std::string which = args.operands.empty() ? std::string(default_model_name) : args.operands[0];
    auto m = open_model(which, args, false);
    if (!html) {
        std::cout << report(*m.model, m.diagnostics, as_of);
    } else if (*html == "-") {
        std::cout << report_html(*m.model, m.diagnostics, as_of);
    } else {
        const std::string page = report_html(*m.model, m.diagnostics, as_of);  // before the file is touched
        std::ofstream f(*html, std::ios::binary);
        if (!(f << page) || !f.flush()) throw IoError("cannot write '" + *html + "'");
    }
    return count_errors(m.diagnostics) > 0 ? 1 : 0;
}
}  // namespace

Command report_command() {
    return {"report", "a readable summary of a model (default: Nottingham and Nottinghamshire)",
            "usage: pbp report [MODEL] [--as-of YYYY-MM-DD] [--html FILE]\n\n"
            "Prints a summary for governance officers: places, bodies and who they answer to, posts and\n"
            "who appoints and approves them, who decides what where, budgets, and every problem found.\n"
            "With no MODEL, reports on the bundled Nottingham and Nottinghamshire model. Under each\n"
            "function, places outside the area its holder serves where nothing is delegated are\n"
            "counted, not listed (`pbp decides` answers for any place).\n\n"
            "  --html FILE   write the report as one self-contained web page instead (FILE '-' for\n"
            "                standard output): accountability and delegation diagrams per place, a\n"
            "                Sankey diagram of each year's money, the decides matrix, places against\n"
            "                councils and every problem linked to its entities; inline CSS and SVG\n"
            "                only, nothing loaded from the network; prints on A4\n\n"
            "Exit status 1 when the model has errors (they are listed in the report).\n",
            {{"html"}, {"as-of"}},
            run};
}

}  // namespace pbp::cli
