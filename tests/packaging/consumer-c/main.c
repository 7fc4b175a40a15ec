/* A tiny C consumer of the installed C API, built with pkg-config:
 *   cc main.c $(pkg-config --cflags --libs pbp) */
#include <pbp/pbp.h>

#include <stdio.h>
#include <string.h>

int main(void) {
    const char *weights[3] = {"1", "1", "1"};
    char *json = NULL;
    pbp_model *model = NULL;
    int ok = 1;

    if (pbp_version_number() / 10000 != PBP_VERSION_MAJOR) ok = 0;
    if (pbp_allocate(&json, "0.10", weights, 3, 0) != PBP_OK ||
        strcmp(json, "{\"total\":\"0.10\",\"shares\":[\"0.04\",\"0.03\",\"0.03\"]}") != 0)
        ok = 0;
    pbp_free(json);
    json = NULL;
    if (pbp_model_load_bundled(&model, "nottinghamshire") != PBP_OK) ok = 0;
    if (pbp_model_accountability(&json, model, "notts-icb", NULL, 0) != PBP_OK || !strstr(json, "parliament")) ok = 0;
    pbp_free(json);
    pbp_model_free(model);
    if (!ok) {
        fprintf(stderr, "C consumer FAILED: %s\n", pbp_last_error());
        return 1;
    }
    printf("C consumer OK (pkg-config), pbp %s\n", pbp_version());
    return 0;
}
