#include "entry_stream.hpp"

#include "pbp/load.hpp"
#include "source_map.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value_stack.hpp>

#include <gsl/assert>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <unordered_set>
#include <utility>

namespace pbp::detail {
namespace json = boost::json;

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

using Visit = std::function<void(std::size_t, std::size_t, const json::value&)>;

// The handler of Boost.JSON's basic_parser for both readings. It builds, with the same
// value_stack Boost.JSON's own parser uses, only the values a reading needs: in the first, the
// top-level values other than the lists and each entry's id; in the second, each entry.
class Reader {
public:
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

    // The first reading, which fills `out`.
    Reader(gsl::span<const std::string_view> lists, Outline& out) : lists_(lists), out_(&out), written_(lists.size()) {
        out.entries.resize(lists.size());
        out.listed.assign(lists.size(), std::nullopt);
    }
    // The second reading, which hands each entry of the lists `plan` found to `visit`.
    Reader(gsl::span<const std::string_view> lists, const Outline& plan, const Visit& visit)
        : lists_(lists), plan_(&plan), visit_(&visit), written_(lists.size()) {}

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_object_begin(json::error_code&) { return open(false); }
    bool on_object_end(std::size_t n, json::error_code&) { return close(false, n); }
    bool on_array_begin(json::error_code&) { return open(true); }
    bool on_array_end(std::size_t n, json::error_code&) { return close(true, n); }
    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        if (building()) stack_.push_chars(s);
        if (out_ || depth_ == 1) keep_key(s);
        return true;
    }
    bool on_key(json::string_view s, std::size_t n, json::error_code&) {
        if (building()) stack_.push_key(s);
        // The first reading needs every key (for pointers, and an entry's "id"); the second
        // only the top level's, to know which list it is in.
        if (!out_ && depth_ != 1) return true;
        keep_key(s);
        if (out_) {
            if (n > limits::string_bytes) too_large(Oversize::What::key, n);
            frames_.back().key = key_;
            note_key();
        }
        if (depth_ == 1) root_key_ = key_;
        else if (depth_ == 3) id_key_ = out_ && list_ != none && key_ == "id";
        key_.clear();
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
        if (!in_string_) begins(false, false);
        in_string_ = true;
        if (building()) stack_.push_chars(s);
        return true;
    }
    bool on_string(json::string_view s, std::size_t n, json::error_code&) {
        if (!in_string_) begins(false, false);
        in_string_ = false;
        if (out_ && n > limits::string_bytes) too_large(Oversize::What::string, n);
        if (building()) stack_.push_string(s);
        return ends();
    }
    bool on_number_part(json::string_view, json::error_code&) { return true; }
    bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
        begins(false, false);
        if (building()) stack_.push_int64(i);
        return ends();
    }
    bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
        begins(false, false);
        if (building()) stack_.push_uint64(u);
        return ends();
    }
    bool on_double(double d, json::string_view, json::error_code&) {
        begins(false, false);
        // A number past the range of a double reads as infinity and could not be written back.
        if (out_ && !std::isfinite(d)) too_large(Oversize::What::number, 0);
        if (building()) stack_.push_double(d);
        return ends();
    }
    bool on_bool(bool b, json::error_code&) {
        begins(false, false);
        if (building()) stack_.push_bool(b);
        return ends();
    }
    bool on_null(json::error_code&) {
        begins(false, false);
        if (building()) stack_.push_null();
        return ends();
    }
    bool on_comment_part(json::string_view, json::error_code&) { return true; }
    bool on_comment(json::string_view, json::error_code&) { return true; }

private:
    enum class Target { none, root_value, id, entry };
    struct Frame {  // an open array or object, for JSON Pointers (first reading only)
        bool array = false;
        std::size_t index = none;  // of the array's current value
        std::string key;           // of the object's current value
        std::size_t keys = 0;      // where the object's key hashes start in key_hashes_
        // Of an object with many keys: their hashes, so that each new one is not compared
        // with every one before it.
        std::unique_ptr<std::unordered_set<std::uint64_t>> many;
    };

    bool building() const { return target_ != Target::none; }

    // A value starts, `depth_` containers deep: decide whether it is built, and for whom.
    void begins(bool container, bool array) {
        if (out_ && !frames_.empty() && frames_.back().array) ++frames_.back().index;
        if (building()) return;
        switch (depth_) {
            case 0:
                if (out_) out_->object = container && !array;
                return;
            case 1: {
                const auto found = std::find(lists_.begin(), lists_.end(), std::string_view(root_key_));
                list_ = found == lists_.end() ? none : static_cast<std::size_t>(found - lists_.begin());
                const std::size_t writing = list_ == none ? 0 : written_[list_]++;
                if (list_ != none && array) {
                    entry_ = 0;
                    if (out_) {
                        out_->entries[list_].clear();  // a list written twice: the last is kept
                        out_->listed[list_] = writing;
                        out_->root[root_key_] = json::array();
                    } else {
                        streaming_ = plan_->listed[list_] == writing;
                    }
                    return;
                }
                if (out_) {
                    if (list_ != none) out_->listed[list_].reset();
                    start(Target::root_value, {});
                }
                list_ = none;
                return;
            }
            case 2:
                if (list_ == none) return;
                index_ = entry_++;
                if (out_) out_->entries[list_].push_back(ListEntry{container && !array, false, nullptr});
                else if (streaming_) start(Target::entry, &entry_memory_);
                return;
            case 3:
                if (out_ && id_key_) start(Target::id, {});
                id_key_ = false;
                return;
            default: return;
        }
    }

    void start(Target target, json::storage_ptr storage) {
        target_ = target;
        target_depth_ = depth_;
        stack_.reset(std::move(storage));
    }

    bool open(bool array) {
        begins(true, array);
        ++depth_;
        if (out_) frames_.push_back(Frame{array, none, {}, key_hashes_.size(), nullptr});
        return true;
    }

    bool close(bool array, std::size_t n) {
        --depth_;
        if (out_) {
            key_hashes_.resize(frames_.back().keys);
            frames_.pop_back();
        }
        if (building()) {
            if (array) stack_.push_array(n);
            else stack_.push_object(n);
            if (depth_ == target_depth_) finish();
        }
        if (depth_ == 1) list_ = none;
        return true;
    }

    // After a scalar: if it was the whole value being built, that value is done.
    bool ends() {
        if (building() && depth_ == target_depth_) finish();
        return true;
    }

    void finish() {
        const Target target = std::exchange(target_, Target::none);
        json::value v = stack_.release();
        switch (target) {
            case Target::root_value: out_->root[root_key_] = std::move(v); break;
            case Target::id: {
                ListEntry& entry = out_->entries[list_].back();
                entry.has_id = true;
                entry.id = std::move(v);
                break;
            }
            case Target::entry:
                (*visit_)(list_, index_, v);
                v = nullptr;
                entry_memory_.release();  // the next entry reuses the same memory
                break;
            case Target::none: break;
        }
    }

    // E009 without a second scan of the text: the keys of each open object are kept as
    // hashes, and a repeat only raises Outline::repeated_key. The scan that names the repeats
    // and their lines (source_map.hpp) then runs only for a file that may have one.
    void note_key() {
        if (out_->repeated_key) return;
        Frame& f = frames_.back();
        const std::uint64_t h = std::hash<std::string_view>{}(key_);
        const auto begin = key_hashes_.begin() + static_cast<std::ptrdiff_t>(f.keys);
        constexpr std::size_t few = 16;
        if (key_hashes_.size() - f.keys < few) {
            if (std::find(begin, key_hashes_.end(), h) != key_hashes_.end()) out_->repeated_key = true;
            key_hashes_.push_back(h);
            return;
        }
        if (!f.many) f.many = std::make_unique<std::unordered_set<std::uint64_t>>(begin, key_hashes_.end());
        if (!f.many->insert(h).second) out_->repeated_key = true;
    }

    void keep_key(json::string_view s) {
        // Enough of a key to name it; one past limits::string_bytes is refused (E013) anyway.
        if (key_.size() < limits::string_bytes) key_.append(s.data(), std::min(s.size(), limits::string_bytes - key_.size()));
    }

    // The JSON Pointer of the current value; with `key`, of the key being read instead, cut to
    // its first characters.
    std::string pointer(bool key) const {
        std::string p;
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            if (f.array) {
                p += "/" + std::to_string(f.index);
            } else if (key && i + 1 == frames_.size()) {
                std::size_t cut = std::min<std::size_t>(32, key_.size());
                while (cut > 0 && cut < key_.size() && (static_cast<unsigned char>(key_[cut]) & 0xC0) == 0x80) --cut;
                p += "/" + pointer_token(std::string_view(key_).substr(0, cut)) + "...";
            } else {
                p += "/" + pointer_token(f.key);
            }
        }
        return p;
    }

    void too_large(Oversize::What what, std::size_t bytes) {
        if (!out_->oversize) out_->oversize = Oversize{what, pointer(what == Oversize::What::key), bytes};
    }

    gsl::span<const std::string_view> lists_;
    Outline* out_ = nullptr;       // the first reading's result
    const Outline* plan_ = nullptr;  // the second reading's guide
    const Visit* visit_ = nullptr;
    std::vector<std::size_t> written_;  // per list: how often its key has been written so far

    json::value_stack stack_;
    Target target_ = Target::none;
    std::size_t target_depth_ = 0;
    unsigned char buffer_[16384];
    json::monotonic_resource entry_memory_{buffer_, sizeof buffer_};

    std::size_t depth_ = 0;  // arrays and objects open
    std::vector<Frame> frames_;
    std::vector<std::uint64_t> key_hashes_;  // of the open objects' keys, innermost last
    std::string key_, root_key_;
    bool id_key_ = false;    // the value about to start is an entry's "id"
    bool in_string_ = false;
    std::size_t list_ = none;  // the list being read, if any
    bool streaming_ = false;   // its entries go to visit_
    std::size_t entry_ = 0, index_ = 0;
};

template <class... Args>
std::size_t read(std::string_view text, json::error_code& ec, Args&&... args) {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    options.max_depth = limits::depth;
    json::basic_parser<Reader> parser(options, std::forward<Args>(args)...);
    const std::size_t consumed = parser.write_some(true, text.data(), text.size(), ec);
    if (!ec && consumed < text.size()) ec = json::error::extra_data;
    if (!ec) parser.write_some(false, nullptr, 0, ec);
    return consumed;
}

}  // namespace

Outline outline(std::string_view text, gsl::span<const std::string_view> lists, json::error_code& ec,
                std::size_t& consumed) {
    Outline out;
    consumed = read(text, ec, lists, out);
    return out;
}

void for_each_entry(std::string_view text, gsl::span<const std::string_view> lists, const Outline& outline,
                    const Visit& visit) {
    json::error_code ec;
    read(text, ec, lists, outline, visit);
    Ensures(!ec);  // the first reading found none, and parsing is deterministic
}

}  // namespace pbp::detail
