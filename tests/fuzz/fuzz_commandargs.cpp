// libFuzzer target: command argument validation (relay/hub/commandargs.h) on the "args" of any
// frame the codec accepts. It only calls the validators, so it follows their growth.
#include "protocol/frame.h"
#include "relay/hub/commandargs.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace Serambi;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto frame = Protocol::decodeFrame(text);
    if (!frame)
        return 0;
    const QJsonObject args = frame->value(QLatin1String("args")).toObject();
    for (auto it = args.constBegin(); it != args.constEnd(); ++it) {
        const QByteArray key = it.key().toLatin1();
        if (QString::fromLatin1(key) != it.key())
            continue; // the validators take Latin-1 names, as every command's keys are
        const QLatin1String name(key.constData(), key.size());
        const auto number = Relay::positiveInteger(it.value());
        // Ids are whole numbers in 1 .. 2^53, the range a JSON double holds exactly.
        if (number && (*number < 1 || *number > (qint64(1) << 53)))
            __builtin_trap();
        Relay::CommandReply refusal;
        const auto id = Relay::requireId(args, name, &refusal);
        if (id != number || (!id && (refusal.ok || refusal.message.isEmpty())))
            __builtin_trap();
        if (Relay::isAbsent(args, name) != (it.value().isNull() || it.value().isUndefined()))
            __builtin_trap();
    }
    return 0;
}
