# cmake -DIN=lib.so -DOUT=lib.so.2.16.2 -DDEBUG=lib.so.2.16.2.debug -DOBJCOPY=objcopy -P split-debug.cmake
# Copies the library cargo built to OUT without its debug info, and puts that debug info into
# DEBUG, linked from OUT by a GNU debuglink (gdb finds DEBUG beside OUT, or through the build id
# under <prefix>/lib/debug/.build-id once installed). The symbol table stays in OUT; an install
# with --strip removes it too.
foreach(var IN ITEMS IN OUT DEBUG OBJCOPY)
  if(NOT ${var})
    message(FATAL_ERROR "split-debug.cmake: -D${var}= is required")
  endif()
endforeach()
get_filename_component(debug_name "${DEBUG}" NAME)
get_filename_component(debug_dir "${DEBUG}" DIRECTORY)
execute_process(COMMAND "${OBJCOPY}" --only-keep-debug "${IN}" "${DEBUG}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "objcopy --only-keep-debug ${IN} failed")
endif()
file(RENAME "${DEBUG}.tmp" "${DEBUG}")
# --add-gnu-debuglink stores the file's name and CRC; it is run where the name resolves.
execute_process(COMMAND "${OBJCOPY}" --strip-debug --add-gnu-debuglink=${debug_name} "${IN}" "${OUT}.tmp"
  WORKING_DIRECTORY "${debug_dir}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "objcopy --strip-debug --add-gnu-debuglink ${IN} failed")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
