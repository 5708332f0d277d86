#include "frame.h"

#include "keys.h"
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
    if (!object.value(Key::Type).isString())
        return fail(ErrorCode::BadFrame, QStringLiteral("frame has no string \"type\""));
    return object;
}

QJsonObject errorFrame(ErrorCode code, const QString &detail)
{
    QJsonObject frame{{Key::Type, QLatin1String(FrameType::Error)},
                      {Key::Code, errorCodeName(code)}};
    if (!detail.isEmpty())
        frame.insert(Key::Message, detail);
    return frame;
}

QJsonObject resultOk(const QString &commandId, const QJsonObject &data)
{
    return {{Key::Type, QLatin1String(FrameType::Result)},
            {Key::Id, commandId},
            {Key::Ok, true},
            {Key::Data, data}};
}

QJsonObject resultError(const QString &commandId, ErrorCode code, const QString &detail,
                        const QJsonObject &extra)
{
    QJsonObject error = extra;
    error.insert(Key::Code, errorCodeName(code));
    if (!detail.isEmpty())
        error.insert(Key::Message, detail);
    return {{Key::Type, QLatin1String(FrameType::Result)},
            {Key::Id, commandId},
            {Key::Ok, false},
            {Key::Error, error}};
}

} // namespace Serambi::Protocol
