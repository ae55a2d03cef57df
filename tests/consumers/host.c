/* The host program every consumer test builds, however it finds rectify (find_package,
 * add_subdirectory, pkg-config): opens (creating) the database named on the command line and
 * prints the library's version, the headers' and the schema's. Exits 1 when the library is not
 * the version its headers say, or cannot open a database. */
#include <rectify/rectify.h>

#include <stdio.h>

int main(int argc, char **argv) {
    rectify_db *db = NULL;
    rectify_open_options opts = RECTIFY_OPEN_OPTIONS_INIT;
    int schema = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: %s DB.db\n", argv[0]);
        return 2;
    }
    if (rectify_version_number() != RECTIFY_VERSION_NUMBER) {
        fprintf(stderr, "library %s, headers %s\n", rectify_version(), RECTIFY_VERSION_STRING);
        return 1;
    }
    opts.actor = "consumer";
    if (rectify_db_open(&db, argv[1], &opts) != RECTIFY_OK || rectify_db_schema_version(&schema, db) != RECTIFY_OK) {
        fprintf(stderr, "%s\n", rectify_errmsg());
        rectify_db_close(db);
        return 1;
    }
    rectify_db_close(db);
    printf("rectify %s, headers %s, schema %d\n", rectify_version(), RECTIFY_VERSION_STRING, schema);
    return 0;
}
