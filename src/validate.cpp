#include "pbp/validate.hpp"

#include "pbp/detail/rules.hpp"

#include <boost/json.hpp>

namespace pbp {

Diagnostics validate(const Model& m) {
    Diagnostics out = m.load_diagnostics;
    detail::check_geography(m, out);
    detail::check_accountability(m, out);
    detail::check_delegation(m, out);
    detail::check_flows(m, out);
    detail::check_bodies(m, out);
    m.locate(out);
    return out;
}

boost::json::object to_json(const Diagnostic& d) {
    boost::json::object o;
    o["code"] = d.code;
    o["severity"] = std::string(to_string(d.severity));
    o["message"] = d.message;
    boost::json::array ids;
    for (auto& id : d.ids) ids.emplace_back(id);
    o["ids"] = std::move(ids);
    o["path"] = d.path;
    o["line"] = d.line ? boost::json::value(*d.line) : boost::json::value(nullptr);
    o["column"] = d.column ? boost::json::value(*d.column) : boost::json::value(nullptr);
    return o;
}

boost::json::object to_json(const Diagnostics& ds) {
    boost::json::array arr;
    std::size_t errors = 0, warnings = 0;
    for (auto& d : ds) {
        arr.push_back(to_json(d));
        (d.severity == Severity::error ? errors : warnings)++;
    }
    boost::json::object o;
    o["diagnostics"] = std::move(arr);
    o["errors"] = errors;
    o["warnings"] = warnings;
    return o;
}

}  // namespace pbp
