// libFuzzer target: the console <-> relay frame codec (docs/reliability.md). Even first bytes:
// the rest is a text frame to decode. Odd: the rest builds a frame object that must come back
// from encode and decode as the same JSON.
#include "jsonbuilder.h"
#include "protocol/frame.h"
#include "protocol/version.h"

#include <cstddef>
#include <cstdint>

using namespace Serambi::Protocol;

namespace {

void decodeText(const QByteArray &text)
{
    DecodeError error;
    const auto frame = decodeFrame(text, &error);
    if (!frame) {
        if (error.detail.isEmpty())
            __builtin_trap();
        return;
    }
    // What was accepted encodes again to a frame that decodes with the same type.
    const QByteArray encoded = encodeFrame(*frame);
    if (encoded.size() > MaxFrameBytes)
        return;
    const auto again = decodeFrame(encoded);
    if (!again || again->value(QLatin1String("type")) != frame->value(QLatin1String("type")))
        __builtin_trap();
}

void roundTrip(FuzzedDataProvider &input)
{
    QJsonObject frame = Serambi::Fuzz::fuzzObject(input, 3);
    frame.insert(QLatin1String("type"), Serambi::Fuzz::fuzzText(input, 16));
    const QByteArray encoded = encodeFrame(frame);
    DecodeError error;
    const auto decoded = decodeFrame(encoded, &error);
    if (encoded.size() > MaxFrameBytes) {
        if (decoded || error.code != ErrorCode::FrameTooLarge)
            __builtin_trap();
        return;
    }
    if (!decoded || !Serambi::Fuzz::sameJson(*decoded, frame))
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 2 == 0) {
        decodeText(QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    } else {
        FuzzedDataProvider input(data + 1, size - 1);
        roundTrip(input);
    }
    return 0;
}
