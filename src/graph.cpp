#include "pbp/graph.hpp"

#include "pbp/model.hpp"

namespace pbp {

const char* to_string(EdgeKind k) noexcept {
    switch (k) {
        case EdgeKind::accountable_to: return "accountable_to";
        case EdgeKind::reports_to: return "reports_to";
        case EdgeKind::member_of: return "member_of";
        case EdgeKind::commissions: return "commissions";
        case EdgeKind::delegates: return "delegates";
        case EdgeKind::hosts: return "hosts";
        case EdgeKind::chairs: return "chairs";
        case EdgeKind::informs: return "informs";
        case EdgeKind::of: return "of";
        case EdgeKind::in: return "in";
        case EdgeKind::within: return "within";
        case EdgeKind::serves: return "serves";
        case EdgeKind::place: return "place";
        case EdgeKind::member: return "member";
        case EdgeKind::employer: return "employer";
        case EdgeKind::holds: return "holder";
        case EdgeKind::host: return "host";
        case EdgeKind::appointed_by: return "appointed_by";
        case EdgeKind::approved_by: return "approved_by";
        case EdgeKind::answers_to_delegator: return "answers_to_delegator";
    }
    return "unknown";
}

bool EdgeView::operator()(const Edge& e) const {
    const Graph& g = model->graph;
    const EdgeProperties& p = g[e];
    return kinds(p.kind) && p.valid.contains(as_of) && model->exists(static_cast<Index>(boost::source(e, g)), as_of) &&
           model->exists(static_cast<Index>(boost::target(e, g)), as_of);
}

bool VertexView::operator()(const Vertex& v) const { return model->exists(static_cast<Index>(v), as_of); }

GraphView view(const Model& m, std::optional<Date> as_of, bool (*kinds)(EdgeKind) noexcept) {
    return GraphView(m.graph, EdgeView{&m, as_of, kinds}, VertexView{&m, as_of});
}

GraphView accountability_view(const Model& m, std::optional<Date> as_of) {
    return view(m, as_of, [](EdgeKind k) noexcept { return is_accountability(k); });
}

}  // namespace pbp
