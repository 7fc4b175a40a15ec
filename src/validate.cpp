#include "pbp/validate.hpp"

#include "pbp/detail/rules.hpp"
#include "quiet_thread.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <future>
#include <iterator>
#include <system_error>
#include <thread>

namespace pbp {

namespace {
// From this many entities the geography rules run on a thread of their own while this one runs
// the rest: they are about two thirds of validating the national model (perf), and a thread
// costs tens of microseconds to start, a small model's whole validation.
constexpr std::size_t kGeographyApart = 10'000;

void check_all_but_geography(const Model& m, Diagnostics& out) {
    detail::check_accountability(m, out);
    detail::check_delegation(m, out);
    detail::check_flows(m, out);
    detail::check_bodies(m, out);
}
}  // namespace

Diagnostics validate(const Model& m) {
    Diagnostics out = m.load_diagnostics;
    Diagnostics geography, rest;
    std::packaged_task<void()> check_geography([&m, &geography] { detail::check_geography(m, geography); });
    std::future<void> geography_checked = check_geography.get_future();
    std::jthread apart;  // declared after what it uses: joined first if the rules below throw
    if (m.entities.size() >= kGeographyApart) {
        try {
            apart = detail::start_quiet_thread([&check_geography] { check_geography(); });
        } catch (const std::system_error&) {
            // No thread to be had: all on this one, below.
        }
    }
    if (!apart.joinable()) check_geography();
    check_all_but_geography(m, rest);
    if (apart.joinable()) apart.join();
    geography_checked.get();  // what the geography rules threw, if anything
    // The order the rules are listed in, whichever thread found what.
    out.reserve(out.size() + geography.size() + rest.size());
    std::move(geography.begin(), geography.end(), std::back_inserter(out));
    std::move(rest.begin(), rest.end(), std::back_inserter(out));
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
