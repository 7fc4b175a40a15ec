#include "commands.hpp"

#include "pbp/allocate.hpp"

#include <boost/json.hpp>

#include <iostream>

namespace pbp::cli {
namespace {
int run(const Args& args) {
    if (args.operands.size() < 2) throw UsageError("expects TOTAL and at least one weight");
    const Money total = parse_money_arg(args.operands[0], "TOTAL");
    std::vector<Ratio> weights;
    bool positive = false;
    for (std::size_t k = 1; k < args.operands.size(); ++k) {
        const std::string& w = args.operands[k];
        const Ratio r = parse_weight_arg(w, "weight " + std::to_string(k));
        if (r < 0) throw UsageError("weight " + std::to_string(k) + " is negative ('" + w + "'): weights must be 0 or more");
        positive = positive || r > 0;
        weights.push_back(r);
    }
    if (!positive) throw UsageError("at least one weight must be more than 0");
    const std::vector<Money> shares = allocate(total, weights);
    if (args.json()) {
        boost::json::array arr;
        for (const Money& s : shares) arr.emplace_back(s.to_string());
        boost::json::object o;
        o["total"] = total.to_string();
        o["shares"] = std::move(arr);
        print_json(o);
        return 0;
    }
    std::size_t ww = std::string("weight").size();
    for (std::size_t k = 1; k < args.operands.size(); ++k) ww = std::max(ww, args.operands[k].size());
    std::cout << "Splitting " << total.to_display() << " in proportion to " << shares.size() << " weight"
              << (shares.size() == 1 ? "" : "s") << ":\n";
    for (std::size_t k = 0; k < shares.size(); ++k) {
        std::string w = args.operands[k + 1];
        w.insert(0, ww - w.size(), ' ');
        std::cout << "  " << w << "  " << shares[k].to_display() << "\n";
    }
    std::cout << "The shares sum to " << total.to_display() << " exactly.\n";
    return 0;
}
}  // namespace

Command allocate_command() {
    return {"allocate", "split a money total into pence shares in proportion to weights",
            "usage: pbp allocate TOTAL W1 W2 ... [--json]\n\n"
            "Splits TOTAL (pounds with at most two decimal places, e.g. 1234.50 or -10.00) into one share\n"
            "per weight, in proportion to the weights (whole or decimal numbers, 0 or more, at least one\n"
            "more than 0). Each share is its exact value rounded toward zero; the pence left over go one\n"
            "each to the shares with the largest remainders, ties to the earlier weight. The shares sum\n"
            "to TOTAL exactly. A negative TOTAL is split as the negation of splitting its size.\n"
            "No model is read.\n\n"
            "--json prints {\"total\", \"shares\": [...]}, one share per weight, in the order given.\n",
            {{"json", false}},
            run};
}

}  // namespace pbp::cli
