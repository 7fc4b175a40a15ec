/* The public header compiles as strict C99 (-std=c99 -pedantic -Wall -Wextra -Werror; see
 * tests/capi/CMakeLists.txt) and works from C: this program uses it the way a C caller would. */
#include "pbp/pbp.h"

#include <stdio.h>
#include <string.h>

#if !PBP_AT_LEAST_VERSION(0, 1, 0)
#error "PBP_AT_LEAST_VERSION is wrong"
#endif

static int failures = 0;

static void check(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "FAILED: %s (last error: %s)\n", what, pbp_last_error());
        ++failures;
    }
}

int main(void) {
    pbp_model *model = NULL;
    char *json = NULL;
    size_t errors = 0, warnings = 0;
    const char *weights[3] = {"1", "1", "1"};

    check(pbp_version_number() == PBP_VERSION_NUMBER, "library and header versions agree");
    check(pbp_model_load_bundled(&model, "nottinghamshire") == PBP_OK, "bundled model loads");
    check(pbp_model_diagnostic_counts(&errors, &warnings, model) == PBP_OK, "counts");
    check(pbp_model_name(&json, model) == PBP_OK && json != NULL && strlen(json) > 0, "name");
    pbp_free(json);
    json = NULL;
    check(pbp_allocate(&json, "0.10", weights, 3, 0) == PBP_OK, "allocate");
    check(json != NULL && strcmp(json, "{\"total\":\"0.10\",\"shares\":[\"0.04\",\"0.03\",\"0.03\"]}") == 0,
          "0.10 three ways is 0.04, 0.03, 0.03");
    pbp_free(json);
    json = NULL;
    check(pbp_model_accountability(&json, model, "no-such-node", NULL, PBP_FORCE) == PBP_ERR_NOT_FOUND,
          "an unknown node is not found");
    check(json == NULL, "out-parameter NULL after failure");
    check(strstr(pbp_last_error(), "no-such-node") != NULL, "the message names the node");
    pbp_model_free(model);
    pbp_model_free(NULL);
    pbp_free(NULL);
    if (failures == 0) printf("pbp.h works from C99 (pbp %s)\n", pbp_version());
    return failures == 0 ? 0 : 1;
}
