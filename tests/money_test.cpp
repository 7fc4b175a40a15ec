// Tests for money.hpp (SPEC 1.3, 2.6.5): strict parsing, printing, every rounding mode, and
// overflow. Expected values are worked by hand in the comments beside them.
#include "pbp/error.hpp"
#include "pbp/money.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace pbp;
using boost::multiprecision::cpp_int;

namespace {
using pbp::test::gbp;
Ratio r(long long n, long long d = 1) { return Ratio(n, d); }
long long rounded(const Ratio& v, Rounding mode) { return static_cast<long long>(round_to_integer(v, mode)); }
}  // namespace

TEST_CASE("Money::parse accepts exactly -?[0-9]+(.[0-9]{1,2})? (SPEC 1.3)") {
    CHECK(gbp("0").pence() == 0);
    CHECK(gbp("12").pence() == 1200);
    CHECK(gbp("12.3").pence() == 1230);   // one decimal is tenths of a pound
    CHECK(gbp("12.34").pence() == 1234);
    CHECK(gbp("-12.34").pence() == -1234);
    CHECK(gbp("007.05").pence() == 705);  // leading zeros are digits like any other
    CHECK(gbp("100000").to_string() == "100000.00");  // echoed inputs are normalised (2.6.5)

    for (const char* bad : {"1.234", "", "+1", "1e3", " 1", "1 ", "1.", ".5", "--1", "-", "-.5", "1,000", "\xC2\xA3" "1",
                            "0x10", "1.2.3", "NaN", "inf", "1.-2", "12a", "\t1"}) {
        CAPTURE(bad);
        CHECK_FALSE(Money::parse(bad).has_value());
        CHECK_FALSE(Money::is_form(bad));
    }
    // The form, whatever the size: past 2^127 - 1 pence parse() gives nothing, is_form() still says yes.
    for (const char* good : {"0", "-12.3", "007.05", "170141183460469231731687303715884105.72", "9999999999999999999999999999999999999999.99"}) {
        CAPTURE(good);
        CHECK(Money::is_form(good));
    }
    CHECK(Money::parse("170141183460469231731687303715884105.72"));
    CHECK_FALSE(Money::parse("9999999999999999999999999999999999999999.99"));
}

TEST_CASE("Money::parse reads amounts of every length exactly, either side of 64 bits") {
    // Amounts of up to sixteen digits of pounds are read in a 64-bit integer, longer ones as a
    // big number: both against the pence worked out by cpp_int from the same digits.
    std::mt19937_64 rng(17);
    std::uniform_int_distribution<int> digit(0, 9), coin(0, 1), places(0, 2);
    for (std::size_t length = 1; length <= 24; ++length)
        for (int k = 0; k < 200; ++k) {
            std::string pounds, fraction;
            for (std::size_t d = 0; d < length; ++d) pounds += static_cast<char>('0' + (k == 0 ? 9 : digit(rng)));
            for (int d = places(rng); d > 0; --d) fraction += static_cast<char>('0' + digit(rng));
            const bool negative = coin(rng) == 1;
            const std::string text = (negative ? "-" : "") + pounds + (fraction.empty() ? "" : "." + fraction);
            CAPTURE(text);
            std::string pence_digits = pounds + fraction;
            pence_digits.append(2 - fraction.size(), '0');
            // cpp_int reads a leading 0 as octal: the digits without their leading zeros.
            pence_digits.erase(0, std::min(pence_digits.find_first_not_of('0'), pence_digits.size() - 1));
            const cpp_int expected = cpp_int(pence_digits) * (negative ? -1 : 1);
            const auto got = Money::parse(text);
            REQUIRE(got);
            CHECK(cpp_int(got->pence()) == expected);
        }
    CHECK(Money::parse("9999999999999999.99")->to_string() == "9999999999999999.99");  // the last of 64 bits
    CHECK(Money::parse("10000000000000000.00")->to_string() == "10000000000000000.00");
    CHECK(Money::parse("-00000000000000000000009.99")->to_string() == "-9.99");  // leading zeros do not count
}

TEST_CASE("Money prints two decimals for machines and pounds with commas for people") {
    CHECK(gbp("1234.5").to_string() == "1234.50");
    CHECK(gbp("-1234.5").to_string() == "-1234.50");
    CHECK(gbp("0.05").to_string() == "0.05");
    CHECK(gbp("-0.05").to_string() == "-0.05");
    CHECK(gbp("0").to_string() == "0.00");

    CHECK(gbp("1234.50").to_display() == "\xC2\xA3" "1,234.50");
    CHECK(gbp("-1234.50").to_display() == "-\xC2\xA3" "1,234.50");
    CHECK(gbp("0").to_display() == "\xC2\xA3" "0.00");
    CHECK(gbp("100").to_display() == "\xC2\xA3" "100.00");
    CHECK(gbp("1000").to_display() == "\xC2\xA3" "1,000.00");
    CHECK(gbp("999999.99").to_display() == "\xC2\xA3" "999,999.99");
    CHECK(gbp("1234567.89").to_display() == "\xC2\xA3" "1,234,567.89");
    CHECK(gbp("-0.07").to_display() == "-\xC2\xA3" "0.07");
}

TEST_CASE("minus zero prints as 0.00, never -0.00 (SPEC 2.6.5)") {
    CHECK(gbp("-0").to_string() == "0.00");
    CHECK(gbp("-0.00").to_string() == "0.00");
    CHECK(gbp("-0.00").to_display() == "\xC2\xA3" "0.00");
    CHECK_FALSE(gbp("-0").is_negative());
    // -0.001 pounds is -0.1p: rounds to zero pence in every "to nearest" mode and toward zero.
    CHECK(Money::round(r(-1, 1000), Rounding::half_even).to_string() == "0.00");
    CHECK(Money::round(r(-1, 1000), Rounding::ceiling).to_string() == "0.00");
    CHECK(Money::round(r(-1, 1000), Rounding::floor).to_string() == "-0.01");
    CHECK((gbp("5.00") - gbp("5.00")).to_string() == "0.00");
    CHECK((-gbp("0")).to_string() == "0.00");
    CHECK(format_decimal(r(-1, 100000), 4) == "0.0000");  // -0.00001 to 4 places
}

TEST_CASE("parse and print round-trip every amount (fixed-seed random sample)") {
    std::mt19937_64 rng(20240401);
    std::uniform_int_distribution<long long> any(-1'000'000'000'000'000LL, 1'000'000'000'000'000LL);
    for (int k = 0; k < 5000; ++k) {
        const long long p = k < 2000 ? k - 1000 : any(rng);  // every small amount, then big ones
        const Money a = Money::from_pence(Pence(p));
        const std::string s = a.to_string();
        auto back = Money::parse(s);
        REQUIRE(back);
        CHECK(*back == a);
        // A second, independent rendering: sign, pounds, two-digit pence.
        const long long mag = p < 0 ? -p : p;
        std::string pence = std::to_string(mag % 100);
        if (pence.size() < 2) pence.insert(0, "0");
        CHECK(s == (p < 0 ? "-" : "") + std::to_string(mag / 100) + "." + pence);
    }
}

TEST_CASE("round_to_integer: every mode on ties and non-ties, both signs (SPEC 1.3)") {
    struct Case {
        Ratio v;
        long long half_even, half_up, half_down, down, up, floor, ceiling;
    };
    // Worked by hand: ties are x.5 exactly; 7/3 = 2.33.., -7/3 = -2.33.., 8/3 = 2.66...
    const std::vector<Case> cases{
        {r(5, 2), 2, 3, 2, 2, 3, 2, 3},            //  2.5: tie, 2 is even
        {r(7, 2), 4, 4, 3, 3, 4, 3, 4},            //  3.5: tie, 4 is even
        {r(-5, 2), -2, -3, -2, -2, -3, -3, -2},    // -2.5
        {r(-7, 2), -4, -4, -3, -3, -4, -4, -3},    // -3.5
        {r(1, 2), 0, 1, 0, 0, 1, 0, 1},            //  0.5: tie, 0 is even
        {r(-1, 2), 0, -1, 0, 0, -1, -1, 0},        // -0.5
        {r(7, 3), 2, 2, 2, 2, 3, 2, 3},            //  2.33..
        {r(8, 3), 3, 3, 3, 2, 3, 2, 3},            //  2.66..
        {r(-7, 3), -2, -2, -2, -2, -3, -3, -2},    // -2.33..
        {r(-8, 3), -3, -3, -3, -2, -3, -3, -2},    // -2.66..
        {r(5), 5, 5, 5, 5, 5, 5, 5},               // whole numbers never move
        {r(-5), -5, -5, -5, -5, -5, -5, -5},
        {r(0), 0, 0, 0, 0, 0, 0, 0},
        {r(1, 1000), 0, 0, 0, 0, 1, 0, 1},         // tiny positive
        {r(-1, 1000), 0, 0, 0, 0, -1, -1, 0},      // tiny negative
    };
    for (const auto& c : cases) {
        CAPTURE(c.v.str());
        CHECK(rounded(c.v, Rounding::half_even) == c.half_even);
        CHECK(rounded(c.v, Rounding::half_up) == c.half_up);
        CHECK(rounded(c.v, Rounding::half_down) == c.half_down);
        CHECK(rounded(c.v, Rounding::down) == c.down);
        CHECK(rounded(c.v, Rounding::up) == c.up);
        CHECK(rounded(c.v, Rounding::floor) == c.floor);
        CHECK(rounded(c.v, Rounding::ceiling) == c.ceiling);
    }
}

TEST_CASE("rounding invariants hold on a random sample") {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<long long> num(-1'000'000, 1'000'000), den(1, 1000);
    const Rounding modes[] = {Rounding::half_even, Rounding::half_up, Rounding::half_down, Rounding::down,
                              Rounding::up,        Rounding::floor,   Rounding::ceiling};
    for (int k = 0; k < 3000; ++k) {
        const Ratio v(num(rng), den(rng));
        const cpp_int fl = round_to_integer(v, Rounding::floor), ce = round_to_integer(v, Rounding::ceiling);
        CHECK(Ratio(fl) <= v);
        CHECK(v <= Ratio(ce));
        CHECK(ce - fl <= 1);
        for (Rounding mode : modes) {
            const cpp_int x = round_to_integer(v, mode);
            CHECK((x == fl || x == ce));
            // Rounding is symmetric about zero except for floor/ceiling, which swap.
            const Rounding mirror = mode == Rounding::floor ? Rounding::ceiling
                                    : mode == Rounding::ceiling ? Rounding::floor
                                                                : mode;
            CHECK(round_to_integer(-v, mirror) == -x);
        }
        // "to nearest" modes are never more than half a unit away.
        const Ratio d = Ratio(round_to_integer(v, Rounding::half_even)) - v;
        CHECK(d * 2 <= 1);
        CHECK(d * 2 >= -1);
    }
}

TEST_CASE("rounding mode names are SPEC 1.3's") {
    const char* names[] = {"half_even", "half_up", "half_down", "down", "up", "floor", "ceiling"};
    for (const char* n : names) {
        auto mode = parse_rounding(n);
        REQUIRE(mode);
        CHECK(to_string(*mode) == n);
    }
    CHECK_FALSE(parse_rounding("HALF_EVEN").has_value());
    CHECK_FALSE(parse_rounding("nearest").has_value());
}

TEST_CASE("Money::round(places, mode)") {
    // To tenths: £1.25 is a tie between £1.20 and £1.30; £1.35 between £1.30 and £1.40.
    CHECK(gbp("1.25").round(1).to_string() == "1.20");  // half_even by default: 12 is even
    CHECK(gbp("1.35").round(1).to_string() == "1.40");  // 14 is even
    CHECK(gbp("1.25").round(1, Rounding::half_up).to_string() == "1.30");
    CHECK(gbp("1.25").round(1, Rounding::half_down).to_string() == "1.20");
    CHECK(gbp("-1.25").round(1, Rounding::half_up).to_string() == "-1.30");
    CHECK(gbp("-1.25").round(1, Rounding::half_even).to_string() == "-1.20");
    CHECK(gbp("1.21").round(1, Rounding::up).to_string() == "1.30");
    CHECK(gbp("-1.21").round(1, Rounding::up).to_string() == "-1.30");
    CHECK(gbp("1.29").round(1, Rounding::down).to_string() == "1.20");
    CHECK(gbp("-1.21").round(1, Rounding::floor).to_string() == "-1.30");
    CHECK(gbp("-1.29").round(1, Rounding::ceiling).to_string() == "-1.20");
    CHECK(gbp("1.27").round(1, Rounding::half_even).to_string() == "1.30");  // not a tie: nearest
    // To whole pounds.
    CHECK(gbp("2.50").round(0).to_string() == "2.00");
    CHECK(gbp("3.50").round(0).to_string() == "4.00");
    CHECK(gbp("-2.50").round(0, Rounding::half_up).to_string() == "-3.00");
    CHECK(gbp("2.99").round(0, Rounding::down).to_string() == "2.00");
    CHECK(gbp("-2.01").round(0, Rounding::floor).to_string() == "-3.00");
    CHECK(gbp("-2.99").round(0, Rounding::ceiling).to_string() == "-2.00");
    CHECK(gbp("-0.40").round(0).to_string() == "0.00");  // never -0.00
    // Pence are already whole.
    CHECK(gbp("1.23").round(2, Rounding::up) == gbp("1.23"));
    CHECK_THROWS_AS(gbp("1.00").round(3), InvalidArgument);
    CHECK_THROWS_AS(gbp("1.00").round(-1), InvalidArgument);
}

TEST_CASE("Money::round(Ratio) and parse_rounded turn exact values into pence with a named mode") {
    CHECK(Money::round(r(1, 3), Rounding::half_even).to_string() == "0.33");
    CHECK(Money::round(r(2, 3), Rounding::half_even).to_string() == "0.67");
    CHECK(Money::round(r(2, 3), Rounding::down).to_string() == "0.66");
    CHECK(Money::round(r(1, 8), Rounding::half_even).to_string() == "0.12");  // 12.5p, 12 even
    CHECK(Money::round(r(1, 8), Rounding::half_up).to_string() == "0.13");
    CHECK(Money::round(r(-1, 8), Rounding::half_even).to_string() == "-0.12");
    CHECK(Money::round(r(-1, 8), Rounding::floor).to_string() == "-0.13");
    CHECK(Money::parse_rounded("1.005", Rounding::half_even).to_string() == "1.00");
    CHECK(Money::parse_rounded("1.005", Rounding::half_up).to_string() == "1.01");
    CHECK(Money::parse_rounded("1.015", Rounding::half_even).to_string() == "1.02");
    CHECK(Money::parse_rounded("-2.675", Rounding::half_down).to_string() == "-2.67");
    CHECK_THROWS_AS(Money::parse_rounded("1e3", Rounding::half_even), InvalidArgument);
    // £10 x 1/3 = 333.33..p.
    CHECK(gbp("10.00").times(r(1, 3)).to_string() == "3.33");
    CHECK(gbp("10.00").times(r(1, 3), Rounding::up).to_string() == "3.34");
    CHECK(gbp("0.01").pounds() == r(1, 100));
}

TEST_CASE("parse_decimal reads weights and need indices exactly") {
    CHECK(*parse_decimal("0.25") == r(1, 4));
    CHECK(*parse_decimal("-1.5") == r(-3, 2));
    CHECK(*parse_decimal("3") == r(3));
    CHECK(*parse_decimal("0.1") == r(1, 10));  // exact: no binary floating point
    for (const char* bad : {"", "+1", "1e3", ".5", "1.", " 1", "--1", "1/2"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_decimal(bad).has_value());
    }
    CHECK(format_decimal(r(2, 3), 4) == "0.6667");
    CHECK(format_decimal(r(1, 2), 0) == "0");  // half_even
    CHECK(format_decimal(r(-5, 4), 1, Rounding::half_up) == "-1.3");
}

TEST_CASE("Money arithmetic is exact and checked") {
    CHECK((gbp("0.10") + gbp("0.20")).to_string() == "0.30");  // the classic double pitfall
    CHECK((gbp("1.00") - gbp("2.50")).to_string() == "-1.50");
    CHECK((gbp("1.25") * 3).to_string() == "3.75");
    CHECK((-2 * gbp("1.25")).to_string() == "-2.50");
    CHECK(gbp("1.00") < gbp("1.01"));
    CHECK(gbp("-1.00") < gbp("0"));

    // The largest amount the library holds is 2^127 - 1 pence.
    const Pence top((cpp_int(1) << 127) - 1);
    const Money max = Money::from_pence(top);
    CHECK_THROWS_AS(max + Money::from_pence(Pence(1)), Overflow);
    CHECK_THROWS_AS(max + max, Overflow);  // still inside checked_int128_t's own range: caught anyway
    CHECK_THROWS_AS(-max - Money::from_pence(Pence(1)), Overflow);
    CHECK_THROWS_AS(max * 2, Overflow);
    CHECK_THROWS_AS(max.times(r(3, 2)), Overflow);
    CHECK_THROWS_AS(Money::round(Ratio(cpp_int(1) << 130), Rounding::half_even), Overflow);
    CHECK_NOTHROW(max + Money());
    CHECK((max - max).is_zero());
    // Far more than SPEC 1.3's 2^100 pence fits.
    CHECK_NOTHROW(Money::from_pence(Pence(cpp_int(1) << 100)) + Money::from_pence(Pence(cpp_int(1) << 100)));

    // 36 digits of pounds (about 10^38 pence) still parse; twice that overflows.
    const auto big = Money::parse("999999999999999999999999999999999999.99");
    REQUIRE(big);
    CHECK_THROWS_AS(*big + *big, Overflow);
    // A 40-digit amount is beyond 2^127 pence: it fails to parse rather than wrap.
    CHECK_FALSE(Money::parse("1234567890123456789012345678901234567890").has_value());
    CHECK_FALSE(Money::parse("-1234567890123456789012345678901234567890.00").has_value());
    CHECK_THROWS_AS(Money::parse_rounded("1234567890123456789012345678901234567890", Rounding::down), Overflow);
}
