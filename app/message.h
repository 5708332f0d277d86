#pragma once

#include "protocol/payloads.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Serambi::App {

// The bytes of a media message as the relay holds them (docs/protocol.md, "Rich messages").
struct MessageMedia
{
    QString state; // pending, ready, failed; empty for a message without media
    QString key;   // sha256 hex of the bytes, once ready
    QString mimeType;
    qint64 size = 0;
    QString filename;
    QString error; // when failed: too_large, unsupported_type, download_failed, ...

    bool isEmpty() const { return state.isEmpty(); }
    static MessageMedia fromPayload(const Protocol::MediaPayload &payload);
    Protocol::MediaPayload toPayload() const;
};

// One message as the relay describes it (docs/protocol.md, "A message object"), plus the
// console's own pending sends, which carry a negative local id and the command id.
struct Message
{
    qint64 id = 0; // relay id; negative for a send not yet confirmed by the relay
    qint64 conversationId = 0;
    QString wamid;
    Protocol::Direction direction = Protocol::Direction::In;
    QString type; // WhatsApp message type
    QString text;
    QString status; // received, pending, queued-offline, accepted, sent, delivered, read, ...
    QString sender; // customer / agent / ai
    QString senderName;
    QString replyTo;      // wamid of the quoted message
    qint64 timestamp = 0; // ms since epoch
    int errorCode = 0;    // Meta's error code: a failed send, or a message Meta could not process
    QString errorTitle;
    QString errorDetails;
    qint64 editedAt = 0;  // ms: when the customer last edited it; 0 if never
    qint64 revokedAt = 0; // ms: when the customer deleted it (its content is gone); 0 if not
    QJsonObject content;  // inbound: the message as WhatsApp sent it; outbound: the Graph body
    MessageMedia media;
    QString commandId; // for local pending sends

    static Message fromPayload(const Protocol::MessagePayload &payload);
    Protocol::MessagePayload toPayload() const;
    // The relay's message object, plus command_id for the console's own pending sends.
    static Message fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    bool isInbound() const { return direction == Protocol::Direction::In; }
    QString directionName() const { return Protocol::directionName(direction); }

    bool isReaction() const;
    // For a reaction: the wamid it reacts to and its emoji (empty emoji removes a reaction).
    QString reactionTarget() const;
    QString reactionEmoji() const;
    // The wamid of the message this one answers: the business message that offered the button
    // or row an interactive reply or template quick-reply tap picked (content.context.id).
    QString contextId() const;
    bool isLocal() const { return id < 0; }
    bool isEdited() const { return editedAt > 0; }
    bool isRevoked() const { return revokedAt > 0; }
};

using MessageList = QList<Message>;

} // namespace Serambi::App

Q_DECLARE_METATYPE(Serambi::App::Message)
