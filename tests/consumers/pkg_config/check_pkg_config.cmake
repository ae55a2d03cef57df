# consumer.pkg_config: builds a C program against an installed rectify the way a Makefile does,
# with nothing but the C compiler and pkg-config:
#
#   cc host.c $(pkg-config --cflags --libs rectify)                      # shared
#   cc host.c $(pkg-config --cflags rectify) LIBDIR/librectify.a \
#      $(pkg-config --static --libs-only-L --libs-only-l rectify minus -lrectify)  # static
#
#   cmake -DINSTALL_FROM=<rectify build dir> [-DINSTALL_CONFIG=...] -DWORK_DIR=... -DMAIN=host.c
#         -DC_COMPILER=cc -DPKG_CONFIG=pkg-config -DLIBDIR=lib -DVERSION=0.1.0 [-DREADELF=readelf]
#         -P check_pkg_config.cmake
#
# The install is moved after `cmake --install`, because rectify.pc finds its prefix from where it
# lies (${pcfiledir}) and must keep working when a packager relocates it. The shared program runs
# with LD_LIBRARY_PATH at the moved prefix; the static one with none, and must not need
# librectify.so: Libs.private has to name everything librectify.a uses.

cmake_minimum_required(VERSION 3.16)

foreach(_var INSTALL_FROM WORK_DIR MAIN C_COMPILER PKG_CONFIG LIBDIR VERSION)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "check_pkg_config.cmake: ${_var} is not set")
  endif()
endforeach()

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${_rc}):\n${_out}\n${_err}")
  endif()
  set(step_output "${_out}" PARENT_SCOPE)
endfunction()

# pkg-config's answer as a list of arguments, as the shell would split $(pkg-config ...).
function(pkg_config out_var)
  run_step("pkg-config ${ARGN}" "${PKG_CONFIG}" ${ARGN} rectify)
  separate_arguments(_args UNIX_COMMAND "${step_output}")
  set(${out_var} ${_args} PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_installed "${WORK_DIR}/installed-here")
set(_prefix "${WORK_DIR}/moved-there")
set(_install_args --install "${INSTALL_FROM}" --prefix "${_installed}")
if(INSTALL_CONFIG)
  list(APPEND _install_args --config "${INSTALL_CONFIG}")
endif()
run_step("installing rectify" "${CMAKE_COMMAND}" ${_install_args})
file(RENAME "${_installed}" "${_prefix}")

# Only the moved install may answer: PKG_CONFIG_LIBDIR replaces the system's search path.
set(ENV{PKG_CONFIG_PATH} "${_prefix}/${LIBDIR}/pkgconfig")
set(ENV{PKG_CONFIG_LIBDIR} "${_prefix}/${LIBDIR}/pkgconfig")
unset(ENV{PKG_CONFIG_SYSROOT_DIR})
run_step("pkg-config --modversion" "${PKG_CONFIG}" --modversion rectify)
if(NOT step_output STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config --modversion rectify says ${step_output}, expected ${VERSION}")
endif()

pkg_config(_cflags --cflags)
pkg_config(_libs --libs)
if(NOT "${_cflags};${_libs}" MATCHES "${_prefix}/")
  message(FATAL_ERROR "rectify.pc does not point at the moved prefix ${_prefix}: ${_cflags} ${_libs}")
endif()

function(check_program exe)
  run_step("running ${exe}" "${WORK_DIR}/${exe}" "${WORK_DIR}/${exe}.db")
  if(NOT step_output MATCHES "^rectify ${VERSION}, headers ${VERSION}, schema [1-9]")
    message(FATAL_ERROR "${exe} printed: ${step_output}")
  endif()
  message(STATUS "${exe}: ${step_output}")
endfunction()

# --- shared --------------------------------------------------------------------------------------

run_step("cc host.c $(pkg-config --cflags --libs rectify)"
  "${C_COMPILER}" -o "${WORK_DIR}/consumer" "${MAIN}" ${_cflags} ${_libs})
set(ENV{LD_LIBRARY_PATH} "${_prefix}/${LIBDIR}")
check_program(consumer)
unset(ENV{LD_LIBRARY_PATH})

# --- static --------------------------------------------------------------------------------------

# -lrectify would pick librectify.so, which lies beside librectify.a; name the archive instead.
pkg_config(_static_libs --static --libs)
list(TRANSFORM _static_libs REPLACE "^-lrectify$" "${_prefix}/${LIBDIR}/librectify.a")
list(FIND _static_libs "${_prefix}/${LIBDIR}/librectify.a" _at)
if(_at EQUAL -1)
  message(FATAL_ERROR "pkg-config --static --libs rectify has no -lrectify: ${_static_libs}")
endif()
run_step("cc host.c $(pkg-config --cflags rectify) librectify.a $(pkg-config --static --libs rectify)"
  "${C_COMPILER}" -o "${WORK_DIR}/consumer_static" "${MAIN}" ${_cflags} ${_static_libs})
check_program(consumer_static)
if(READELF AND NOT READELF MATCHES "NOTFOUND$")
  run_step("reading consumer_static's dynamic section" "${READELF}" -d "${WORK_DIR}/consumer_static")
  if(step_output MATCHES "librectify\\.so")
    message(FATAL_ERROR "consumer_static needs librectify.so:\n${step_output}")
  endif()
endif()
message(STATUS "pkg-config: the shared and the static program build and run against ${_prefix}")
