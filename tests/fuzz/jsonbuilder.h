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

// Text from fuzz input, without Unicode noncharacters (U+FFFE, U+7FFFF, ...): Qt's JSON parser
// reads those as U+FFFD, so a built frame holding one would not come back the same.
inline QString fuzzText(FuzzedDataProvider &input, std::size_t maxLength)
{
    const QString raw = QString::fromUtf8(input.ConsumeRandomLengthString(maxLength).c_str());
    QString text;
    for (const char32_t codePoint : raw.toUcs4()) {
        if (!QChar::isNonCharacter(codePoint))
            text.append(QString::fromUcs4(&codePoint, 1));
    }
    return text;
}

// Names the relay's commands and Meta's webhooks use, and a few that nothing uses.
inline QString fuzzKey(FuzzedDataProvider &input)
{
    static const char *const names[] = {
        "type",      "id",       "name",     "args",  "conversation_id", "message_id", "draft_id",
        "before_id", "limit",    "since",    "text",  "reply_to",        "v",          "token",
        "login",     "username", "password", "media", "object",          "entry",      "changes",
        "value",     "messages", "statuses", "",      "\xc3\xa9"};
    // Latin-1 only: every name in the protocol and in Meta's payloads is ASCII, and Qt 6.4
    // orders a parsed object's keys outside the BMP differently from the object it encoded.
    if (input.ConsumeBool())
        return QString::fromLatin1(input.ConsumeRandomLengthString(16).c_str());
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
        return fuzzText(input, 64);
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

// The same JSON, numbers compared as the doubles they are: Qt parses "-9223372036854775808" to
// an integer and keeps a built -2^63 as a double, and QJsonArray's operator== and the encoder
// (which writes the double as -9223372036854776000) tell the two apart.
inline bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.isArray() && b.isArray()) {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        if (left.size() != right.size())
            return false;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (!sameJson(left.at(i), right.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject() && b.isObject()) {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        if (left.keys() != right.keys())
            return false;
        for (auto it = left.begin(); it != left.end(); ++it) {
            if (!sameJson(it.value(), right.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

} // namespace Serambi::Fuzz
