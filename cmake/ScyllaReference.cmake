# The reference C++ driver (from the acsylla wheel, see scripts/reference-driver) as an imported
# target, scylla-cpp-driver::reference, for the C tests.
#
# In:  WITH_REFERENCE (cache: AUTO, ON or OFF). AUTO uses it when scripts/reference-driver succeeds,
#      ON makes its failure a configure error, OFF leaves it out.
# Out: SCYLLA_HAVE_REFERENCE (TRUE/FALSE), target scylla-cpp-driver::reference.

set(WITH_REFERENCE AUTO CACHE STRING "Also run the C tests on the reference C++ driver (AUTO, ON, OFF)")
set_property(CACHE WITH_REFERENCE PROPERTY STRINGS AUTO ON OFF)
set(SCYLLA_HAVE_REFERENCE FALSE)

if(NOT WITH_REFERENCE STREQUAL "OFF")
  set(_ref_script "${CMAKE_SOURCE_DIR}/scripts/reference-driver")
  # Cheap once the cache is filled; the first run downloads the wheel (7 MB) with pip.
  message(STATUS "Reference C++ driver: scripts/reference-driver (the first time: the acsylla wheel from PyPI, 7 MB, with pip)")
  execute_process(
    COMMAND bash "${_ref_script}" --quiet --print-lib --print-python-libdir
    OUTPUT_VARIABLE _ref_out
    ERROR_VARIABLE _ref_err
    RESULT_VARIABLE _ref_rc
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_ref_rc EQUAL 0)
    string(REPLACE "\n" ";" _ref_lines "${_ref_out}")
    list(GET _ref_lines 0 SCYLLA_REFERENCE_LIB)
    list(GET _ref_lines 1 SCYLLA_REFERENCE_PYTHON_LIBDIR)
    set(SCYLLA_REFERENCE_PYTHON_LIB "${SCYLLA_REFERENCE_PYTHON_LIBDIR}/libpython3.11.so")
    get_filename_component(_ref_libdir "${SCYLLA_REFERENCE_LIB}" DIRECTORY)

    add_library(scylla_cpp_driver_reference_python SHARED IMPORTED GLOBAL)
    set_target_properties(scylla_cpp_driver_reference_python PROPERTIES
      IMPORTED_LOCATION "${SCYLLA_REFERENCE_PYTHON_LIB}")
    # The module has no SONAME: IMPORTED_NO_SONAME makes CMake link it as -L<dir> -lcassandra-reference,
    # so the program's DT_NEEDED is "libcassandra-reference.so", found through the rpath.
    # It needs libpython's symbols (but not an initialised interpreter).
    add_library(scylla-cpp-driver::reference SHARED IMPORTED GLOBAL)
    set_target_properties(scylla-cpp-driver::reference PROPERTIES
      IMPORTED_LOCATION "${SCYLLA_REFERENCE_LIB}"
      IMPORTED_NO_SONAME TRUE
      INTERFACE_INCLUDE_DIRECTORIES "${CMAKE_SOURCE_DIR}/include"
      INTERFACE_LINK_LIBRARIES scylla_cpp_driver_reference_python)
    set(SCYLLA_REFERENCE_RPATH "${_ref_libdir};${SCYLLA_REFERENCE_PYTHON_LIBDIR}")
    set(SCYLLA_HAVE_REFERENCE TRUE)
    message(STATUS "Reference C++ driver: ${SCYLLA_REFERENCE_LIB} (+ ${SCYLLA_REFERENCE_PYTHON_LIB})")
  elseif(WITH_REFERENCE STREQUAL "ON")
    message(FATAL_ERROR "WITH_REFERENCE=ON but scripts/reference-driver failed:\n${_ref_err}")
  else()
    message(STATUS "Reference C++ driver: not available, the .reference tests are left out (${_ref_err})")
  endif()
endif()
