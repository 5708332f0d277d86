#pragma once

// Builds JSON values from fuzz input, so the JSON targets reach their own code with every type
// and edge value even though Qt's JSON parser (gcc-built) gives libFuzzer no coverage to follow.
#include <fuzzer/FuzzedDataProvider.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <limits>

namespace Serambi::Fuzz {

// Names the relay's commands and Meta's webhooks use, and a few that nothing uses.
inline QString fuzzKey(FuzzedDataProvider &input)
{
    static const char *const names[] = {
        "type",      "id",       "name",     "args",  "conversation_id", "message_id", "draft_id",
        "before_id", "limit",    "since",    "text",  "reply_to",        "v",          "token",
        "login",     "username", "password", "media", "object",          "entry",      "changes",
        "value",     "messages", "statuses", "",      "\xc3\xa9"};
    if (input.ConsumeBool())
        return QString::fromUtf8(input.ConsumeRandomLengthString(16).c_str());
    const auto index = input.ConsumeIntegralInRange<std::size_t>(0, std::size(names) - 1);
    return QString::fromUtf8(names[index]);
}

inline double fuzzNumber(FuzzedDataProvider &input)
{
    static const double edges[] = {0.0,
                                   -0.0,
                                   1.0,
                                   -1.0,
                                   0.5,
                                   1.0 - 1e-16,
                                   9007199254740991.0,
                                   9007199254740992.0,
                                   9007199254740994.0,
                                   9223372036854775807.0,
                                   -9223372036854775807.0 - 1.0,
                                   1e308,
                                   -1e308,
                                   std::numeric_limits<double>::denorm_min(),
                                   std::numeric_limits<double>::max()};
    switch (input.ConsumeIntegralInRange(0, 2)) {
    case 0:
        return edges[input.ConsumeIntegralInRange<std::size_t>(0, std::size(edges) - 1)];
    case 1:
        return double(input.ConsumeIntegral<qint64>());
    default:
        return input.ConsumeFloatingPoint<double>();
    }
}

inline QJsonValue fuzzValue(FuzzedDataProvider &input, int depth)
{
    switch (input.ConsumeIntegralInRange(0, depth > 0 ? 5 : 3)) {
    case 0:
        return QJsonValue(QJsonValue::Null);
    case 1:
        return input.ConsumeBool();
    case 2:
        return fuzzNumber(input);
    case 3:
        return QString::fromUtf8(input.ConsumeRandomLengthString(64).c_str());
    case 4: {
        QJsonArray array;
        const int count = input.ConsumeIntegralInRange(0, 4);
        for (int i = 0; i < count; ++i)
            array.append(fuzzValue(input, depth - 1));
        return array;
    }
    default: {
        QJsonObject object;
        const int count = input.ConsumeIntegralInRange(0, 6);
        for (int i = 0; i < count; ++i)
            object.insert(fuzzKey(input), fuzzValue(input, depth - 1));
        return object;
    }
    }
}

inline QJsonObject fuzzObject(FuzzedDataProvider &input, int depth)
{
    QJsonObject object;
    const int count = input.ConsumeIntegralInRange(0, 8);
    for (int i = 0; i < count; ++i)
        object.insert(fuzzKey(input), fuzzValue(input, depth - 1));
    return object;
}

} // namespace Serambi::Fuzz
