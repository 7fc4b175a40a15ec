// The umbrella header compiles on its own and brings in the whole public API.
#include "pbp/pbp.hpp"

#include <doctest/doctest.h>

TEST_CASE("pbp.hpp: one include answers a question end to end") {
    auto text = pbp::bundled_model(pbp::default_model_name);
    REQUIRE(text);
    auto loaded = pbp::load_model(*text);
    REQUIRE(loaded.model);
    CHECK(pbp::count_errors(pbp::validate(*loaded.model)) == 0);
    // Every chain in the bundled model ends in Parliament or an electorate (000 s4; DOMAIN.md).
    auto a = pbp::accountability(*loaded.model, "notts-icb.board");
    CHECK(a.chain.back() == "parliament");
    CHECK(std::string(pbp::version()) == "0.1.0");
}
