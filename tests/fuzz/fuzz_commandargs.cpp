// libFuzzer target: command argument validation — the shape check every command passes first
// (protocol/commandargs.h, for every command) and the relay's typed readers
// (relay/hub/commandargs.h). Even first bytes: the rest is a command frame whose "args" are
// validated; odd: the rest builds the args object directly (every JSON type and edge number
// under the names commands use). It only calls the validators, so it follows their growth.
#include "jsonbuilder.h"
#include "protocol/commandargs.h"
#include "protocol/commands.h"
#include "protocol/frame.h"
#include "relay/hub/commandargs.h"

#include <cstddef>
#include <cstdint>

using namespace Serambi;

namespace {

void validate(const QJsonObject &args)
{
    const QList<Protocol::Command> commands = Protocol::allCommands();
    for (Protocol::Command command : commands) {
        // A refusal always says which argument and why.
        const auto problem = Protocol::checkCommandArguments(command, args);
        if (problem && problem->isEmpty())
            __builtin_trap();
    }
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
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] % 2 == 0) {
        const auto frame = Protocol::decodeFrame(
            QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
        if (frame)
            validate(frame->value(QLatin1String("args")).toObject());
    } else {
        FuzzedDataProvider input(data + 1, size - 1);
        validate(Serambi::Fuzz::fuzzObject(input, 2));
    }
    return 0;
}
