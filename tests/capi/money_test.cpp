// Money and allocate through the C API (SPEC 1.3): strings in, strings out, exact.
#include "capi_support.hpp"

#include <string>
#include <vector>

using namespace capi_test;

namespace {
std::string parse(const char* text) {
    Buffer b;
    const int s = pbp_money_parse(b.out(), text);
    return s == PBP_OK ? b.str() : "status " + std::to_string(s);
}
std::string format(const char* pence, int style = PBP_MONEY_PLAIN) {
    Buffer b;
    const int s = pbp_money_format(b.out(), pence, style);
    return s == PBP_OK ? b.str() : "status " + std::to_string(s);
}
std::string round(const char* pence, int places, const char* mode) {
    Buffer b;
    const int s = pbp_money_round(b.out(), pence, places, mode);
    return s == PBP_OK ? b.str() : "status " + std::to_string(s);
}
boost::json::value allocate(const char* total, std::vector<const char*> weights) {
    Buffer b;
    const int s = pbp_allocate(b.out(), total, weights.data(), weights.size(), 0);
    if (s != PBP_OK) return boost::json::value(s);
    return b.json().at("shares");
}
}  // namespace

TEST_CASE("capi money: strict parsing into pence") {
    CHECK(parse("12.3") == "1230");
    CHECK(parse("12.34") == "1234");
    CHECK(parse("-0.05") == "-5");
    CHECK(parse("0") == "0");
    CHECK(parse("100000") == "10000000");
    const std::string invalid = "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT);
    for (const char* bad : {"12.345", "1e3", "", " 1", "1 ", "+1", "1.", ".5", "£1", "1,000.00", "0x10", "NaN"})
        CHECK_MESSAGE(parse(bad) == invalid, bad);
    CHECK(parse(nullptr) == invalid);
    // The largest amount held is 2^127 - 1 pence; one penny more is out of range, never wrapped.
    CHECK(parse("1701411834604692317316873037158841057.27") == "170141183460469231731687303715884105727");
    CHECK(parse("-1701411834604692317316873037158841057.27") == "-170141183460469231731687303715884105727");
    CHECK(parse("1701411834604692317316873037158841057.28") == "status " + std::to_string(PBP_ERR_OVERFLOW));
    const std::string very_long = "1" + std::string(60, '0') + ".00";
    CHECK(parse(very_long.c_str()) == "status " + std::to_string(PBP_ERR_OVERFLOW));
    Buffer max;
    REQUIRE(pbp_money_max_pence(max.out()) == PBP_OK);
    CHECK(max.str() == "170141183460469231731687303715884105727");  // 2^127 - 1
}

TEST_CASE("capi money: printing for machines and for people") {
    CHECK(format("123450") == "1234.50");
    CHECK(format("-5") == "-0.05");
    CHECK(format("0") == "0.00");
    CHECK(format("-0") == "0.00");  // never -0.00 (SPEC 2.6.5)
    CHECK(format("123456789", PBP_MONEY_DISPLAY) == "\xC2\xA3" "1,234,567.89");
    CHECK(format("-123450", PBP_MONEY_DISPLAY) == "-\xC2\xA3" "1,234.50");
    CHECK(format("123450", 7) == "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT));
    CHECK(format("12.5") == "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT));
    CHECK(format("") == "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT));
    CHECK(format("-") == "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT));
    // Pence are held up to 2^127 - 1 either way; beyond is out of range.
    CHECK(format("170141183460469231731687303715884105727") == "1701411834604692317316873037158841057.27");
    CHECK(format("-170141183460469231731687303715884105727") == "-1701411834604692317316873037158841057.27");
    CHECK(format("170141183460469231731687303715884105728") == "status " + std::to_string(PBP_ERR_OVERFLOW));
}

TEST_CASE("capi money: rounding with every mode of SPEC 1.3") {
    // 12.35 to one place: a tie, to the even neighbour 12.4; 12.25 likewise to 12.2.
    CHECK(round("1235", 1, nullptr) == "1240");
    CHECK(round("1225", 1, "half_even") == "1220");
    CHECK(round("1225", 1, "half_up") == "1230");
    CHECK(round("1225", 1, "half_down") == "1220");
    CHECK(round("-1239", 1, "down") == "-1230");  // toward zero
    CHECK(round("-1231", 1, "up") == "-1240");    // away from zero
    CHECK(round("-1231", 1, "floor") == "-1240");
    CHECK(round("-1239", 1, "ceiling") == "-1230");
    CHECK(round("150", 0, "half_even") == "200");  // 1.50 -> 2
    CHECK(round("250", 0, "half_even") == "200");  // 2.50 -> 2
    CHECK(round("1234", 2, "up") == "1234");       // already whole pence
    CHECK(round("1234", 3, nullptr) == "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT));
    CHECK(round("1234", -1, nullptr) == "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT));
    CHECK(round("1234", 1, "bankers") == "status " + std::to_string(PBP_ERR_INVALID_ARGUMENT));
}

TEST_CASE("capi allocate: shares sum to the total exactly, leftovers by largest remainder") {
    // 0.10 three ways: 3p each exactly 3.33p; the one leftover penny goes to the first
    // (remainders tie; ties go to the earlier position).
    CHECK(allocate("0.10", {"1", "1", "1"}) == boost::json::parse(R"(["0.04", "0.03", "0.03"])"));
    CHECK(allocate("100.00", {"1", "1", "1"}) == boost::json::parse(R"(["33.34", "33.33", "33.33"])"));
    CHECK(allocate("-0.10", {"1", "1", "1"}) == boost::json::parse(R"(["-0.04", "-0.03", "-0.03"])"));
    CHECK(allocate("1.00", {"0.5", "0.25", "0.25"}) == boost::json::parse(R"(["0.50", "0.25", "0.25"])"));
    // 0.02 over 1,1,1: 0.67p each; remainders tie, the earlier two get a penny.
    CHECK(allocate("0.02", {"1", "1", "1"}) == boost::json::parse(R"(["0.01", "0.01", "0.00"])"));
    // Largest remainder beats position: 0.10 by 1,2: exact 3.33p and 6.67p.
    CHECK(allocate("0.10", {"1", "2"}) == boost::json::parse(R"(["0.03", "0.07"])"));
    CHECK(allocate("5", {"0", "3"}) == boost::json::parse(R"(["0.00", "5.00"])"));

    Buffer b;
    const char* w[] = {"1", "1"};
    REQUIRE(pbp_allocate(b.out(), "7", w, 2, 0) == PBP_OK);
    CHECK(b.json().at("total") == "7.00");  // the total echoed, normalised

    const boost::json::value invalid(PBP_ERR_INVALID_ARGUMENT);
    CHECK(allocate("1.00", {"0", "0"}) == invalid);
    CHECK(allocate("1.00", {"1", "-1"}) == invalid);
    CHECK(allocate("1.00", {"1", "abc"}) == invalid);
    CHECK(allocate("1.00", {"1", "1e2"}) == invalid);
    CHECK(allocate("1.001", {"1"}) == invalid);
    CHECK(allocate("1.00", {}) == invalid);
    CHECK(allocate("1.00", {"1", nullptr}) == invalid);
    CHECK(std::string(pbp_last_error()).find("weight 2") != std::string::npos);
    CHECK(pbp_allocate(b.out(), "1.00", nullptr, 2, 0) == PBP_ERR_INVALID_ARGUMENT);
}

TEST_CASE("capi allocate: the sum invariant over many totals and weights") {
    // A second, simple check of the exactness promise: whatever the split, the shares add up to
    // the total to the penny, and no share is a penny or more from its exact value.
    const std::vector<std::vector<const char*>> weight_sets = {
        {"1", "1", "1"}, {"3", "0.5", "7", "11"}, {"0.001", "1000"}, {"1", "2", "3", "4", "5", "6", "7"}};
    for (long pence : {0L, 1L, 2L, 99L, 100L, 1001L, 123457L, 999999999L}) {
        for (const auto& ws : weight_sets) {
            const std::string total = std::to_string(pence / 100) + "." + (pence % 100 < 10 ? "0" : "") + std::to_string(pence % 100);
            auto shares = allocate(total.c_str(), ws).as_array();
            REQUIRE(shares.size() == ws.size());
            long sum = 0;
            for (auto& s : shares) {
                Buffer p;
                REQUIRE(pbp_money_parse(p.out(), s.as_string().c_str()) == PBP_OK);
                sum += std::stol(p.str());
            }
            CHECK(sum == pence);
        }
    }
}
