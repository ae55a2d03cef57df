// A C++ host built against an installed rectify through rectify.hpp; prints what ../host.c prints.
#include <rectify/rectify.hpp>

#include <iostream>

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " DB.db\n";
        return 2;
    }
    try {
        rectify::db db(argv[1], RECTIFY_OPEN_CREATE, "consumer");
        std::cout << "rectify " << rectify_version() << ", headers " << RECTIFY_VERSION_STRING << ", schema "
                  << db.schema_version() << "\n";
        return rectify_version_number() == RECTIFY_VERSION_NUMBER ? 0 : 1;
    } catch (const rectify::error &e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
