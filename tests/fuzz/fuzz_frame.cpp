// libFuzzer target: the console <-> relay frame codec (docs/reliability.md).
#include "protocol/frame.h"
#include "protocol/version.h"

#include <cstddef>
#include <cstdint>

using namespace Serambi::Protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    DecodeError error;
    const auto frame = decodeFrame(text, &error);
    if (!frame) {
        if (error.detail.isEmpty())
            __builtin_trap();
        return 0;
    }
    // What was accepted encodes again to a frame that decodes with the same type.
    const QByteArray encoded = encodeFrame(*frame);
    if (encoded.size() > MaxFrameBytes)
        return 0;
    const auto again = decodeFrame(encoded);
    if (!again || again->value(QLatin1String("type")) != frame->value(QLatin1String("type")))
        __builtin_trap();
    return 0;
}
