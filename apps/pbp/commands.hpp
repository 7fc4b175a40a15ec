// Every pbp command. To add one: write cmd_<name>.cpp defining a `Command <name>_command()`,
// declare it here and list it in main.cpp's table.
#pragma once

#include "cli.hpp"

#include <string_view>
#include <vector>

namespace pbp::cli {

struct Command {
    std::string_view name;
    std::string_view summary;  ///< one line for `pbp --help`
    std::string_view help;     ///< the whole of `pbp NAME --help`
    std::vector<OptionSpec> options;
    int (*run)(const Args&);
};

Command report_command();
Command validate_command();
Command accountability_command();
Command export_command();

}  // namespace pbp::cli
