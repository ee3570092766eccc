# Runs cargo for the crate in CMAKE_SOURCE_DIR and tells where its libraries land.
#
# In:  CARGO (cache; default: $ENV{CARGO}, else cargo on PATH or in ~/.cargo/bin),
#      CARGO_FLAGS (cache; extra arguments, e.g. "--locked;--features=x"),
#      CMAKE_BUILD_TYPE (Release and RelWithDebInfo build cargo's release profile, anything else its dev profile).
# Out: target cargo-build (always runs; cargo itself decides what is stale),
#      CARGO_PROFILE_DIR, CARGO_SHARED_LIB, CARGO_STATIC_LIB.

if(NOT DEFINED CACHE{CARGO})
  if(DEFINED ENV{CARGO} AND NOT "$ENV{CARGO}" STREQUAL "")
    set(_cargo_default "$ENV{CARGO}")
  else()
    find_program(_cargo_found cargo HINTS "$ENV{CARGO_HOME}/bin" "$ENV{HOME}/.cargo/bin")
    set(_cargo_default "${_cargo_found}")
    unset(_cargo_found CACHE)
  endif()
  set(CARGO "${_cargo_default}" CACHE FILEPATH "The cargo executable")
endif()
if(NOT CARGO OR NOT EXISTS "${CARGO}")
  message(FATAL_ERROR "cargo not found (CARGO='${CARGO}'); pass -DCARGO=/path/to/cargo or set the CARGO environment variable")
endif()

set(CARGO_FLAGS "" CACHE STRING "Extra arguments for cargo build (a ;-list)")
set(CARGO_TARGET_DIR "${CMAKE_SOURCE_DIR}/target")

if(CMAKE_CONFIGURATION_TYPES)
  message(FATAL_ERROR "Multi-config generators are not supported; use Ninja or Unix Makefiles with CMAKE_BUILD_TYPE")
endif()
if(CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo)$")
  set(_cargo_profile_args --release)
  set(CARGO_PROFILE_DIR release)
else()
  set(_cargo_profile_args)
  set(CARGO_PROFILE_DIR debug)
endif()

set(CARGO_SHARED_LIB "${CARGO_TARGET_DIR}/${CARGO_PROFILE_DIR}/libscylla_cpp_driver.so")
set(CARGO_STATIC_LIB "${CARGO_TARGET_DIR}/${CARGO_PROFILE_DIR}/libscylla_cpp_driver.a")

# --lib builds only the library (cdylib, staticlib and rlib) of the root package, not the
# workspace's tools. BYPRODUCTS lets Ninja see the files (restat: dependants rebuild only
# when cargo really relinked them).
add_custom_target(cargo-build ALL
  COMMAND "${CARGO}" build ${_cargo_profile_args} --lib --package scylla-cpp-driver
          --manifest-path "${CMAKE_SOURCE_DIR}/Cargo.toml" --target-dir "${CARGO_TARGET_DIR}"
          ${CARGO_FLAGS}
  BYPRODUCTS "${CARGO_SHARED_LIB}" "${CARGO_STATIC_LIB}"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
  USES_TERMINAL
  COMMENT "cargo build (${CARGO_PROFILE_DIR} profile)"
  VERBATIM)
message(STATUS "cargo: ${CARGO}, profile ${CARGO_PROFILE_DIR}, target dir ${CARGO_TARGET_DIR}")
