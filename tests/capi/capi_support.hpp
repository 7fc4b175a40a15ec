// Helpers shared by the C API tests. The tests use only pbp/pbp.h (the C API) and Boost.JSON
// to read the JSON the C API returns: never the C++ library itself.
#pragma once

#include "pbp/pbp.h"

#include <boost/json.hpp>
#include <doctest/doctest.h>

#include <string>

namespace capi_test {

/// A buffer returned by the library, freed with pbp_free() (never free()).
struct Buffer {
    char* p = nullptr;
    Buffer() = default;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    ~Buffer() { pbp_free(p); }
    /// The address to pass as an out-parameter (frees what was there).
    char** out() {
        pbp_free(p);
        p = nullptr;
        return &p;
    }
    [[nodiscard]] std::string str() const { return p ? std::string(p) : std::string(); }
    [[nodiscard]] boost::json::value json() const { return boost::json::parse(str()); }
};

/// A model handle, freed with pbp_model_free().
struct Model {
    pbp_model* m = nullptr;
    Model() = default;
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;
    ~Model() { pbp_model_free(m); }
    pbp_model** out() {
        pbp_model_free(m);
        m = nullptr;
        return &m;
    }
};

inline std::string data(const std::string& name) { return std::string(PBP_TEST_DATA) + "/capi/" + name; }

/// Loads one of tests/data/capi/*.json, failing the test when it does not load.
inline void load(Model& model, const std::string& name) {
    REQUIRE_MESSAGE(pbp_model_load(model.out(), data(name).c_str()) == PBP_OK, pbp_last_error());
    REQUIRE(model.m != nullptr);
}

/// A JSON array of strings, for comparisons.
inline boost::json::value strings(std::initializer_list<const char*> xs) {
    boost::json::array a;
    for (auto x : xs) a.emplace_back(x);
    return a;
}

/// A pointer that is not NULL, to check that failures reset out-parameters.
inline char* poison() { return reinterpret_cast<char*>(static_cast<std::uintptr_t>(0x1)); }

}  // namespace capi_test
