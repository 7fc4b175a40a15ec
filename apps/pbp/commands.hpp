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
Command decides_command();
Command authority_command();
Command designation_command();
Command diff_command();
Command export_command();
Command balances_command();
Command trace_command();
Command allocate_command();
Command coterminosity_command();
Command fair_shares_command();
Command import_areas_command();
Command import_ods_command();
Command partners_command();
Command maturity_command();
Command boundaries_command();

}  // namespace pbp::cli
