# SERAMBI_BUILD_FUZZ: libFuzzer targets under tests/fuzz (docs/reliability.md). Needs clang;
# scripts/fuzz.sh uses the `fuzz` preset. Every library is built with libFuzzer's coverage
# instrumentation, AddressSanitizer and UBSan (any UB stops the run), the targets link libFuzzer.
option(SERAMBI_BUILD_FUZZ "Build the libFuzzer targets (clang only)" OFF)
set(SERAMBI_FUZZ_ENABLED OFF)
if(SERAMBI_BUILD_FUZZ)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        set(SERAMBI_FUZZ_ENABLED ON)
        add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
                            -fno-sanitize-recover=all -fno-omit-frame-pointer)
        # After -Wpedantic: qCInfo(category) << ... is standard since C++20, and clang's
        # -Wpedantic flags it in C++17 in every file that logs.
        target_compile_options(serambi_compile_options INTERFACE
                               -Wno-gnu-zero-variadic-macro-arguments)
        add_link_options(-fsanitize=address,undefined)
    else()
        message(WARNING "SERAMBI_BUILD_FUZZ needs clang (libFuzzer); the fuzz targets are skipped. "
                        "Use the `fuzz` preset or scripts/fuzz.sh.")
    endif()
endif()
