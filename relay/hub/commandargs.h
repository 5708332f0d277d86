#pragma once

#include "protocol/errorcode.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// What a command handler decided: data for an ok result, or a refusal with its code.
struct CommandReply
{
    bool ok = true;
    Protocol::ErrorCode code = Protocol::ErrorCode::Internal;
    QString message;
    QJsonObject data;

    static CommandReply success(const QJsonObject &data = {}) { return {true, {}, {}, data}; }
    static CommandReply refusal(Protocol::ErrorCode code, const QString &message = {})
    {
        return {false, code, message, {}};
    }
};

// A whole number above zero (JSON numbers are doubles), or nullopt.
std::optional<qint64> positiveInteger(const QJsonValue &value);

// Reads a required positive id argument; on failure sets *refusal to invalid_argument.
std::optional<qint64> requireId(const QJsonObject &args, QLatin1String key, CommandReply *refusal);

// True when the argument is absent or null.
bool isAbsent(const QJsonObject &args, QLatin1String key);

} // namespace Serambi::Relay
