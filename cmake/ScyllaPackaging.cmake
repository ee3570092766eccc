# .deb and .rpm packages with CPack: `cmake --build build --target package` (rpmbuild, Debian
# package `rpm`, is needed for the .rpm; without it only the .deb is made). One package per
# install component, named as the C++ driver's packages are:
#   component     .deb                      .rpm
#   runtime       scylla-cpp-driver         scylla-cpp-driver             .so.2.x, SONAME link (+ libcassandra.so.2)
#   development   scylla-cpp-driver-dev     scylla-cpp-driver-devel       headers, .so link, static archive, .pc, CMake files
#   debug         scylla-cpp-driver-dbg     scylla-cpp-driver-debuginfo   lib/debug/.build-id/xx/yyyy.debug
# The packages install under /usr (CPACK_PACKAGING_INSTALL_PREFIX) and are stripped
# (CPACK_STRIP_FILES runs the install with --strip).

set(CPACK_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "scylla-cpp-driver (Rust) project")
set(CPACK_PACKAGE_CONTACT "scylla-cpp-driver (Rust) maintainers <scylla-cpp-driver@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "C client library for Apache Cassandra and ScyllaDB with the API of the ScyllaDB/DataStax C/C++ driver (cassandra.h, dse.h), written in Rust on the scylla crate.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_COMPONENTS_ALL runtime development)
if(SCYLLA_SPLIT_DEBUG)
  list(APPEND CPACK_COMPONENTS_ALL debug)
endif()
set(CPACK_PACKAGE_FILE_NAME "${PROJECT_NAME}-${PROJECT_VERSION}")

find_program(SCYLLA_RPMBUILD rpmbuild)
set(CPACK_GENERATOR DEB)
if(SCYLLA_RPMBUILD)
  list(APPEND CPACK_GENERATOR RPM)
else()
  message(STATUS "Packages: rpmbuild not found (Debian package rpm), the package target makes the .deb files only")
endif()

# --- Debian ---
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/scylladb/cpp-driver")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)   # libc6, libssl3, libgcc-s1 from dpkg-shlibdeps
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME "${PROJECT_NAME}-dev")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS "${PROJECT_NAME} (= ${PROJECT_VERSION}-1), libssl-dev")
set(CPACK_DEBIAN_DEBUG_PACKAGE_NAME "${PROJECT_NAME}-dbg")
set(CPACK_DEBIAN_DEBUG_PACKAGE_SECTION debug)
set(CPACK_DEBIAN_DEBUG_PACKAGE_DEPENDS "${PROJECT_NAME} (= ${PROJECT_VERSION}-1)")

# --- RPM ---
set(CPACK_RPM_COMPONENT_INSTALL ON)
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_RELEASE 1)
set(CPACK_RPM_PACKAGE_LICENSE "Apache-2.0")
set(CPACK_RPM_PACKAGE_GROUP "System Environment/Libraries")
set(CPACK_RPM_RUNTIME_PACKAGE_NAME "${PROJECT_NAME}")
set(CPACK_RPM_DEVELOPMENT_PACKAGE_NAME "${PROJECT_NAME}-devel")
set(CPACK_RPM_DEVELOPMENT_PACKAGE_REQUIRES "${PROJECT_NAME} = ${PROJECT_VERSION}, openssl-devel")
set(CPACK_RPM_DEBUG_PACKAGE_NAME "${PROJECT_NAME}-debuginfo")
set(CPACK_RPM_DEBUG_PACKAGE_REQUIRES "${PROJECT_NAME} = ${PROJECT_VERSION}")
# Folders the system owns (filesystem package), not ours.
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
  /usr/lib/debug /usr/lib/debug/.build-id /usr/lib/pkgconfig /usr/lib/cmake /usr/lib64/pkgconfig /usr/lib64/cmake)
# The files are stripped and split already; rpmbuild's own strip and debuginfo steps stay out.
# No /usr/lib/.build-id links either: the -debuginfo package has the build-id path already.
set(CPACK_RPM_SPEC_MORE_DEFINE "%define __strip /bin/true
%define debug_package %{nil}
%define _build_id_links none")

include(CPack)
cpack_add_component(runtime DISPLAY_NAME "runtime library")
cpack_add_component(development DISPLAY_NAME "development files" DEPENDS runtime)
cpack_add_component(debug DISPLAY_NAME "debug info" DEPENDS runtime)
