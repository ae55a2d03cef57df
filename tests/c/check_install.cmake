# capi.install: `cmake --install` into a fresh prefix lays out what a consumer needs.
#
#   cmake -DBUILD_DIR=... -DPREFIX=... -DCONFIG=... -DLIBDIR=lib -DBINDIR=bin -DINCLUDEDIR=include
#         -DINCLUDE_SRC=include/rectify -DVERSION=0.1.0 -DSOVERSION=0 -DCHECK_CLI=ON|OFF
#         -DREADELF=readelf -DOBJDUMP=objdump -P check_install.cmake
#
# Checks: bin/rectify (when the CLI is built); LIBDIR/librectify.so -> librectify.so.SOVERSION ->
# librectify.so.VERSION, whose SONAME is librectify.so.SOVERSION; LIBDIR/librectify.a; every
# public header under include/rectify/; the CMake package (rectifyConfig.cmake,
# rectifyConfigVersion.cmake, rectifyTargets.cmake for the shared library and
# rectifyStaticTargets.cmake for the static one, each with its per-configuration file) under
# LIBDIR/cmake/rectify; LIBDIR/pkgconfig/rectify.pc. Installed binaries must not keep a RUNPATH
# into the build tree.

cmake_minimum_required(VERSION 3.16)

foreach(_var BUILD_DIR PREFIX LIBDIR BINDIR INCLUDEDIR INCLUDE_SRC VERSION SOVERSION)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "check_install.cmake: ${_var} is not set")
  endif()
endforeach()
foreach(_var LIBDIR BINDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${${_var}}")
    message(FATAL_ERROR "check_install.cmake: CMAKE_INSTALL_${_var} is absolute (${${_var}}); this test installs under a prefix")
  endif()
endforeach()

set(_errors)
macro(_fail text)
  list(APPEND _errors "${text}")
endmacro()

file(REMOVE_RECURSE "${PREFIX}")
set(_install_args --install "${BUILD_DIR}" --prefix "${PREFIX}")
if(DEFINED CONFIG AND NOT CONFIG STREQUAL "")
  list(APPEND _install_args --config "${CONFIG}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} ${_install_args}
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "cmake ${_install_args} failed (${_rc}):\n${_out}\n${_err}")
endif()

function(_expect_file rel)
  if(NOT EXISTS "${PREFIX}/${rel}" OR IS_DIRECTORY "${PREFIX}/${rel}")
    set(_errors ${_errors} "missing: ${rel}" PARENT_SCOPE)
  endif()
endfunction()

# --- the command line ------------------------------------------------------------------------

if(CHECK_CLI)
  _expect_file("${BINDIR}/rectify")
  if(EXISTS "${PREFIX}/${BINDIR}/rectify")
    execute_process(COMMAND test -x "${PREFIX}/${BINDIR}/rectify" RESULT_VARIABLE _x)
    if(NOT _x EQUAL 0)
      _fail("${BINDIR}/rectify is not executable")
    else()
      # The installed command finds the installed library by itself (RUNPATH), not the build's.
      unset(ENV{LD_LIBRARY_PATH})
      execute_process(COMMAND "${PREFIX}/${BINDIR}/rectify" --version
        RESULT_VARIABLE _x OUTPUT_VARIABLE _v ERROR_VARIABLE _verr)
      if(NOT _x EQUAL 0)
        _fail("installed ${BINDIR}/rectify --version failed (${_x}): ${_verr}")
      elseif(NOT _v MATCHES "${VERSION}")
        _fail("installed ${BINDIR}/rectify --version does not print ${VERSION}: ${_v}")
      endif()
    endif()
  endif()
endif()

# --- the libraries ---------------------------------------------------------------------------

set(_so "${LIBDIR}/librectify.so")
set(_so_major "${LIBDIR}/librectify.so.${SOVERSION}")
set(_so_full "${LIBDIR}/librectify.so.${VERSION}")
_expect_file("${_so}")
_expect_file("${_so_major}")
_expect_file("${_so_full}")
_expect_file("${LIBDIR}/librectify.a")

foreach(_link_target IN ITEMS "${_so}|librectify.so.${SOVERSION}" "${_so_major}|librectify.so.${VERSION}")
  string(REPLACE "|" ";" _pair "${_link_target}")
  list(GET _pair 0 _link)
  list(GET _pair 1 _target)
  if(EXISTS "${PREFIX}/${_link}")
    if(NOT IS_SYMLINK "${PREFIX}/${_link}")
      _fail("${_link} is not a symbolic link")
    else()
      file(READ_SYMLINK "${PREFIX}/${_link}" _points_to) # CMake >= 3.14
      if(NOT _points_to STREQUAL _target)
        _fail("${_link} points to ${_points_to}, expected ${_target}")
      endif()
    endif()
  endif()
endforeach()

# SONAME, and no RUNPATH into the build tree.
set(_elf_files)
if(EXISTS "${PREFIX}/${_so_full}")
  list(APPEND _elf_files "${_so_full}")
endif()
if(CHECK_CLI AND EXISTS "${PREFIX}/${BINDIR}/rectify")
  list(APPEND _elf_files "${BINDIR}/rectify")
endif()
foreach(_elf IN LISTS _elf_files)
  if(READELF AND NOT READELF MATCHES "NOTFOUND$")
    execute_process(COMMAND ${READELF} -d "${PREFIX}/${_elf}"
      RESULT_VARIABLE _rc OUTPUT_VARIABLE _dyn ERROR_VARIABLE _dyn_err)
  elseif(OBJDUMP AND NOT OBJDUMP MATCHES "NOTFOUND$")
    execute_process(COMMAND ${OBJDUMP} -p "${PREFIX}/${_elf}"
      RESULT_VARIABLE _rc OUTPUT_VARIABLE _dyn ERROR_VARIABLE _dyn_err)
  else()
    message(FATAL_ERROR "neither readelf nor objdump was found")
  endif()
  if(NOT _rc EQUAL 0)
    _fail("cannot read the dynamic section of ${_elf}: ${_dyn_err}")
    continue()
  endif()
  if(_elf STREQUAL _so_full)
    # readelf: "(SONAME)  Library soname: [librectify.so.0]"; objdump: "SONAME  librectify.so.0"
    # (One MATCHES per if(): a failing second MATCHES would clear CMAKE_MATCH_1.)
    set(_soname "")
    if(_dyn MATCHES "Library soname: \\[([^\n]*)\\]")
      set(_soname "${CMAKE_MATCH_1}")
    elseif(_dyn MATCHES "SONAME[ \t]+([^ \t\r\n]+)")
      set(_soname "${CMAKE_MATCH_1}")
    endif()
    if(NOT _soname STREQUAL "")
      if(NOT _soname STREQUAL "librectify.so.${SOVERSION}")
        _fail("the SONAME of ${_elf} is ${_soname}, expected librectify.so.${SOVERSION}")
      else()
        message(STATUS "SONAME ${_soname}")
      endif()
    else()
      _fail("${_elf} has no SONAME")
    endif()
  endif()
  set(_runpath "")
  if(_dyn MATCHES "(RUNPATH|RPATH)\\)[^\n]*\\[([^\n]*)\\]")
    set(_runpath "${CMAKE_MATCH_2}")
  elseif(_dyn MATCHES "(RUNPATH|RPATH)[ \t]+([^ \t\r\n]+)")
    set(_runpath "${CMAKE_MATCH_2}")
  endif()
  if(NOT _runpath STREQUAL "")
    string(FIND "${_runpath}" "${BUILD_DIR}" _at)
    if(NOT _at EQUAL -1)
      _fail("${_elf} keeps a RUNPATH into the build tree: ${_runpath}")
    endif()
  endif()
endforeach()

# --- the headers -----------------------------------------------------------------------------

file(GLOB _src_headers RELATIVE "${INCLUDE_SRC}" "${INCLUDE_SRC}/*.h" "${INCLUDE_SRC}/*.hpp")
list(FIND _src_headers "rectify.h" _has_umbrella)
if(_has_umbrella EQUAL -1)
  _fail("the source tree has no include/rectify/rectify.h")
endif()
foreach(_h IN LISTS _src_headers)
  _expect_file("${INCLUDEDIR}/rectify/${_h}")
  if(EXISTS "${PREFIX}/${INCLUDEDIR}/rectify/${_h}")
    file(SHA256 "${INCLUDE_SRC}/${_h}" _a)
    file(SHA256 "${PREFIX}/${INCLUDEDIR}/rectify/${_h}" _b)
    if(NOT _a STREQUAL _b)
      _fail("${INCLUDEDIR}/rectify/${_h} differs from the source tree's")
    endif()
  endif()
endforeach()

# --- the CMake package -----------------------------------------------------------------------

set(_pkg "${LIBDIR}/cmake/rectify")
_expect_file("${_pkg}/rectifyConfig.cmake")
_expect_file("${_pkg}/rectifyConfigVersion.cmake")
# The shared library's export set names no private dependency; the static one's stands apart,
# so that the config file loads it only when those dependencies are found.
foreach(_set_target rectifyTargets|rectify::rectify rectifyStaticTargets|rectify::rectify_static)
  string(REPLACE "|" ";" _set_target "${_set_target}")
  list(GET _set_target 0 _set)
  list(GET _set_target 1 _t)
  _expect_file("${_pkg}/${_set}.cmake")
  file(GLOB _per_config "${PREFIX}/${_pkg}/${_set}-*.cmake")
  if(NOT _per_config)
    _fail("missing: ${_pkg}/${_set}-<config>.cmake")
  endif()
  if(EXISTS "${PREFIX}/${_pkg}/${_set}.cmake")
    file(READ "${PREFIX}/${_pkg}/${_set}.cmake" _targets)
    if(NOT _targets MATCHES "add_library\\(${_t} ")
      _fail("${_set}.cmake does not define ${_t}")
    endif()
    if(_set STREQUAL "rectifyTargets" AND _targets MATCHES "SQLiteCpp|SQLite::|OpenSSL::|XLSXWRITER")
      _fail("${_set}.cmake names a private dependency of the static library")
    endif()
  endif()
endforeach()
if(EXISTS "${PREFIX}/${_pkg}/rectifyConfigVersion.cmake")
  file(READ "${PREFIX}/${_pkg}/rectifyConfigVersion.cmake" _cv)
  if(NOT _cv MATCHES "PACKAGE_VERSION \"${VERSION}\"")
    _fail("rectifyConfigVersion.cmake does not carry version ${VERSION}")
  endif()
endif()

# --- pkg-config --------------------------------------------------------------------------------

set(_pc "${LIBDIR}/pkgconfig/rectify.pc")
_expect_file("${_pc}")
if(EXISTS "${PREFIX}/${_pc}")
  file(READ "${PREFIX}/${_pc}" _pc_text)
  foreach(_needle "Name: rectify" "Version: ${VERSION}" "-lrectify" "Cflags:")
    string(FIND "${_pc_text}" "${_needle}" _at)
    if(_at EQUAL -1)
      _fail("rectify.pc lacks '${_needle}'")
    endif()
  endforeach()
  # The file is configured with CMAKE_INSTALL_PREFIX; a later `--prefix` does not rewrite it.
  # Reported, not failed: a relocatable file would use prefix=\${pcfiledir}/...
  if(_pc_text MATCHES "(^|\n)prefix=([^\n]*)")
    set(_pc_prefix "${CMAKE_MATCH_2}")
    if(NOT _pc_prefix STREQUAL PREFIX AND NOT _pc_prefix MATCHES "pcfiledir")
      message(WARNING "rectify.pc says prefix=${_pc_prefix}, but it was installed under ${PREFIX}")
    endif()
  endif()
endif()

if(_errors)
  list(LENGTH _errors _n)
  foreach(_e IN LISTS _errors)
    message("  ${_e}")
  endforeach()
  message(FATAL_ERROR "${_n} install problem(s) under ${PREFIX}")
endif()
message(STATUS "install layout under ${PREFIX} is complete")
