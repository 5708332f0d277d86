#include "commandargs.h"

#include <cmath>

namespace Serambi::Relay {

std::optional<qint64> positiveInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    // 2^53: larger doubles are no longer exact integers.
    if (number < 1 || number > 9007199254740992.0 || std::floor(number) != number)
        return std::nullopt;
    return qint64(number);
}

std::optional<qint64> requireId(const QJsonObject &args, QLatin1String key, CommandReply *refusal)
{
    const auto id = positiveInteger(args.value(key));
    if (!id) {
        *refusal = CommandReply::refusal(Protocol::ErrorCode::InvalidArgument,
                                         key + QLatin1String(" must be a positive integer"));
    }
    return id;
}

bool isAbsent(const QJsonObject &args, QLatin1String key)
{
    const QJsonValue value = args.value(key);
    return value.isUndefined() || value.isNull();
}

} // namespace Serambi::Relay
