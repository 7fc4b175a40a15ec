/// @file version.hpp
/// @brief The library's version, as compile-time macros and at run time.
#pragma once

#define PBP_VERSION_MAJOR 0
#define PBP_VERSION_MINOR 1
#define PBP_VERSION_PATCH 0
/// One integer that orders versions: major * 10000 + minor * 100 + patch.
#define PBP_VERSION_NUMBER (PBP_VERSION_MAJOR * 10000 + PBP_VERSION_MINOR * 100 + PBP_VERSION_PATCH)

namespace pbp {
/// The version of the library actually linked, as "MAJOR.MINOR.PATCH" (may differ from the
/// header's macros when a binding loads a newer shared library).
const char* version() noexcept;
}  // namespace pbp
