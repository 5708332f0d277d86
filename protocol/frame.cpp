#include "frame.h"

#include "version.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Serambi::Protocol {

QByteArray encodeFrame(const QJsonObject &frame)
{
    return QJsonDocument(frame).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> decodeFrame(const QByteArray &text, DecodeError *error)
{
    auto fail = [error](ErrorCode code, const QString &detail) -> std::optional<QJsonObject> {
        if (error)
            *error = DecodeError{code, detail};
        return std::nullopt;
    };
    if (text.size() > MaxFrameBytes)
        return fail(ErrorCode::FrameTooLarge,
                    QStringLiteral("frame exceeds %1 bytes").arg(MaxFrameBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorCode::BadFrame, parseError.errorString());
    if (!doc.isObject())
        return fail(ErrorCode::BadFrame, QStringLiteral("frame is not a JSON object"));
    QJsonObject object = doc.object();
    if (!object.value(QLatin1String("type")).isString())
        return fail(ErrorCode::BadFrame, QStringLiteral("frame has no string \"type\""));
    return object;
}

QJsonObject errorFrame(ErrorCode code, const QString &detail)
{
    QJsonObject frame{{QLatin1String("type"), QLatin1String(FrameType::Error)},
                      {QLatin1String("code"), errorCodeName(code)}};
    if (!detail.isEmpty())
        frame.insert(QLatin1String("message"), detail);
    return frame;
}

QJsonObject resultOk(const QString &commandId, const QJsonObject &data)
{
    return {{QLatin1String("type"), QLatin1String(FrameType::Result)},
            {QLatin1String("id"), commandId},
            {QLatin1String("ok"), true},
            {QLatin1String("data"), data}};
}

QJsonObject resultError(const QString &commandId, ErrorCode code, const QString &detail,
                        const QJsonObject &extra)
{
    QJsonObject error = extra;
    error.insert(QLatin1String("code"), errorCodeName(code));
    if (!detail.isEmpty())
        error.insert(QLatin1String("message"), detail);
    return {{QLatin1String("type"), QLatin1String(FrameType::Result)},
            {QLatin1String("id"), commandId},
            {QLatin1String("ok"), false},
            {QLatin1String("error"), error}};
}

} // namespace Serambi::Protocol
