// Indented JSON output. Boost.JSON serialises compactly; indentation is added here, with every
// scalar and string still written by Boost.JSON's own serializer (escaping, numbers).
#include "pbp/load.hpp"

#include <boost/json.hpp>

namespace pbp {
namespace {
// One serializer, reset for every scalar: boost::json::serialize() would build a serializer and
// a string per call, which made writing the 34,000-area England model take seconds.
struct Scalars {
    boost::json::serializer sr;
    char buf[256];
    void append(std::string& out) {
        while (!sr.done()) out.append(sr.read(buf));
    }
    void write(std::string& out, boost::json::string_view key) {
        sr.reset(key);
        append(out);
    }
    void write(std::string& out, const boost::json::value& v) {
        sr.reset(&v);
        append(out);
    }
};

void write(std::string& out, const boost::json::value& v, int indent, Scalars& scalars) {
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
            scalars.write(out, kv.key());
            out += ": ";
            write(out, kv.value(), indent + 1, scalars);
        }
        newline(indent);
        out += '}';
    } else if (v.is_array()) {
        const auto& a = v.get_array();
        if (a.empty()) {
            out += "[]";
            return;
        }
        bool flat = true;  // only scalars: one line
        for (auto& e : a) flat = flat && !e.is_object() && !e.is_array();
        out += '[';
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (i) out += flat ? ", " : ",";
            if (!flat) newline(indent + 1);
            write(out, a[i], indent + 1, scalars);
        }
        if (!flat) newline(indent);
        out += ']';
    } else {
        scalars.write(out, v);
    }
}
}  // namespace

std::string pretty_json(const boost::json::value& v) {
    std::string out;
    Scalars scalars;
    write(out, v, 0, scalars);
    out += '\n';
    return out;
}
}  // namespace pbp
