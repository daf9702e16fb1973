# keyway_add_test(<Name> [KEYCHAIN] [LIBRARIES libs...] [FUNCTIONS functions...])
#
# Builds tests/<Name>.cpp into one Qt Test executable and registers it with CTest. KEYCHAIN runs
# it inside a private D-Bus session with GNOME Keyring unlocked (tests/support/with-keyring.sh),
# so it meets the real OS keychain but never the developer's own. Widgets render offscreen.
# FUNCTIONS registers each of those test functions as its own entry, <Name>.<function>, in a
# session of its own: for tests that lock, freeze or kill their keychain.
set(KEYWAY_WITH_KEYRING ${CMAKE_CURRENT_LIST_DIR}/../tests/support/with-keyring.sh)

function(keyway_add_test name)
    cmake_parse_arguments(ARG "KEYCHAIN" "" "LIBRARIES;FUNCTIONS" ${ARGN})
    add_executable(${name} ${name}.cpp)
    target_link_libraries(${name} PRIVATE Qt6::Test keyway_test_support ${ARG_LIBRARIES}
        keyway_warnings)
    set(launcher)
    if(ARG_KEYCHAIN)
        set(launcher ${KEYWAY_WITH_KEYRING})
    endif()
    set(entries)
    if(ARG_FUNCTIONS)
        foreach(function ${ARG_FUNCTIONS})
            add_test(NAME ${name}.${function}
                COMMAND ${launcher} $<TARGET_FILE:${name}> ${function})
            list(APPEND entries ${name}.${function})
        endforeach()
    else()
        add_test(NAME ${name} COMMAND ${launcher} $<TARGET_FILE:${name}>)
        set(entries ${name})
    endif()
    set_tests_properties(${entries} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;KEYWAY_BINARY=$<TARGET_FILE:keyway>"
        # The Node.js that scripts/install-deps.sh installs when the system's is too old.
        ENVIRONMENT_MODIFICATION
        "PATH=path_list_prepend:${PROJECT_SOURCE_DIR}/tests/node/runtime/node_modules/.bin"
        TIMEOUT 300)
endfunction()
