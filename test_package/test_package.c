/* Conan test_package: the packaged C API loads the bundled model and answers a query. */
#include <pbp/pbp.h>

#include <stdio.h>

int main(void) {
    pbp_model *model = NULL;
    char *json = NULL;
    int status;

    printf("pbp %s (header %d.%d.%d)\n", pbp_version(), PBP_VERSION_MAJOR, PBP_VERSION_MINOR, PBP_VERSION_PATCH);
    if (pbp_version_number() / 10000 != PBP_VERSION_MAJOR) return 1;
    status = pbp_model_load_bundled(&model, "nottinghamshire");
    if (status == PBP_OK) status = pbp_model_accountability(&json, model, "notts-icb", NULL, 0);
    if (status != PBP_OK) {
        fprintf(stderr, "test_package: %s\n", pbp_last_error());
        pbp_model_free(model);
        return 1;
    }
    printf("%s\n", json);
    pbp_free(json);
    pbp_model_free(model);
    return 0;
}
