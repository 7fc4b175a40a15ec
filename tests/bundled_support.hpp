// Shared by the tests of the bundled models: open one by name, failing the test when it is
// missing or does not load.
#pragma once

#include "pbp/bundled.hpp"
#include "pbp/load.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace pbp::test {

/// No day, then every day on which an entity or a relation of `m` starts or ends, in order: the
/// days on which a dated query can change its answer.
inline std::vector<std::optional<Date>> days_of(const Model& m) {
    std::set<Date> days;
    auto add = [&](const Validity& v) {
        if (v.from) days.insert(*v.from);
        if (v.to) days.insert(*v.to);
    };
    for (const Entity& e : m.entities) add(e.valid);
    for (const Relation& r : m.relations) add(r.valid);
    std::vector<std::optional<Date>> out{std::nullopt};
    out.insert(out.end(), days.begin(), days.end());
    return out;
}

inline std::shared_ptr<const Model> load_bundled(std::string_view name) {
    auto text = bundled_model(name);
    REQUIRE(text.has_value());
    auto r = load_model(*text);
    REQUIRE(r.model);
    return r.model;
}

}  // namespace pbp::test
