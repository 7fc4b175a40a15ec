// Shared by the tests of the bundled models: open one by name, failing the test when it is
// missing or does not load; check that a model is clean and survives saving.
#pragma once

#include "pbp/bundled.hpp"
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include "test_support.hpp"

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

/// Checks that `m` validates with no diagnostic at all; a failure lists what was found.
inline void check_validates_clean(const Model& m) {
    const Diagnostics all = validate(m);
    CHECK_MESSAGE(all.empty(), listing(all));
}

/// The model of `r`, checked to have loaded with no diagnostic and to validate with none;
/// a failure lists what was found.
inline std::shared_ptr<const Model> check_clean(const LoadResult& r) {
    REQUIRE_MESSAGE(r.model, listing(r.diagnostics));
    CHECK_MESSAGE(r.diagnostics.empty(), listing(r.diagnostics));
    check_validates_clean(*r.model);
    return r.model;
}

/// The bundled model `name`, checked as check_clean() does.
inline std::shared_ptr<const Model> check_bundled_clean(std::string_view name) {
    auto text = bundled_model(name);
    REQUIRE_MESSAGE(text.has_value(), name);
    return check_clean(load_model(*text));
}

/// `m` saved and loaded again, checked to load with no diagnostic into the same document with
/// as many entities, relations and flows (load.hpp: loading then saving loses nothing).
inline std::shared_ptr<const Model> saved_and_loaded(const Model& m) {
    const LoadResult again = load_model(save_model(m));
    REQUIRE_MESSAGE(again.model, listing(again.diagnostics));
    CHECK_MESSAGE(again.diagnostics.empty(), listing(again.diagnostics));
    CHECK(again.model->document() == m.document());
    REQUIRE(again.model->entities.size() == m.entities.size());
    CHECK(again.model->relations.size() == m.relations.size());
    CHECK(again.model->flows.size() == m.flows.size());
    return again.model;
}

}  // namespace pbp::test
