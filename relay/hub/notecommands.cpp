#include "notecommands.h"

#include "conversationaccess.h"

#include "auth/visibility.h"
#include "outbound/outboundtext.h"
#include "store/noterepo.h"

#include "protocol/keys.h"
#include "protocol/types.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

namespace {

// The users the text @mentions, each once, in the order they first appear; @words that name no
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
        const bool known = std::any_of(users.cbegin(), users.cend(),
                                       [&user](const User &u) { return user && u.id == user->id; });
        if (user && !user->disabled && !known)
            users.append(*user);
    }
    return users;
}

} // namespace

CommandReply addNote(CommandContext &context)
{
    CommandReply refusal;
    const auto conversation = visibleConversation(context, &refusal);
    if (!conversation)
        return refusal;
    const QJsonValue text = context.args.value(Key::Text);
    if (!text.isString() || text.toString().trimmed().isEmpty() ||
        text.toString().toUcs4().size() > MaxTextLength)
        return CommandReply::refusal(
            ErrorCode::InvalidArgument,
            QStringLiteral("text must have 1 to %1 characters").arg(MaxTextLength));

    Note note;
    note.conversationId = conversation->id;
    note.authorId = context.user.id;
    note.authorName = context.user.displayName;
    note.text = text.toString();
    QList<qint64> mentionedIds;
    for (const User &user : mentionedUsers(context.txn.db(), note.text)) {
        if (!canSeeConversation(user, conversation->assigneeId))
            return CommandReply::refusal(
                ErrorCode::Forbidden,
                QStringLiteral("@%1 cannot see this conversation").arg(user.username));
        if (user.id == context.user.id)
            continue; // nobody needs telling what they wrote
        mentionedIds.append(user.id);
        note.mentions.append(user.username);
    }
    QList<Mention> mentions;
    if (!NoteRepo::add(context.txn, note, mentionedIds, &mentions))
        return CommandReply::refusal(ErrorCode::Internal);

    const QString state = Protocol::conversationStateName(conversation->state);
    const QJsonObject json = note.toJson();
    context.txn.appendEvent(EventKind::NoteCreated, conversation->id, conversation->assigneeId,
                            state, json);
    for (const Mention &mention : mentions)
        context.txn.appendEvent(EventKind::MentionCreated, conversation->id,
                                conversation->assigneeId, state, mention.toJson());
    return CommandReply::success({{Key::Note, json}});
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
