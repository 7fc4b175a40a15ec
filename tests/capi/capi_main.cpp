// One doctest main for the C API tests (pbp_capi_tests), which link only libpbp_c.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
