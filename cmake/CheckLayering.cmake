# cmake -DSOURCE_DIR=<repository> -P CheckLayering.cmake
#
# Fails when an include breaks the architecture of docs/ARCHITECTURE.md:
# - every include of ours names its path from the repository's top ("router/http/HttpServer.h"),
#   never "../";
# - the libraries depend one way: ui → app → router (app/main.cpp, the program, on all three);
# - inside the router, a folder includes only from its own folder and the floors below it.
cmake_minimum_required(VERSION 3.25)

# The router's floors, bottom first; folders on one line share a floor but do not include each
# other. providers/<name>/ counts as providers; the facade (router/Router.*) sits on top.
set(floors
    "core"
    "http;codecs"
    "records"
    "catalog;access"
    "inbound"
    "translate"
    "upstream"
    "routing"
    "providers"
    ".")

set(floor_index 0)
foreach(floor IN LISTS floors)
    foreach(folder IN LISTS floor)
        set(rank_${folder} ${floor_index})
    endforeach()
    math(EXPR floor_index "${floor_index} + 1")
endforeach()

function(router_folder path out)
    string(REGEX REPLACE "^router/" "" relative "${path}")
    if(relative MATCHES "^([a-z]+)/")
        set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
    else()
        set(${out} "." PARENT_SCOPE)
    endif()
endfunction()

set(problems "")
file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/router/*.h ${SOURCE_DIR}/router/*.cpp
    ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/app/*.cpp
    ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/ui/*.cpp
    ${SOURCE_DIR}/tests/*.h ${SOURCE_DIR}/tests/*.cpp)
list(FILTER sources EXCLUDE REGEX "^tests/node/")
# The program's entry point builds on every library.
list(REMOVE_ITEM sources app/main.cpp)
foreach(source IN LISTS sources)
    file(STRINGS ${SOURCE_DIR}/${source} includes REGEX "^#include \"")
    string(REGEX MATCH "^[a-z]+" library "${source}")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" included "${line}")
        if(included MATCHES "\\.moc$")
            continue()
        endif()
        if(NOT included MATCHES "^(router|app|ui|tests)/")
            list(APPEND problems "${source}: \"${included}\" does not name its path from the top")
            continue()
        endif()
        string(REGEX MATCH "^[a-z]+" target "${included}")
        if((library STREQUAL "router" AND target MATCHES "^(app|ui|tests)$")
            OR (library STREQUAL "app" AND target MATCHES "^(ui|tests)$")
            OR (library STREQUAL "ui" AND target STREQUAL "tests"))
            list(APPEND problems "${source}: ${library} may not include ${included}")
            continue()
        endif()
        if(library STREQUAL "router" AND target STREQUAL "router")
            router_folder(${source} from)
            router_folder(${included} to)
            if(NOT from STREQUAL to AND NOT rank_${to} LESS rank_${from})
                list(APPEND problems "${source}: the ${from} floor may not include ${included}")
            endif()
        endif()
    endforeach()
endforeach()

# An exchange answers through HttpResponseSink; the connection that makes it stays unknown to it.
file(STRINGS ${SOURCE_DIR}/router/http/HttpExchange.h exchange_includes REGEX "HttpConnection")
file(STRINGS ${SOURCE_DIR}/router/http/HttpExchange.cpp exchange_source_includes REGEX "#include.*HttpConnection")
if(exchange_includes OR exchange_source_includes)
    list(APPEND problems "router/http/HttpExchange: must not know HttpConnection")
endif()

if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "Includes that break the layering:\n  ${text}")
endif()
list(LENGTH sources count)
message(STATUS "${count} files follow the layering")
