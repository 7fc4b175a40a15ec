# Debian's libmsgsl-dev ships the headers without a CMake package; this finds them and makes
# the same target name the upstream package exports.
find_path(MicrosoftGSL_INCLUDE_DIR NAMES gsl/gsl PATH_SUFFIXES include)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MicrosoftGSL REQUIRED_VARS MicrosoftGSL_INCLUDE_DIR)
if(MicrosoftGSL_FOUND AND NOT TARGET Microsoft.GSL::GSL)
  add_library(Microsoft.GSL::GSL INTERFACE IMPORTED)
  set_target_properties(Microsoft.GSL::GSL PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${MicrosoftGSL_INCLUDE_DIR}")
endif()
