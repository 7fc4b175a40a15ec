#include "pbp/version.hpp"

#define PBP_STR2(x) #x
#define PBP_STR(x) PBP_STR2(x)

namespace pbp {
const char* version() noexcept {
    return PBP_STR(PBP_VERSION_MAJOR) "." PBP_STR(PBP_VERSION_MINOR) "." PBP_STR(PBP_VERSION_PATCH);
}
}  // namespace pbp
