/* Who decides PCN development in Bassetlaw, and who answers for it? Asked of the bundled
 * Nottingham and Nottinghamshire model through the C API (pbp/pbp.h).
 *
 * Build: cc who_decides.c $(pkg-config --cflags --libs pbp) -o who_decides
 *    or: find_package(pbp CONFIG REQUIRED) and link pbp::pbp_c (see CMakeLists.txt here). */
#include <pbp/pbp.h>

#include <stdio.h>

/* Prints what went wrong and returns the status, so that main can `return fail(...)`. */
static int fail(int status, const char *doing) {
    fprintf(stderr, "who_decides: %s failed: %s (%s)\n", doing, pbp_last_error(), pbp_status_string(status));
    return 1;
}

int main(void) {
    pbp_model *model = NULL;
    char *decision = NULL;
    int status;

    /* The header and the loaded library must be the same major version. */
    if (pbp_version_number() / 10000 != PBP_VERSION_MAJOR) {
        fprintf(stderr, "who_decides: built for pbp %d.x but loaded pbp %s\n", PBP_VERSION_MAJOR, pbp_version());
        return 1;
    }

    status = pbp_model_load_bundled(&model, "nottinghamshire");
    if (status != PBP_OK) return fail(status, "loading the bundled model");

    /* The answer is a JSON document with the keys of SPEC 2.2: decision_maker, delegation_chain,
     * accountability_chain (who answers for it, up to Parliament) and limit. */
    status = pbp_model_decides(&decision, model, "fn.pcn-development", "place.bassetlaw", NULL, PBP_PRETTY);
    if (status != PBP_OK) {
        pbp_model_free(model);
        return fail(status, "asking who decides");
    }
    printf("Who decides PCN development in Bassetlaw, and who answers for it?\n%s", decision);

    pbp_free(decision); /* the library's buffers go back to the library */
    pbp_model_free(model);
    return 0;
}
