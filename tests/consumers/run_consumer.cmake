# consumer.find_package, consumer.add_subdirectory: configures, builds and runs a host's CMake
# project (find_package/ or add_subdirectory/) in a fresh directory, as a host would.
#
#   cmake -DPROJECT_DIR=... -DWORK_DIR=... -DGENERATOR=... [-DMAKE_PROGRAM=...]
#         -DC_COMPILER=... -DCXX_COMPILER=... [-DBUILD_TYPE=...] -DVERSION=0.1.0
#         -DEXECUTABLES=consumer|consumer_static[|...] -DSTATIC_EXECUTABLES=consumer_static
#         [-DINSTALL_FROM=<rectify build dir> [-DINSTALL_CONFIG=...]] [-DCACHE_ARGS=-DX=1|-DY=2]
#         [-DREADELF=readelf] -P run_consumer.cmake
#
# With INSTALL_FROM, rectify is first installed from that build into WORK_DIR/prefix, and the
# project finds it there (CMAKE_PREFIX_PATH) and nowhere else. Each executable is built, then run
# with a fresh database; it must exit 0 and print "rectify VERSION". Those in STATIC_EXECUTABLES
# must not need librectify.so at run time (checked with readelf when there is one).
# Lists are given with | between items, as ; would split the command line.

cmake_minimum_required(VERSION 3.16)

foreach(_var PROJECT_DIR WORK_DIR GENERATOR C_COMPILER CXX_COMPILER VERSION EXECUTABLES)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "run_consumer.cmake: ${_var} is not set")
  endif()
endforeach()
foreach(_list EXECUTABLES STATIC_EXECUTABLES CACHE_ARGS)
  string(REPLACE "|" ";" ${_list} "${${_list}}")
endforeach()

# Runs a command, failing the test with its output when it fails.
function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${_rc}):\n${_out}\n${_err}")
  endif()
  set(step_output "${_out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_build "${WORK_DIR}/build")
set(_configure_args -S "${PROJECT_DIR}" -B "${_build}" -G "${GENERATOR}"
  "-DCMAKE_C_COMPILER=${C_COMPILER}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" ${CACHE_ARGS})
if(MAKE_PROGRAM)
  list(APPEND _configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(DEFINED BUILD_TYPE)
  list(APPEND _configure_args "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
endif()

if(INSTALL_FROM)
  set(_prefix "${WORK_DIR}/prefix")
  set(_install_args --install "${INSTALL_FROM}" --prefix "${_prefix}")
  if(INSTALL_CONFIG)
    list(APPEND _install_args --config "${INSTALL_CONFIG}")
  endif()
  run_step("installing rectify" "${CMAKE_COMMAND}" ${_install_args})
  # Only the fresh install may be found: no package registry, no system rectify.
  list(APPEND _configure_args "-DCMAKE_PREFIX_PATH=${_prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
endif()

run_step("configuring ${PROJECT_DIR}" "${CMAKE_COMMAND}" ${_configure_args})
if(INSTALL_FROM)
  # The project says which library it found (find_package/CMakeLists.txt).
  if(NOT step_output MATCHES "rectify::rectify is ([^\n]*)")
    message(FATAL_ERROR "the project does not say which rectify it found:\n${step_output}")
  endif()
  string(FIND "${CMAKE_MATCH_1}" "${_prefix}/" _at)
  if(NOT _at EQUAL 0)
    message(FATAL_ERROR "the project found rectify outside the fresh install: ${CMAKE_MATCH_1}")
  endif()
endif()

set(_build_args --build "${_build}" --parallel 2 --target ${EXECUTABLES})
if(DEFINED BUILD_TYPE AND NOT BUILD_TYPE STREQUAL "")
  list(APPEND _build_args --config "${BUILD_TYPE}")
endif()
run_step("building ${EXECUTABLES}" "${CMAKE_COMMAND}" ${_build_args})

foreach(_exe IN LISTS EXECUTABLES)
  set(_path "${_build}/${_exe}")
  if(NOT EXISTS "${_path}" AND EXISTS "${_build}/${BUILD_TYPE}/${_exe}") # multi-configuration generators
    set(_path "${_build}/${BUILD_TYPE}/${_exe}")
  endif()
  run_step("running ${_exe}" "${_path}" "${WORK_DIR}/${_exe}.db")
  if(NOT step_output MATCHES "^rectify ${VERSION}, headers ${VERSION}, schema [1-9]")
    message(FATAL_ERROR "${_exe} printed: ${step_output}")
  endif()
  message(STATUS "${_exe}: ${step_output}")

  list(FIND STATIC_EXECUTABLES "${_exe}" _static)
  if(NOT _static EQUAL -1 AND READELF AND NOT READELF MATCHES "NOTFOUND$")
    run_step("reading ${_exe}'s dynamic section" "${READELF}" -d "${_path}")
    if(step_output MATCHES "librectify\\.so")
      message(FATAL_ERROR "${_exe} links rectify statically, yet needs librectify.so:\n${step_output}")
    endif()
  elseif(_static EQUAL -1 AND READELF AND NOT READELF MATCHES "NOTFOUND$")
    run_step("reading ${_exe}'s dynamic section" "${READELF}" -d "${_path}")
    if(NOT step_output MATCHES "NEEDED[^\n]*librectify\\.so\\.")
      message(FATAL_ERROR "${_exe} links the shared rectify, yet does not need librectify.so:\n${step_output}")
    endif()
  endif()
endforeach()
message(STATUS "${PROJECT_DIR}: configured, built and ran ${EXECUTABLES}")
