# Stands in for a capi.valgrind.* test when CMake found no valgrind: the test fails, saying how
# to get it, rather than passing without having run anything.
message(FATAL_ERROR "${NAME}: valgrind was not found when this build was configured. Install it "
  "(sh scripts/install-deps installs the Debian package valgrind; make test runs it), then "
  "configure again (cmake -S . -B build) so that CMake finds it.")
