#include "notecommands.h"

#include "conversationaccess.h"

#include "auth/visibility.h"
#include "outbound/outboundtext.h"

#include "protocol/keys.h"
#include "protocol/types.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

namespace {

// The users the text @mentions, in the order they appear; @words that name no
// enabled user (an e-mail address, a typo) are plain text.
QList<User> mentionedUsers(QSqlDatabase &db, const QString &text)
{
    static const QRegularExpression mention(QStringLiteral("(?:^|[^\\w@.])@([A-Za-z0-9_.-]{1,64})"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    QList<User> users;
    auto matches = mention.globalMatch(text);
    while (matches.hasNext()) {
        QString username = matches.next().captured(1);
        while (username.endsWith(QLatin1Char('.'))) // "@sari." ends a sentence
            username.chop(1);
        const auto user = UserRepo::byName(db, username);
        if (user && !user->disabled)
            users.append(*user);
    }
    return users;
}

} // namespace

std::optional<PendingNote> prepareNote(CommandContext &context, const Conversation &conversation,
                                       const QJsonValue &text, const QList<User> &alsoMention,
                                       CommandReply *refusal)
{
    if (!text.isString() || text.toString().trimmed().isEmpty() ||
        text.toString().toUcs4().size() > MaxTextLength) {
        *refusal = CommandReply::refusal(
            ErrorCode::InvalidArgument,
            QStringLiteral("text must have 1 to %1 characters").arg(MaxTextLength));
        return std::nullopt;
    }
    PendingNote pending;
    pending.note.conversationId = conversation.id;
    pending.note.authorId = context.user.id;
    pending.note.authorName = context.user.displayName;
    pending.note.text = text.toString();
    for (const User &user : alsoMention + mentionedUsers(context.txn.db(), pending.note.text)) {
        if (!canSeeConversation(user, conversation.assigneeId)) {
            *refusal = CommandReply::refusal(
                ErrorCode::Forbidden,
                QStringLiteral("@%1 cannot see this conversation").arg(user.username));
            return std::nullopt;
        }
        if (user.id == context.user.id || pending.mentionedIds.contains(user.id))
            continue; // nobody needs telling what they wrote, nor twice
        pending.mentionedIds.append(user.id);
        pending.note.mentions.append(user.username);
    }
    return pending;
}

bool storeNote(CommandContext &context, const Conversation &conversation, PendingNote &pending)
{
    QList<Mention> mentions;
    if (!NoteRepo::add(context.txn, pending.note, pending.mentionedIds, &mentions))
        return false;
    const QString state = Protocol::conversationStateName(conversation.state);
    context.txn.appendEvent(EventKind::NoteCreated, conversation.id, conversation.assigneeId, state,
                            pending.note.toJson());
    for (const Mention &mention : mentions)
        context.txn.appendEvent(EventKind::MentionCreated, conversation.id, conversation.assigneeId,
                                state, mention.toJson());
    return true;
}

CommandReply addNote(CommandContext &context)
{
    CommandReply refusal;
    const auto conversation = visibleConversation(context, &refusal);
    if (!conversation)
        return refusal;
    auto pending = prepareNote(context, *conversation, context.args.value(Key::Text), {}, &refusal);
    if (!pending)
        return refusal;
    if (!storeNote(context, *conversation, *pending))
        return CommandReply::refusal(ErrorCode::Internal);
    return CommandReply::success({{Key::Note, pending->note.toJson()}});
}

CommandReply listNotesCommand(QSqlDatabase &db, const User &user, const QJsonObject &args)
{
    CommandReply refusal;
    const auto conversationId = requireId(args, Key::ConversationId, &refusal);
    if (!conversationId)
        return refusal;
    const auto conversation = ConversationRepo::load(db, *conversationId);
    if (!conversation)
        return CommandReply::refusal(ErrorCode::NotFound);
    if (!canSeeConversation(user, conversation->assigneeId))
        return CommandReply::refusal(ErrorCode::Forbidden);
    QJsonArray notes;
    for (const Note &note : NoteRepo::ofConversation(db, *conversationId))
        notes.append(note.toJson());
    return CommandReply::success({{Key::Notes, notes}});
}

CommandReply listMentionsCommand(QSqlDatabase &db, const User &user)
{
    // Only mentions in chats the caller still sees: a chat since given to another agent keeps
    // its notes to those who see it.
    QJsonArray mentions;
    for (const Mention &mention : NoteRepo::mentionsOf(db, user.id, MaxMentionsListed)) {
        const auto conversation = ConversationRepo::load(db, mention.note.conversationId);
        if (conversation && canSeeConversation(user, conversation->assigneeId))
            mentions.append(mention.toJson());
    }
    return CommandReply::success({{Key::Mentions, mentions}});
}

} // namespace Serambi::Relay
