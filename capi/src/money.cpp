// Money through the C API (SPEC 1.3): amounts cross as decimal strings, pence as decimal integer
// strings, so that no binary floating point ever touches them on either side.
#include "capi.hpp"

#include "pbp/allocate.hpp"

#include <boost/json.hpp>

#include <limits>
#include <vector>

using namespace pbp;
using namespace pbp::capi;

extern "C" {

PBP_C_API int pbp_money_parse(char** out_pence, const char* text) {
    return guard([&] {
        reset_out(out_pence, "out_pence");
        *out_pence = copy_out(money_arg(text, "text").pence().str());
        return PBP_OK;
    });
}

PBP_C_API int pbp_money_format(char** out, const char* pence, int style) {
    return guard([&] {
        reset_out(out, "out");
        const Money m = pence_arg(pence, "pence");
        if (style == PBP_MONEY_PLAIN) *out = copy_out(m.to_string());
        else if (style == PBP_MONEY_DISPLAY) *out = copy_out(m.to_display());
        else throw Failure{PBP_ERR_INVALID_ARGUMENT, "style must be PBP_MONEY_PLAIN or PBP_MONEY_DISPLAY, not " + std::to_string(style)};
        return PBP_OK;
    });
}

PBP_C_API int pbp_money_round(char** out_pence, const char* pence, int places, const char* mode) {
    return guard([&] {
        reset_out(out_pence, "out_pence");
        const Money m = pence_arg(pence, "pence");
        Rounding r = Rounding::half_even;
        if (mode) {
            auto parsed = parse_rounding(mode);
            if (!parsed)
                throw Failure{PBP_ERR_INVALID_ARGUMENT,
                              std::string("mode must be one of half_even, half_up, half_down, down, up, floor, ceiling, not '") +
                                  mode + "'"};
            r = *parsed;
        }
        if (places < 0 || places > 2)
            throw Failure{PBP_ERR_INVALID_ARGUMENT, "places must be 0, 1 or 2, not " + std::to_string(places)};
        *out_pence = copy_out(m.round(places, r).pence().str());
        return PBP_OK;
    });
}

PBP_C_API int pbp_money_max_pence(char** out_pence) {
    return guard([&] {
        reset_out(out_pence, "out_pence");
        // The range Money::parse accepts and pbp_money_format() checks: +-(2^127 - 1) pence.
        const boost::multiprecision::cpp_int limit = (boost::multiprecision::cpp_int(1) << 127) - 1;
        *out_pence = copy_out(limit.str());
        return PBP_OK;
    });
}

PBP_C_API int pbp_allocate(char** out_json, const char* total, const char* const* weights, size_t count,
                           unsigned flags) {
    return guard([&] {
        reset_out(out_json, "out_json");
        const Money t = money_arg(total, "total");
        if (count == 0) throw Failure{PBP_ERR_INVALID_ARGUMENT, "at least one weight is needed"};
        if (!weights) throw Failure{PBP_ERR_INVALID_ARGUMENT, "weights is NULL"};
        std::vector<Ratio> ws;
        ws.reserve(count);
        bool positive = false;
        for (std::size_t k = 0; k < count; ++k) {
            const std::string n = std::to_string(k + 1);
            if (!weights[k]) throw Failure{PBP_ERR_INVALID_ARGUMENT, "weight " + n + " is NULL"};
            auto r = parse_decimal(weights[k]);
            if (!r)
                throw Failure{PBP_ERR_INVALID_ARGUMENT, "weight " + n +
                                                            " must be a whole or decimal number such as 3 or 0.25, not '" +
                                                            weights[k] + "'"};
            if (*r < 0)
                throw Failure{PBP_ERR_INVALID_ARGUMENT,
                              "weight " + n + " is negative ('" + weights[k] + "'): weights must be 0 or more"};
            positive = positive || *r > 0;
            ws.push_back(std::move(*r));
        }
        if (!positive) throw Failure{PBP_ERR_INVALID_ARGUMENT, "at least one weight must be more than 0"};
        boost::json::array shares;
        for (const Money& s : allocate(t, ws)) shares.emplace_back(s.to_string());
        boost::json::object o;
        o["total"] = t.to_string();
        o["shares"] = std::move(shares);
        *out_json = copy_out(json_text(o, flags));
        return PBP_OK;
    });
}

}  // extern "C"
