#include "pbp/error.hpp"
#include "pbp/load.hpp"
#include "pbp/maturity.hpp"

#include <doctest/doctest.h>

namespace {
std::shared_ptr<const pbp::Model> two_dates() {
    auto r = pbp::load_model_file(PBP_TEST_DATA "/maturity/two_dates.json");
    REQUIRE(r.model);
    REQUIRE(r.diagnostics.empty());
    return r.model;
}
const pbp::ThemeStage& theme(const pbp::SubjectMaturity& s, std::string_view name) {
    for (auto& t : s.themes)
        if (t.theme == name) return t;
    FAIL("no theme " << name);
    throw;
}
}  // namespace

TEST_CASE("maturity: the latest stage per theme, by date") {
    auto m = two_dates();
    auto latest = pbp::maturity(*m, std::nullopt, std::nullopt);
    REQUIRE(latest.size() == 1);
    CHECK(latest[0].subject == "pbp");
    CHECK(latest[0].themes.size() == 10);  // every theme of the matrix, assessed or not
    CHECK(theme(latest[0], "shared_vision").stage == "maturing");
    CHECK(theme(latest[0], "shared_data").stage == "emerging");
    CHECK_FALSE(theme(latest[0], "shifting_power").stage.has_value());

    // On 2023-12-31 only the March 2023 baseline had been made.
    auto early = pbp::maturity(*m, std::string_view("pbp"), pbp::parse_date("2023-12-31"));
    CHECK(theme(early[0], "shared_vision").stage == "emerging");
    CHECK(theme(early[0], "shared_vision").evidence == "baseline");
    // Before any assessment nothing is known.
    auto before = pbp::maturity(*m, std::nullopt, pbp::parse_date("2023-02-28"));
    CHECK_FALSE(theme(before[0], "shared_vision").stage.has_value());
}

TEST_CASE("maturity: the change between two dates counts stages moved") {
    auto m = two_dates();
    auto change = pbp::maturity_change(*m, std::nullopt, *pbp::parse_date("2023-03-01"), *pbp::parse_date("2024-03-01"));
    auto json = pbp::to_json(change);
    auto& themes = json["subjects"].as_array()[0].as_object()["themes"].as_array();
    // shared_vision: emerging (0) -> maturing (2) = +2; shared_data: developing (1) -> emerging (0) = -1.
    CHECK(themes[0].as_object()["theme"] == "shared_vision");
    CHECK(themes[0].as_object()["change"] == 2);
    CHECK(themes[9].as_object()["theme"] == "shared_data");
    CHECK(themes[9].as_object()["change"] == -1);
    CHECK(themes[9].as_object()["from_stage"] == "developing");
    CHECK(themes[1].as_object()["change"].is_null());  // never assessed
    CHECK_THROWS_AS(pbp::maturity_change(*m, std::nullopt, *pbp::parse_date("2024-03-01"), *pbp::parse_date("2023-03-01")),
                    pbp::InvalidArgument);
    CHECK_THROWS_AS(pbp::maturity(*m, std::string_view("nobody"), std::nullopt), pbp::InvalidArgument);
    // SPEC 1.2: a subject is a body or an area. An organisation once got ten themes "not assessed".
    CHECK_THROWS_WITH_AS(pbp::maturity(*m, std::string_view("icb"), std::nullopt),
                         "'icb' is not a body or area (it is in organisations): only those are assessed",
                         pbp::InvalidArgument);
    CHECK_THROWS_AS(pbp::maturity_change(*m, std::string_view("icb"), *pbp::parse_date("2023-03-01"),
                                         *pbp::parse_date("2024-03-01")),
                    pbp::InvalidArgument);
    CHECK(pbp::maturity(*m, std::string_view("pbp"), std::nullopt).size() == 1);
}
