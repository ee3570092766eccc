# Steps of `cmake --install` that install(FILES) cannot do, run through install(CODE) as
#   include(install-steps.cmake) then scylla_install_<step>(...).
# Paths are those of the install tree: DESTDIR and the install-time prefix are applied here, so
# `cmake --install --prefix`, DESTDIR and CPack's staging all land in the right place.

# The absolute installed path of <relative-dir>/<name>, DESTDIR included.
function(_scylla_installed out dir name)
  if(NOT IS_ABSOLUTE "${dir}")
    set(dir "${CMAKE_INSTALL_PREFIX}/${dir}")
  endif()
  set(${out} "$ENV{DESTDIR}${dir}/${name}" PARENT_SCOPE)
endfunction()

# --strip: the shared library loses its symbol table too (the debug info went to the .debug file).
function(scylla_install_strip_shared strip dir name)
  if(NOT CMAKE_INSTALL_DO_STRIP)
    return()
  endif()
  _scylla_installed(file "${dir}" "${name}")
  message(STATUS "Stripping: ${file}")
  execute_process(COMMAND "${strip}" --strip-unneeded "${file}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${strip} --strip-unneeded ${file} failed")
  endif()
endfunction()

# The static archive always loses its debug info and the LLVM bitcode rustc embeds for Rust-side
# LTO (about 200 MB to 30 MB): a C linker uses neither.
function(scylla_install_slim_archive objcopy dir name)
  _scylla_installed(file "${dir}" "${name}")
  message(STATUS "Removing debug info and LLVM bitcode: ${file}")
  execute_process(COMMAND "${objcopy}" --strip-debug --remove-section=.llvmbc --remove-section=.llvmcmd "${file}"
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "objcopy --strip-debug ${file} failed")
  endif()
endfunction()

# The .debug file under <prefix>/lib/debug/.build-id/xx/yyyy.debug, where gdb, perf and
# systemd-coredump look (with prefix /usr without any setting; else `set debug-file-directory
# <prefix>/lib/debug` in gdb).
function(scylla_install_debug_file readelf lib debug)
  execute_process(COMMAND "${readelf}" -n "${lib}" OUTPUT_VARIABLE notes RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT notes MATCHES "Build ID: ([0-9a-f][0-9a-f])([0-9a-f]+)")
    message(FATAL_ERROR "${lib} has no build id (readelf -n); cannot place its debug file")
  endif()
  set(dir "${CMAKE_INSTALL_PREFIX}/lib/debug/.build-id/${CMAKE_MATCH_1}")
  file(INSTALL "${debug}" DESTINATION "${dir}" RENAME "${CMAKE_MATCH_2}.debug"
    PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endfunction()
