// libFuzzer target: the simulator's multipart/form-data parser (sim/multipart.h). The input's
// first line is the Content-Type header, the rest the body.
#include "sim/multipart.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const auto parts = Serambi::Sim::parseMultipart(contentType, body);
    if (!parts)
        return 0;
    // Every part's bytes are a piece of the body.
    for (const Serambi::Sim::MultipartPart &part : *parts) {
        if (part.data.size() > body.size() || (!part.data.isEmpty() && !body.contains(part.data)))
            __builtin_trap();
    }
    return 0;
}
