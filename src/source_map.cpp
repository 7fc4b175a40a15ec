#include "source_map.hpp"

namespace pbp::detail {
namespace {

class Scanner {
public:
    Scanner(std::string_view s, std::unordered_map<std::string, SourcePosition>* out,
            const std::unordered_set<std::string>* wanted, std::vector<DuplicateKey>* duplicates)
        : s_(s), out_(out), wanted_(wanted), duplicates_(duplicates) {}

    // Walks one value. `record`: this value's pointer may be wanted (its ancestors were), so
    // the pointer is built from the token stack and looked up; a subtree holding nothing
    // wanted is skipped without building pointers. The token stack is kept only while it can
    // be needed: for wanted pointers, or for naming duplicate keys.
    void value(int depth, bool record) {
        skip_space();
        if (i_ >= s_.size() || depth > 512) return;
        if (record && out_) {
            std::string path = current_path();
            record = wanted_->count(path) > 0;
            if (record) out_->emplace(std::move(path), SourcePosition{line_, col_});
        } else {
            record = false;
        }
        const bool track = record || duplicates_;
        char c = s_[i_];
        if (c == '{') {
            advance();
            std::unordered_map<std::string, SourcePosition> keys;  // where each key was first written
            while (true) {
                skip_space();
                if (i_ >= s_.size()) return;
                if (s_[i_] == '}') { advance(); return; }
                if (s_[i_] == ',') { advance(); continue; }
                SourcePosition at{line_, col_};
                std::string key = string_token();
                skip_space();
                if (i_ < s_.size() && s_[i_] == ':') advance();
                if (duplicates_) {
                    auto [first, fresh] = keys.emplace(key, at);
                    if (!fresh) duplicates_->push_back({current_path() + "/" + pointer_token(key), key, at, first->second});
                }
                if (track) stack_.push_back(pointer_token(key));
                value(depth + 1, record);
                if (track) stack_.pop_back();
            }
        } else if (c == '[') {
            advance();
            std::size_t n = 0;
            while (true) {
                skip_space();
                if (i_ >= s_.size()) return;
                if (s_[i_] == ']') { advance(); return; }
                if (s_[i_] == ',') { advance(); continue; }
                if (track) stack_.push_back(std::to_string(n));
                value(depth + 1, record);
                if (track) stack_.pop_back();
                ++n;
            }
        } else if (c == '"') {
            string_token();
        } else {
            while (i_ < s_.size() && !is_delimiter(s_[i_])) advance();
        }
    }

private:
    static bool is_delimiter(char c) {
        return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/';
    }
    void advance() {
        unsigned char c = static_cast<unsigned char>(s_[i_++]);
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            ++col_;
        }
    }
    void skip_space() {
        while (i_ < s_.size()) {
            char c = s_[i_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
                while (i_ < s_.size() && s_[i_] != '\n') advance();
            } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
                advance();
                advance();
                while (i_ < s_.size() && !(s_[i_] == '*' && i_ + 1 < s_.size() && s_[i_ + 1] == '/')) advance();
                if (i_ < s_.size()) { advance(); advance(); }
            } else {
                return;
            }
        }
    }
    static void put_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    unsigned hex4() {
        unsigned v = 0;
        for (int k = 0; k < 4 && i_ < s_.size(); ++k) {
            char h = s_[i_];
            v = v * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
            advance();
        }
        return v;
    }
    // Reads a string token starting at '"' and returns its decoded text.
    std::string string_token() {
        std::string out;
        if (i_ >= s_.size() || s_[i_] != '"') return out;
        advance();
        while (i_ < s_.size() && s_[i_] != '"') {
            if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
                advance();
                char e = s_[i_];
                advance();
                switch (e) {
                    case 'n': out += '\n'; break;
                    case 't': out += '\t'; break;
                    case 'r': out += '\r'; break;
                    case 'b': out += '\b'; break;
                    case 'f': out += '\f'; break;
                    case 'u': {
                        unsigned cp = hex4();
                        if (cp >= 0xD800 && cp < 0xDC00 && i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
                            advance();
                            advance();
                            unsigned lo = hex4();
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        }
                        put_utf8(out, cp);
                        break;
                    }
                    default: out += e;
                }
            } else {
                out += s_[i_];
                advance();
            }
        }
        if (i_ < s_.size()) advance();
        return out;
    }

    std::string_view s_;
    std::string current_path() const {
        std::string p;
        for (const std::string& t : stack_) p += "/" + t;
        return p;
    }

    std::unordered_map<std::string, SourcePosition>* out_;
    const std::unordered_set<std::string>* wanted_;
    std::vector<DuplicateKey>* duplicates_;
    std::vector<std::string> stack_;
    std::size_t i_ = 0;
    int line_ = 1, col_ = 1;
};

// Shortens JSON Pointer `p` to its parent's ("/a/0" -> "/a" -> ""); false, leaving `p` as it
// is, for the whole document ("") and for text that is not a pointer (no leading '/').
bool to_parent(std::string& p) {
    if (p.empty() || p.front() != '/') return false;
    p.erase(p.rfind('/'));
    return true;
}

}  // namespace

std::unordered_map<std::string, SourcePosition> map_positions(std::string_view text,
                                                              const std::vector<std::string>& wanted) {
    std::unordered_set<std::string> prefixes;
    for (const std::string& w : wanted) {
        std::string p = w;
        while (prefixes.insert(p).second && to_parent(p)) continue;
    }
    std::unordered_map<std::string, SourcePosition> out;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Scanner(text, &out, &prefixes, nullptr).value(0, true);
    return out;
}

void locate(std::vector<Diagnostic>& ds, std::string_view text) {
    if (text.empty()) return;
    std::vector<std::string> wanted;
    for (const Diagnostic& d : ds)
        if (!d.line) wanted.push_back(d.path);
    if (wanted.empty()) return;
    const auto found = map_positions(text, wanted);
    for (Diagnostic& d : ds) {
        if (d.line) continue;
        // A pointer to a missing key falls back to its nearest located ancestor.
        std::string p = d.path;
        while (true) {
            auto it = found.find(p);
            if (it != found.end()) {
                d.line = it->second.line;
                d.column = it->second.column;
                break;
            }
            if (!to_parent(p)) break;
        }
    }
}

std::vector<DuplicateKey> duplicate_keys(std::string_view text) {
    std::vector<DuplicateKey> out;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Scanner(text, nullptr, nullptr, &out).value(0, false);
    return out;
}

SourcePosition position_of(std::string_view text, std::size_t offset) {
    SourcePosition p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

}  // namespace pbp::detail
