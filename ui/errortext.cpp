#include "errortext.h"

namespace Serambi::Ui {

using Protocol::ErrorCode;

QString ErrorText::forCode(ErrorCode code, int retryAfterSeconds, const QString &metaTitle)
{
    switch (code) {
    case ErrorCode::BadFrame:
    case ErrorCode::FrameTooLarge:
    case ErrorCode::UnknownCommand:
        return tr("The relay did not understand the console. Update Serambi or tell your "
                  "administrator.");
    case ErrorCode::UnsupportedVersion:
        return tr("This version of Serambi is too old or too new for the relay. Update Serambi.");
    case ErrorCode::NotAuthenticated:
        return tr("You are not signed in. Sign in again.");
    case ErrorCode::AuthFailed:
        return tr("Wrong username or password, or your session has expired.");
    case ErrorCode::AuthThrottled:
        return tr("Too many failed sign-ins. Try again in %n second(s).", nullptr,
                  qMax(1, retryAfterSeconds));
    case ErrorCode::Forbidden:
        return tr("You are not allowed to do this: the chat belongs to someone else or your role "
                  "does not permit it.");
    case ErrorCode::NotFound:
        return tr("This chat, message or user no longer exists.");
    case ErrorCode::InvalidArgument:
        return tr("The relay refused the request as incomplete. Check the text and try again.");
    case ErrorCode::WindowClosed:
        return tr("The 24-hour window has closed — send a template instead.");
    case ErrorCode::Conflict:
        return tr("Someone else changed this chat first, for example another agent took it over.");
    case ErrorCode::MetaError:
        if (metaTitle.isEmpty())
            return tr("WhatsApp refused the message.");
        return tr("WhatsApp refused the message: %1").arg(metaTitle);
    case ErrorCode::Internal:
        return tr("The relay had a problem and did not apply the request. Try again.");
    case ErrorCode::MediaTooLarge:
        return tr("The file is too large for WhatsApp.");
    case ErrorCode::UnsupportedMediaType:
        return tr("WhatsApp does not accept this type of file.");
    case ErrorCode::LoggedOut:
        return tr("You signed out.");
    case ErrorCode::SessionRevoked:
        return tr("An administrator ended your session or changed your password. Sign in again.");
    case ErrorCode::SessionExpired:
        return tr("Your session has expired. Sign in again.");
    case ErrorCode::AccountDisabled:
        return tr("Your account has been disabled. Ask your administrator.");
    case ErrorCode::RoleChanged:
        return tr("Your role has changed. Reconnecting with your new permissions…");
    case ErrorCode::UploadQuotaExceeded:
        return tr("You have uploaded as many files today as the relay allows. Try again later "
                  "or ask your administrator.");
    }
    return tr("The relay refused the request.");
}

QString ErrorText::forName(const QString &name, int retryAfterSeconds, const QString &metaTitle)
{
    // The console's own codes for a relay that cannot be reached.
    if (name == QLatin1String("unreachable") || name == QLatin1String("network"))
        return tr("Cannot reach the relay. Check the address and your network connection.");
    ErrorCode code;
    if (!Protocol::errorCodeFromName(name, &code))
        return tr("The relay refused the request.");
    return forCode(code, retryAfterSeconds, metaTitle);
}

} // namespace Serambi::Ui
