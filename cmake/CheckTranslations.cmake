# cmake -DPROJECT_FILE=<lupdate project .cmake> -DGENERATOR=<GenerateLUpdateProject.cmake>
#       -DLUPDATE=<lupdate> -DTS_FILE=<keyway_xx.ts> -DWORK_DIR=<dir> -P CheckTranslations.cmake
#
# Fails when a user-visible string in the sources has no translation in TS_FILE: lupdate
# refreshes a copy of the file from the current sources, and every message it leaves
# unfinished is listed. Fix with `cmake --build <dir> --target update_translations` and
# translating what it adds.
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT_FILE}
        -DOUT_FILE=${WORK_DIR}/project.json -P ${GENERATOR}
    RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
    message(FATAL_ERROR "The lupdate project could not be written.")
endif()
get_filename_component(ts_name ${TS_FILE} NAME)
set(copy ${WORK_DIR}/${ts_name})
file(COPY_FILE ${TS_FILE} ${copy})
execute_process(COMMAND ${LUPDATE} -project ${WORK_DIR}/project.json -no-obsolete -ts ${copy}
    RESULT_VARIABLE updated OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT updated EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${output}")
endif()
file(READ ${copy} content)
# Entities back to characters, and no ";" left to split CMake's lists.
string(REPLACE "&quot;" "\"" content "${content}")
string(REPLACE "&apos;" "'" content "${content}")
string(REPLACE "&amp;" "&" content "${content}")
string(REPLACE ";" "," content "${content}")
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${content}")
list(LENGTH unfinished count)
if(count GREATER 0)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\""
        listed "${content}")
    set(sources "")
    foreach(message IN LISTS listed)
        string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" source "${message}")
        string(REPLACE "&lt," "<" source "${source}")
        string(REPLACE "&gt," ">" source "${source}")
        string(APPEND sources "\n  ${source}")
    endforeach()
    message(FATAL_ERROR "${ts_name}: ${count} message(s) without a translation:${sources}")
endif()
message(STATUS "${ts_name}: every message is translated.")
