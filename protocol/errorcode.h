#pragma once

#include <QList>
#include <QString>

namespace Serambi::Protocol {

// Error codes that cross the wire. The relay never sends user-facing text for these;
// the console maps each code to a translated sentence. Names are in docs/protocol.md.
enum class ErrorCode {
    BadFrame,             // not JSON, not an object, no "type"
    FrameTooLarge,        // over MaxFrameBytes
    UnsupportedVersion,   // hello with a protocol version the relay does not speak
    NotAuthenticated,     // a frame other than hello before a successful hello
    AuthFailed,           // wrong username/password, or an unknown/expired session token
    AuthThrottled,        // too many failed logins; "retry_after" seconds in the error
    Forbidden,            // the user's role or assignment does not allow this command
    NotFound,             // unknown conversation, message or user
    InvalidArgument,      // a missing or malformed command argument
    UnknownCommand,       // a command name the relay does not know
    WindowClosed,         // free-form message outside the 24-hour window: send a template
    Conflict,             // the command no longer fits the conversation's state
    MetaError,            // the Graph API refused; "meta_code" and "meta_message" in the error
    Internal,             // the relay failed; the command was not applied
    MediaTooLarge,        // POST /media: over the limit for the file's kind
    UnsupportedMediaType, // POST /media: a type WhatsApp does not take
    UploadQuotaExceeded,  // POST /media: the user's uploads of the last 24 hours reach the quota
    // Why the relay closed a logged-in connection (docs/protocol.md, "Revocation"):
    LoggedOut,       // the console's own logout
    SessionRevoked,  // an administrator revoked the user's sessions or changed the password
    SessionExpired,  // the session reached its absolute or idle limit
    AccountDisabled, // the user was disabled
    RoleChanged,     // the user's role changed: reconnect with the token for the new view
};

QString errorCodeName(ErrorCode code);
// Returns false when name is not a known code.
bool errorCodeFromName(const QString &name, ErrorCode *code);
// Every code (for tests and documentation checks).
QList<ErrorCode> allErrorCodes();

} // namespace Serambi::Protocol
