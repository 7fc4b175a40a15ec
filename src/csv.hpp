// Reading the CSV files the national registers come in (ONS lookups, NHS ODS extracts): shared
// by import_areas.cpp and import_ods.cpp. Internal to the library: not installed.
#pragma once

#include "pbp/diagnostics.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pbp::detail {

struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;  ///< where the record starts (1-based)
};

/// Splits CSV text into records (RFC 4180): fields separated by commas, optionally quoted with
/// `"` (a doubled `""` inside quotes is one quote; quoted fields may hold commas and line
/// breaks), lines ending in LF, CRLF or CR; a leading UTF-8 byte order mark is dropped; blank
/// lines are skipped.
/// @param what names the file in the message of the exception.
/// @throws InvalidArgument when a quoted field is never closed.
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& what);

/// `s` without leading and trailing white space.
std::string trim(std::string_view s);

/// `s` in upper case (ASCII).
std::string upper(std::string_view s);

/// The first `most` of `v`, comma separated, then "and N more" for the rest.
std::string list_some(const std::vector<std::string>& v, std::size_t most = 10);

/// The whole of a file. @throws IoError naming the file when it cannot be read.
std::string read_text_file(const std::filesystem::path& p);

/// A finding of an import (import-areas, import-ods): the code's severity, and the CSV line it
/// was found on (column 1) when there is one (`line` 0: none).
Diagnostic finding(std::string code, std::string message, std::vector<std::string> ids, std::size_t line = 0);

}  // namespace pbp::detail
