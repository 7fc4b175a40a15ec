#include "pbp/allocate.hpp"

#include "pbp/error.hpp"

#include <algorithm>
#include <numeric>

namespace pbp {
namespace mp = boost::multiprecision;
using mp::cpp_int;

std::vector<Money> allocate(const Money& total, gsl::span<const Ratio> weights) {
    if (weights.empty()) throw InvalidArgument("allocate needs at least one weight");
    // Bring every weight to one integer scale so quotients and remainders are integers.
    cpp_int scale = 1;
    for (const Ratio& w : weights) {
        if (w < 0) throw InvalidArgument("allocate: weights must not be negative");
        scale = mp::lcm(scale, mp::denominator(w));
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
    std::vector<cpp_int> share(iw.size()), rem(iw.size());
    cpp_int given = 0;
    for (std::size_t i = 0; i < iw.size(); ++i) {
        mp::divide_qr(cpp_int(t * iw[i]), sum, share[i], rem[i]);
        given += share[i];
    }
    std::size_t leftover = static_cast<std::size_t>(cpp_int(t - given));  // < number of weights
    std::vector<std::size_t> order(iw.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return rem[a] > rem[b]; });
    for (std::size_t k = 0; k < leftover; ++k) share[order[k]] += 1;

    std::vector<Money> out;
    out.reserve(share.size());
    for (auto& s : share) out.push_back(Money::from_pence(Pence(negative ? cpp_int(-s) : s)));
    return out;
}

}  // namespace pbp
