/// @file import_areas.hpp
/// @brief Building a `pbp/1` model of areas from the lookup tables the Office for National
/// Statistics publishes (SPEC 1.4): one row per leaf area (an LSOA, say), one group of columns
/// per level of geography above it (`LAD24CD`, `LAD24NM`, `ICB24CD`, `ICB24CDH`, ...).
///
/// Problems in the input are reported as diagnostics, never silently resolved:
/// - W501 rows that disagree (one code with two names or ODS codes, one leaf with two sets of
///   parent areas, one leaf with two populations); the first is kept.
/// - W502 a row or value that cannot be read and is skipped (a wrong number of fields, an empty
///   or malformed code, a population that is not a whole number).
/// - W503 leaves the population file lacks (they get no population).
/// - W504 codes in the population file that are not leaves of the lookup (ignored).
/// - W505 a column that names a level of geography pbp does not know (ignored).
/// Each carries the CSV line it was found on (header = line 1) where there is one.
#pragma once

#include "pbp/diagnostics.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace pbp {

/// What import_areas() produced.
struct ImportedAreas {
    /// The model: `{"format": "pbp/1", "name", "areas": [...]}`, areas ordered from the highest
    /// kind (country) down to the leaves, each kind by id. It loads and validates with no error.
    boost::json::object model;
    /// Problems found in the input (W501-W505); the model is built regardless.
    Diagnostics findings;
    std::size_t areas = 0;      ///< number of areas written
    std::size_t leaves = 0;     ///< number of leaf areas (distinct codes of the first level)
    std::size_t populated = 0;  ///< leaves given a population
};

/// Builds a model of areas from the text of an ONS-style lookup table (SPEC 1.4).
///
/// Levels are named by their columns `<LEVEL><YY>CD` (required), `<LEVEL><YY>NM` and
/// `<LEVEL><YY>CDH` (ODS code), any two-digit year (or none, `NHSER_CD`), any letter case. The
/// first level in the header is the leaf level. Levels and the kinds they become: LSOA, OA, DZ
/// -> lsoa; MSOA, SICBL, CCG -> unit; WD -> ward; LAD, LTLA -> district; UTLA, CTY, CTYUA ->
/// local_authority; ICB, STP -> ics; NHSER, RGN -> region; CTRY -> country. Each distinct code
/// is one area (`id` and `codes.ons` = the code, `name` from NM, `codes.ods` from CDH,
/// `attrs.level`); a code at two levels is one area of the higher level's kind. Each leaf is
/// `within` every other area on its row; other areas get no `within`.
///
/// A UTF-8 byte order mark, quoted fields (RFC 4180), CRLF line ends and other columns are
/// accepted.
///
/// @param lookup_csv the lookup table's text.
/// @param population_csv optionally, a CSV whose first column holds leaf codes and which has a
///        column named (ignoring case, spaces and underscores) `population`, `total_population`,
///        `total`, `all_ages` or `obs_value`, tried in that order.
/// @param name the model's name.
/// @throws InvalidArgument when the lookup has no header or no `<LEVEL><YY>CD` column of a known
///         level, a level has names but no codes, a quoted field is never closed, or the
///         population file has no population column.
ImportedAreas import_areas(std::string_view lookup_csv, std::optional<std::string_view> population_csv,
                           std::string name);

/// Same, reading the files. The model's name defaults to "Areas from <lookup file name>".
/// @throws IoError when a file cannot be read or is a directory; InvalidArgument as import_areas().
ImportedAreas import_areas_files(const std::filesystem::path& lookup,
                                 const std::optional<std::filesystem::path>& population,
                                 std::optional<std::string> name = std::nullopt);

}  // namespace pbp
