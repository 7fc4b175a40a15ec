// pbp: the command-line face of the library (SPEC 4.1).
#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/version.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

using namespace pbp::cli;

namespace {
std::vector<Command> commands() {
    return {
        report_command(),
        validate_command(),
        accountability_command(),
        decides_command(),
        authority_command(),
        designation_command(),
        diff_command(),
        export_command(),
        balances_command(),
        trace_command(),
        allocate_command(),
        coterminosity_command(),
        boundaries_command(),
        fair_shares_command(),
        partners_command(),
        import_areas_command(),
        import_ods_command(),
        maturity_command(),
    };
}

void usage(std::ostream& os) {
    os << "usage: pbp COMMAND [MODEL] [OPTIONS]\n\n"
          "Governance, decisions and money of England's place-based health and care partnerships.\n"
          "MODEL is a pbp/1 JSON file, '-' for standard input, or the name of a bundled model\n"
          "(e.g. nottinghamshire).\n\ncommands:\n";
    for (const auto& c : commands()) {
        std::string name(c.name);
        name.resize(16, ' ');
        os << "  " << name << c.summary << "\n";
    }
    os << "\nCommon options, for the commands whose help lists them: --json (machine output), --as-of\n"
          "YYYY-MM-DD (the model on one day), --force (query a model with errors). Every command takes --help.\n"
          "Exit status: 0 success, 1 the model has errors, 2 usage, I/O or parse failure.\n"
          "Run 'pbp COMMAND --help' or 'pbp help COMMAND' for a command's own help.\n";
}

// What was written to standard output must have reached it: a full disk (`> /dev/full`), a
// closed descriptor (`>&-`) or a failing pipe is an I/O failure (exit 2), never a silent 0 with
// the answer lost. Standard output is buffered, so a failure may show while a command prints or
// only when it is flushed at the end; this buffer, put in front of std::cout's own, keeps the
// reason (errno) of the first one, which later calls would overwrite.
class CheckedOutput : public std::streambuf {
public:
    explicit CheckedOutput(std::streambuf* out) : out_(out) {}
    CheckedOutput(const CheckedOutput&) = delete;
    CheckedOutput& operator=(const CheckedOutput&) = delete;
    ~CheckedOutput() override { std::cout.rdbuf(out_); }  // std::cout is flushed after main() returns
    /// Flushes and gives std::cout its own buffer back (this one does not outlive main()). The
    /// errno of the first failed write (-1 when it did not say), or 0 if none failed.
    int finish() {
        sync();
        std::cout.rdbuf(out_);
        return error_;
    }

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return sync() == 0 ? traits_type::not_eof(c) : c;
        errno = 0;
        const int_type r = out_->sputc(traits_type::to_char_type(c));
        if (traits_type::eq_int_type(r, traits_type::eof())) failed();
        return r;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        errno = 0;
        const std::streamsize r = out_->sputn(s, n);
        if (r < n) failed();
        return r;
    }
    int sync() override {
        errno = 0;
        const int r = out_->pubsync();
        if (r != 0 || std::ferror(stdout)) failed();
        return r;
    }

private:
    void failed() {
        if (!error_) error_ = errno ? errno : -1;
    }
    std::streambuf* out_;
    int error_ = 0;
};

int finish(CheckedOutput& out, int status, const std::string& who) {
    const int error = out.finish();
    if (!error && std::cout.good()) return status;
    std::cerr << who << ": cannot write to standard output: "
              << (error > 0 ? std::strerror(error) : "the output was cut short") << "\n";
    return 2;
}

int run(const Command& cmd, const std::vector<std::string>& args) {
    try {
        Args parsed = parse_args(std::vector<std::string>(args.begin() + 1, args.end()), cmd.options, cmd.name);
        if (parsed.has("help")) {
            std::cout << cmd.help;
            return 0;
        }
        return cmd.run(parsed);
    } catch (const Exit& e) {
        return e.status;
    } catch (const UsageError& e) {
        std::cerr << "pbp " << cmd.name << ": " << e.what() << "\n(see 'pbp " << cmd.name << " --help')\n";
        return 2;
    } catch (const pbp::InvalidArgument& e) {
        std::cerr << "pbp " << cmd.name << ": " << e.what() << "\n";
        return 2;
    } catch (const pbp::Error& e) {
        std::cerr << "pbp " << cmd.name << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "pbp " << cmd.name << ": internal error: " << e.what() << "\n";
        return 2;
    }
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    CheckedOutput out(std::cout.rdbuf());
    std::cout.rdbuf(&out);
    // `pbp help COMMAND` is `pbp COMMAND --help`.
    if (args.size() == 2 && args[0] == "help") args = {args[1], "--help"};
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? std::cerr : std::cout);
        return finish(out, args.empty() ? 2 : 0, "pbp");
    }
    if (args[0] == "--version") {
        std::cout << "pbp " << pbp::version() << "\n";
        return finish(out, 0, "pbp");
    }
    const auto all = commands();
    const Command* cmd = nullptr;
    for (const auto& c : all)
        if (c.name == args[0]) cmd = &c;
    if (!cmd) {
        std::cerr << "pbp: unknown command '" << args[0] << "'\n\n";
        usage(std::cerr);
        return 2;
    }
    return finish(out, run(*cmd, args), "pbp " + std::string(cmd->name));
}
