#pragma once

#include "commandargs.h"
#include "config/csatconfig.h"
#include "store/storewriter.h"
#include "store/userrepo.h"
#include "store/writetxn.h"

#include <QJsonObject>
#include <QString>

namespace Serambi::Relay {

// What a state-changing command handler gets, on the writer thread inside the transaction.
struct CommandContext
{
    WriteTxn &txn;
    const User &user; // as stored now, not as at login
    const QJsonObject &args;
    qint64 nowMs;    // the hub's clock
    qint64 windowMs; // the customer-service window
    const CsatSettings &csat;
};

using WriteCommand = CommandReply (*)(CommandContext &context);

struct CommandRequest
{
    QString id; // client-generated, unique per user
    QString name;
    QJsonObject args;
    qint64 userId = 0;
    qint64 nowMs = 0;
    qint64 windowMs = 0;
    CsatSettings csat;
};

// The body of a command's write job. A resent id gets its recorded result back; otherwise the
// command runs and its ok result is recorded in the same transaction as its changes. Refusals
// are not recorded (nothing was applied). The value is the result frame (a QJsonObject).
WriteResult runWriteCommand(WriteTxn &txn, const CommandRequest &request, WriteCommand command);

} // namespace Serambi::Relay
