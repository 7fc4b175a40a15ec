// Tests for fair_shares.hpp (SPEC 1.3, 2.6.9). tests/data/geography/fair_shares.json: places A,
// B, C, D with weights (people x need_index) 10, 30, 52 and 454 x 2 = 908, summing to 1000.
#include "pbp/allocate.hpp"
#include "pbp/error.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/load.hpp"
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>

using namespace pbp;

namespace {
std::shared_ptr<const Model> shares_model(const char* name) { return pbp::test::load_test_model("geography", name); }

Money money(const char* s) { return *Money::parse(s); }

std::vector<std::pair<std::string, std::string>> amounts(const FairShares& f) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& s : f.shares) out.emplace_back(s.area, s.amount.to_string());
    return out;
}

using Want = std::vector<std::pair<std::string, std::string>>;

Money sum(const FairShares& f) {
    Money t;
    for (auto& s : f.shares) t += s.amount;
    return t;
}
}  // namespace

TEST_CASE("fair shares without a floor: proportional to people x need") {
    auto m = shares_model("fair_shares.json");
    auto f = fair_shares(*m, money("1000.00"), AreaSelection::of_kind("place", "sys"));
    CHECK(amounts(f) == Want{{"A", "10.00"}, {"B", "30.00"}, {"C", "52.00"}, {"D", "908.00"}});
    CHECK(f.shares[3].weight == 908);  // 454 people x need_index 2
    CHECK_FALSE(f.shares[0].floored);

    // Three equal weights share 10p: 4p, 3p, 3p; the leftover penny goes to the earliest id.
    auto e = fair_shares(*m, money("0.10"), AreaSelection::of_kind("neighbourhood"));
    CHECK(amounts(e) == Want{{"E1", "0.04"}, {"E2", "0.03"}, {"E3", "0.03"}});

    // A negative total is split as the negation of its absolute value.
    auto neg = fair_shares(*m, money("-1000.00"), AreaSelection::of_kind("place"));
    CHECK(amounts(neg) == Want{{"A", "-10.00"}, {"B", "-30.00"}, {"C", "-52.00"}, {"D", "-908.00"}});

    // An area of weight 0 is listed with 0.00.
    auto z = fair_shares(*m, money("100.00"), AreaSelection::of_ids({"z", "A"}));
    CHECK(amounts(z) == Want{{"A", "100.00"}, {"z", "0.00"}});
}

TEST_CASE("without a floor, fair shares are allocate() over the weights in id order") {
    auto m = shares_model("fair_shares.json");
    for (const char* total : {"1000.00", "999.99", "0.03", "123456.78", "-7.77"}) {
        CAPTURE(total);
        auto f = fair_shares(*m, money(total), AreaSelection::of_kind("place"));
        const std::vector<Ratio> w{10, 30, 52, 908};
        auto direct = allocate(money(total), w);
        REQUIRE(f.shares.size() == 4);
        for (std::size_t i = 0; i < 4; ++i) CHECK(f.shares[i].amount == direct[i]);
        CHECK(sum(f) == money(total));
    }
}

TEST_CASE("a floor that takes two rounds: the second round pushes C under the floor") {
    auto m = shares_model("fair_shares.json");
    // Round 1: shares 10, 30, 52, 908; A and B are below 50 and get 50 each.
    // Round 2: 900 left for C and D (weights 52 + 908 = 960): C's share is 900 x 52 / 960 = 48.75,
    // below 50, so C gets 50 too. Round 3: D alone, 850: stable.
    auto f = fair_shares(*m, money("1000.00"), AreaSelection::of_kind("place"), money("50.00"));
    CHECK(amounts(f) == Want{{"A", "50.00"}, {"B", "50.00"}, {"C", "50.00"}, {"D", "850.00"}});
    CHECK(f.shares[0].floored);
    CHECK(f.shares[2].floored);
    CHECK(f.shares[0].round == 1);
    CHECK(f.shares[1].round == 1);
    CHECK(f.shares[2].round == 2);
    CHECK(f.shares[3].round == 0);
    CHECK_FALSE(f.shares[3].floored);

    // Floor 40: A and B lifted; 920 left: C = 920 x 52 / 960 = 49.8333 (stays), D = 870.1667.
    // In pence: C 4983.33 -> 4983, D 87016.67 -> 87016; the leftover penny goes to D (larger
    // remainder).
    auto g = fair_shares(*m, money("1000.00"), AreaSelection::of_kind("place"), money("40.00"));
    CHECK(amounts(g) == Want{{"A", "40.00"}, {"B", "40.00"}, {"C", "49.83"}, {"D", "870.17"}});
    CHECK(sum(g) == money("1000.00"));

    // Floors exactly equal to the total: A, B, C are lifted to 250; D's share of the 250 left is
    // 250, not below the floor, so it stays and gets 250.
    auto h = fair_shares(*m, money("1000.00"), AreaSelection::of_kind("place"), money("250.00"));
    CHECK(amounts(h) == Want{{"A", "250.00"}, {"B", "250.00"}, {"C", "250.00"}, {"D", "250.00"}});
    CHECK_FALSE(h.shares[3].floored);

    // A floor of 0 never binds (no share is strictly below it).
    auto zero = fair_shares(*m, money("1000.00"), AreaSelection::of_kind("place"), money("0.00"));
    CHECK(amounts(zero) == Want{{"A", "10.00"}, {"B", "30.00"}, {"C", "52.00"}, {"D", "908.00"}});

    // An area of weight 0 has share 0 and is lifted to the floor.
    auto w0 = fair_shares(*m, money("100.00"), AreaSelection::of_ids({"A", "z"}), money("5.00"));
    CHECK(amounts(w0) == Want{{"A", "95.00"}, {"z", "5.00"}});
}

TEST_CASE("the floored result satisfies its own definition") {
    // Invariant check: the shares sum to the total; floored areas get exactly the floor; every
    // other area gets at least the floor (to the penny) and the unfloored areas split the rest in
    // proportion to their weights, within a penny.
    auto m = shares_model("fair_shares.json");
    for (const char* floor : {"1.00", "20.00", "45.00", "51.00", "100.00", "200.00"}) {
        CAPTURE(floor);
        const Money total = money("1000.00"), fl = money(floor);
        auto f = fair_shares(*m, total, AreaSelection::of_kind("place"), fl);
        CHECK(sum(f) == total);
        Money rest = total;
        Ratio w = 0;
        for (auto& s : f.shares)
            if (s.floored) {
                CHECK(s.amount == fl);
                rest -= fl;
            } else {
                w += s.weight;
            }
        for (auto& s : f.shares)
            if (!s.floored) {
                const Ratio exact = rest.pounds() * s.weight / w;
                CHECK(exact >= fl.pounds());
                CHECK(abs(s.amount.pounds() - exact) < Ratio(1, 100));
            }
    }
}

TEST_CASE("fair shares use the sum of the leaves, not a stated population") {
    // w010.json: district1 states 1,000 people but its wards hold 900; district2 holds 300.
    auto m = shares_model("w010.json");
    auto f = fair_shares(*m, money("1200.00"), AreaSelection::of_kind("district"));
    CHECK(amounts(f) == Want{{"district1", "900.00"}, {"district2", "300.00"}});
}

TEST_CASE("fair shares: errors") {
    auto m = shares_model("fair_shares.json");
    // No areas.
    CHECK_THROWS_AS(fair_shares(*m, money("10.00"), AreaSelection::of_kind("unit")), InvalidArgument);
    // Every weight 0.
    CHECK_THROWS_AS(fair_shares(*m, money("10.00"), AreaSelection::of_ids({"z", "y"})), InvalidArgument);
    // Floors exceed the total: 4 x 250.01 > 1000.
    CHECK_THROWS_WITH_AS(fair_shares(*m, money("1000.00"), AreaSelection::of_kind("place"), money("250.01")),
                         doctest::Contains("exceed"), InvalidArgument);
    // A floor with a negative total.
    CHECK_THROWS_AS(fair_shares(*m, money("-10.00"), AreaSelection::of_kind("place"), money("0.00")), InvalidArgument);
    // An unknown area.
    CHECK_THROWS_AS(fair_shares(*m, money("10.00"), AreaSelection::of_ids({"nowhere"})), InvalidArgument);
}

TEST_CASE("fair shares as JSON") {
    auto m = shares_model("fair_shares.json");
    auto j = to_json(fair_shares(*m, money("1000"), AreaSelection::of_kind("place"), money("50.00")));
    CHECK(boost::json::serialize(j) ==
          R"({"total":"1000.00","shares":[{"area":"A","amount":"50.00"},{"area":"B","amount":"50.00"},)"
          R"({"area":"C","amount":"50.00"},{"area":"D","amount":"850.00"}]})");
}
