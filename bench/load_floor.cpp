// The least a C++ program can do with a model file: what issue 17's Python line does
// (`json.load`, then a dict of every entry by id), and nothing else. No checks, no model, no
// graph, no validation: it gives the bound below which `pbp validate` cannot go on a machine,
// so that a goal stated as a ratio to Python can be compared with what the parse alone allows
// (docs/performance.md, "pbp validate against Python's json.load").
//
// It reads the file into one string, parses every value of it with Boost.JSON's basic_parser
// (the parser pbp's loader uses), keeps the id and name of each entry of the top-level lists
// as strings, and indexes the ids in a boost::unordered_flat_map (open addressing: one probe
// is usually one cache line).
//
// usage: pbp_load_floor MODEL.json      (prints the entries read and the ids indexed)
//   bench/load_vs_python.sh 15 national.json   (the three programs side by side)
#include <boost/json/basic_parser_impl.hpp>
#include <boost/unordered/unordered_flat_map.hpp>

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {
namespace json = boost::json;

struct Entry {
    std::string id, name;
};

// The depth of a value inside the document: the root object is 1, a top-level list 2, one
// of its entries 3.
constexpr int kEntryDepth = 3;

class Reader {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    explicit Reader(std::size_t text_size) { entries.reserve(text_size / 100); }

    std::vector<Entry> entries;

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_object_begin(json::error_code&) {
        if (++depth_ == kEntryDepth) entry_ = Entry{};
        return true;
    }
    bool on_object_end(std::size_t, json::error_code&) {
        if (depth_-- == kEntryDepth) entries.push_back(std::move(entry_));
        return true;
    }
    bool on_array_begin(json::error_code&) {
        ++depth_;
        return true;
    }
    bool on_array_end(std::size_t, json::error_code&) {
        --depth_;
        return true;
    }
    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        part_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t, json::error_code&) {
        key_.assign(part_).append(s.data(), s.size());
        part_.clear();
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
        part_.append(s.data(), s.size());
        return true;
    }
    bool on_string(json::string_view s, std::size_t, json::error_code&) {
        // A string the parser handed over in pieces (escapes) is joined in part_ first.
        std::string_view value(s.data(), s.size());
        if (!part_.empty()) value = part_.append(s.data(), s.size());
        if (depth_ == kEntryDepth) {
            if (key_ == "id") entry_.id = value;
            else if (key_ == "name") entry_.name = value;
        }
        part_.clear();
        return true;
    }
    bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t, json::string_view, json::error_code&) { return true; }
    bool on_uint64(std::uint64_t, json::string_view, json::error_code&) { return true; }
    bool on_double(double, json::string_view, json::error_code&) { return true; }
    bool on_bool(bool, json::error_code&) { return true; }
    bool on_null(json::error_code&) { return true; }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

private:
    int depth_ = 0;
    std::string key_, part_;
    Entry entry_;
};

std::string read_file(const char* path, bool& ok) {
    std::string text;
    std::FILE* f = std::fopen(path, "rb");
    ok = f != nullptr;
    if (!ok) return text;
    // One read into a string of the file's size, as pbp's loader does: growing it chunk by
    // chunk would touch twice the memory.
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0 && std::fseek(f, 0, SEEK_SET) == 0) {
            text.resize(static_cast<std::size_t>(size));
            text.resize(std::fread(text.data(), 1, text.size(), f));
        }
    }
    char buffer[1 << 16];  // what is left, or all of a file whose size is not known (a pipe)
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
    ok = !std::ferror(f);
    std::fclose(f);
    return text;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: pbp_load_floor MODEL.json\n");
        return 2;
    }
    bool ok = false;
    const std::string text = read_file(argv[1], ok);
    if (!ok) {
        std::fprintf(stderr, "pbp_load_floor: cannot read %s\n", argv[1]);
        return 2;
    }
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    json::basic_parser<Reader> parser(options, text.size());
    json::error_code ec;
    parser.write_some(false, text.data(), text.size(), ec);
    if (ec) {
        std::fprintf(stderr, "pbp_load_floor: %s: %s\n", argv[1], ec.message().c_str());
        return 1;
    }
    const std::vector<Entry>& entries = parser.handler().entries;
    boost::unordered_flat_map<std::string_view, std::uint32_t> by_id;
    by_id.reserve(entries.size());
    for (std::uint32_t i = 0; i < entries.size(); ++i)
        if (!entries[i].id.empty()) by_id.emplace(entries[i].id, i);
    std::printf("%zu entries, %zu ids\n", entries.size(), by_id.size());
    return 0;
}
