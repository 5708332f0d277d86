#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Internal notes and @mentions in a chat, as frames carry them (docs/protocol.md, "Internal
// notes"). One struct per object with one toJson and one fromJson; the JSON keys are spelled
// only in notepayloads.cpp.
namespace Serambi::Protocol {

// A note agents write in a chat for each other; never sent to the customer.
struct NotePayload
{
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 authorId = 0;
    QString authorName; // the author's display name
    QString text;
    QStringList mentions; // usernames of the colleagues it mentions
    qint64 createdAt = 0; // ms since epoch

    QJsonObject toJson() const;
    static NotePayload fromJson(const QJsonObject &json);
    bool operator==(const NotePayload &other) const;
};

// One colleague mentioned in one note.
struct MentionPayload
{
    qint64 id = 0;
    qint64 userId = 0; // who was mentioned
    NotePayload note;

    QJsonObject toJson() const;
    static MentionPayload fromJson(const QJsonObject &json);
    bool operator==(const MentionPayload &other) const;
};

} // namespace Serambi::Protocol
