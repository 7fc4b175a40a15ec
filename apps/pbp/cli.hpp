// The pbp command line: argument parsing and what every command shares. No query logic here:
// commands call the library and print its results.
#pragma once

#include "pbp/date.hpp"
#include "pbp/diagnostics.hpp"
#include "pbp/geography.hpp"
#include "pbp/load.hpp"
#include "pbp/money.hpp"

#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pbp::cli {

/// A mistake in how pbp was called (exit status 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Ends the command with this exit status (after it has printed what it must).
struct Exit {
    int status;
};

/// One option a command accepts. Every command takes --help; --json, --as-of and --force are
/// common to many commands, but each command lists the ones it takes (`{"json", false}`,
/// `{"as-of"}`, `{"force", false}`): an option a command would ignore is refused, not accepted
/// and silently dropped (a --json that prints text, an --as-of that changes nothing).
struct OptionSpec {
    std::string name;  ///< without the leading "--"
    bool takes_value = true;
    char short_name = 0;  ///< a one-letter alias (`'o'` lets `-o OUT` mean `--output OUT`); 0 = none
};

/// A parsed command line.
struct Args {
    std::vector<std::string> operands;
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    bool takes_force = false;  ///< the command takes --force (open_model's refusal suggests it)

    [[nodiscard]] bool has(const std::string& name) const { return flags.count(name) || values.count(name); }
    [[nodiscard]] std::optional<std::string> get(const std::string& name) const;
    /// The option's value. @throws UsageError naming the option when it is missing.
    [[nodiscard]] std::string require(const std::string& name) const;
    /// --as-of, parsed. @throws UsageError when it is not a date.
    [[nodiscard]] std::optional<Date> as_of() const;
    [[nodiscard]] bool json() const { return has("json"); }
};

/// Parses `argv` after the name of `command`. Options may come before or after operands; `--`
/// ends options; an operand that looks like a number (`-10.00`) is an operand even with a
/// leading `-` (SPEC 2.6.10). @throws UsageError for an option `options` does not list (naming
/// the command when it is one of the common ones), and for an --as-of that is not a date.
Args parse_args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& options,
                std::string_view command);

/// A model opened for a command.
struct OpenModel {
    std::shared_ptr<const Model> model;
    Diagnostics diagnostics;  ///< everything validate() finds
};

/// Reads the model named by `operand` (a path, `-` for standard input, or the name of a bundled
/// model) without validating it: no model, with the diagnostic, when it cannot be loaded (E001,
/// E002, E010-E014). @throws IoError when there is nothing of that name to read, or it is a
/// directory, or it cannot be read.
LoadResult load_operand(const std::string& operand);

/// Tells, on standard error, why the model named by `operand` could not be loaded.
void print_load_failure(const std::string& operand, const Diagnostics& diagnostics);

/// Opens the model named by `operand` (a path, `-` for standard input, or the name of a bundled
/// model) and validates it. Without `--force`, a model with errors is refused: its diagnostics
/// are printed to standard error and the command exits 1. Unreadable or unparsable files exit 2.
OpenModel open_model(const std::string& operand, const Args& args, bool refuse_errors = true);

/// Keeps `m` until the process ends instead of freeing it: a command about to exit need not
/// walk a model of a million entities to hand its memory back one block at a time. Under
/// AddressSanitizer the model is freed as usual, so that leak checking sees every other block.
void keep_until_exit(OpenModel&& m);

/// Prints a JSON document on standard output, indented.
void print_json(const boost::json::value& v);

/// Prints JSON values as JSON Lines: each compact, on a line of its own (the batch commands'
/// output, which a reader can consume one answer at a time).
void print_json_line(const boost::json::value& v);

/// The ids of a list file (`--nodes FILE`, `--places FILE`): one id per line (`-`: standard
/// input); blank lines and lines starting with `#` are skipped. Read before the model is opened,
/// so that a model read from standard input is refused with a clear message.
struct IdList {
    std::string source;  ///< the file's name, or "standard input"
    std::vector<std::pair<int, std::string>> lines;  ///< line number and id
};
/// A UTF-8 byte order mark at the start is skipped.
/// @throws IoError when the file is a directory or cannot be read; UsageError when it and the
/// model are both `-`.
IdList read_id_list(const std::string& path, const std::string& model_operand);
/// The entities named in `list`, every one checked before any is answered. With `section`, each
/// must be an entity of that section; `not_that` says what it is then ("is not an area, so it
/// cannot be a place"). @throws InvalidArgument naming the line of the first id that is not in
/// the model on that day, or not of `section`.
std::vector<Index> resolve(const IdList& list, const Model& m, std::optional<Date> as_of,
                           std::optional<Section> section = std::nullopt, std::string_view not_that = {});

/// Prints diagnostics to a stream, one per line, for people.
void print_diagnostics(std::ostream& os, const Diagnostics& ds);

/// The last step of an import command (`import-areas`, `import-ods`). The model it built, as
/// JSON `text`, must load and validate with no error (SPEC 1.4: checked, not trusted): when it
/// does not, the errors go to standard error and the command exits 1 (Exit). The importer's
/// `findings` go to standard error as "<command>: N <noun>s <about>:". The text is then written
/// to --output, returning true (the caller says what it wrote), or to standard output (false).
/// @throws IoError when --output cannot be written.
bool write_imported(const std::string& command, const std::string& text, const Diagnostics& findings,
                    const std::string& noun, const std::string& about, const Args& args);

/// Parses a money operand strictly (SPEC 1.3). @throws UsageError naming the option, saying
/// whether the text is not an amount or an amount out of range (past 2^127 - 1 pence).
Money parse_money_arg(const std::string& text, const std::string& what);

/// The areas option `--NAME` names (`--a`, `--parts`, `--kind`, ...): an area kind or area ids
/// separated by commas, kept to those within `--within` when that is given.
/// @throws UsageError naming the option when it is missing, empty or malformed.
AreaSelection area_option(const Args& args, const std::string& name);

/// Parses a weight, a plain decimal such as 3 or 0.25 (parse_decimal()). @throws UsageError
/// naming the weight, saying whether it is not a number or has too many digits.
Ratio parse_weight_arg(const std::string& text, const std::string& what);

/// The columns UTF-8 text takes on a terminal: its code points, not its bytes (the pound sign
/// of every amount is two bytes and one column).
std::size_t display_width(std::string_view text);

/// `text` followed (pad_right) or preceded (pad_left) by spaces up to `columns` display
/// columns; unchanged when it is as wide already. For the CLI's text tables.
std::string pad_right(std::string_view text, std::size_t columns);
std::string pad_left(std::string_view text, std::size_t columns);

}  // namespace pbp::cli
