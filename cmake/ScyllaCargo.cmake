# Runs cargo for the crate in CMAKE_SOURCE_DIR and tells where its libraries land.
#
# In:  CARGO (cache; default: $ENV{CARGO}, else cargo on PATH or in ~/.cargo/bin),
#      CARGO_FLAGS (cache; extra arguments, e.g. "--locked;--features=x"),
#      CARGO_PROFILE (cache; empty: `dev` for CMAKE_BUILD_TYPE Debug, `dist` for Release,
#        RelWithDebInfo and MinSizeRel; `dev-release` gives quick optimised rebuilds),
#      SCYLLA_REMAP_PATHS (cache; default ON for the dist profile): rewrite the absolute paths
#        rustc would embed (panic locations, log metadata, debug info) into short relative names.
# Out: target cargo-build (always runs; cargo itself decides what is stale),
#      CARGO_PROFILE_NAME, CARGO_PROFILE_DIR, CARGO_SHARED_LIB, CARGO_STATIC_LIB.

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
set(CARGO_PROFILE "" CACHE STRING "cargo profile (empty: dev for Debug, dist otherwise)")
if(CARGO_PROFILE)
  set(CARGO_PROFILE_NAME "${CARGO_PROFILE}")
elseif(CMAKE_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo|MinSizeRel)$")
  set(CARGO_PROFILE_NAME dist)
else()
  set(CARGO_PROFILE_NAME dev)
endif()
# cargo's output folder: `debug` for dev (and test), `release` for release (and bench), else the name.
if(CARGO_PROFILE_NAME MATCHES "^(dev|test)$")
  set(CARGO_PROFILE_DIR debug)
elseif(CARGO_PROFILE_NAME MATCHES "^(release|bench)$")
  set(CARGO_PROFILE_DIR release)
else()
  set(CARGO_PROFILE_DIR "${CARGO_PROFILE_NAME}")
endif()
set(_cargo_profile_args --profile "${CARGO_PROFILE_NAME}")

# Path remapping. Added with `--config build.rustflags=[...]`, which cargo appends to the
# rustflags of .cargo/config.toml (an environment RUSTFLAGS would replace both). Only for the dist
# profile by default: other profiles share their folder with plain cargo runs (bench/run builds
# target/release), and different flags would make each run rebuild everything.
if(CARGO_PROFILE_NAME STREQUAL "dist")
  set(_remap_default ON)
else()
  set(_remap_default OFF)
endif()
option(SCYLLA_REMAP_PATHS "Rewrite absolute build paths in the library (--remap-path-prefix)" ${_remap_default})
set(_cargo_config_args)
if(SCYLLA_REMAP_PATHS)
  include(ScyllaRemapPaths)
  scylla_remap_path_flags(_remap_flags)
  set(_toml "")
  foreach(flag IN LISTS _remap_flags)
    string(APPEND _toml "\"${flag}\",")
  endforeach()
  set(_cargo_config_args --config "build.rustflags=[${_toml}]")
endif()

set(CARGO_SHARED_LIB "${CARGO_TARGET_DIR}/${CARGO_PROFILE_DIR}/libscylla_cpp_driver.so")
set(CARGO_STATIC_LIB "${CARGO_TARGET_DIR}/${CARGO_PROFILE_DIR}/libscylla_cpp_driver.a")

# --lib builds only the library (cdylib, staticlib and rlib) of the root package, not the
# workspace's tools. BYPRODUCTS lets Ninja see the files (restat: dependants rebuild only
# when cargo really relinked them).
add_custom_target(cargo-build ALL
  COMMAND "${CARGO}" build ${_cargo_profile_args} --lib --package scylla-cpp-driver
          --manifest-path "${CMAKE_SOURCE_DIR}/Cargo.toml" --target-dir "${CARGO_TARGET_DIR}"
          ${_cargo_config_args} ${CARGO_FLAGS}
  BYPRODUCTS "${CARGO_SHARED_LIB}" "${CARGO_STATIC_LIB}"
  WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}"
  USES_TERMINAL
  COMMENT "cargo build (${CARGO_PROFILE_NAME} profile)"
  VERBATIM)
message(STATUS "cargo: ${CARGO}, profile ${CARGO_PROFILE_NAME} (${CARGO_TARGET_DIR}/${CARGO_PROFILE_DIR}), path remapping ${SCYLLA_REMAP_PATHS}")
