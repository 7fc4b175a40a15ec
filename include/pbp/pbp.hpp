/// @file pbp.hpp
/// @brief Everything in the pbp C++ library, in one include.
///
/// @mainpage pbp: place-based partnerships, modelled
///
/// pbp models how England's health and care place-based partnerships are governed and funded,
/// and answers the questions governance officers, analysts and auditors ask of them.
///
/// Data flows one way: text -> load_model() (load.hpp) -> an immutable Model (model.hpp, with
/// one typed Boost.Graph, graph.hpp) -> queries, each a pure function of `const Model&` and an
/// optional as-of date -> result values with `to_json()`:
/// - who answers to whom: accountability() (accountability.hpp);
/// - who decides and who may approve: decides(), authority() (delegation.hpp), designation()
///   (designation.hpp), diff() (diff.hpp);
/// - money: Money and rounding (money.hpp), allocate() (allocate.hpp), balances() and trace()
///   (flows.hpp), fair_shares() (fair_shares.hpp);
/// - geography: footprints and coterminosity() (geography.hpp), import_areas() (import_areas.hpp),
///   partners() (partners.hpp);
/// - England's organisations from the official registers: import_ods() (import_ods.hpp);
/// - validate() (validate.hpp), report() (report.hpp), to_dot()/to_graphml() (export.hpp),
///   maturity() (maturity.hpp).
///
/// The C API (pbp/pbp.h) is the stable interface for other languages; the C++ API may change
/// between minor versions. User documentation is in the project's docs/ folder.
#pragma once

#include "pbp/accountability.hpp"
#include "pbp/allocate.hpp"
#include "pbp/bundled.hpp"
#include "pbp/date.hpp"
#include "pbp/delegation.hpp"
#include "pbp/designation.hpp"
#include "pbp/diagnostics.hpp"
#include "pbp/diff.hpp"
#include "pbp/error.hpp"
#include "pbp/export.hpp"
#include "pbp/fair_shares.hpp"
#include "pbp/flows.hpp"
#include "pbp/footprint_cache.hpp"
#include "pbp/geography.hpp"
#include "pbp/graph.hpp"
#include "pbp/import_areas.hpp"
#include "pbp/import_ods.hpp"
#include "pbp/load.hpp"
#include "pbp/maturity.hpp"
#include "pbp/model.hpp"
#include "pbp/money.hpp"
#include "pbp/partners.hpp"
#include "pbp/report.hpp"
#include "pbp/report_html.hpp"
#include "pbp/validate.hpp"
#include "pbp/version.hpp"
