#pragma once

#include "protocol/reportpayloads.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace Serambi::Relay {
struct Conversation;
class WriteTxn;
} // namespace Serambi::Relay

namespace Serambi::Relay::AuditLog {

inline constexpr int DefaultPage = 100;
inline constexpr int MaxPage = 500;

// One page of the audit log, newest first: the chat commands agents and supervisors applied
// (assign, transfer, take_over, hand_back, resolve, set_ai_mode, from the command log), the
// relay's automatic assignments (auto_assign) and the changes `serambi-relay user ...` made
// (user.role, user.disable, ...). *more tells whether older entries follow. nullopt when the
// store failed.
std::optional<QList<Protocol::AuditEntry>> page(QSqlDatabase &db, int offset, int limit,
                                                bool *more);

// Records, in txn, that the relay gave conversation to its assignee by itself (auto_assign,
// no actor). False when the store failed.
bool recordAutoAssignment(WriteTxn &txn, const Conversation &conversation);

} // namespace Serambi::Relay::AuditLog
