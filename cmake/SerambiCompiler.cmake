# Compiler settings shared by every Serambi target.
add_library(serambi_compile_options INTERFACE)
target_compile_options(serambi_compile_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
if(SERAMBI_WERROR)
    target_compile_options(serambi_compile_options INTERFACE -Werror)
endif()
target_compile_definitions(serambi_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SERAMBI_VERSION="${PROJECT_VERSION}")
add_library(Serambi::CompileOptions ALIAS serambi_compile_options)

# serambi_add_library(name ALIAS Serambi::X SOURCES ... LIBS ...)
function(serambi_add_library name)
    cmake_parse_arguments(ARG "" "ALIAS" "SOURCES;LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_link_libraries(${name} PUBLIC ${ARG_LIBS} PRIVATE Serambi::CompileOptions)
    target_include_directories(${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/..)
    add_library(${ARG_ALIAS} ALIAS ${name})
endfunction()
