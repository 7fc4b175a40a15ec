// Version, status codes, the thread-local last error and pbp_free (pbp.h "Version, errors and
// memory").
#include "capi_support.hpp"

#include <cstring>
#include <string>

using namespace capi_test;

TEST_CASE("capi: the library's version agrees with the header's") {
    // The header and the library are built from one source tree, so they must agree exactly.
    CHECK(pbp_version_number() == PBP_VERSION_NUMBER);
    const std::string expected = std::to_string(PBP_VERSION_MAJOR) + "." + std::to_string(PBP_VERSION_MINOR) + "." +
                                 std::to_string(PBP_VERSION_PATCH);
    CHECK(std::string(pbp_version()) == expected);
    CHECK(PBP_AT_LEAST_VERSION(0, 0, 1));
    CHECK_FALSE(PBP_AT_LEAST_VERSION(PBP_VERSION_MAJOR + 1, 0, 0));
}

TEST_CASE("capi: every status has its own description, and the codes are negative and distinct") {
    const int codes[] = {PBP_ERR_INVALID_ARGUMENT, PBP_ERR_PARSE,    PBP_ERR_MODEL_HAS_ERRORS, PBP_ERR_NOT_FOUND,
                         PBP_ERR_IO,               PBP_ERR_OVERFLOW, PBP_ERR_NO_MEMORY,        PBP_ERR_INTERNAL};
    CHECK(std::string(pbp_status_string(PBP_OK)) == "ok");
    for (int a : codes) {
        CHECK(a < 0);
        CHECK(std::string(pbp_status_string(a)) != "unknown status");
        for (int b : codes)
            if (a != b) CHECK(std::string(pbp_status_string(a)) != pbp_status_string(b));
    }
    CHECK(std::string(pbp_status_string(42)) == "unknown status");
    CHECK(std::string(pbp_status_string(-1000)) == "unknown status");
}

TEST_CASE("capi: the last error is never NULL, describes the last failure and is reset by success") {
    Buffer b;
    REQUIRE(pbp_bundled_models(b.out()) == PBP_OK);
    CHECK(std::string(pbp_last_error()) == "no error");
    CHECK(pbp_last_error_code() == PBP_OK);
    CHECK(std::string(pbp_last_error_diagnostic()).empty());
    CHECK(std::string(pbp_last_error_diagnostics()) == "[]");

    char* out = poison();
    CHECK(pbp_money_parse(&out, "12.345") == PBP_ERR_INVALID_ARGUMENT);
    CHECK(out == nullptr);  // failures reset out-parameters
    CHECK(pbp_last_error_code() == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("12.345") != std::string::npos);  // names the bad value

    // Accessors and frees leave the last error alone.
    pbp_free(nullptr);
    pbp_model_free(nullptr);
    (void)pbp_version();
    (void)pbp_status_string(PBP_ERR_IO);
    CHECK(pbp_last_error_code() == PBP_ERR_INVALID_ARGUMENT);

    REQUIRE(pbp_money_parse(b.out(), "12.34") == PBP_OK);
    CHECK(pbp_last_error_code() == PBP_OK);
    CHECK(std::string(pbp_last_error()) == "no error");
}

TEST_CASE("capi: NULL out-parameters are refused, never written through") {
    CHECK(pbp_bundled_models(nullptr) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(std::string(pbp_last_error()).find("out_json") != std::string::npos);
    CHECK(pbp_money_parse(nullptr, "1.00") == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_load(nullptr, data("small.json").c_str()) == PBP_ERR_INVALID_ARGUMENT);
    CHECK(pbp_model_load_bundled(nullptr, "nottinghamshire") == PBP_ERR_INVALID_ARGUMENT);
    const char* w[] = {"1"};
    CHECK(pbp_allocate(nullptr, "1.00", w, 1, 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi: buffers belong to the caller until pbp_free, and are independent") {
    // Two calls give two buffers; freeing one leaves the other intact (ASan checks the frees).
    char* a = nullptr;
    char* b = nullptr;
    REQUIRE(pbp_money_format(&a, "123450", PBP_MONEY_PLAIN) == PBP_OK);
    REQUIRE(pbp_money_format(&b, "123450", PBP_MONEY_DISPLAY) == PBP_OK);
    REQUIRE(a != b);
    pbp_free(a);
    CHECK(std::string(b) == "\xC2\xA3" "1,234.50");  // £ in UTF-8
    pbp_free(b);
}
