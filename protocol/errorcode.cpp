#include "errorcode.h"

#include <array>
#include <utility>

namespace Serambi::Protocol {

namespace {
constexpr std::array<std::pair<ErrorCode, const char *>, 22> Names{{
    {ErrorCode::BadFrame, "bad_frame"},
    {ErrorCode::FrameTooLarge, "frame_too_large"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::NotAuthenticated, "not_authenticated"},
    {ErrorCode::AuthFailed, "auth_failed"},
    {ErrorCode::AuthThrottled, "auth_throttled"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::InvalidArgument, "invalid_argument"},
    {ErrorCode::UnknownCommand, "unknown_command"},
    {ErrorCode::WindowClosed, "window_closed"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::MetaError, "meta_error"},
    {ErrorCode::Internal, "internal"},
    {ErrorCode::MediaTooLarge, "media_too_large"},
    {ErrorCode::UnsupportedMediaType, "unsupported_media_type"},
    {ErrorCode::LoggedOut, "logged_out"},
    {ErrorCode::SessionRevoked, "session_revoked"},
    {ErrorCode::SessionExpired, "session_expired"},
    {ErrorCode::AccountDisabled, "account_disabled"},
    {ErrorCode::RoleChanged, "role_changed"},
    {ErrorCode::UploadQuotaExceeded, "upload_quota_exceeded"},
}};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[value, name] : Names) {
        if (value == code)
            return QLatin1String(name);
    }
    return QStringLiteral("internal");
}

bool errorCodeFromName(const QString &name, ErrorCode *code)
{
    for (const auto &[value, text] : Names) {
        if (name == QLatin1String(text)) {
            *code = value;
            return true;
        }
    }
    return false;
}

} // namespace Serambi::Protocol

namespace Serambi::Protocol {

QList<ErrorCode> allErrorCodes()
{
    QList<ErrorCode> all;
    for (const auto &entry : Names)
        all.append(entry.first);
    return all;
}

} // namespace Serambi::Protocol
