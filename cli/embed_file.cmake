# Writes a C++ source holding the bytes of INPUT as rectify_cli::<SYMBOL>_bytes / <SYMBOL>_size.
# Run at build time: cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -DHEADER=x.hpp -P embed_file.cmake
# A byte array rather than a string literal: any bytes are safe, and there is no length limit.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
# 16 bytes a line; CMake regexes have no {n}, so spell the 16 pairs out.
string(REPEAT "[0-9a-f][0-9a-f]" 16 line_regex)
string(REGEX REPLACE "(${line_regex})" "\\1\n" hex "${hex}")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
if(size EQUAL 0)
  set(bytes "0x00")
endif()
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cli/embed_file.cmake. Do not edit.\n"
"#include \"${HEADER}\"\n\n"
"namespace rectify_cli {\n\n"
"const unsigned char ${SYMBOL}_bytes[] = {\n${bytes}\n};\n"
"const std::size_t ${SYMBOL}_size = ${size};\n\n"
"} // namespace rectify_cli\n")
execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
