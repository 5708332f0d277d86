#include "notepayloads.h"

#include "keys.h"

#include <QJsonArray>

namespace Serambi::Protocol {

namespace {
const QLatin1String AuthorKey("author");
const QLatin1String CreatedAtKey("created_at");
} // namespace

QJsonObject NotePayload::toJson() const
{
    return {{Key::Id, id},
            {Key::ConversationId, conversationId},
            {AuthorKey, QJsonObject{{Key::Id, authorId}, {Key::DisplayName, authorName}}},
            {Key::Text, text},
            {Key::Mentions, QJsonArray::fromStringList(mentions)},
            {CreatedAtKey, createdAt}};
}

NotePayload NotePayload::fromJson(const QJsonObject &json)
{
    NotePayload note;
    note.id = json.value(Key::Id).toInteger();
    note.conversationId = json.value(Key::ConversationId).toInteger();
    const QJsonObject author = json.value(AuthorKey).toObject();
    note.authorId = author.value(Key::Id).toInteger();
    note.authorName = author.value(Key::DisplayName).toString();
    note.text = json.value(Key::Text).toString();
    for (const QJsonValue &username : json.value(Key::Mentions).toArray())
        note.mentions.append(username.toString());
    note.createdAt = json.value(CreatedAtKey).toInteger();
    return note;
}

bool NotePayload::operator==(const NotePayload &other) const
{
    return id == other.id && conversationId == other.conversationId && authorId == other.authorId &&
           authorName == other.authorName && text == other.text && mentions == other.mentions &&
           createdAt == other.createdAt;
}

QJsonObject MentionPayload::toJson() const
{
    return {{Key::Id, id}, {Key::UserId, userId}, {Key::Note, note.toJson()}};
}

MentionPayload MentionPayload::fromJson(const QJsonObject &json)
{
    MentionPayload mention;
    mention.id = json.value(Key::Id).toInteger();
    mention.userId = json.value(Key::UserId).toInteger();
    mention.note = NotePayload::fromJson(json.value(Key::Note).toObject());
    return mention;
}

bool MentionPayload::operator==(const MentionPayload &other) const
{
    return id == other.id && userId == other.userId && note == other.note;
}

} // namespace Serambi::Protocol
