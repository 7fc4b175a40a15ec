# Installation and the CMake package: headers, the C++ library (pbp::pbp), the C library
# (pbp::pbp_c), the `pbp` tool, the bundled models, pbp-config.cmake with its version file and
# exported targets, and pbp.pc for pkg-config (the C API). tests/packaging checks all of it by
# installing to a temporary prefix and building consumers against it.
include(CMakePackageConfigHelpers)

set(PBP_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/pbp CACHE STRING "Where pbp-config.cmake is installed")

install(TARGETS pbp pbp_c EXPORT pbpTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# C++ headers (include/pbp/*.hpp) and the C header (pbp/pbp.h) share one include directory.
install(DIRECTORY include/pbp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES capi/include/pbp/pbp.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/pbp)
if(TARGET pbp_cli)
  install(TARGETS pbp_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY examples/models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pbp/models FILES_MATCHING PATTERN "*.json")
if(PBP_BUNDLE_ENGLAND)
  # The national models built from data/england at build time.
  install(DIRECTORY ${PROJECT_BINARY_DIR}/generated/models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/pbp/models
          FILES_MATCHING PATTERN "*.json")
endif()

# CMake package: find_package(pbp CONFIG) gives pbp::pbp and pbp::pbp_c.
install(EXPORT pbpTargets NAMESPACE pbp:: FILE pbp-targets.cmake DESTINATION ${PBP_INSTALL_CMAKEDIR})
configure_package_config_file(cmake/pbp-config.cmake.in ${PROJECT_BINARY_DIR}/pbp-config.cmake
                              INSTALL_DESTINATION ${PBP_INSTALL_CMAKEDIR})
# 0.x releases may break compatibility between minor versions; from 1.0 the major version says.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(PBP_COMPATIBILITY SameMinorVersion)
else()
  set(PBP_COMPATIBILITY SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pbp-config-version.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY ${PBP_COMPATIBILITY})
install(FILES ${PROJECT_BINARY_DIR}/pbp-config.cmake ${PROJECT_BINARY_DIR}/pbp-config-version.cmake
              cmake/FindMicrosoftGSL.cmake
        DESTINATION ${PBP_INSTALL_CMAKEDIR})

# pkg-config: pbp.pc describes the C API (libpbp_c), relocatable through ${pcfiledir}.
file(RELATIVE_PATH PBP_PC_TO_PREFIX ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" PBP_PC_TO_PREFIX "${PBP_PC_TO_PREFIX}")
file(RELATIVE_PATH PBP_PC_LIBDIR ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_LIBDIR})
file(RELATIVE_PATH PBP_PC_INCLUDEDIR ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_INCLUDEDIR})
configure_file(cmake/pbp.pc.in ${PROJECT_BINARY_DIR}/pbp.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/pbp.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
