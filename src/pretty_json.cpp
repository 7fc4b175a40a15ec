// Indented JSON output. Boost.JSON serialises compactly; indentation is added here, with every
// scalar and string still written by Boost.JSON's own serializer (escaping, numbers).
#include "pbp/load.hpp"

#include <boost/json.hpp>

namespace pbp {
namespace {
void write(std::string& out, const boost::json::value& v, int indent) {
    auto newline = [&](int n) {
        out += '\n';
        out.append(static_cast<std::size_t>(n) * 2, ' ');
    };
    if (v.is_object()) {
        const auto& o = v.get_object();
        if (o.empty()) {
            out += "{}";
            return;
        }
        out += '{';
        bool first = true;
        for (auto& kv : o) {
            if (!first) out += ',';
            first = false;
            newline(indent + 1);
            out += boost::json::serialize(boost::json::value(boost::json::string(kv.key())));
            out += ": ";
            write(out, kv.value(), indent + 1);
        }
        newline(indent);
        out += '}';
    } else if (v.is_array()) {
        const auto& a = v.get_array();
        if (a.empty()) {
            out += "[]";
            return;
        }
        bool scalars = true;
        for (auto& e : a) scalars = scalars && !e.is_object() && !e.is_array();
        out += '[';
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (i) out += scalars ? ", " : ",";
            if (!scalars) newline(indent + 1);
            write(out, a[i], indent + 1);
        }
        if (!scalars) newline(indent);
        out += ']';
    } else {
        out += boost::json::serialize(v);
    }
}
}  // namespace

std::string pretty_json(const boost::json::value& v) {
    std::string out;
    write(out, v, 0);
    out += '\n';
    return out;
}
}  // namespace pbp
