// Fuzz target: raw bytes through load_model() and validate() (docs/fuzzing.md).
//
// Besides "no crash, no sanitizer report", it checks what the loader promises (load.hpp,
// diagnostics.md): only E001, E002 or a limit (E010-E013) leave no model; every diagnostic has
// a code, a message and, when located, a position from line 1 column 1; validate() starts
// with the load diagnostics; and saving the model and loading the result gives a model with the
// same entities and relations; and the quick reading (src/load_clean.hpp) gives exactly what
// the full reading alone gives, model and diagnostics (tests/model_dump.hpp).
#include "fuzz_support.hpp"
#include "load_clean.hpp"
#include "model_dump.hpp"

#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {
bool fatal_code(const std::string& c) {
    return c == "E001" || c == "E002" || c == "E010" || c == "E011" || c == "E012" || c == "E013";
}

void check_diagnostic(const pbp::Diagnostic& d) {
    PBP_FUZZ_CHECK(d.code.size() == 4 && (d.code[0] == 'E' || d.code[0] == 'W'));
    PBP_FUZZ_CHECK(d.severity == pbp::severity_of(d.code));
    PBP_FUZZ_CHECK(!d.message.empty());
    PBP_FUZZ_CHECK(d.line.has_value() == d.column.has_value());
    if (d.line) PBP_FUZZ_CHECK(*d.line >= 1 && *d.column >= 1);
    (void)pbp::to_json(d);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const pbp::LoadResult r = pbp::load_model(text);
    PBP_FUZZ_CHECK(pbp::test::dump(r) == pbp::test::dump(pbp::detail::load_model_in_full(text)));
    for (const auto& d : r.diagnostics) check_diagnostic(d);
    if (!r.model) {
        PBP_FUZZ_CHECK(r.diagnostics.size() == 1 && fatal_code(r.diagnostics[0].code));
        return 0;
    }
    for (const auto& d : r.diagnostics) PBP_FUZZ_CHECK(!fatal_code(d.code));

    const pbp::Diagnostics all = pbp::validate(*r.model);
    PBP_FUZZ_CHECK(all.size() >= r.diagnostics.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        check_diagnostic(all[i]);
        if (i < r.diagnostics.size()) PBP_FUZZ_CHECK(all[i].code == r.diagnostics[i].code);
    }
    (void)pbp::to_json(all);

    // Round trip (load.hpp: "Loading the result gives an equal model").
    const std::string saved = pbp::save_model(*r.model);
    const pbp::LoadResult again = pbp::load_model(saved);
    PBP_FUZZ_CHECK(again.model != nullptr);
    const pbp::Model& a = *r.model;
    const pbp::Model& b = *again.model;
    PBP_FUZZ_CHECK(a.name == b.name);
    PBP_FUZZ_CHECK(a.entities.size() == b.entities.size());
    for (std::size_t i = 0; i < a.entities.size(); ++i) PBP_FUZZ_CHECK(a.entities[i].id == b.entities[i].id);
    PBP_FUZZ_CHECK(a.relations.size() == b.relations.size());
    PBP_FUZZ_CHECK(a.flows.size() == b.flows.size());
    PBP_FUZZ_CHECK(a.assessments.size() == b.assessments.size());
    return 0;
}
