# consumer.shared_only: a host of the shared library needs none of the static library's private
# dependencies (SQLiteCpp, SQLite 3, OpenSSL, libxlsxwriter), neither through find_package nor
# through pkg-config.
#
#   cmake <run_consumer.cmake's arguments> -DPKG_CONFIG=pkg-config -DLIBDIR=lib -P check_shared_only.cmake
#
# The build is installed into WORK_DIR/prefix (by run_consumer.cmake), and every search is kept
# to that prefix: CMAKE_PREFIX_PATH points there, the package registries are off, the private
# dependencies' packages are disabled (CMAKE_DISABLE_FIND_PACKAGE_<name>), and PKG_CONFIG_LIBDIR
# holds only the prefix's pkgconfig directory, so sqlite3.pc, libcrypto.pc and xlsxwriter.pc are
# invisible. Then the project in this directory is configured, built and run (it checks the
# environment hides the dependencies), and host.c is built with
# `cc host.c $(pkg-config --cflags --libs rectify)` and run.

cmake_minimum_required(VERSION 3.16)

foreach(_var WORK_DIR PKG_CONFIG LIBDIR C_COMPILER VERSION)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "check_shared_only.cmake: ${_var} is not set")
  endif()
endforeach()

set(_pc_dir "${WORK_DIR}/prefix/${LIBDIR}/pkgconfig")
set(ENV{PKG_CONFIG_LIBDIR} "${_pc_dir}")
set(ENV{PKG_CONFIG_PATH} "${_pc_dir}")
unset(ENV{PKG_CONFIG_SYSROOT_DIR})
string(APPEND CACHE_ARGS "|-DCMAKE_DISABLE_FIND_PACKAGE_SQLiteCpp=ON|-DCMAKE_DISABLE_FIND_PACKAGE_SQLite3=ON"
  "|-DCMAKE_DISABLE_FIND_PACKAGE_OpenSSL=ON|-DCMAKE_DISABLE_FIND_PACKAGE_xlsxwriter=ON")

# find_package: configure, build and run the project (installs the build first).
include(${CMAKE_CURRENT_LIST_DIR}/../run_consumer.cmake)

# pkg-config, in the same environment.
set(_prefix "${WORK_DIR}/prefix")
foreach(_private sqlite3 libcrypto xlsxwriter)
  execute_process(COMMAND "${PKG_CONFIG}" --exists ${_private} RESULT_VARIABLE _rc)
  if(_rc EQUAL 0)
    message(FATAL_ERROR "pkg-config finds ${_private}; the test needs it hidden")
  endif()
endforeach()
run_step("pkg-config --cflags --libs rectify" "${PKG_CONFIG}" --cflags --libs rectify)
string(STRIP "${step_output}" _flags)
separate_arguments(_flags UNIX_COMMAND "${_flags}")
set(_exe "${WORK_DIR}/pc_consumer")
run_step("cc host.c $(pkg-config --cflags --libs rectify)"
  "${C_COMPILER}" -o "${_exe}" "${CMAKE_CURRENT_LIST_DIR}/../host.c" ${_flags})
set(ENV{LD_LIBRARY_PATH} "${_prefix}/${LIBDIR}")
run_step("running pc_consumer" "${_exe}" "${WORK_DIR}/pc_consumer.db")
unset(ENV{LD_LIBRARY_PATH})
if(NOT step_output MATCHES "^rectify ${VERSION}, headers ${VERSION}, schema [1-9]")
  message(FATAL_ERROR "pc_consumer printed: ${step_output}")
endif()
message(STATUS "pkg-config: the shared program builds and runs against ${_prefix} alone")
