#include "cli.hpp"

#include "pbp/bundled.hpp"
#include "pbp/error.hpp"
#include "pbp/validate.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace pbp::cli {
namespace {
bool looks_numeric(const std::string& s) {
    // -?[0-9]+(\.[0-9]+)? : money and weights (SPEC 2.6.10)
    std::size_t i = s[0] == '-' ? 1 : 0, digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    if (digits == 0) return false;
    if (i == s.size()) return true;
    if (s[i] != '.') return false;
    ++i;
    std::size_t frac = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac;
    return frac > 0 && i == s.size();
}
}  // namespace

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

std::string Args::require(const std::string& name) const {
    auto v = get(name);
    if (!v) throw UsageError("missing --" + name);
    return *v;
}

namespace {
Date as_of_date(const std::string& text) {
    auto d = parse_date(text);
    if (!d) throw UsageError("--as-of must be a date written YYYY-MM-DD, not '" + text + "'");
    return *d;
}
}  // namespace

std::optional<Date> Args::as_of() const {
    auto v = get("as-of");
    if (!v) return std::nullopt;
    return as_of_date(*v);
}

Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& options,
                std::string_view command) {
    // Common to many commands, but taken only by those that list them (OptionSpec).
    static const std::set<std::string, std::less<>> common{"json", "as-of", "force"};
    std::map<std::string, bool> known{{"help", false}};
    for (auto& o : options) known[o.name] = o.takes_value;
    // Short aliases such as `-o` (SPEC 4.1 import-areas): "-x" is read as "--<name>".
    std::map<char, std::string> aliases;
    for (auto& o : options)
        if (o.short_name) aliases[o.short_name] = o.name;
    Args a;
    a.takes_force = known.count("force") > 0;
    bool options_done = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& t = argv[i];
        if (options_done || t == "-" || t.empty() || t[0] != '-' || looks_numeric(t)) {
            a.operands.push_back(t);
            continue;
        }
        if (t == "--") {
            options_done = true;
            continue;
        }
        if (t == "-h") {
            a.flags.insert("help");
            continue;
        }
        const bool alias = t.size() == 2 && aliases.count(t[1]);
        if (!alias && t.rfind("--", 0) != 0) throw UsageError("unknown option '" + t + "'");
        std::string name = alias ? aliases[t[1]] : t.substr(2), value;
        bool inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inline_value = true;
        }
        auto it = known.find(name);
        if (it == known.end()) {
            if (common.count(name)) throw UsageError("'pbp " + std::string(command) + "' takes no --" + name + " option");
            throw UsageError("unknown option '--" + name + "'");
        }
        if (!it->second) {
            if (inline_value) throw UsageError("--" + name + " takes no value");
            a.flags.insert(name);
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= argv.size()) throw UsageError("--" + name + " needs a value");
            value = argv[++i];
        }
        if (a.values.count(name)) throw UsageError("--" + name + " given twice");
        if (name == "as-of") as_of_date(value);  // a malformed date is refused whatever else is wrong
        a.values[name] = value;
    }
    return a;
}

LoadResult load_operand(const std::string& operand) {
    // I/O errors (IoError) go up as they are: a file that cannot be read is no mistake in how pbp
    // was called, so main() does not send the user to --help for it.
    // status() follows links: `<(cat model.json)` is /dev/fd/63, a link to a pipe.
    std::error_code ec;
    const auto status = std::filesystem::status(operand, ec);
    if (operand == "-") return load_model(std::cin);  // reads no further than the size limit (docs/limits.md)
    // A file, or a pipe or device: read, like standard input, no further than the size limit, so
    // that /dev/zero or an endless pipe is E010 (docs/limits.md).
    if (std::filesystem::exists(status) && !std::filesystem::is_directory(status)) return load_model_file(operand);
    if (auto text = bundled_model(operand)) return load_model(*text);
    if (std::filesystem::is_directory(status)) throw IoError("'" + operand + "' is a directory, not a model file");
    std::string names;
    for (auto n : bundled_model_names()) names += (names.empty() ? "" : ", ") + std::string(n);
    throw IoError("no file '" + operand + "' and no bundled model of that name (bundled: " + names + ")");
}

void print_load_failure(const std::string& operand, const Diagnostics& diagnostics) {
    std::cerr << "pbp: " << (operand == "-" ? std::string("<stdin>") : operand) << " cannot be loaded:\n";
    print_diagnostics(std::cerr, diagnostics);
}

OpenModel open_model(const std::string& operand, const Args& args, bool refuse_errors) {
    LoadResult r = load_operand(operand);
    if (!r.model) {
        print_load_failure(operand, r.diagnostics);
        throw Exit{2};
    }
    OpenModel out{r.model, validate(*r.model)};
    if (refuse_errors && !args.has("force") && count_errors(out.diagnostics) > 0) {
        std::cerr << (args.takes_force ? "pbp: the model has errors; fix them or pass --force to query it anyway:\n"
                                       : "pbp: the model has errors; fix them first:\n");
        Diagnostics errors;
        for (auto& d : out.diagnostics)
            if (d.severity == Severity::error) errors.push_back(d);
        print_diagnostics(std::cerr, errors);
        throw Exit{1};
    }
    return out;
}

#if defined(__SANITIZE_ADDRESS__)
#define PBP_FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PBP_FREE_AT_EXIT 1
#endif
#endif

void keep_until_exit(OpenModel&& m) {
#ifdef PBP_FREE_AT_EXIT
    OpenModel freed_now = std::move(m);
#else
    // Held by a static, so still reachable at exit: a leak checker does not report it either.
    static OpenModel* kept = nullptr;
    if (!kept) kept = new OpenModel(std::move(m));
#endif
}

void print_json(const boost::json::value& v) { std::cout << pretty_json(v); }

void print_json_line(const boost::json::value& v) { std::cout << boost::json::serialize(v) << "\n"; }

IdList read_id_list(const std::string& path, const std::string& model_operand) {
    if (path == "-" && model_operand == "-")
        throw UsageError("the model and the list of ids cannot both be read from standard input");
    std::ifstream file;
    if (path != "-") {
        // A directory opens as a file that reads as empty: it would be an empty list.
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            throw IoError("the list of ids '" + path + "' is a directory, not a file");
        file.open(path);
        if (!file) throw IoError("cannot read the list of ids '" + path + "'");
    }
    std::istream& in = path == "-" ? std::cin : file;
    IdList out{path == "-" ? "standard input" : path, {}};
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        // A byte order mark (a file saved as "UTF-8 with BOM") is no part of the first id.
        if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const auto last = line.find_last_not_of(" \t\r");
        out.lines.emplace_back(number, line.substr(first, last - first + 1));
    }
    if (in.bad()) throw IoError("cannot read the list of ids '" + out.source + "'");
    return out;
}

std::vector<Index> resolve(const IdList& list, const Model& m, std::optional<Date> as_of,
                           std::optional<Section> section, std::string_view not_that) {
    std::vector<Index> out;
    out.reserve(list.lines.size());
    for (const auto& [number, id] : list.lines) {
        const std::string where = list.source + ", line " + std::to_string(number);
        const auto i = m.find(id);
        if (!i) throw InvalidArgument(where + ": there is no '" + id + "' in the model");
        if (!m.exists(*i, as_of)) throw InvalidArgument(where + ": '" + id + "' does not exist on " + to_string(*as_of));
        if (section && m.at(*i).section != *section) throw InvalidArgument(where + ": '" + id + "' " + std::string(not_that));
        out.push_back(*i);
    }
    return out;
}

void print_diagnostics(std::ostream& os, const Diagnostics& ds) {
    for (const auto& d : ds) {
        os << "  " << d.code << " " << to_string(d.severity);
        if (!d.path.empty() || d.line) {
            os << " at " << (d.path.empty() ? "/" : d.path);
            if (d.line) os << " (line " << *d.line << ", column " << *d.column << ")";
        }
        os << ": " << d.message << "\n";
    }
}

bool write_imported(const std::string& command, const std::string& text, const Diagnostics& findings,
                    const std::string& noun, const std::string& about, const Args& args) {
    LoadResult loaded = load_model(text);
    Diagnostics problems = loaded.model ? validate(*loaded.model) : loaded.diagnostics;
    if (!loaded.model || count_errors(problems) > 0) {
        std::cerr << command << ": internal error: the model built does not validate:\n";
        std::erase_if(problems, [](const Diagnostic& d) { return d.severity != Severity::error; });
        print_diagnostics(std::cerr, problems);
        throw Exit{1};
    }
    if (!findings.empty()) {
        std::cerr << command << ": " << findings.size() << " " << noun << (findings.size() == 1 ? "" : "s") << " "
                  << about << ":\n";
        // Their lines are lines of the input files, named in the messages: not places in a model.
        for (const auto& d : findings) std::cerr << "  " << d.code << " " << to_string(d.severity) << ": " << d.message << "\n";
    }
    if (auto out = args.get("output"); out && *out != "-") {
        std::ofstream f(*out, std::ios::binary);
        if (!(f << text) || !f.flush()) throw IoError("cannot write '" + *out + "'");
        return true;
    }
    std::cout << text;
    return false;
}

Money parse_money_arg(const std::string& text, const std::string& what) {
    auto m = Money::parse(text);
    if (m) return *m;
    // Money::parse() refuses both what is not money and money too large to hold; the form of
    // SPEC 1.3 tells which.
    if (Money::is_form(text))
        throw UsageError(what + " '" + text + "' is out of range: pbp holds amounts of at most 2^127 - 1 pence "
                                              "(£1,701,411,834,604,692,317,316,873,037,158,841,057.27) either way");
    throw UsageError(what + " must be an amount such as 1234.50 (at most two decimal places), not '" + text + "'");
}

AreaSelection area_option(const Args& args, const std::string& name) {
    const std::string text = args.require(name);
    if (text.empty()) throw UsageError("--" + name + " is empty: name an area kind or list area ids separated by commas");
    try {
        return AreaSelection::parse(text, args.get("within"));
    } catch (const InvalidArgument& e) {
        throw UsageError("--" + name + ": " + e.what());
    }
}

Ratio parse_weight_arg(const std::string& text, const std::string& what) {
    if (auto r = parse_decimal(text)) return *r;
    // parse_decimal() refuses what is not a decimal, and a decimal of more than 200 digits
    // (docs/limits.md): the syntax tells which.
    if (looks_numeric(text)) {
        const auto digits = std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        throw UsageError(what + " has " + std::to_string(digits) + " digits; pbp reads weights of at most 200 digits");
    }
    throw UsageError(what + " must be a whole or decimal number such as 3 or 0.25, not '" + text + "'");
}

std::size_t display_width(std::string_view text) {
    // A code point starts at every byte that is not a continuation byte (10xxxxxx).
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad_right(std::string_view text, std::size_t columns) {
    std::string out(text);
    out.append(columns - std::min(columns, display_width(text)), ' ');
    return out;
}

std::string pad_left(std::string_view text, std::size_t columns) {
    std::string out(columns - std::min(columns, display_width(text)), ' ');
    out.append(text);
    return out;
}

}  // namespace pbp::cli
