#pragma once

#include "errorcode.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Serambi::Protocol {

// Frame type names, as they appear in the "type" field of every frame.
namespace FrameType {
inline constexpr char Hello[] = "hello";
inline constexpr char Welcome[] = "welcome";
inline constexpr char Subscribe[] = "subscribe";
inline constexpr char Subscribed[] = "subscribed";
inline constexpr char Snapshot[] = "snapshot";
inline constexpr char Event[] = "event";
inline constexpr char Command[] = "command";
inline constexpr char Result[] = "result";
inline constexpr char Error[] = "error";
} // namespace FrameType

struct DecodeError
{
    ErrorCode code = ErrorCode::BadFrame;
    QString detail;
};

// Serialises a frame as compact JSON text.
QByteArray encodeFrame(const QJsonObject &frame);

// Parses one text frame; it must be a JSON object with a string "type".
std::optional<QJsonObject> decodeFrame(const QByteArray &text, DecodeError *error = nullptr);

// Builders for the server's reply frames.
QJsonObject errorFrame(ErrorCode code, const QString &detail = {});
QJsonObject resultOk(const QString &commandId, const QJsonObject &data = {});
QJsonObject resultError(const QString &commandId, ErrorCode code, const QString &detail = {},
                        const QJsonObject &extra = {});

} // namespace Serambi::Protocol
