#include "pbp/graph.hpp"

#include "pbp/model.hpp"

namespace pbp {

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
