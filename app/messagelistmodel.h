#pragma once

#include "message.h"

#include <QAbstractListModel>
#include <QHash>

namespace Serambi::App {

// The open conversation's messages, oldest first. Reactions are not rows: their emoji is shown
// on the message they react to, the newest reaction of each side (the customer, the business)
// winning, an empty emoji removing it. An interactive reply or a template quick-reply tap knows
// the message that offered the choice (OfferedByRole) once that message is loaded. Older history is
// loaded a page at a time through fetchMore(), which asks whoever listens to olderPageRequested
// (the controller: the local cache first, then the relay) and never holds more than one request in
// flight.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        IdRole = Qt::UserRole + 1, // qint64; negative for a send the relay has not confirmed
        WamidRole,
        DirectionRole, // "in" / "out"
        TypeRole,      // WhatsApp message type
        TextRole,
        StatusRole,     // pending, queued-offline, accepted, sent, delivered, read, played,
                        // failed, received
        SenderKindRole, // "customer" / "agent" / "ai"
        SenderNameRole,
        TimestampRole,    // QDateTime
        ReplyToRole,      // wamid of the quoted message (for a picked choice: the offer)
        QuotedTextRole,   // text of the quoted message when it is loaded
        QuotedSenderRole, // sender kind of the quoted message when it is loaded
        ErrorCodeRole,    // int, Meta's error code: a failed send, or a message it could not
                          // process
        ErrorTitleRole,
        ReactionRole,     // emoji on this message: the customer's, then the business's
        SupportedRole,    // false for types the console cannot show yet
        ContentRole,      // QJsonObject, the raw content
        IsFirstOfDayRole, // bool: the first message of its local calendar day
        MediaStateRole,   // "pending", "ready", "failed"; empty without media
        MediaKeyRole,     // sha256 hex of the bytes, for MediaCache
        MediaMimeTypeRole,
        MediaSizeRole, // qint64 bytes
        MediaFileNameRole,
        MediaErrorRole, // too_large, unsupported_type, download_failed, checksum_mismatch, expired
        OfferedByRole,  // qint64: id of the loaded message whose button or row this reply picked
        EditedRole,     // bool: the customer edited it
        RevokedRole,    // bool: the customer deleted it; its content is gone
        ErrorDetailsRole,
    };
    Q_ENUM(Roles)

    static constexpr int PageSize = 50;

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    qint64 conversationId() const { return m_conversationId; }
    // Empties the model and shows conversationId (0 for none).
    void setConversation(qint64 conversationId);
    // Adds or updates messages of the open conversation (others are ignored); keeps id order.
    void mergeMessages(const MessageList &messages);
    // Answers an olderPageRequested: older messages, and whether nothing older exists.
    void addOlderPage(qint64 conversationId, const MessageList &messages, bool reachedStart);
    // A page request that could not be answered now (offline): fetchMore may ask again.
    void cancelOlderPage(qint64 conversationId);
    // Whether older history exists beyond the loaded rows, when known without a page request.
    void setReachedStart(bool reachedStart) { m_reachedStart = reachedStart; }
    // Drops loaded relay messages older than id (a newer page showed they were not contiguous).
    void removeOlderThan(qint64 id);
    void removeMessage(qint64 id);
    // The newest inbound message id, 0 if none is loaded.
    qint64 latestInboundId() const;
    // The relay id of the oldest loaded message (local pending sends excluded), 0 if none.
    qint64 oldestId() const;
    const Message *message(qint64 id) const;

    static bool isSupportedType(const QString &type);

Q_SIGNALS:
    void olderPageRequested(qint64 conversationId, qint64 beforeId);

private:
    int insertionRow(qint64 id) const;
    void insertRow(int row, const Message &message);
    void applyReaction(const Message &reaction);
    QString reactionsOn(const QString &wamid) const;
    QString quotedWamid(const Message &m) const;
    void rebuildIndex();
    void emitRowChanged(int row);
    void emitRepliesChanged(const QString &wamid);
    bool isFirstOfDay(int row) const;

    qint64 m_conversationId = 0;
    QList<Message> m_rows;
    QHash<qint64, int> m_rowById;
    QHash<QString, qint64> m_idByWamid;
    struct Reaction
    {
        qint64 messageId = 0;
        QString emoji;
    };
    // target wamid -> the customer's ("in") and the business's ("out") newest reaction
    QHash<QString, QHash<QString, Reaction>> m_reactions;
    bool m_fetching = false;
    bool m_reachedStart = false;
};

} // namespace Serambi::App
