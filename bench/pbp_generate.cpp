// Writes a generated England-size model to standard output.
// usage: pbp_generate [COPIES]   (1 = one England, ~43,000 entities; 23 = about a million)
#include "england_generator.hpp"

#include <boost/json.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    pbp::bench::EnglandShape shape;
    if (argc > 1) shape.copies = std::max(1, std::atoi(argv[1]));
    std::cout << boost::json::serialize(pbp::bench::generate_england(shape)) << "\n";
}
