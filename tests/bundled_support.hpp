// Shared by the tests of the bundled models: open one by name, failing the test when it is
// missing or does not load.
#pragma once

#include "pbp/bundled.hpp"
#include "pbp/load.hpp"

#include <doctest/doctest.h>

#include <memory>

namespace pbp::test {

inline std::shared_ptr<const Model> load_bundled(std::string_view name) {
    auto text = bundled_model(name);
    REQUIRE(text.has_value());
    auto r = load_model(*text);
    REQUIRE(r.model);
    return r.model;
}

}  // namespace pbp::test
