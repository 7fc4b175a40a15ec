#include "pbp/allocate.hpp"

#include "pbp/error.hpp"

#include <algorithm>
#include <numeric>

namespace pbp {
namespace mp = boost::multiprecision;
using mp::cpp_int;

namespace {
__extension__ typedef __int128 Int128;

void divide(const Int128& a, const Int128& b, Int128& q, Int128& r) {
    q = a / b;
    r = a % b;
}
template <class Int>
void divide(const Int& a, const Int& b, Int& q, Int& r) {
    mp::divide_qr(a, b, q, r);
}
Pence pence_of(const Int128& v) { return Pence(static_cast<std::int64_t>(v)); }  // |v| <= the total
template <class Int>
Pence pence_of(const Int& v) {
    return Pence(v);
}

// Largest remainder: each share is floor(t * w / sum); the leftover pence (fewer than the
// number of weights) go one each to the largest remainders, ties to the earlier position.
template <class Int>
std::vector<Money> split(const Int& t, const std::vector<Int>& w, const Int& sum, bool negative) {
    const std::size_t n = w.size();
    std::vector<Int> share(n), rem(n);
    Int given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        Int product = t * w[i];
        divide(product, sum, share[i], rem[i]);
        given += share[i];
    }
    const auto leftover = static_cast<std::size_t>(Int(t - given));
    if (leftover > 0) {
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        auto before = [&](std::size_t a, std::size_t b) { return rem[a] != rem[b] ? rem[a] > rem[b] : a < b; };
        // Only the first `leftover` of that order matter.
        std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(leftover - 1), order.end(), before);
        for (std::size_t k = 0; k < leftover; ++k) share[order[k]] += 1;
    }
    std::vector<Money> out;
    out.reserve(n);
    for (auto& s : share) out.push_back(Money::from_pence(pence_of(negative ? Int(-s) : s)));
    return out;
}
}  // namespace

std::vector<Money> allocate(const Money& total, gsl::span<const Ratio> weights) {
    if (weights.empty()) throw InvalidArgument("allocate needs at least one weight");
    // Bring every weight to one integer scale so quotients and remainders are integers.
    cpp_int scale = 1;
    for (const Ratio& w : weights) {
        if (w < 0) throw InvalidArgument("allocate: weights must not be negative");
        if (mp::denominator(w) != 1) scale = mp::lcm(scale, mp::denominator(w));
    }
    std::vector<cpp_int> iw;
    iw.reserve(weights.size());
    cpp_int sum = 0;
    for (const Ratio& w : weights) {
        iw.push_back(mp::numerator(w) * (scale / mp::denominator(w)));
        sum += iw.back();
    }
    if (sum == 0) throw InvalidArgument("allocate: at least one weight must be positive");

    const bool negative = total.is_negative();
    const cpp_int t = mp::abs(cpp_int(total.pence()));
    // Every product t * w fits in 256 bits for any realistic budget and weights; then the split
    // runs on fixed-size integers (no allocation). Otherwise it runs on unbounded ones.
    const std::size_t bits = t == 0 ? 0 : mp::msb(t) + mp::msb(sum) + 2;
    if (mp::msb(sum) < 62 && (t == 0 || mp::msb(t) < 62)) {
        // The common case (a budget under 2^62 pence, weights summing under 2^62): products
        // fit the compiler's own 128-bit integers, which divide far faster.
        std::vector<Int128> small;
        small.reserve(iw.size());
        for (const cpp_int& w : iw) small.push_back(static_cast<std::int64_t>(w));
        return split(Int128(static_cast<std::int64_t>(t)), small, Int128(static_cast<std::int64_t>(sum)), negative);
    }
    if (bits < 255) {
        std::vector<mp::int256_t> small;
        small.reserve(iw.size());
        for (const cpp_int& w : iw) small.emplace_back(w);
        return split(mp::int256_t(t), small, mp::int256_t(sum), negative);
    }
    return split(t, iw, sum, negative);
}

}  // namespace pbp
