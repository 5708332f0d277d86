#pragma once

#include "protocol/errorcode.h"

#include <QCoreApplication>
#include <QString>

namespace Serambi::Ui {

// The sentence an agent reads when the relay refuses something. Codes cross the wire; the
// words are made here, in the user's language.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    // retryAfterSeconds is used by auth_throttled, metaTitle by meta_error.
    static QString forCode(Protocol::ErrorCode code, int retryAfterSeconds = 0,
                           const QString &metaTitle = {});
    // For a code name from the wire, or the console's "unreachable"/"network"; an unknown
    // name gets a generic sentence.
    static QString forName(const QString &name, int retryAfterSeconds = 0,
                           const QString &metaTitle = {});
};

} // namespace Serambi::Ui
