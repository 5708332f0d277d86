#pragma once

#include "types.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The objects that travel inside frames (docs/protocol.md, "Conversation objects", "A message
// object", "Drafts"): one struct per object with one toJson and one fromJson, used by the relay
// to write them and by the console to read them. Their JSON keys are spelled only in
// payloads.cpp.
namespace Serambi::Protocol {

// Which side wrote a message.
enum class Direction { In, Out };
QLatin1String directionName(Direction direction);
std::optional<Direction> directionFromName(const QString &name);

// A draft's life: streaming (live only) -> pending -> approved / discarded / superseded.
// A regenerate request is stored as "requested" until the drafter answers it.
enum class DraftState { Streaming, Pending, Approved, Discarded, Superseded, Requested };
QLatin1String draftStateName(DraftState state);
std::optional<DraftState> draftStateFromName(const QString &name);

struct ContactPayload
{
    QString waId;     // phone digits without "+"; null on the wire when empty
    QString userId;   // business-scoped user id; null when empty
    QString name;     // profile name
    QString username; // null when empty

    QJsonObject toJson() const;
    static ContactPayload fromJson(const QJsonObject &json);
    bool operator==(const ContactPayload &other) const;
};

// The bytes of a media message as the relay holds them.
struct MediaPayload
{
    QString state; // pending, ready, failed
    QString key;   // sha256 hex of the bytes, once ready
    QString mimeType;
    qint64 size = 0;
    QString filename;
    QString error; // when failed: too_large, unsupported_type, download_failed, ...

    QJsonObject toJson() const;
    static MediaPayload fromJson(const QJsonObject &json);
    bool operator==(const MediaPayload &other) const;
};

struct MessagePayload
{
    qint64 id = 0;
    qint64 conversationId = 0;
    QString wamid; // null when empty
    Direction direction = Direction::In;
    QString type; // WhatsApp message type
    QString text;
    QString status; // MessageStatus name; the console adds its own "queued-offline"
    QString sender; // customer, agent, ai, system
    QString senderName;
    QString replyTo;
    qint64 timestamp = 0; // ms since epoch
    int errorCode = 0;
    QString errorTitle;
    QString errorDetails;
    qint64 editedAt = 0;
    qint64 revokedAt = 0;
    QJsonObject content;
    std::optional<MediaPayload> media;

    bool hasError() const { return errorCode != 0 || !errorTitle.isEmpty(); }
    QJsonObject toJson() const;
    static MessagePayload fromJson(const QJsonObject &json);
    bool operator==(const MessagePayload &other) const;
};

struct DraftPayload
{
    qint64 id = 0;
    qint64 conversationId = 0;
    qint64 forMessageId = 0;
    QString text;
    double confidence = 0; // 0..1
    QStringList sources;   // knowledge-base article ids
    bool handoff = false;
    bool fallback = false;
    DraftState state = DraftState::Pending;

    // Pending and streaming drafts are shown to agents; the others are history.
    bool isOpen() const { return state == DraftState::Pending || state == DraftState::Streaming; }
    QJsonObject toJson() const;
    // nullopt for null, a non-object, or an unknown state.
    static std::optional<DraftPayload> fromJson(const QJsonValue &json);
    bool operator==(const DraftPayload &other) const;
};

struct ConversationPayload
{
    qint64 id = 0;
    QString phoneNumberId;
    ContactPayload contact;
    ConversationState state = ConversationState::Bot;
    AiMode aiMode = AiMode::Draft;
    QString assignee; // username; null when empty
    QString handoffReason;
    QString team; // the team whose queue it is in (routing, transfer); null when none
    qint64 lastInboundAt = 0;
    qint64 lastMessageAt = 0;
    int unread = 0;
    std::optional<MessagePayload> lastMessage;
    std::optional<DraftPayload> draft; // null on the wire when none
    QString channel; // the relay's channel it came through ("main": the first Cloud API number)
    QList<qint64> labels; // the chat's label ids, ascending
    // The customer's latest satisfaction rating of the chat (1 to 5; 0: none) and when they gave
    // it, ms since epoch (docs/protocol.md, "Customer satisfaction").
    int csatScore = 0;
    qint64 csatRatedAt = 0;

    QJsonObject toJson() const;
    static ConversationPayload fromJson(const QJsonObject &json);
    bool operator==(const ConversationPayload &other) const;
};

} // namespace Serambi::Protocol
