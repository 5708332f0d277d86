#include "commandrunner.h"

#include "protocol/frame.h"
#include "store/commandlog.h"

namespace Serambi::Relay {

WriteResult runWriteCommand(WriteTxn &txn, const CommandRequest &request, WriteCommand command)
{
    if (const auto recorded = CommandLog::find(txn.db(), request.userId, request.id))
        return WriteResult::success(*recorded);
    const auto user = UserRepo::byId(txn.db(), request.userId);
    if (!user || user->disabled) {
        return WriteResult::success(
            Protocol::resultError(request.id, Protocol::ErrorCode::Forbidden));
    }
    CommandContext context{txn, *user, request.args, request.nowMs, request.windowMs, request.csat};
    const CommandReply reply = command(context);
    if (!reply.ok) {
        return WriteResult::success(Protocol::resultError(request.id, reply.code, reply.message));
    }
    const QJsonObject frame = Protocol::resultOk(request.id, reply.data);
    if (!CommandLog::record(txn, request.userId, request.id, request.name, frame))
        return WriteResult::failure(QStringLiteral("cannot record command"));
    return WriteResult::success(frame);
}

} // namespace Serambi::Relay
