// Areas from an ONS lookup table through the C API (SPEC 1.4).
#include "capi_support.hpp"

#include <string>

using namespace capi_test;

TEST_CASE("capi import areas: a lookup and a population file make a model of areas") {
    // lookup.csv: three LSOAs in two districts in one ICB; population.csv lacks the third LSOA.
    // So: 3 lsoa + 2 districts + 1 ics = 6 areas, 3 leaves, 2 populated, and one W503.
    char* model = nullptr;
    char* report = nullptr;
    REQUIRE_MESSAGE(pbp_import_areas(&model, &report, data("lookup.csv").c_str(), data("population.csv").c_str(),
                                     "Test areas", 0) == PBP_OK,
                    pbp_last_error());
    auto r = boost::json::parse(report).as_object();
    CHECK(r.at("areas") == 6);
    CHECK(r.at("leaves") == 3);
    CHECK(r.at("populated") == 2);
    auto& ds = r.at("diagnostics").as_array();
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].at("code") == "W503");

    // The model loads, validates with no error, and has the populations given.
    Model m;
    REQUIRE(pbp_model_load_text(m.out(), model, std::string(model).size()) == PBP_OK);
    size_t errors = 1;
    REQUIRE(pbp_model_diagnostic_counts(&errors, nullptr, m.m) == PBP_OK);
    CHECK(errors == 0);
    Buffer name;
    REQUIRE(pbp_model_name(name.out(), m.m) == PBP_OK);
    CHECK(name.str() == "Test areas");
    // E07000001 holds E01000001 (1000) and E01000002 (1500): a fair split follows 1000:1500.
    Buffer shares;
    REQUIRE(pbp_model_fair_shares(shares.out(), m.m, "100.00", "E01000001,E01000002", nullptr, nullptr, nullptr, 0) == PBP_OK);
    CHECK(shares.json().at("shares") == boost::json::parse(
        R"([{"area": "E01000001", "amount": "40.00"}, {"area": "E01000002", "amount": "60.00"}])"));
    pbp_free(model);
    pbp_free(report);

    // The report is optional.
    REQUIRE(pbp_import_areas(&model, nullptr, data("lookup.csv").c_str(), nullptr, nullptr, PBP_PRETTY) == PBP_OK);
    CHECK(std::string(model).find("\n  \"format\": \"pbp/1\"") != std::string::npos);
    pbp_free(model);
}

TEST_CASE("capi import areas: missing files and bad tables fail cleanly") {
    char* model = poison();
    char* report = poison();
    CHECK(pbp_import_areas(&model, &report, data("no-such.csv").c_str(), nullptr, nullptr, 0) == PBP_ERR_IO);
    CHECK(model == nullptr);
    CHECK(report == nullptr);
    CHECK(pbp_import_areas(&model, nullptr, nullptr, nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_import_areas(nullptr, nullptr, data("lookup.csv").c_str(), nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    // A CSV with no level columns at all is not a lookup table.
    CHECK(pbp_import_areas(&model, nullptr, data("population.csv").c_str(), nullptr, nullptr, 0) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(model == nullptr);
}
