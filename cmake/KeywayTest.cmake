# keyway_add_test(<Name> [KEYCHAIN] [LIBRARIES libs...])
#
# Builds tests/<Name>.cpp into one Qt Test executable and registers it with CTest. KEYCHAIN runs
# it inside a private D-Bus session with GNOME Keyring unlocked (tests/support/with-keyring.sh),
# so it meets the real OS keychain but never the developer's own. Widgets render offscreen.
set(KEYWAY_WITH_KEYRING ${CMAKE_CURRENT_LIST_DIR}/../tests/support/with-keyring.sh)

function(keyway_add_test name)
    cmake_parse_arguments(ARG "KEYCHAIN" "" "LIBRARIES" ${ARGN})
    add_executable(${name} ${name}.cpp)
    target_link_libraries(${name} PRIVATE Qt6::Test keyway_test_support ${ARG_LIBRARIES}
        keyway_warnings)
    if(ARG_KEYCHAIN)
        add_test(NAME ${name} COMMAND ${KEYWAY_WITH_KEYRING} $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;KEYWAY_BINARY=$<TARGET_FILE:keyway>"
        TIMEOUT 300)
endfunction()
