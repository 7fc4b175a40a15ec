/// @file import_ods.hpp
/// @brief England's health and care organisations from the official registers: the NHS
/// Organisation Data Service (ODS) extracts of trusts (etr), CCGs and sub-ICB locations (eccg),
/// GP practices (epraccur) and primary care networks (ePCN), and the ONS lists of ICBs, sub-ICB
/// locations with their NHS England regions, and local authorities, on top of a model of areas
/// (the bundled `england-areas`). The result is one `pbp/1` model: the areas, plus
///
/// - Parliament, the Department of Health and Social Care and NHS England, each accountable to
///   the one before; NHS England's seven regions as `team` bodies of it;
/// - every ICB (`icb`), serving its ICS area (the ONS `E54` code), accountable to NHS England,
///   from 1 July 2022 (Health and Care Act 2022), reporting to its region; its sub-ICB locations
///   as `team` bodies of it, each with its `E38` area as `place`;
/// - every open NHS trust and foundation trust, serving the ICB area the register places it in
///   (column 4: where it is registered, not the reach of its services), accountable to NHS
///   England;
/// - every council from the ONS lower-tier to upper-tier lookup: `county_council` (upper tier
///   only, `E10`), `district_council` (lower tier only, `E07`) and `unitary_authority` (its own
///   upper tier: `E06` unitary, `E08` metropolitan borough, `E09` London borough), each serving
///   its area and accountable to an `electorate` serving the same area;
/// - every open primary care network (`pcn`) and active GP practice (`gp_practice`, epraccur
///   status A, prescribing setting 4): the practice `member_of` its network (dated with the
///   membership's start and end), the ICB `commissions` it (the sub-ICB location in `attrs`).
///   Practices and networks answer to no one: membership and commissioning carry no
///   accountability (SPEC 2.6), so a practice, an independent contractor, is its own terminal.
///
/// ODS codes go in `codes.ods` and are the ids of the organisations and bodies the ODS
/// registers (`QE1`, `00Q`, `RXN`, `U12345`, `P81001`, `Y62`); ONS codes in `codes.ons`.
/// Councils are `council.<ONS code>` and their electorates `electorate.<ONS code>`.
///
/// Where the registers disagree the import says so, never silently; the model is built
/// regardless, and each finding is also written into `attrs.register_findings` of the
/// organisation it is about (when that organisation is in the model):
/// - W601 a practice whose network sits in another sub-ICB location (membership kept);
/// - W602 an active GP practice in no network;
/// - W603 a closed, dormant or proposed code still referenced as open (left out);
/// - W604 a code referenced that its register does not have (left out);
/// - W605 a network partner that epraccur does not list as an active GP practice (left out);
/// - W606 two registers that place one organisation differently (the first named is used);
/// - W607 a practice in more than one network at once (the first is kept);
/// - W608 an open network with no active practice;
/// - W609 register rows outside England (Wales), left out;
/// - W610 a row or value that cannot be read (skipped);
/// - W611 an area the registers name that the areas model lacks (the link is left out);
/// - W612 dates that leave a record no day to exist (an end not after its start): left out.
#pragma once

#include "pbp/diagnostics.hpp"
#include "pbp/model.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pbp {

/// The text of each register the import reads. ODS extracts have no header row (columns by
/// position, as ODS publishes them); the ePCN sheets and the ONS files have one.
struct OdsRegisters {
    std::string etr;               ///< ODS etr: NHS trusts
    std::string eccg;              ///< ODS eccg: CCGs and sub-ICB locations
    std::string epraccur;          ///< ODS epraccur: GP practices and other prescribing cost centres
    std::string pcn_details;       ///< ePCN sheet "PCNDetails", as CSV
    std::string pcn_partners;      ///< ePCN sheet "PCN Core Partner Details", as CSV
    std::string icbs;              ///< ONS ICB names and codes: ICB24CD, ICB24CDH, ICB24NM
    std::string sub_icb_locations; ///< sub-ICB location -> ICB -> NHS England region (SICBL..CD/CDH/NM, ICB..CDH, NHSER_CD/CDH/NM)
    std::string councils;          ///< ONS lower to upper tier local authority lookup: LTLA..CD/NM, UTLA..CD/NM
};

/// The files read_ods_registers() looks for in a folder, in the order of OdsRegisters' fields:
/// for each, the names it accepts (the first that exists is read). The names are those of
/// `data/england/` and, for the ODS extracts, the names ODS publishes them under.
const std::vector<std::vector<std::string>>& ods_register_files();

/// Reads every register from `dir` (see ods_register_files()).
/// @throws IoError when `dir` does not exist or is not a directory, or naming the file (and the
/// names tried) when one is missing or unreadable.
OdsRegisters read_ods_registers(const std::filesystem::path& dir);

/// The areas model `pbp import-ods` builds on when it is given none: the bundled map of England.
inline constexpr std::string_view ods_default_areas = "england-areas";
/// The name `pbp import-ods` gives the model when it is given none.
inline constexpr std::string_view ods_default_model_name = "England's health and care organisations";

/// What import_ods() produced.
struct ImportedOrganisations {
    /// `{"format": "pbp/1", "name", "areas", "organisations", "bodies", "relations"}`: the
    /// areas of the areas model unchanged, then what the registers hold. It loads and validates
    /// with no error whenever the areas model does.
    boost::json::object model;
    /// Where the registers disagree, and what could not be read (W601-W612).
    Diagnostics findings;
    /// How many organisations of each kind were written.
    std::map<std::string, std::size_t> organisations;
    std::size_t bodies = 0;     ///< regions and sub-ICB locations
    std::size_t relations = 0;  ///< relations written
};

/// Builds England's organisations from the registers, on the areas of `areas` (its `areas`
/// section is copied; anything else in it is ignored).
/// @param name the model's name.
/// @throws InvalidArgument when a register with a header lacks a column the import needs, or a
///         quoted field is never closed.
ImportedOrganisations import_ods(const OdsRegisters& registers, const Model& areas, std::string name);

}  // namespace pbp
