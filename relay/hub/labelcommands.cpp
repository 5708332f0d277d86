#include "labelcommands.h"

#include "conversationaccess.h"

#include "auth/visibility.h"
#include "store/labelrepo.h"

#include "protocol/commandargs.h"
#include "protocol/keys.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

namespace {

using Protocol::ErrorCode;

Protocol::ActorPayload actorOf(const User &user)
{
    return {user.id, user.displayName};
}

CommandReply notSupervisor()
{
    return CommandReply::refusal(ErrorCode::Forbidden,
                                 QStringLiteral("only supervisors manage the labels"));
}

// The label named by "id": not_found when there is none.
std::optional<Label> existingLabel(CommandContext &context, CommandReply *refusal)
{
    const auto id = requireId(context.args, Key::Id, refusal);
    if (!id)
        return std::nullopt;
    auto label = LabelRepo::load(context.txn.db(), *id);
    if (!label)
        *refusal = CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such label"));
    return label;
}

// The ids of an "add" or "remove" array: each a label that exists. nullopt with *refusal
// (invalid_argument for a non-id, not_found for an unknown label).
std::optional<QList<qint64>> labelIds(CommandContext &context, QLatin1String key,
                                      CommandReply *refusal)
{
    QList<qint64> ids;
    const QJsonValue value = context.args.value(key);
    if (value.isNull() || value.isUndefined())
        return ids;
    for (const QJsonValue &item : value.toArray()) {
        const auto id = positiveInteger(item);
        if (!id) {
            *refusal = CommandReply::refusal(ErrorCode::InvalidArgument,
                                             QStringLiteral("%1 must hold label ids").arg(key));
            return std::nullopt;
        }
        if (!LabelRepo::load(context.txn.db(), *id)) {
            *refusal =
                CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no label %1").arg(*id));
            return std::nullopt;
        }
        if (!ids.contains(*id))
            ids.append(*id);
    }
    return ids;
}

} // namespace

CommandReply saveLabel(CommandContext &context)
{
    if (!isSupervisor(context.user))
        return notSupervisor();
    static const QRegularExpression colorPattern(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    const QJsonValue name = context.args.value(Key::Name);
    const QString trimmed = name.toString().trimmed();
    if (!name.isString() || trimmed.isEmpty() ||
        trimmed.toUcs4().size() > Protocol::ArgumentLimits::LabelName)
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("name must have 1 to %1 characters")
                                         .arg(Protocol::ArgumentLimits::LabelName));
    const QJsonValue color = context.args.value(Key::Color);
    if (!color.isString() || !colorPattern.match(color.toString()).hasMatch())
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("color must be #rrggbb"));

    Label label;
    if (!isAbsent(context.args, Key::Id)) {
        CommandReply refusal;
        auto existing = existingLabel(context, &refusal);
        if (!existing)
            return refusal;
        label = *existing;
    }
    const qint64 holder = LabelRepo::idByName(context.txn.db(), trimmed);
    if (holder != 0 && holder != label.id)
        return CommandReply::refusal(ErrorCode::Conflict,
                                     QStringLiteral("another label has that name"));
    label.name = trimmed;
    label.color = color.toString().toLower();
    if (!LabelRepo::save(context.txn, label))
        return CommandReply::refusal(ErrorCode::Internal);
    context.txn.appendEvent(EventKind::LabelUpdated, 0, 0, QStringLiteral(""),
                            Protocol::LabelChangePayload{label, actorOf(context.user)}.toJson());
    return CommandReply::success({{Key::Label, label.toJson()}});
}

CommandReply deleteLabel(CommandContext &context)
{
    if (!isSupervisor(context.user))
        return notSupervisor();
    CommandReply refusal;
    const auto label = existingLabel(context, &refusal);
    if (!label)
        return refusal;
    if (!LabelRepo::remove(context.txn, label->id))
        return CommandReply::refusal(ErrorCode::Internal);
    context.txn.appendEvent(EventKind::LabelDeleted, 0, 0, QStringLiteral(""),
                            Protocol::LabelChangePayload{*label, actorOf(context.user)}.toJson());
    return CommandReply::success({{Key::Id, label->id}});
}

CommandReply setConversationLabels(CommandContext &context)
{
    CommandReply refusal;
    const auto conversation = visibleConversation(context, &refusal);
    if (!conversation)
        return refusal;
    const auto add = labelIds(context, Key::Add, &refusal);
    if (!add)
        return refusal;
    const auto remove = labelIds(context, Key::Remove, &refusal);
    if (!remove)
        return refusal;
    if (add->isEmpty() && remove->isEmpty())
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("add or remove at least one label"));
    if (std::any_of(add->cbegin(), add->cend(), [&](qint64 id) { return remove->contains(id); }))
        return CommandReply::refusal(ErrorCode::InvalidArgument,
                                     QStringLiteral("a label cannot be added and removed at once"));

    Protocol::ConversationLabelsPayload change;
    change.conversationId = conversation->id;
    change.by = actorOf(context.user);
    for (const qint64 id : *add) {
        if (conversation->labelIds.contains(id))
            continue;
        if (!LabelRepo::addToConversation(context.txn, conversation->id, id))
            return CommandReply::refusal(ErrorCode::Internal);
        change.added.append(id);
    }
    for (const qint64 id : *remove) {
        if (!conversation->labelIds.contains(id))
            continue;
        if (!LabelRepo::removeFromConversation(context.txn, conversation->id, id))
            return CommandReply::refusal(ErrorCode::Internal);
        change.removed.append(id);
    }
    change.labels = LabelRepo::ofConversation(context.txn.db(), conversation->id);
    const QJsonObject json = change.toJson();
    if (!change.added.isEmpty() || !change.removed.isEmpty())
        context.txn.appendEvent(EventKind::ConversationLabeled, conversation->id,
                                conversation->assigneeId, conversation->stateName(), json);
    return CommandReply::success(json);
}

CommandReply listLabelsCommand(QSqlDatabase &db)
{
    QJsonArray labels;
    for (const Label &label : LabelRepo::all(db))
        labels.append(label.toJson());
    return CommandReply::success({{Key::Labels, labels}});
}

} // namespace Serambi::Relay
