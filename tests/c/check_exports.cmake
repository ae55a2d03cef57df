# capi.exports: librectify.so exports the C API and nothing else, and the C API is exactly what the
# public headers declare (in the spirit of curl's symbols-in-versions check).
#
#   cmake -DLIBRARY=librectify.so -DNM=nm -DINCLUDE_DIR=include/rectify -P check_exports.cmake
#
# 1. Every defined dynamic symbol (nm -D --defined-only) is a function named rectify_*: the bundled
#    SQLite, SQLiteCpp, Boost and C++ runtime symbols stay hidden, and no data is exported.
# 2. The exported functions are exactly the functions declared RECTIFY_API in include/rectify/*.h:
#    a declared function that is not exported, or an export no header declares, fails.
# 3. Every function a header declares is declared RECTIFY_API (a missing macro hides it).

cmake_minimum_required(VERSION 3.16)

foreach(_var LIBRARY NM INCLUDE_DIR)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "" OR "${${_var}}" MATCHES "NOTFOUND$")
    message(FATAL_ERROR "check_exports.cmake: ${_var} is not set")
  endif()
endforeach()
if(NOT EXISTS "${LIBRARY}")
  message(FATAL_ERROR "check_exports.cmake: ${LIBRARY} does not exist")
endif()

set(_errors)

# --- what the library exports --------------------------------------------------------------

execute_process(COMMAND ${NM} -D --defined-only "${LIBRARY}"
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _nm ERROR_VARIABLE _nm_err)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed (${_rc}): ${_nm_err}")
endif()

string(REPLACE ";" "\\;" _nm "${_nm}")
string(REPLACE "\n" ";" _nm_lines "${_nm}")
set(_exported)
foreach(_line IN LISTS _nm_lines)
  if(_line STREQUAL "")
    continue()
  endif()
  if(NOT _line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^ ]+)$")
    list(APPEND _errors "cannot read the nm line '${_line}'")
    continue()
  endif()
  set(_type ${CMAKE_MATCH_1})
  set(_name ${CMAKE_MATCH_2})
  string(REGEX REPLACE "@.*$" "" _name "${_name}") # symbol versions, if any
  if(NOT _name MATCHES "^rectify_[a-z0-9_]+$")
    list(APPEND _errors "exports a symbol outside the C API: ${_name} (${_type})")
  elseif(NOT _type MATCHES "^[TWi]$")
    list(APPEND _errors "exports ${_name} as a non-function symbol of type ${_type}")
  else()
    list(APPEND _exported ${_name})
  endif()
endforeach()
list(REMOVE_DUPLICATES _exported)
list(SORT _exported)

# --- what the headers declare --------------------------------------------------------------

file(GLOB _headers "${INCLUDE_DIR}/*.h")
if(NOT _headers)
  message(FATAL_ERROR "no headers in ${INCLUDE_DIR}")
endif()
set(_declared)
foreach(_header IN LISTS _headers)
  get_filename_component(_hname "${_header}" NAME)
  # Drop the comments, then read line by line (";" is not needed and would split CMake lists).
  file(READ "${_header}" _text)
  set(_code "")
  while(TRUE)
    string(FIND "${_text}" "/*" _open)
    if(_open EQUAL -1)
      string(APPEND _code "${_text}")
      break()
    endif()
    string(SUBSTRING "${_text}" 0 ${_open} _before)
    string(APPEND _code "${_before}")
    math(EXPR _after "${_open} + 2")
    string(SUBSTRING "${_text}" ${_after} -1 _text)
    string(FIND "${_text}" "*/" _close)
    if(_close EQUAL -1)
      list(APPEND _errors "${_hname}: unterminated comment")
      break()
    endif()
    math(EXPR _after "${_close} + 2")
    string(SUBSTRING "${_text}" ${_after} -1 _text)
  endwhile()
  string(REPLACE ";" " " _code "${_code}")
  string(REPLACE "\n" ";" _lines "${_code}")
  foreach(_line IN LISTS _lines)
    # Preprocessor lines declare nothing.
    string(REGEX REPLACE "//.*$" "" _line "${_line}")
    if(_line MATCHES "^[ \t]*#")
      continue()
    endif()
    if(_line MATCHES "^[ \t]*RECTIFY_API[ \t]")
      if(_line MATCHES "([A-Za-z_][A-Za-z0-9_]*)[ \t]*\\(")
        set(_fn ${CMAKE_MATCH_1})
        if(NOT _fn MATCHES "^rectify_[a-z0-9_]+$")
          list(APPEND _errors "${_hname} declares ${_fn}: API functions are named rectify_*")
        endif()
        list(APPEND _declared ${_fn})
      else()
        string(REPLACE ";" "" _shown "${_line}")
        list(APPEND _errors "${_hname}: cannot find the function name in '${_shown}' (keep the name and its '(' on the RECTIFY_API line)")
      endif()
    elseif(_line MATCHES "(^|[^A-Za-z0-9_])(rectify_[a-z0-9_]+)[ \t]*\\(")
      list(APPEND _errors "${_hname} declares ${CMAKE_MATCH_2} without RECTIFY_API")
    endif()
  endforeach()
endforeach()
set(_declared_all ${_declared})
list(REMOVE_DUPLICATES _declared)
list(LENGTH _declared_all _n_all)
list(LENGTH _declared _n_unique)
if(NOT _n_all EQUAL _n_unique)
  list(APPEND _errors "a function is declared RECTIFY_API more than once")
endif()
list(SORT _declared)

# --- compare -------------------------------------------------------------------------------

foreach(_fn IN LISTS _declared)
  if(NOT _fn IN_LIST _exported)
    list(APPEND _errors "declared RECTIFY_API but not exported: ${_fn}")
  endif()
endforeach()
foreach(_fn IN LISTS _exported)
  if(NOT _fn IN_LIST _declared)
    list(APPEND _errors "exported but declared in no public header: ${_fn}")
  endif()
endforeach()
foreach(_fn rectify_version rectify_version_number rectify_free rectify_errmsg rectify_errcode
            rectify_strerror rectify_db_open rectify_db_close rectify_import_json
            rectify_export_json rectify_record_get rectify_status_set rectify_notice_render)
  if(NOT _fn IN_LIST _exported)
    list(APPEND _errors "the C API must export ${_fn}")
  endif()
endforeach()

list(LENGTH _exported _n_exported)
list(LENGTH _declared _n_declared)
message(STATUS "${LIBRARY}: ${_n_exported} exported functions, ${_n_declared} declared RECTIFY_API")
if(_errors)
  list(LENGTH _errors _n_errors)
  foreach(_e IN LISTS _errors)
    message("  ${_e}")
  endforeach()
  message(FATAL_ERROR "${_n_errors} export problem(s)")
endif()
message(STATUS "exports and headers agree")
