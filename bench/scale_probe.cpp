// Loads one (large) model and reports, phase by phase, the time taken and the memory held: the
// figures docs/performance.md gives for a million entities. Not a Google Benchmark: a load of a
// 111 MB file is one event whose peak memory matters as much as its time.
//
// usage: pbp_scale_probe MODEL.json
//   build-bench/bench/pbp_generate 23 > million.json && build-bench/bench/pbp_scale_probe million.json
#include "pbp/load.hpp"
#include "pbp/validate.hpp"

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>
#include <string>

namespace {
// A line of /proc/self/status in kB ("VmRSS", "VmHWM").
long status_kb(const std::string& key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
    return -1;
}

double heap_mb() {
    const struct mallinfo2 mi = mallinfo2();  // small chunks plus mmapped blocks (large vectors, the text)
    return static_cast<double>(mi.uordblks + mi.hblkhd) / 1e6;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: pbp_scale_probe MODEL.json\n";
        return 2;
    }
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(argv[1], ec);
    if (ec) {
        std::cerr << "cannot read " << argv[1] << ": " << ec.message() << "\n";
        return 1;
    }
    const double heap0 = heap_mb();
    std::printf("file: %ju bytes; heap %.0f MB, RSS %ld MB before loading\n", static_cast<std::uintmax_t>(bytes), heap0,
                status_kb("VmRSS") / 1024);

    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_seconds();
    pbp::LoadResult r = pbp::load_model_file(argv[1]);  // reads, parses, builds: as `pbp` does
    const double load_wall = seconds_since(t0), load_cpu = cpu_seconds() - c0;
    if (!r.model) {
        std::cerr << "not loaded: " << (r.diagnostics.empty() ? "" : r.diagnostics.front().message) << "\n";
        return 1;
    }
    const pbp::Model& m = *r.model;
    const std::size_t n = m.entities.size();
    const double held = heap_mb() - heap0;
    std::printf("load_model: %.2f s CPU (%.2f s wall); %zu entities, %zu relations, %zu flows, %zu load diagnostics\n",
                load_cpu, load_wall, n, m.relations.size(), m.flows.size(), r.diagnostics.size());
    std::printf("  held by the model: %.0f MB of heap = %.0f bytes per entity (source text %zu bytes of it)\n", held,
                held * 1e6 / static_cast<double>(n), m.source.size());
    std::printf("  peak RSS while loading: %ld MB = %.0f bytes per entity\n", status_kb("VmHWM") / 1024,
                static_cast<double>(status_kb("VmHWM")) * 1024 / static_cast<double>(n));

    t0 = std::chrono::steady_clock::now();
    c0 = cpu_seconds();
    const pbp::Diagnostics ds = pbp::validate(m);
    std::printf("validate: %.2f s CPU (%.2f s wall), %zu diagnostics\n", cpu_seconds() - c0, seconds_since(t0),
                ds.size());
    std::printf("peak RSS of the process, validate included: %ld MB = %.0f bytes per entity\n", status_kb("VmHWM") / 1024,
                static_cast<double>(status_kb("VmHWM")) * 1024 / static_cast<double>(n));
    std::printf("sizeof(Entity) %zu, sizeof(Relation) %zu, sizeof(Flow) %zu; graph: %zu vertices, %zu edges\n",
                sizeof(pbp::Entity), sizeof(pbp::Relation), sizeof(pbp::Flow), boost::num_vertices(m.graph),
                boost::num_edges(m.graph));
    return 0;
}
