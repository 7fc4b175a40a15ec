// Uses the installed C++ library (pbp::pbp) and C library (pbp::pbp_c) and checks they agree.
#include <pbp/allocate.hpp>
#include <pbp/bundled.hpp>
#include <pbp/delegation.hpp>
#include <pbp/load.hpp>
#include <pbp/pbp.h>
#include <pbp/version.hpp>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

int main() {
    int failures = 0;
    auto check = [&](bool ok, const char* what) {
        if (!ok) std::fprintf(stderr, "FAILED: %s\n", what), ++failures;
    };
    // Money: 0.10 three ways is 0.04, 0.03, 0.03 (largest remainder, ties to the earlier).
    const std::vector<pbp::Ratio> w{1, 1, 1};
    const auto shares = pbp::allocate(*pbp::Money::parse("0.10"), w);
    check(shares.size() == 3 && shares[0].to_string() == "0.04" && shares[2].to_string() == "0.03", "C++ allocate");

    // The same question through both APIs gives the same decision maker.
    const auto loaded = pbp::load_model(*pbp::bundled_model("nottinghamshire"));
    check(loaded.model != nullptr, "C++ loads the bundled model");
    const auto d = pbp::decides(*loaded.model, "fn.pcn-development", "place.bassetlaw");

    pbp_model* m = nullptr;
    char* json = nullptr;
    check(pbp_model_load_bundled(&m, "nottinghamshire") == PBP_OK, "C loads the bundled model");
    check(pbp_model_decides(&json, m, "fn.pcn-development", "place.bassetlaw", nullptr, 0) == PBP_OK, "C decides");
    const std::string needle = "\"decision_maker\":\"" + d.decision_maker + "\"";
    check(json && std::strstr(json, needle.c_str()), "C and C++ name the same decision maker");
    pbp_free(json);
    pbp_model_free(m);

    check(pbp_version_number() == PBP_VERSION_NUMBER, "C library version");
    check(std::string(pbp::version()) == pbp_version(), "C++ and C versions agree");
    if (failures == 0) std::printf("C++ consumer OK: %s decides, pbp %s\n", d.decision_maker.c_str(), pbp_version());
    return failures ? 1 : 0;
}
