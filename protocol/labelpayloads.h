#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Labels the team puts on chats, as frames carry them (docs/protocol.md, "Labels"). One struct
// per object with one toJson and one fromJson; the JSON keys are spelled only in
// labelpayloads.cpp and keys.h.
namespace Serambi::Protocol {

// A label of the team's list.
struct LabelPayload
{
    qint64 id = 0;
    QString name;
    QString color; // "#rrggbb"

    QJsonObject toJson() const;
    static LabelPayload fromJson(const QJsonObject &json);
    bool operator==(const LabelPayload &other) const;
};

// Who made a change: the user's id and display name.
struct ActorPayload
{
    qint64 id = 0;
    QString displayName;

    QJsonObject toJson() const;
    static ActorPayload fromJson(const QJsonObject &json);
    bool operator==(const ActorPayload &other) const;
};

// label.updated and label.deleted: the label (as it was, for a deletion) and who changed it.
struct LabelChangePayload
{
    LabelPayload label;
    ActorPayload by;

    QJsonObject toJson() const;
    static LabelChangePayload fromJson(const QJsonObject &json);
    bool operator==(const LabelChangePayload &other) const;
};

// conversation.labeled and set_conversation_labels' result: a chat's labels after a change,
// what the change added and removed, and who made it.
struct ConversationLabelsPayload
{
    qint64 conversationId = 0;
    QList<qint64> labels; // ascending ids
    QList<qint64> added;
    QList<qint64> removed;
    ActorPayload by;

    QJsonObject toJson() const;
    static ConversationLabelsPayload fromJson(const QJsonObject &json);
    bool operator==(const ConversationLabelsPayload &other) const;
};

// Ids to and from a JSON array (a conversation's "labels", set_conversation_labels' "add").
QJsonArray labelIdsToJson(const QList<qint64> &ids);
QList<qint64> labelIdsFromJson(const QJsonValue &json);

} // namespace Serambi::Protocol
