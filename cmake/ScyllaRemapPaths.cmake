# The --remap-path-prefix flags that keep absolute build paths out of the library: rustc writes
# source paths into panic locations, `tracing` metadata (the `file` of log messages) and debug
# info. After remapping, the shipped files name
#   crates.io/<crate>-<version>/src/...     a dependency from the cargo registry
#   cargo-git/<checkout>/...                a git dependency
#   /rustc/<commit>/library/...             the standard library (the name its own binaries use)
#   scylla-cpp-driver-<version>/...         this source tree (and target/, which lies inside it)
# The cc crate passes the same mapping to the C compiler of build scripts (-ffile-prefix-map).
#
# scylla_remap_path_flags(<out-var>): <out-var> = list of --remap-path-prefix=FROM=TO flags.
# rustc lets the last matching flag win, so the wide mappings come first.

function(scylla_remap_path_flags out)
  set(flags "--remap-path-prefix=${CMAKE_SOURCE_DIR}=${PROJECT_NAME}-${PROJECT_VERSION}")

  if(DEFINED ENV{CARGO_HOME} AND NOT "$ENV{CARGO_HOME}" STREQUAL "")
    set(cargo_home "$ENV{CARGO_HOME}")
  else()
    set(cargo_home "$ENV{HOME}/.cargo")
  endif()
  # The registry's source folder is <cargo home>/registry/src/<index name>-<hash>; on a fresh
  # machine it does not exist yet, so the whole src folder is mapped too (then the index name stays).
  list(APPEND flags "--remap-path-prefix=${cargo_home}/registry/src=cargo-registry"
                    "--remap-path-prefix=${cargo_home}/git/checkouts=cargo-git")
  file(GLOB indexes LIST_DIRECTORIES true "${cargo_home}/registry/src/index.crates.io-*")
  foreach(index IN LISTS indexes)
    list(APPEND flags "--remap-path-prefix=${index}=crates.io")
  endforeach()

  # The toolchain's library sources (rust-src): rustc maps /rustc/<commit> back to them when they
  # are installed, so generic std code compiled into this crate would name the rustup folder.
  get_filename_component(cargo_dir "${CARGO}" DIRECTORY)
  find_program(SCYLLA_RUSTC rustc HINTS "${cargo_dir}" "${cargo_home}/bin")
  if(SCYLLA_RUSTC)
    execute_process(COMMAND "${SCYLLA_RUSTC}" --print sysroot
      OUTPUT_VARIABLE sysroot OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc1)
    execute_process(COMMAND "${SCYLLA_RUSTC}" -vV
      OUTPUT_VARIABLE version RESULT_VARIABLE rc2)
    if(rc1 EQUAL 0 AND rc2 EQUAL 0 AND version MATCHES "commit-hash: ([0-9a-f]+)")
      set(commit "${CMAKE_MATCH_1}")
      list(APPEND flags "--remap-path-prefix=${sysroot}=rust-toolchain"
                        "--remap-path-prefix=${sysroot}/lib/rustlib/src/rust=/rustc/${commit}")
    endif()
  endif()

  foreach(flag IN LISTS flags)
    if(flag MATCHES "[ \"\\\\]")
      message(FATAL_ERROR "SCYLLA_REMAP_PATHS: a path with spaces, quotes or backslashes cannot be remapped: ${flag}\n"
                          "Build in another folder or pass -DSCYLLA_REMAP_PATHS=OFF.")
    endif()
  endforeach()
  set(${out} "${flags}" PARENT_SCOPE)
endfunction()
