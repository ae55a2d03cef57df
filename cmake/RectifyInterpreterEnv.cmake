# RECTIFY_INTERPRETER_ENV: what a test needs in its environment to load librectify.so into an
# interpreter (Python) that was not built with the sanitizers. Empty in a normal build.
#
# Under RECTIFY_SANITIZE the library needs the ASan runtime loaded before anything else, and
# libstdc++ loaded early enough for ASan to intercept C++ throws; the interpreter does neither,
# so both are preloaded. The interpreter's own allocations are not ours to judge, so leak
# detection is off there (the C tests keep it on).
set(RECTIFY_INTERPRETER_ENV "")
if(RECTIFY_SANITIZE)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
                  OUTPUT_VARIABLE _rectify_libasan OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.so
                  OUTPUT_VARIABLE _rectify_libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(RECTIFY_INTERPRETER_ENV "LD_PRELOAD=${_rectify_libasan}:${_rectify_libstdcxx}" "ASAN_OPTIONS=detect_leaks=0")
endif()
