// DOT to SVG with Graphviz's C library (gvc, cgraph), for the HTML report's diagrams.
#include "pbp/detail/html.hpp"
#include "pbp/error.hpp"

#ifdef PBP_HTML_REPORT
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#endif

#include <mutex>

namespace pbp::detail {

#ifdef PBP_HTML_REPORT
namespace {
// Graphviz keeps global state (its error handler, the cgraph string pool, plugins' caches) that
// older versions do not guard, and the C API promises thread-safe queries: one layout at a time.
std::mutex& graphviz_mutex() {
    static std::mutex m;
    return m;
}

// One Graphviz context for the life of the process, created on first use (under the mutex) and
// never freed. Graphviz 2.42 (Debian 12) reads freed memory in its pango plugin's font cache
// when a second context lays out text after a first was freed (AddressSanitizer shows it with
// two gvContext()/gvFreeContext() rounds), so a context per diagram is not safe.
GVC_t* graphviz_context() {
    static GVC_t* const gvc = gvContext();
    return gvc;
}

// Drops what comes before the <svg element: the XML declaration, DOCTYPE and comments, which
// are not allowed inside an HTML document.
std::string inline_svg(std::string_view svg) {
    const auto start = svg.find("<svg");
    if (start == std::string_view::npos) throw Error("Graphviz wrote no <svg> element");
    return std::string(svg.substr(start));
}
}  // namespace

std::string dot_to_svg(const std::string& dot) {
    const std::lock_guard lock(graphviz_mutex());
    agseterr(AGMAX);  // errors are ours to report (below), not Graphviz's to print
    GVC_t* const gvc = graphviz_context();
    if (!gvc) throw Error("Graphviz could not start (gvContext failed)");
    Agraph_t* g = agmemread(dot.c_str());
    if (!g) throw Error("Graphviz could not read a diagram the HTML report wrote (please report it)");
    std::string out;
    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        throw Error("Graphviz could not lay out a diagram (is the dot layout plugin installed? run `dot -c`)");
    }
    char* buf = nullptr;
    unsigned int len = 0;
    const int rc = gvRenderData(gvc, g, "svg", &buf, &len);
    if (rc == 0 && buf) out.assign(buf, len);
    if (buf) gvFreeRenderData(buf);
    gvFreeLayout(gvc, g);
    agclose(g);
    if (rc != 0 || out.empty()) throw Error("Graphviz could not render SVG (is its core plugin installed? run `dot -c`)");
    return inline_svg(out);
}
#else
std::string dot_to_svg(const std::string&) {
    throw Error("this build of pbp has no HTML report: it was configured with -DPBP_HTML_REPORT=OFF (needs libgraphviz-dev)");
}
#endif

}  // namespace pbp::detail
