#include "cannedcommands.h"

#include "auth/visibility.h"
#include "outbound/outboundtext.h"
#include "store/cannedrepo.h"

#include "protocol/keys.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

namespace {

using Protocol::ErrorCode;

// Its author and supervisors/admins may change a canned response.
bool mayChange(const User &user, const CannedResponse &canned)
{
    return canned.authorId == user.id || isSupervisor(user);
}

// The response named by "id", if it exists (not_found) and the caller may change it.
std::optional<CannedResponse> changeableCanned(CommandContext &context, CommandReply *refusal)
{
    const auto id = requireId(context.args, Key::Id, refusal);
    if (!id)
        return std::nullopt;
    auto canned = CannedRepo::load(context.txn.db(), *id);
    if (!canned) {
        *refusal =
            CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such canned response"));
        return std::nullopt;
    }
    if (!mayChange(context.user, *canned)) {
        *refusal = CommandReply::refusal(
            ErrorCode::Forbidden,
            QStringLiteral("only its author or a supervisor may change a canned response"));
        return std::nullopt;
    }
    return canned;
}

} // namespace

CommandReply saveCanned(CommandContext &context)
{
    static const QRegularExpression shortcutPattern(
        QStringLiteral("^[a-z0-9_-]{1,%1}$").arg(MaxCannedShortcutLength));
    const QJsonValue shortcut = context.args.value(Key::Shortcut);
    if (!shortcut.isString() || !shortcutPattern.match(shortcut.toString()).hasMatch())
        return CommandReply::refusal(
            ErrorCode::InvalidArgument,
            QStringLiteral("shortcut must have 1 to %1 of a-z, 0-9, _ and -")
                .arg(MaxCannedShortcutLength));
    const QJsonValue title = context.args.value(Key::Title);
    if (!isAbsent(context.args, Key::Title) &&
        (!title.isString() || title.toString().toUcs4().size() > MaxCannedTitleLength))
        return CommandReply::refusal(
            ErrorCode::InvalidArgument,
            QStringLiteral("title must have at most %1 characters").arg(MaxCannedTitleLength));
    const QJsonValue text = context.args.value(Key::Text);
    if (!text.isString() || text.toString().trimmed().isEmpty() ||
        text.toString().toUcs4().size() > MaxTextLength)
        return CommandReply::refusal(
            ErrorCode::InvalidArgument,
            QStringLiteral("text must have 1 to %1 characters").arg(MaxTextLength));

    CannedResponse canned;
    canned.authorId = context.user.id;
    canned.authorName = context.user.displayName;
    if (!isAbsent(context.args, Key::Id)) {
        CommandReply refusal;
        auto existing = changeableCanned(context, &refusal);
        if (!existing)
            return refusal;
        canned = *existing; // an edit keeps the author
    }
    const qint64 holder = CannedRepo::idByShortcut(context.txn.db(), shortcut.toString());
    if (holder != 0 && holder != canned.id)
        return CommandReply::refusal(ErrorCode::Conflict, QStringLiteral("the shortcut is taken"));
    canned.shortcut = shortcut.toString();
    canned.title = title.toString();
    canned.text = text.toString();
    if (!CannedRepo::save(context.txn, canned))
        return CommandReply::refusal(ErrorCode::Internal);
    const QJsonObject json = canned.toJson();
    context.txn.appendEvent(EventKind::CannedUpdated, 0, 0, QStringLiteral(""), json);
    return CommandReply::success({{Key::Canned, json}});
}

CommandReply deleteCanned(CommandContext &context)
{
    CommandReply refusal;
    const auto canned = changeableCanned(context, &refusal);
    if (!canned)
        return refusal;
    if (!CannedRepo::remove(context.txn, canned->id))
        return CommandReply::refusal(ErrorCode::Internal);
    const QJsonObject data{{Key::Id, canned->id}};
    context.txn.appendEvent(EventKind::CannedDeleted, 0, 0, QStringLiteral(""), data);
    return CommandReply::success(data);
}

CommandReply listCannedCommand(QSqlDatabase &db)
{
    QJsonArray canned;
    for (const CannedResponse &item : CannedRepo::all(db))
        canned.append(item.toJson());
    return CommandReply::success({{Key::Canned, canned}});
}

} // namespace Serambi::Relay
