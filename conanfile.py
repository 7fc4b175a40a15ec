"""Conan 2 recipe for pbp: the C++ library (pbp::pbp), the C library (pbp::pbp_c) and the `pbp` tool.

    conan create . --build=missing              # builds, packages and runs test_package/
    conan create . -o "pbp/*:shared=True"       # the C++ library shared too

Modelled on Conan Center's recipes/geos (components for the C++ and C libraries, a C
test_package) and recipes/cpprestsdk (requires boost). Conan is not installed on the machines
this project is tested on, so tests/packaging builds test_package/ as a plain CMake project
against the installed CMake package instead (docs/packaging.md).
"""
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir
import re

required_conan_version = ">=2.0"


class PbpConan(ConanFile):
    name = "pbp"
    description = "Place-based partnerships: governance, decisions and money of England's health and care partnerships"
    license = "MIT"
    topics = ("health", "governance", "nhs", "accountability", "delegation", "funding")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {"shared": [True, False], "fPIC": [True, False]}
    default_options = {"shared": False, "fPIC": True}
    exports_sources = ("CMakeLists.txt", "LICENSE", "README.md", "cmake/*", "include/*", "src/*", "capi/*",
                       "apps/*", "examples/models/*")

    def set_version(self):
        # One source of truth: the version in CMakeLists.txt's project().
        text = load(self, os.path.join(self.recipe_folder, "CMakeLists.txt"))
        self.version = re.search(r"project\(pbp VERSION ([0-9.]+)", text).group(1)

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # pbp's public headers include Boost (JSON, Graph, Multiprecision) and GSL (gsl::span).
        self.requires("boost/1.83.0", transitive_headers=True)
        self.requires("ms-gsl/4.0.0", transitive_headers=True)

    def validate(self):
        check_min_cppstd(self, 20)

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["PBP_BUILD_TESTS"] = False
        tc.cache_variables["PBP_BUILD_EXAMPLES"] = False
        tc.cache_variables["PBP_BUILD_DOCS"] = False
        tc.cache_variables["PBP_BUILD_BENCH"] = False
        tc.cache_variables["PBP_BUILD_TOOLS"] = True
        tc.generate()
        deps = CMakeDeps(self)
        # pbp's CMakeLists asks for find_package(MicrosoftGSL) (the name of its own finder, for
        # Debian's GSL which has no CMake package); Conan's ms-gsl answers to that name here and
        # gives the same target, Microsoft.GSL::GSL.
        deps.set_property("ms-gsl", "cmake_file_name", "MicrosoftGSL")
        deps.generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.install()
        # Conan generates its own CMake and pkg-config files from package_info().
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "pbp")

        cpp = self.cpp_info.components["pbp"]
        cpp.set_property("cmake_target_name", "pbp::pbp")
        cpp.libs = ["pbp"]
        cpp.requires = ["boost::headers", "boost::json", "ms-gsl::ms-gsl"]
        if self.settings.os in ("Linux", "FreeBSD"):
            cpp.system_libs = ["m", "pthread"]

        c = self.cpp_info.components["pbp_c"]
        c.set_property("cmake_target_name", "pbp::pbp_c")
        c.set_property("pkg_config_name", "pbp")
        c.libs = ["pbp_c"]
        # libpbp_c is always a shared library; it links the C++ library inside it when that is
        # static, and needs it beside it when it is shared.
        c.requires = ["boost::json"] + (["pbp"] if self.options.shared else [])
