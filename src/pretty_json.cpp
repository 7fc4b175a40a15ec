// Indented JSON output. Boost.JSON serialises compactly; indentation is added here, with every
// string still written by Boost.JSON's own serializer (escaping). Three ways in: a document
// (pretty_json), a document's pieces (write_pretty, for output too large to hold as one), and a
// text re-indented as it is read (reindent_json), which writes each number
// exactly as the text has it: a document holds a number as a 64-bit integer or a double, so
// 123456789012345678901 or 3.14159265358979323846 would come out as another number.
#include "pbp/load.hpp"
#include "pretty_json.hpp"

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

#include <string_view>
#include <vector>

namespace pbp {
namespace detail {
void JsonScalars::append(std::string& out) {
    while (!sr_.done()) out.append(sr_.read(buf_));
}
void JsonScalars::write(std::string& out, boost::json::string_view key) {
    sr_.reset(key);
    append(out);
}
void JsonScalars::write(std::string& out, const boost::json::value& v) {
    sr_.reset(&v);
    append(out);
}

void write_pretty(std::string& out, const boost::json::value& v, int indent, JsonScalars& scalars) {
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
            write_pretty(out, kv.value(), indent + 1, scalars);
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
            write_pretty(out, a[i], indent + 1, scalars);
        }
        if (!flat) newline(indent);
        out += ']';
    } else {
        scalars.write(out, v);
    }
}
}  // namespace detail

std::string pretty_json(const boost::json::value& v) {
    std::string out;
    detail::JsonScalars scalars;
    detail::write_pretty(out, v, 0, scalars);
    out += '\n';
    return out;
}

namespace {
/// basic_parser's handler for reindent_json: the layout of write() above, produced as the
/// parser goes. An array is written on one line when it holds only scalars, which is known only
/// at its end, so the innermost array keeps its scalars aside until a container shows it is
/// not one of those (only the innermost can be: a container inside any other ends its line).
class Reindenter {
public:
    static constexpr std::size_t max_object_size = boost::json::object::max_size();
    static constexpr std::size_t max_array_size = boost::json::array::max_size();
    static constexpr std::size_t max_key_size = boost::json::string::max_size();
    static constexpr std::size_t max_string_size = boost::json::string::max_size();

    std::string out;

    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) {
        out += '\n';
        return true;
    }
    bool on_object_begin(boost::json::error_code&) {
        container();
        out += '{';
        open_.emplace_back(false);
        return true;
    }
    bool on_object_end(std::size_t, boost::json::error_code&) {
        if (open_.back().count) newline(open_.size() - 1);
        out += '}';
        open_.pop_back();
        return true;
    }
    bool on_array_begin(boost::json::error_code&) {
        container();
        out += '[';
        open_.emplace_back(true);
        return true;
    }
    bool on_array_end(std::size_t, boost::json::error_code&) {
        Open& a = open_.back();
        if (a.one_line) {
            for (std::size_t i = 0; i < a.scalars.size(); ++i) {
                if (i) out += ", ";
                out += a.scalars[i];
            }
        } else {
            newline(open_.size() - 1);
        }
        out += ']';
        open_.pop_back();
        return true;
    }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) { return part(s); }
    bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        part_.append(s.data(), s.size());
        Open& o = open_.back();
        if (o.count++) out += ',';
        newline(open_.size());
        scalars_.write(out, boost::json::string_view(part_));
        out += ": ";
        part_.clear();
        return true;
    }
    bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code&) { return part(s); }
    bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        part_.append(s.data(), s.size());
        std::string text;
        scalars_.write(text, boost::json::string_view(part_));
        part_.clear();
        scalar(std::move(text));
        return true;
    }
    bool on_number_part(boost::json::string_view s, boost::json::error_code&) { return part(s); }
    bool on_int64(std::int64_t, boost::json::string_view s, boost::json::error_code&) { return number(s); }
    bool on_uint64(std::uint64_t, boost::json::string_view s, boost::json::error_code&) { return number(s); }
    bool on_double(double, boost::json::string_view s, boost::json::error_code&) { return number(s); }
    bool on_bool(bool b, boost::json::error_code&) {
        scalar(b ? "true" : "false");
        return true;
    }
    bool on_null(boost::json::error_code&) {
        scalar("null");
        return true;
    }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }

private:
    struct Open {
        explicit Open(bool is_array) : array(is_array), one_line(is_array) {}
        bool array;
        bool one_line;                     ///< an array of scalars only, so far
        std::size_t count = 0;             ///< members or elements written or kept
        std::vector<std::string> scalars;  ///< kept while one_line
    };

    /// A key, string or number arriving in parts (split across the text given to the parser).
    bool part(boost::json::string_view s) {
        part_.append(s.data(), s.size());
        return true;
    }
    void newline(std::size_t indent) {
        out += '\n';
        out.append(indent * 2, ' ');
    }
    /// A container starts: it ends its parent array's one-line form, and takes its place there.
    void container() {
        if (open_.empty() || !open_.back().array) return;
        Open& a = open_.back();
        if (a.one_line) {
            a.one_line = false;
            for (std::size_t i = 0; i < a.scalars.size(); ++i) {
                if (i) out += ',';
                newline(open_.size());
                out += a.scalars[i];
            }
            a.scalars.clear();
        }
        if (a.count++) out += ',';
        newline(open_.size());
    }
    void scalar(std::string text) {
        if (!open_.empty() && open_.back().array) {
            Open& a = open_.back();
            if (a.one_line) {
                a.scalars.push_back(std::move(text));
                ++a.count;
                return;
            }
            if (a.count++) out += ',';
            newline(open_.size());
        }
        out += text;
    }
    bool number(boost::json::string_view s) {
        part_.append(s.data(), s.size());
        scalar(std::move(part_));
        part_.clear();
        return true;
    }

    std::vector<Open> open_;
    std::string part_;  ///< a key, string or number arriving in parts
    detail::JsonScalars scalars_;
};
}  // namespace

namespace detail {
std::optional<std::string> reindent_json(std::string_view text) {
    boost::json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    options.max_depth = limits::depth;
    boost::json::basic_parser<Reindenter> parser(options);
    boost::json::error_code ec;
    const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
    if (ec || consumed != text.size()) return std::nullopt;
    return std::move(parser.handler().out);
}
}  // namespace detail
}  // namespace pbp
