#include "pbp/fair_shares.hpp"

#include "pbp/allocate.hpp"
#include "pbp/error.hpp"

#include <boost/json.hpp>

namespace pbp {
namespace json = boost::json;
namespace mp = boost::multiprecision;

FairShares fair_shares(const Footprints& fp, const Money& total, const AreaSelection& areas, std::optional<Money> floor) {
    const Model& m = fp.model();
    const std::vector<Index> selected = select_areas(fp, areas);  // id order; throws when empty

    FairShares out;
    out.total = total;
    Ratio weight_sum = 0;
    for (Index a : selected) {
        FairShare s;
        s.area = m.id(a);
        s.weight = Ratio(mp::cpp_int(fp.population(a))) * m.at(a).details().need_index;
        weight_sum += s.weight;
        out.shares.push_back(std::move(s));
    }
    if (weight_sum == 0)
        throw InvalidArgument("every selected area has weight 0 (no population, or a need_index of 0): nothing to share by");

    // Indices into out.shares still sharing the pool.
    std::vector<std::size_t> pool(out.shares.size());
    for (std::size_t k = 0; k < pool.size(); ++k) pool[k] = k;
    Money rest = total;

    if (floor) {
        if (total.is_negative())
            throw InvalidArgument("a floor cannot be used with a negative total (" + total.to_string() + ")");
        // Floors exceed the total exactly when floor x n > total: while k x floor > remaining,
        // some share is below the floor, and the difference never shrinks as areas leave.
        if (*floor * static_cast<std::int64_t>(selected.size()) > total)
            throw InvalidArgument("the floors (" + std::to_string(selected.size()) + " areas x " + floor->to_string() +
                                  ") exceed the total " + total.to_string());
        const Ratio f = floor->pounds();
        for (int round = 1;; ++round) {
            Ratio w = 0;
            for (std::size_t k : pool) w += out.shares[k].weight;
            const Ratio remaining = rest.pounds();
            std::vector<std::size_t> keep;
            bool lifted = false;
            for (std::size_t k : pool) {
                // The exact share of the remaining total (remaining weights are positive: an
                // area of weight 0 has share 0 and, with a positive floor, left in round one).
                const Ratio share = w == 0 ? Ratio(0) : remaining * out.shares[k].weight / w;
                if (share < f) {
                    out.shares[k].amount = *floor;
                    out.shares[k].floored = true;
                    out.shares[k].round = round;
                    rest -= *floor;
                    lifted = true;
                } else {
                    keep.push_back(k);
                }
            }
            pool = std::move(keep);
            if (!lifted || pool.empty()) break;
        }
    }
    if (!pool.empty()) {
        std::vector<Ratio> weights;
        weights.reserve(pool.size());
        Ratio w = 0;
        for (std::size_t k : pool) {
            weights.push_back(out.shares[k].weight);
            w += weights.back();
        }
        if (w == 0) {
            // Only reachable with a floor <= 0 and no population left to share by: nothing to do
            // but refuse rather than invent a split.
            if (!rest.is_zero()) throw InvalidArgument("the areas left after the floor have weight 0");
        } else {
            auto amounts = allocate(rest, weights);
            for (std::size_t i = 0; i < pool.size(); ++i) out.shares[pool[i]].amount = amounts[i];
        }
    } else if (!rest.is_zero()) {
        // Cannot happen when floor x n <= total (see above); kept as a guard on the invariant.
        throw InvalidArgument("the floors exceed the total " + total.to_string());
    }
    return out;
}

FairShares fair_shares(const Model& m, const Money& total, const AreaSelection& areas, std::optional<Money> floor,
                       std::optional<Date> as_of) {
    return fair_shares(Footprints(m, as_of), total, areas, floor);
}

json::object to_json(const FairShares& f) {
    json::array shares;
    for (const auto& s : f.shares) shares.push_back(json::object{{"area", s.area}, {"amount", s.amount.to_string()}});
    return json::object{{"total", f.total.to_string()}, {"shares", std::move(shares)}};
}

}  // namespace pbp
