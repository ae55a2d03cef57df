# Installs the libraries, headers, the CMake package (find_package(rectify)) and rectify.pc.
include(CMakePackageConfigHelpers)

set(RECTIFY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/rectify)

# Two export sets: the shared library's needs nothing but itself, the static library's names its
# private dependencies (SQLiteCpp, SQLite, libcrypto, libxlsxwriter) as $<LINK_ONLY:...>, so the
# config file looks for them only to offer rectify::rectify_static (rectifyConfig.cmake.in).
install(TARGETS rectify
  EXPORT rectifyTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS rectify_static
  EXPORT rectifyStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/rectify
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(EXPORT rectifyTargets
  NAMESPACE rectify::
  DESTINATION ${RECTIFY_CMAKE_DIR})
install(EXPORT rectifyStaticTargets
  NAMESPACE rectify::
  DESTINATION ${RECTIFY_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/rectifyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/rectifyConfig.cmake
  INSTALL_DESTINATION ${RECTIFY_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/rectifyConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/rectifyConfig.cmake
  ${PROJECT_BINARY_DIR}/rectifyConfigVersion.cmake
  DESTINATION ${RECTIFY_CMAKE_DIR})

# The .pc file finds its prefix from where it lies, so an install moved or made with --prefix
# at install time still points at itself.
file(RELATIVE_PATH RECTIFY_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" RECTIFY_PC_TO_PREFIX "${RECTIFY_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/rectify.pc.in ${PROJECT_BINARY_DIR}/rectify.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/rectify.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
