// Who decides PCN development in Bassetlaw, and who answers for it? Asked of the bundled
// Nottingham and Nottinghamshire model through the C++ library (pbp::pbp).
//
// Build against an installed pbp: find_package(pbp CONFIG REQUIRED), link pbp::pbp (see
// CMakeLists.txt here).
#include <pbp/bundled.hpp>
#include <pbp/delegation.hpp>
#include <pbp/error.hpp>
#include <pbp/load.hpp>
#include <pbp/validate.hpp>

#include <iostream>
#include <string>

namespace {
/// "Name (id)" for people reading the answer.
std::string label(const pbp::Model& m, const std::string& id) {
    const pbp::Entity& e = m.at(*m.find(id));
    return e.name == e.id ? e.id : e.name + " (" + e.id + ")";
}
}  // namespace

int main() {
    try {
        const pbp::LoadResult loaded = pbp::load_model(*pbp::bundled_model("nottinghamshire"));
        if (!loaded.model) {
            std::cerr << "who_decides: the bundled model does not load\n";
            return 1;
        }
        const pbp::Model& m = *loaded.model;
        // Queries answer a model with errors too; the command line and the bindings refuse it
        // unless forced. Here the bundled model is expected to be clean.
        if (pbp::count_errors(pbp::validate(m)) > 0) std::cerr << "who_decides: warning: the model has errors\n";

        const pbp::Decision d = pbp::decides(m, "fn.pcn-development", "place.bassetlaw");
        std::cout << "Who decides PCN development in Bassetlaw, and who answers for it?\n\n"
                  << "Decided by " << label(m, d.decision_maker);
        if (d.limit) std::cout << ", up to " << d.limit->to_display() << " a commitment";
        std::cout << ".\nThe function is held in law by " << label(m, d.holder) << ".\n\nDelegated:\n";
        for (const auto& id : d.delegation_chain) std::cout << "  " << label(m, id) << "\n";
        std::cout << "\nWho answers for it (delegation never moves accountability):\n";
        for (const auto& id : d.accountability_chain) std::cout << "  " << label(m, id) << "\n";
        return 0;
    } catch (const pbp::Error& e) {
        std::cerr << "who_decides: " << e.what() << "\n";
        return 1;
    }
}
