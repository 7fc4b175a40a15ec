// Tests for how a loaded model is held (docs/performance.md, a million entities): the document
// parsed again from the source on demand, the less common fields kept apart (EntityDetails),
// the graph in compressed sparse rows, and a file's text taken over by the model. Each is
// checked against what the file says, independently of the code under test.
#include "bundled_support.hpp"
#include "pbp/load.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <tuple>
#include <type_traits>

using namespace pbp;

namespace {
const char* const kLayoutModel = R"({
  // a comment, dropped from the document
  "format": "pbp/1", "name": "layout",
  "areas": [
    {"id": "county", "kind": "county"},
    {"id": "lsoa1", "kind": "lsoa", "within": ["county"], "population": 10},
    {"id": "lsoa2", "kind": "lsoa", "within": ["county"], "population": 20, "need_index": "1.5"}
  ],
  "organisations": [
    {"id": "icb", "kind": "icb", "notes": "an ICB", "attrs": {"kept": [1, 2]}}
  ],
  "bodies": [
    {"id": "board", "kind": "board", "of": "icb", "members": [{"member": "chair"}], "quorum": {"count": 1}}
  ],
  "posts": [
    {"id": "chair", "title": "Chair", "in": "board", "employer": "icb", "holder": "A. Person", "appointed_by": "icb"}
  ],
  "functions": [{"id": "fn", "holder": "icb", "service_area": "Urgent care"}],
  "relations": [
    {"kind": "accountable_to", "from": "icb", "to": "county"},
    {"kind": "delegates", "from": "board", "to": "chair", "functions": ["fn"]}
  ]
})";

const Entity& entity(const Model& m, const char* id) { return m.at(m.find(id).value()); }
}  // namespace

TEST_CASE("model layout: the document is the source parsed again, comments dropped") {
    auto r = load_model(kLayoutModel);
    REQUIRE(r.model);
    const boost::json::value doc = r.model->document();
    CHECK(doc.at("organisations").at(0).at("attrs").at("kept") == boost::json::array{1, 2});
    CHECK(doc.at("name") == "layout");
    CHECK(doc.as_object().size() == 8);  // format, name and six lists: no trace of the comment
    // A model built in code has no source and so no document.
    CHECK(Model{}.document().is_null());
}

TEST_CASE("model layout: entities with only common fields carry no details of their own") {
    auto r = load_model(kLayoutModel);
    REQUIRE(r.model);
    const Model& m = *r.model;
    CHECK(entity(m, "lsoa1").more == nullptr);
    CHECK(entity(m, "county").more == nullptr);
    CHECK(entity(m, "lsoa1").details().need_index == 1);  // the default, as SPEC 1.2 says
    CHECK(entity(m, "lsoa1").details().empty());
    // Each entity with a detail has it, and only its own.
    CHECK(entity(m, "lsoa2").details().need_index == Ratio(3, 2));
    CHECK(entity(m, "icb").details().notes == "an ICB");
    CHECK(entity(m, "board").details().members.size() == 1);
    CHECK(entity(m, "board").details().quorum->count == 1);
    CHECK(entity(m, "chair").details().title == "Chair");
    CHECK(entity(m, "chair").details().person == "A. Person");
    CHECK(entity(m, "chair").details().appointed_by.size() == 1);
    CHECK(entity(m, "fn").details().service_area == "Urgent care");
    CHECK(entity(m, "fn").details().title.empty());
}

TEST_CASE("model layout: the graph holds one edge per link the file states, both ways") {
    // A second method: every edge the file implies, counted from the file's own fields and
    // relations, against the graph's out- and in-edges.
    auto m = test::load_bundled("nottinghamshire");
    std::map<std::tuple<Index, Index, EdgeKind>, int> expected;
    for (Index i = 0; i < m->entities.size(); ++i) {
        const Entity& e = m->entities[i];
        for (Index p : e.within) ++expected[{i, p, EdgeKind::within}];
        for (Index s : e.serves) ++expected[{i, s, EdgeKind::serves}];
        for (Index o : e.of) ++expected[{i, o, EdgeKind::of}];
        if (e.place != npos) ++expected[{i, e.place, EdgeKind::place}];
        if (e.in != npos) ++expected[{i, e.in, EdgeKind::in}];
    }
    for (const Relation& r : m->relations) {
        ++expected[{r.from, r.to, static_cast<EdgeKind>(r.kind)}];
        if (r.kind == RelationKind::delegates) ++expected[{r.to, r.from, EdgeKind::answers_to_delegator}];
    }
    std::map<std::tuple<Index, Index, EdgeKind>, int> out, in;
    const Graph& g = m->graph;
    for (Index v = 0; v < m->entities.size(); ++v) {
        CHECK(g[v].entity == v);
        for (auto [b, e] = boost::out_edges(v, g); b != e; ++b) {
            CHECK(boost::source(*b, g) == v);
            ++out[{v, static_cast<Index>(boost::target(*b, g)), g[*b].kind}];
        }
        for (auto [b, e] = boost::in_edges(v, g); b != e; ++b) {
            CHECK(boost::target(*b, g) == v);
            ++in[{static_cast<Index>(boost::source(*b, g)), v, g[*b].kind}];
        }
    }
    auto only = [](std::map<std::tuple<Index, Index, EdgeKind>, int> all) {
        std::erase_if(all, [](const auto& kv) {
            const EdgeKind k = std::get<2>(kv.first);
            return k == EdgeKind::member || k == EdgeKind::employer || k == EdgeKind::holds || k == EdgeKind::host ||
                   k == EdgeKind::appointed_by || k == EdgeKind::approved_by;
        });
        return all;
    };
    CHECK(!expected.empty());
    CHECK(only(out) == expected);
    CHECK(out == in);
    // Each vertex's out-edges keep the order they were stated in: the relations' edges after the
    // entity's own fields, in the order of the file.
    for (Index v = 0; v < m->entities.size(); ++v) {
        Index last = 0;
        bool relations = false;
        for (auto [b, e] = boost::out_edges(v, g); b != e; ++b) {
            const Index rel = g[*b].relation;
            if (rel == npos) {
                CHECK_FALSE(relations);
                continue;
            }
            CHECK((!relations || rel >= last));
            relations = true;
            last = rel;
        }
    }
}

TEST_CASE("model layout: a file read from disk keeps its text, without the byte order mark") {
    const std::string body = R"({"format":"pbp/1","name":"x","zz":1})";
    const auto path = std::filesystem::temp_directory_path() / "pbp_layout_bom.json";
    std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF" << body;
    auto r = load_model_file(path);
    std::filesystem::remove(path);
    REQUIRE(r.model);
    CHECK(r.model->source == body);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "W009");
    CHECK(r.diagnostics[0].column == 35);  // counted after the mark, as for text
    CHECK(save_model(*r.model) == pretty_json(boost::json::parse(body)));
}

TEST_CASE("model layout: each function's delegations, as a scan of every relation finds them") {
    for (const char* name : {"nottinghamshire", "bob", "west-yorkshire"}) {
        CAPTURE(name);
        auto m = test::load_bundled(name);
        std::size_t named = 0;
        for (Index f = 0; f < m->entities.size(); ++f) {
            std::vector<Index> scan;
            for (Index r = 0; r < m->relations.size(); ++r) {
                const Relation& rel = m->relations[r];
                if (rel.kind == RelationKind::delegates &&
                    std::find(rel.functions.begin(), rel.functions.end(), f) != rel.functions.end())
                    scan.push_back(r);
            }
            CHECK(m->delegations_of(f) == scan);
            named += scan.size();
        }
        CHECK(named > 0);
    }
}

// Model::IdHash is left without noexcept on purpose (model.hpp): with it, libstdc++ does not
// keep the hash in each node of index_by_id and every lookup hashes the ids on its chain again.
TEST_CASE("model layout: the id index keeps each id's hash beside it, and finds ids by view") {
    static_assert(!std::is_nothrow_invocable_v<const Model::IdHash&, const std::string&>);
#if defined(__GLIBCXX__)
    static_assert(std::__cache_default<std::string, Model::IdHash>::value);
#endif
    const auto m = load_model(std::string(kLayoutModel)).model;
    REQUIRE(m);
    for (const Entity& e : m->entities) {
        const auto found = m->index_by_id.find(std::string_view(e.id));
        REQUIRE(found != m->index_by_id.end());
        CHECK(m->entities[found->second].id == e.id);
    }
}
