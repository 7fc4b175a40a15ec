// accountability() checked against a second, plain implementation (the walk it replaced: a
// filtered Boost.Graph view, a hash map, a backward pass over the graph's in-edges), on every
// organisation, body and post of every bundled model, on every day a date in the model changes
// something; and the batch forms against the single query.
#include "pbp/accountability.hpp"
#include "pbp/bundled.hpp"
#include "pbp/delegation.hpp"
#include "pbp/error.hpp"
#include "pbp/load.hpp"

#include "bundled_support.hpp"

#include <boost/json/serialize.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <thread>
#include <unordered_map>

namespace {
using namespace pbp;

// The reference: breadth-first over the dated view; distances to the nearest terminal by a
// backward pass over in-edges restricted to the reached nodes; then the chain taking the
// smallest id among the steps that keep it shortest.
Accountability reference(const Model& m, Index node, std::optional<Date> as_of) {
    const GraphView g = accountability_view(m, as_of);
    std::vector<Index> order{node};
    std::unordered_map<Index, int> dist{{node, 0}};
    for (std::size_t k = 0; k < order.size(); ++k)
        for (auto [b, e] = boost::out_edges(order[k], g); b != e; ++b) {
            auto w = static_cast<Index>(boost::target(*b, g));
            if (dist.emplace(w, 0).second) order.push_back(w);
        }
    auto terminal = [&](Index v) {
        auto [b, e] = boost::out_edges(v, g);
        return b == e;
    };
    auto sorted_ids = [&](auto first, auto last, bool only_terminals) {
        std::vector<std::string> out;
        for (auto it = first; it != last; ++it)
            if (!only_terminals || terminal(*it)) out.push_back(m.id(*it));
        std::sort(out.begin(), out.end());
        return out;
    };
    Accountability out;
    out.node = m.id(node);
    out.reachable = sorted_ids(order.begin() + 1, order.end(), false);
    out.apexes = sorted_ids(order.begin(), order.end(), true);
    constexpr int far = std::numeric_limits<int>::max();
    std::vector<Index> queue;
    for (Index v : order) {
        dist[v] = terminal(v) ? 0 : far;
        if (dist[v] == 0) queue.push_back(v);
    }
    for (std::size_t k = 0; k < queue.size(); ++k)
        for (auto [b, e] = boost::in_edges(queue[k], g); b != e; ++b) {
            auto it = dist.find(static_cast<Index>(boost::source(*b, g)));
            if (it != dist.end() && it->second == far) {
                it->second = dist[queue[k]] + 1;
                queue.push_back(it->first);
            }
        }
    out.chain.push_back(out.node);
    for (Index at = node; dist[at] != far && dist[at] > 0;) {
        Index best = npos;
        for (auto [b, e] = boost::out_edges(at, g); b != e; ++b) {
            auto w = static_cast<Index>(boost::target(*b, g));
            if (dist[w] == dist[at] - 1 && (best == npos || m.id(w) < m.id(best))) best = w;
        }
        at = best;
        out.chain.push_back(m.id(at));
    }
    return out;
}

// The bundled models of this build (england only when the national models are built).
std::vector<std::string> bundled_names() {
    std::vector<std::string> out;
    for (const char* name : {"nottinghamshire", "bob", "west-yorkshire", "greater-manchester", "lancashire-south-cumbria",
                             "black-country", "england"})
        if (bundled_model(name)) out.push_back(name);
    return out;
}

void check_equal(const Accountability& got, const Accountability& want) {
    CHECK(got.node == want.node);
    CHECK(got.chain == want.chain);
    CHECK(got.reachable == want.reachable);
    CHECK(got.apexes == want.apexes);
}
}  // namespace

TEST_CASE("accountability: every node of every bundled model, on every day that matters, as the reference walk") {
    for (const std::string& name : bundled_names()) {
        CAPTURE(name);
        std::size_t compared = 0;
        const auto m = test::load_bundled(name);
        const auto days = test::days_of(*m);
        // England's days are many and its nodes thousands: its dated answers on the first and last days only.
        const std::vector<std::optional<Date>> asked =
            name == "england" ? std::vector<std::optional<Date>>{days.front(), days.back()} : days;
        for (const auto& day : asked)
            for (Index node : accountable_nodes(*m, day)) {
                CAPTURE(m->id(node));
                check_equal(accountability(*m, node, day), reference(*m, node, day));
                ++compared;
            }
        CHECK(compared >= accountable_nodes(*m).size());
    }
}

TEST_CASE("accountability: the batch answers are the single answers, in the order asked") {
    for (const std::string& name : {std::string("nottinghamshire"), std::string("black-country"), std::string("bob")}) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        for (const auto& day : test::days_of(*m)) {
            std::vector<Index> nodes = accountable_nodes(*m, day);
            REQUIRE(!nodes.empty());
            std::reverse(nodes.begin(), nodes.end());  // not id order: the answers keep the order asked
            nodes.push_back(nodes.front());            // and a node asked twice is answered twice
            const auto answers = accountability(*m, nodes, day);
            REQUIRE(answers.size() == nodes.size());
            for (std::size_t k = 0; k < nodes.size(); ++k) check_equal(answers[k], accountability(*m, m->id(nodes[k]), day));
        }
    }
}

TEST_CASE("accountability: accountable_nodes lists the organisations, bodies and posts of the day in id order") {
    const auto m = test::load_bundled("nottinghamshire");
    for (const auto& day : test::days_of(*m)) {
        std::vector<std::string> want;
        for (Index i = 0; i < m->entities.size(); ++i) {
            const Section s = m->entities[i].section;
            if ((s == Section::organisation || s == Section::body || s == Section::post) && m->exists(i, day))
                want.push_back(m->id(i));
        }
        std::sort(want.begin(), want.end());
        std::vector<std::string> got;
        for (Index i : accountable_nodes(*m, day)) got.push_back(m->id(i));
        CHECK(got == want);
    }
}

TEST_CASE("accountability: a batch stops at the first node that does not exist on the day") {
    const auto m = test::load_bundled("nottinghamshire");
    std::vector<Index> nodes = accountable_nodes(*m);
    nodes.push_back(static_cast<Index>(m->entities.size()));
    CHECK_THROWS_AS(accountability(*m, nodes, std::nullopt), InvalidArgument);
}

TEST_CASE("accountability: id ranks follow byte order, and a copy or a changed model is never answered from stale ranks") {
    const auto m = test::load_bundled("west-yorkshire");
    const auto ranks = m->id_ranks();
    REQUIRE(ranks.size() == m->entities.size());
    for (Index a = 0; a < m->entities.size(); ++a)
        for (Index b = 0; b < m->entities.size(); ++b) REQUIRE((ranks[a] < ranks[b]) == (m->id(a) < m->id(b)));

    // A copy, changed after the original was queried: its own ranks, and its answers still the reference's.
    Model copy = *m;
    Entity extra;
    extra.id = "aaa.first-in-byte-order";
    extra.section = Section::organisation;
    copy.index_by_id.emplace(extra.id, static_cast<Index>(copy.entities.size()));
    copy.entities.push_back(extra);
    CHECK(copy.id_ranks().size() == copy.entities.size());
    const auto before = std::count_if(m->entities.begin(), m->entities.end(), [&](const Entity& e) { return e.id < extra.id; });
    CHECK(copy.id_ranks()[copy.entities.size() - 1] == static_cast<Index>(before));
    // The graph was built for the smaller model: the new entity has no edges and answers to no one.
    const auto lone = accountability(copy, "aaa.first-in-byte-order");
    CHECK(lone.chain == std::vector<std::string>{"aaa.first-in-byte-order"});
    CHECK(lone.apexes == std::vector<std::string>{"aaa.first-in-byte-order"});

    // The same model grown after its ranks were built: they are no longer offered.
    Model grown = *m;
    REQUIRE(grown.id_ranks().size() == grown.entities.size());
    grown.entities.push_back(extra);
    CHECK(grown.id_ranks().empty());
    // Its ways up are then ranked by its ids directly: every answer is still the original's.
    for (Index v = 0; v < m->entities.size(); ++v) {
        const Section s = m->entities[v].section;
        if (s != Section::organisation && s != Section::body && s != Section::post) continue;
        const auto a = accountability(grown, v), b = accountability(*m, v);
        REQUIRE(a.chain == b.chain);
        REQUIRE(a.reachable == b.reachable);
        REQUIRE(a.apexes == b.apexes);
    }
}

TEST_CASE("accountability: distances to an apex are kept per period, and days asked in any order get the reference's answers") {
    // Nottinghamshire with its accountability relations dated a month apart (each starting on
    // its own day, every third also ending), asked node by node with the days inner: the period
    // changes at every query, more periods than are kept are asked, and each comes back after
    // it was dropped. The day before each change is asked too (the period before the first).
    auto doc = test::load_bundled("nottinghamshire")->document();
    int dated = 0;
    for (auto& r : doc.as_object()["relations"].as_array()) {
        auto& o = r.as_object();
        if (o["kind"] != "accountable_to") continue;
        o["valid_from"] = to_string(Date{19000 + 30 * dated});
        if (dated % 3 == 2) o["valid_to"] = to_string(Date{19000 + 30 * dated + 400});
        ++dated;
    }
    REQUIRE(dated >= 8);
    const auto loaded = load_model(boost::json::serialize(doc));
    REQUIRE(loaded.model);
    const std::shared_ptr<const Model> m = loaded.model;
    std::vector<std::optional<Date>> days = test::days_of(*m);
    for (std::size_t k = days.size(); k-- > 1;) days.push_back(Date{days[k]->days - 1});
    CAPTURE(m->name);
    const auto& rows = m->accountability_rows();
    CHECK(rows.changes.size() + 2 > 8);  // more periods than Model::apex_distances keeps
    std::size_t compared = 0;
    for (Index node : accountable_nodes(*m))
        for (const auto& day : days) {
            if (!m->exists(node, day)) continue;
            CAPTURE(m->id(node));
            check_equal(accountability(*m, node, day), reference(*m, node, day));
            ++compared;
        }
    CHECK(compared > accountable_nodes(*m).size());

    // Every distance is the length of the shortest chain of the node's own answer.
    for (const auto& day : days) {
        const auto distance = m->apex_distances(day);
        REQUIRE(distance->size() == boost::num_vertices(m->graph));
        for (Index node = 0; node < distance->size(); ++node) {
            if (!m->exists(node, day)) continue;
            const Accountability a = reference(*m, node, day);
            const bool way_up = a.apexes.size() > 1 || a.apexes.front() != a.node || a.reachable.empty();
            CHECK((*distance)[node] == (way_up ? a.chain.size() - 1 : kNoWayUp));
        }
    }
}

TEST_CASE("accountability: a copy given a new edge after the original was queried answers from its own distances") {
    const auto m = test::load_bundled("nottinghamshire");
    Index lone = npos, boss = npos;  // an organisation that answers to no one, and one that does
    for (Index i : accountable_nodes(*m)) {
        if (m->entities[i].section != Section::organisation) continue;
        const auto a = accountability(*m, i);
        if (a.reachable.empty() && lone == npos) lone = i;
        if (!a.reachable.empty() && boss == npos) boss = i;
    }
    REQUIRE(lone != npos);
    REQUIRE(boss != npos);
    // The copy takes the graph of the same model with one more relation (entities keep their
    // indices), as code that changes a model after loading would.
    auto doc = m->document();
    doc.as_object()["relations"].as_array().push_back(
        boost::json::object{{"kind", "accountable_to"}, {"from", m->id(lone)}, {"to", m->id(boss)}});
    const auto changed = load_model(boost::json::serialize(doc));
    REQUIRE(changed.model);
    Model copy = *m;
    copy.graph = changed.model->graph;
    const auto want = reference(copy, lone, std::nullopt);
    REQUIRE(!want.reachable.empty());
    check_equal(accountability(copy, lone), want);
    CHECK(accountability(*m, lone).reachable.empty());  // the original is unchanged
    check_equal(accountability(copy, lone), want);
}

TEST_CASE("accountability: an area, a function or a fund answers to no one, and asking is refused, naming it") {
    // They have no accountability edge of their own (SPEC 2.1): the answer was the node as its
    // own apex, which reads as an answer.
    const auto m = test::load_bundled("nottinghamshire");
    std::map<Section, int> refused;
    for (Index i = 0; i < m->entities.size(); ++i) {
        const Entity& e = m->entities[i];
        const bool answers = e.section == Section::organisation || e.section == Section::body || e.section == Section::post;
        if (answers) continue;
        CAPTURE(e.id);
        const std::string words = "'" + e.id + "' is not an organisation, body or post (it is in " +
                                  std::string(to_string(e.section)) + "): only those answer to anyone";
        CHECK_THROWS_WITH_AS(accountability(*m, i), words.c_str(), InvalidArgument);
        CHECK_THROWS_WITH_AS(accountability(*m, std::string_view(e.id)), words.c_str(), InvalidArgument);
        const Index batch[] = {accountable_nodes(*m).front(), i};
        CHECK_THROWS_WITH_AS(accountability(*m, gsl::span<const Index>(batch), std::nullopt), words.c_str(),
                             InvalidArgument);
        ++refused[e.section];
    }
    CHECK(refused[Section::area] > 0);
    CHECK(refused[Section::function] > 0);
    CHECK(refused[Section::fund] > 0);
}

TEST_CASE("accountability: accountability_chain is the chain of the reference walk on every day, and bad nodes are refused") {
    for (const std::string& name : {std::string("nottinghamshire"), std::string("lancashire-south-cumbria")}) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        std::vector<Index> chain;
        for (const auto& day : test::days_of(*m))
            for (Index node : accountable_nodes(*m, day)) {
                CAPTURE(m->id(node));
                accountability_chain(*m, node, day, chain);
                CHECK(to_ids(*m, chain) == reference(*m, node, day).chain);
            }
        CHECK_THROWS_AS(accountability_chain(*m, static_cast<Index>(m->entities.size()), std::nullopt, chain),
                        InvalidArgument);
    }
    // A node that does not exist on the day asked is refused, naming it.
    const auto m = test::load_bundled("nottinghamshire");
    const auto days = test::days_of(*m);
    bool refused = false;
    for (Index i = 0; i < m->entities.size() && !refused; ++i)
        for (const auto& day : days)
            if (day && !m->exists(i, day)) {
                std::vector<Index> chain;
                try {
                    accountability_chain(*m, i, day, chain);
                } catch (const InvalidArgument& e) {
                    CHECK(std::string(e.what()).find(m->id(i)) != std::string::npos);
                    refused = true;
                }
                CHECK(refused);
                break;
            }
    CHECK(refused);
}

TEST_CASE("decides and authority: the index forms refuse what the owned forms refuse") {
    const auto m = test::load_bundled("nottinghamshire");
    Index function = npos, area = npos, organisation = npos;
    for (Index i = 0; i < m->entities.size(); ++i) {
        const Section s = m->entities[i].section;
        if (s == Section::function && m->entities[i].holder != npos && function == npos) function = i;
        if (s == Section::area && area == npos) area = i;
        if (s == Section::organisation && organisation == npos) organisation = i;
    }
    REQUIRE(function != npos);
    REQUIRE(area != npos);
    REQUIRE(organisation != npos);
    DecisionIndices d;
    AuthorityIndices a;
    const Money amount = *Money::parse("1.00");
    CHECK_THROWS_AS(decides(*m, function, organisation, std::nullopt, d), InvalidArgument);  // not an area
    CHECK_THROWS_AS(decides(*m, organisation, area, std::nullopt, d), InvalidArgument);      // not a function
    CHECK_THROWS_AS(authority(*m, function, organisation, amount, std::nullopt, a), InvalidArgument);
    CHECK_THROWS_AS(decides(*m, function, static_cast<Index>(m->entities.size()), std::nullopt, d), InvalidArgument);
    // And still answer afterwards, as the owned form does.
    decides(*m, function, area, std::nullopt, d);
    CHECK(boost::json::serialize(to_json(to_ids(*m, d))) == boost::json::serialize(to_json(decides(*m, function, area))));
}

TEST_CASE("accountability: one thread alternating between a large and a small model gets each model's answers") {
    const auto small = test::load_bundled("greater-manchester");
    const auto large = test::load_bundled("lancashire-south-cumbria");
    REQUIRE(large->entities.size() > small->entities.size());
    std::thread worker([&] {
        for (int round = 0; round < 3; ++round)
            for (const auto* m : {large.get(), small.get()})
                for (Index node : accountable_nodes(*m)) check_equal(accountability(*m, node), reference(*m, node, std::nullopt));
    });
    worker.join();
}

TEST_CASE("decides: the batch over every place is the single query at each place") {
    for (const std::string& name : {std::string("nottinghamshire"), std::string("bob"), std::string("west-yorkshire")}) {
        CAPTURE(name);
        const auto m = test::load_bundled(name);
        const std::vector<Index> places = places_on(*m);
        REQUIRE(!places.empty());
        std::size_t functions = 0;
        for (Index f = 0; f < m->entities.size(); ++f) {
            if (m->entities[f].section != Section::function || m->entities[f].holder == npos) continue;
            ++functions;
            const auto answers = decides(*m, f, places);
            REQUIRE(answers.size() == places.size());
            for (std::size_t k = 0; k < places.size(); ++k) {
                const Decision one = decides(*m, m->id(f), m->id(places[k]));
                CHECK(boost::json::value(to_json(answers[k])) == boost::json::value(to_json(one)));
                CHECK(answers[k].place == m->id(places[k]));
            }
        }
        CHECK(functions > 0);
    }
}

TEST_CASE("decides: places_on lists the areas of kind place existing on the day, in id order") {
    const auto m = test::load_bundled("lancashire-south-cumbria");
    for (const auto& day : test::days_of(*m)) {
        std::vector<std::string> want;
        for (Index i = 0; i < m->entities.size(); ++i)
            if (m->entities[i].section == Section::area && m->entities[i].kind == "place" && m->exists(i, day))
                want.push_back(m->id(i));
        std::sort(want.begin(), want.end());
        std::vector<std::string> got;
        for (Index i : places_on(*m, day)) got.push_back(m->id(i));
        CHECK(got == want);
    }
}
