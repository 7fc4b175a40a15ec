// A small RFC 4180 reader. No Debian package offers a C++ CSV reader worth a dependency for
// this; the format is small.
#include "csv.hpp"

#include "pbp/error.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

namespace pbp::detail {

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& what) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<CsvRecord> out;
    const std::size_t n = text.size();
    std::size_t i = 0, line = 1;
    while (i < n) {
        CsvRecord rec;
        rec.line = line;
        while (true) {
            std::string field;
            if (text[i] == '"') {
                const std::size_t opened = line;
                ++i;
                while (true) {
                    if (i >= n)
                        throw InvalidArgument(what + ": the quoted field that starts on line " + std::to_string(opened) +
                                              " is never closed");
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == '\n' || (c == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) ++line;
                    field += c;
                    ++i;
                }
            }
            // Unquoted text (or anything after a closing quote, kept rather than dropped).
            while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
            rec.fields.push_back(std::move(field));
            if (i >= n) break;
            if (text[i] == ',') {
                ++i;
                if (i >= n) rec.fields.emplace_back();  // a trailing comma at the very end
                if (i >= n) break;
                continue;
            }
            if (text[i] == '\r') ++i;
            if (i < n && text[i] == '\n') ++i;
            ++line;
            break;
        }
        if (!(rec.fields.size() == 1 && rec.fields[0].empty())) out.push_back(std::move(rec));
    }
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string list_some(const std::vector<std::string>& v, std::size_t most) {
    std::string out;
    for (std::size_t i = 0; i < v.size() && i < most; ++i) out += (i ? ", " : "") + v[i];
    if (v.size() > most) out += " and " + std::to_string(v.size() - most) + " more";
    return out;
}

std::string read_text_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw IoError("cannot read '" + p.string() + "'");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw IoError("cannot read '" + p.string() + "'");
    return ss.str();
}

Diagnostic finding(std::string code, std::string message, std::vector<std::string> ids, std::size_t line) {
    Diagnostic d;
    d.severity = severity_of(code);
    d.code = std::move(code);
    d.message = std::move(message);
    d.ids = std::move(ids);
    if (line) {
        d.line = static_cast<int>(line);
        d.column = 1;
    }
    return d;
}

}  // namespace pbp::detail
