// Tests for allocate.hpp (SPEC 1.3): worked examples, errors, and properties checked on
// thousands of fixed-seed random cases against exact rational arithmetic.
#include "pbp/allocate.hpp"
#include "pbp/error.hpp"
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

std::vector<std::string> split(const char* total, std::vector<Ratio> weights) {
    std::vector<std::string> out;
    for (const Money& s : allocate(gbp(total), weights)) out.push_back(s.to_string());
    return out;
}
std::vector<Ratio> w(std::initializer_list<const char*> ws) {
    std::vector<Ratio> out;
    for (const char* x : ws) out.push_back(*parse_decimal(x));
    return out;
}
using S = std::vector<std::string>;
}  // namespace

TEST_CASE("allocate: worked examples") {
    // 10p three ways: 3.33p each, remainders equal; the one leftover penny goes to the first.
    CHECK(split("0.10", w({"1", "1", "1"})) == S{"0.04", "0.03", "0.03"});
    // £100 three ways: 3333.33p each -> 3333p each, 1p left, to the first.
    CHECK(split("100.00", w({"1", "1", "1"})) == S{"33.34", "33.33", "33.33"});
    // Ties go to the earlier position even when it is not first: weights 1,2,2 of 10p:
    // exact 2p, 4p, 4p -> no leftover; of 11p: 2.2p, 4.4p, 4.4p -> floors 2,4,4 (10p),
    // remainders .2, .4, .4 -> the leftover penny goes to position 2 (earlier of the tie).
    CHECK(split("0.10", w({"1", "2", "2"})) == S{"0.02", "0.04", "0.04"});
    CHECK(split("0.11", w({"1", "2", "2"})) == S{"0.02", "0.05", "0.04"});
    // Largest remainder wins over position: 1p by weights 1,3 -> 0.25p, 0.75p -> second.
    CHECK(split("0.01", w({"1", "3"})) == S{"0.00", "0.01"});
    // Negative totals: the negation of splitting the absolute value (SPEC 1.3).
    // 1000p by 1:2 -> 333.33p, 666.67p -> floors 333, 666, leftover to the .67 remainder.
    CHECK(split("-10.00", w({"1", "2"})) == S{"-3.33", "-6.67"});
    CHECK(split("10.00", w({"1", "2"})) == S{"3.33", "6.67"});
    CHECK(split("-0.10", w({"1", "1", "1"})) == S{"-0.04", "-0.03", "-0.03"});
    // Decimal weights: halves, quarters, eighths of 1234567p: 617283.5, 308641.75,
    // 154320.875 x2 -> floors sum to 1234564, 3p left; remainders .5, .75, .875, .875 ->
    // positions 3 and 4, then 2.
    CHECK(split("12345.67", w({"0.5", "0.25", "0.125", "0.125"})) == S{"6172.83", "3086.42", "1543.21", "1543.21"});
    // Zero weights get exactly zero, whatever is left over: 5p by 3,1,1,1,1,1,1 (weights sum 9):
    // 1.67p, 0.56p x6 -> floors 1,0,0,0,0,0,0 -> 4p left -> remainders .67 then .56 (x6) -> the
    // first share and positions 2-4.
    CHECK(split("0.05", w({"3", "1", "1", "1", "1", "1", "1"})) == S{"0.02", "0.01", "0.01", "0.01", "0.00", "0.00", "0.00"});
    CHECK(split("1.00", w({"0", "1", "0"})) == S{"0.00", "1.00", "0.00"});
    CHECK(split("0.01", w({"0", "0", "5", "5"})) == S{"0.00", "0.00", "0.01", "0.00"});
    // One weight takes everything; a zero total gives zeros.
    CHECK(split("123.45", w({"7"})) == S{"123.45"});
    CHECK(split("0.00", w({"1", "2"})) == S{"0.00", "0.00"});
    // 0.1 + 0.2 is exactly 0.3 here: weights 0.1, 0.2 split 3p as 1p, 2p.
    CHECK(split("0.03", w({"0.1", "0.2"})) == S{"0.01", "0.02"});
}

TEST_CASE("allocate: errors") {
    const std::vector<Ratio> none;
    CHECK_THROWS_AS(allocate(gbp("1.00"), none), InvalidArgument);
    CHECK_THROWS_AS(allocate(gbp("1.00"), w({"1", "-1"})), InvalidArgument);
    CHECK_THROWS_AS(allocate(gbp("1.00"), w({"-0.5"})), InvalidArgument);
    CHECK_THROWS_AS(allocate(gbp("1.00"), w({"0", "0"})), InvalidArgument);
    CHECK_THROWS_AS(allocate(gbp("0.00"), w({"0"})), InvalidArgument);
}

TEST_CASE("allocate: properties on random cases (fixed seed)") {
    std::mt19937_64 rng(0x5EED);
    std::uniform_int_distribution<int> count(1, 25), kind(0, 3), small(0, 20), scale(2, 9);
    std::uniform_int_distribution<long long> big(0, 1'000'000'000), cents(-100'000'000'000LL, 100'000'000'000LL);
    std::uniform_int_distribution<int> places(0, 4);
    for (int c = 0; c < 4000; ++c) {
        // Totals: small ones (where leftovers dominate), large ones, and both signs.
        const long long pence = c % 3 == 0 ? small(rng) - 10 : cents(rng);
        const Money total = Money::from_pence(Pence(pence));
        std::vector<Ratio> weights;
        const int n = count(rng);
        for (int i = 0; i < n; ++i) {
            switch (kind(rng)) {
                case 0: weights.emplace_back(0); break;                     // zero weights
                case 1: weights.emplace_back(small(rng)); break;            // small integers, many ties
                case 2: weights.emplace_back(big(rng)); break;              // large integers
                default: {                                                 // decimals such as 0.0375
                    cpp_int den = boost::multiprecision::pow(cpp_int(10), static_cast<unsigned>(places(rng)));
                    weights.emplace_back(Ratio(cpp_int(big(rng) % 100000), den));
                }
            }
        }
        if (std::all_of(weights.begin(), weights.end(), [](const Ratio& x) { return x == 0; })) weights[0] = 1;
        CAPTURE(c);
        CAPTURE(total.to_string());

        const std::vector<Money> shares = allocate(total, weights);
        REQUIRE(shares.size() == weights.size());

        // 1. The shares sum to the total exactly.
        Money sum;
        for (const Money& s : shares) sum += s;
        CHECK(sum == total);

        // 2. Every share is within one penny of its exact value, on the same side of zero as the
        // total, and zero weights get exactly zero.
        Ratio wsum = 0;
        for (const Ratio& x : weights) wsum += x;
        std::vector<Ratio> exact;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            exact.push_back(Ratio(cpp_int(total.pence())) * weights[i] / wsum);  // in pence
            const Ratio d = Ratio(cpp_int(shares[i].pence())) - exact[i];
            CHECK(d < 1);
            CHECK(d > -1);
            if (weights[i] == 0) CHECK(shares[i].is_zero());
            if (pence >= 0) CHECK_FALSE(shares[i].is_negative());
            else CHECK(shares[i] <= Money());
        }

        // 3. The largest-remainder rule itself (a second statement of the method): each share is
        // its exact value truncated, or one penny more (away from zero); and a share that got the
        // extra penny never has a smaller remainder than one that did not, nor an equal remainder
        // at a later position.
        std::vector<Ratio> rem(weights.size());
        std::vector<bool> extra(weights.size());
        for (std::size_t i = 0; i < weights.size(); ++i) {
            const Ratio a = exact[i] < 0 ? Ratio(-exact[i]) : exact[i];
            const cpp_int fl = round_to_integer(a, Rounding::down);
            const cpp_int got = boost::multiprecision::abs(cpp_int(shares[i].pence()));
            REQUIRE((got == fl || got == fl + 1));
            extra[i] = got == fl + 1;
            rem[i] = a - Ratio(fl);
        }
        for (std::size_t i = 0; i < weights.size(); ++i)
            for (std::size_t j = 0; j < weights.size(); ++j)
                if (extra[i] && !extra[j]) {
                    CHECK(rem[i] >= rem[j]);
                    if (rem[i] == rem[j]) CHECK(i < j);
                }

        // 4. Scaling every weight by the same whole number changes nothing.
        std::vector<Ratio> scaled;
        const int k = scale(rng);
        for (const Ratio& x : weights) scaled.push_back(x * k);
        CHECK(allocate(total, scaled) == shares);

        // 5. A negative total is the negation of the positive split.
        std::vector<Money> negated = allocate(-total, weights);
        for (auto& s : negated) s = -s;
        CHECK(negated == shares);
    }
}

// allocate() runs on 128-bit, 256-bit or unbounded integers depending on the size of the total
// and the weights. Each range is checked here against the method stated directly in exact
// rationals: floor each exact share, then the leftover pence to the largest remainders, ties to
// the earlier position.
TEST_CASE("allocate: the same answer on every integer width it uses") {
    namespace mp = boost::multiprecision;
    auto reference = [](const pbp::Money& total, const std::vector<pbp::Ratio>& w) {
        pbp::Ratio sum = 0;
        for (auto& x : w) sum += x;
        const mp::cpp_int t = mp::abs(mp::cpp_int(total.pence()));
        std::vector<mp::cpp_int> share;
        std::vector<pbp::Ratio> frac;
        mp::cpp_int given = 0;
        for (auto& x : w) {
            pbp::Ratio exact = pbp::Ratio(t) * x / sum;
            mp::cpp_int fl = mp::numerator(exact) / mp::denominator(exact);
            share.push_back(fl);
            frac.push_back(exact - pbp::Ratio(fl));
            given += fl;
        }
        std::vector<std::size_t> order(w.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return frac[a] > frac[b]; });
        for (std::size_t k = 0; k < static_cast<std::size_t>(mp::cpp_int(t - given)); ++k) share[order[k]] += 1;
        std::vector<std::string> out;
        for (auto& s : share) out.push_back(pbp::Money::from_pence(pbp::Pence(total.is_negative() ? mp::cpp_int(-s) : s)).to_string());
        return out;
    };
    std::mt19937_64 rng(20261123);
    const mp::cpp_int two = 2;
    // Totals of about 2^40, 2^100 and 2^126 pence with weights up to 2^30, 2^60 and 2^140: the
    // 128-bit, 256-bit and unbounded paths in turn.
    for (auto [total_bits, weight_bits] : {std::pair{40u, 30u}, std::pair{100u, 60u}, std::pair{126u, 140u}}) {
        for (int round = 0; round < 50; ++round) {
            mp::cpp_int t = mp::pow(two, total_bits) - static_cast<unsigned>(rng() % 1000);
            std::vector<pbp::Ratio> w;
            const std::size_t n = 1 + rng() % 12;
            for (std::size_t i = 0; i < n; ++i) w.emplace_back(mp::pow(two, weight_bits) / (1 + rng() % 1000) + (rng() % 3 == 0 ? 0 : 1));
            for (bool negative : {false, true}) {
                const auto total = pbp::Money::from_pence(pbp::Pence(negative ? mp::cpp_int(-t) : t));
                std::vector<std::string> got;
                for (auto& s : pbp::allocate(total, w)) got.push_back(s.to_string());
                CAPTURE(total_bits);
                CHECK(got == reference(total, w));
            }
        }
    }
}
