// pbp: the command-line face of the library (SPEC 4.1).
#include "commands.hpp"

#include "pbp/error.hpp"
#include "pbp/version.hpp"

#include <exception>
#include <iostream>

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
    os << "\nCommon options: --json (machine output), --as-of YYYY-MM-DD, --force (query a model with "
          "errors), --help.\nExit status: 0 success, 1 the model has errors, 2 usage, I/O or parse failure.\n"
          "Run 'pbp COMMAND --help' for a command's own help.\n";
}
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        usage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "pbp " << pbp::version() << "\n";
        return 0;
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
    try {
        Args parsed = parse_args(std::vector<std::string>(args.begin() + 1, args.end()), cmd->options);
        if (parsed.has("help")) {
            std::cout << cmd->help;
            return 0;
        }
        return cmd->run(parsed);
    } catch (const Exit& e) {
        return e.status;
    } catch (const UsageError& e) {
        std::cerr << "pbp " << cmd->name << ": " << e.what() << "\n(see 'pbp " << cmd->name << " --help')\n";
        return 2;
    } catch (const pbp::InvalidArgument& e) {
        std::cerr << "pbp " << cmd->name << ": " << e.what() << "\n";
        return 2;
    } catch (const pbp::Error& e) {
        std::cerr << "pbp " << cmd->name << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "pbp " << cmd->name << ": internal error: " << e.what() << "\n";
        return 2;
    }
}
