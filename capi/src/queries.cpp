// The queries of SPEC section 2 through the C API. Each entry point is one run_query() call:
// convert the C arguments, call the library's query, return its to_json(). No query logic lives
// here (STYLE: the CLI and the bindings call the same functions).
#include "capi.hpp"

#include "pbp/accountability.hpp"
#include "pbp/delegation.hpp"
#include "pbp/designation.hpp"
#include "pbp/diff.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/partners.hpp"
#include "pbp/flows.hpp"
#include "pbp/geography.hpp"
#include "pbp/maturity.hpp"

#include <boost/json/parse.hpp>

#include <vector>

namespace pbp::capi {
namespace {
/// An area kind or comma-separated ids (the command line's form), with every id named checked
/// to exist on the day so that an unknown one is reported as not found.
AreaSelection areas_arg(const Model& m, const char* text, const char* within, std::optional<Date> as_of,
                        const char* what) {
    const std::string_view t = text_arg(text, what);
    if (t.empty())
        throw Failure{PBP_ERR_INVALID_ARGUMENT,
                      std::string(what) + " is empty: name an area kind or list area ids separated by commas"};
    AreaSelection sel = AreaSelection::parse(t, optional_arg(within));
    for (const auto& id : sel.ids) id_arg(m, id.c_str(), as_of, what);
    if (sel.within) id_arg(m, sel.within->c_str(), as_of, "within");
    return sel;
}

/// A JSON array of ids (`["a", "b"]`), each checked to exist on the day; NULL gives `all`.
std::vector<Index> ids_arg(const Model& m, const char* json, std::optional<Date> as_of, const char* what,
                           std::vector<Index> (*all)(const Model&, std::optional<Date>)) {
    if (!json) return all(m, as_of);
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(json, ec);
    if (ec || !v.is_array())
        throw Failure{PBP_ERR_INVALID_ARGUMENT, std::string(what) + " is not a JSON array of ids (such as [\"icb.x\", \"trust.y\"])" +
                                                    (ec ? ": " + ec.message() : "")};
    std::vector<Index> out;
    out.reserve(v.as_array().size());
    for (std::size_t k = 0; k < v.as_array().size(); ++k) {
        const boost::json::value& id = v.as_array()[k];
        if (!id.is_string())
            throw Failure{PBP_ERR_INVALID_ARGUMENT, std::string(what) + "[" + std::to_string(k) + "] is not a string: name an id"};
        // "\u0000" is valid JSON, but as a C string the id would end there and name another.
        if (id.as_string().find('\0') != boost::json::string::npos)
            throw Failure{PBP_ERR_INVALID_ARGUMENT, std::string(what) + "[" + std::to_string(k) +
                                                        "] holds a NUL character (\\u0000), which no id can"};
        out.push_back(id_arg(m, id.as_string().c_str(), as_of, what));
    }
    return out;
}

template <class Answers>
boost::json::array json_array(const Answers& answers) {
    boost::json::array out;
    out.reserve(answers.size());
    for (const auto& a : answers) out.push_back(to_json(a));
    return out;
}
}  // namespace
}  // namespace pbp::capi

using namespace pbp;
using namespace pbp::capi;

extern "C" {

PBP_C_API int pbp_model_accountability(char** out_json, const pbp_model* model, const char* node, const char* as_of,
                                       unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        return to_json(accountability(m, id_arg(m, node, day, "node"), day));
    });
}

PBP_C_API int pbp_model_accountability_batch(char** out_json, const pbp_model* model, const char* nodes_json,
                                             const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const std::vector<Index> nodes = ids_arg(m, nodes_json, day, "nodes",
                                                 [](const Model& mm, std::optional<Date> d) { return accountable_nodes(mm, d); });
        return json_array(accountability(m, nodes, day));
    });
}

PBP_C_API int pbp_model_decides_batch(char** out_json, const pbp_model* model, const char* function,
                                      const char* places_json, const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const Index f = id_arg(m, function, day, "function");
        const std::vector<Index> places =
            ids_arg(m, places_json, day, "places", [](const Model& mm, std::optional<Date> d) { return places_on(mm, d); });
        return json_array(decides(m, f, places, day));
    });
}

PBP_C_API int pbp_model_decides(char** out_json, const pbp_model* model, const char* function, const char* place,
                                const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const Index f = id_arg(m, function, day, "function"), p = id_arg(m, place, day, "place");
        return to_json(decides(m, f, p, day));
    });
}

PBP_C_API int pbp_model_authority(char** out_json, const pbp_model* model, const char* function, const char* place,
                                  const char* amount, const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const Index f = id_arg(m, function, day, "function"), p = id_arg(m, place, day, "place");
        return to_json(authority(m, f, p, money_arg(amount, "amount"), day));
    });
}

PBP_C_API int pbp_model_balances(char** out_json, const pbp_model* model, const char* year, unsigned flags) {
    return run_query(out_json, model, flags,
                     [&](const Model& m) { return to_json(balances(m, year_arg(year, "year"))); });
}

PBP_C_API int pbp_model_trace(char** out_json, const pbp_model* model, const char* node, const char* year,
                              unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        // Flows are chosen by year alone (SPEC 2.6.1), so the node need only be in the model.
        const FinancialYear y = year_arg(year, "year");
        return to_json(trace(m, id_arg(m, node, std::nullopt, "node"), y));
    });
}

PBP_C_API int pbp_model_coterminosity(char** out_json, const pbp_model* model, const char* a, const char* b,
                                      const char* within, const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const AreaSelection side_a = areas_arg(m, a, within, day, "a"), side_b = areas_arg(m, b, within, day, "b");
        return to_json(coterminosity(*model->footprints.get(m, day), side_a, side_b));
    });
}

PBP_C_API int pbp_model_partners(char** out_json, const pbp_model* model, const char* node, const char* as_of,
                                 unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        return to_json(partners(*model->footprints.get(m, day), m.id(id_arg(m, node, day, "node"))));
    });
}

PBP_C_API int pbp_model_partitions(char** out_json, const pbp_model* model, const char* parts, const char* whole,
                                    const char* within, const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const AreaSelection p = areas_arg(m, parts, within, day, "parts");
        return to_json(partitions(*model->footprints.get(m, day), p, m.id(id_arg(m, whole, day, "whole"))));
    });
}

PBP_C_API int pbp_model_boundaries(char** out_json, const pbp_model* model, const char* units, const char* areas,
                                    const char* within, const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const AreaSelection u = areas_arg(m, units, within, day, "units"), a = areas_arg(m, areas, within, day, "areas");
        return to_json(respects_boundaries(*model->footprints.get(m, day), u, a));
    });
}

PBP_C_API int pbp_model_fair_shares(char** out_json, const pbp_model* model, const char* total, const char* areas,
                                    const char* within, const char* floor, const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        const Money t = money_arg(total, "total");
        std::optional<Money> f;
        if (floor) f = money_arg(floor, "floor");
        return to_json(fair_shares(*model->footprints.get(m, day), t, areas_arg(m, areas, within, day, "areas"), f));
    });
}

PBP_C_API int pbp_model_designation(char** out_json, const pbp_model* model, const char* as_of, unsigned flags) {
    return run_query(out_json, model, flags,
                     [&](const Model& m) { return to_json(designation(m, date_arg(as_of, "as_of"))); });
}

PBP_C_API int pbp_model_diff(char** out_json, const pbp_model* model, const char* from, const char* to,
                             unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const Date d1 = required_date_arg(from, "from"), d2 = required_date_arg(to, "to");
        return to_json(diff(m, d1, d2));
    });
}

PBP_C_API int pbp_model_maturity(char** out_json, const pbp_model* model, const char* subject, const char* as_of,
                                 const char* from, const char* to, unsigned flags) {
    return run_query(out_json, model, flags, [&](const Model& m) {
        const auto day = date_arg(as_of, "as_of");
        if ((from == nullptr) != (to == nullptr))
            throw Failure{PBP_ERR_INVALID_ARGUMENT, "from and to go together: give both or neither"};
        if (from && day) throw Failure{PBP_ERR_INVALID_ARGUMENT, "give either as_of or from and to, not both"};
        std::optional<std::string_view> who;
        if (subject) who = m.id(id_arg(m, subject, std::nullopt, "subject"));
        if (from) return to_json(maturity_change(m, who, required_date_arg(from, "from"), required_date_arg(to, "to")));
        return to_json(maturity(m, who, day));
    });
}

}  // extern "C"
