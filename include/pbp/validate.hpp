/// @file validate.hpp
/// @brief Every check of SPEC section 3 over a loaded model.
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

namespace pbp {

/// All diagnostics for the model: those found while loading (E003-E009, W009, E015-E017) followed by the
/// geography (W010, E206, E207), accountability (E101, W102), delegation and law (E103-E105,
/// E201-E205), money (E301-E304, W305) and committee (E401, W402) rules.
/// Never throws for bad content. Thread-safe. For a model of 10,000 entities or more the
/// geography rules run on a second thread while the calling one runs the others (the order of
/// the diagnostics is the same either way); where no thread can be started, all run on the
/// calling one.
Diagnostics validate(const Model& m);

/// `{"diagnostics": [...], "errors": n, "warnings": n}` as `pbp validate --json` prints it.
boost::json::object to_json(const Diagnostics& ds);
/// One diagnostic as JSON: code, severity, message, ids, path, line, column (null when unknown).
boost::json::object to_json(const Diagnostic& d);

}  // namespace pbp
