#pragma once

#include "protocol/teampayloads.h"

#include <QList>
#include <QObject>
#include <QString>

namespace Serambi::App {

class RelayClient;

// A saved reply shared by the whole team (docs/protocol.md "Rich messages").
struct CannedResponse : Protocol::CannedPayload
{
    static CannedResponse fromJson(const QJsonObject &json);
    // Whether query (what follows "/" in the composer) finds it: a prefix of the shortcut, or
    // a part of the shortcut, title or text, ignoring case. An empty query finds every one.
    bool matches(const QString &query) const;
};

using CannedList = QList<CannedResponse>;

// The team's canned responses: loaded with list_canned whenever the console comes online and
// kept current by canned.updated and canned.deleted. Saving and deleting are sent only while
// online (the relay decides who may); refusals come back as an error code.
class CannedResponses : public QObject
{
    Q_OBJECT

public:
    explicit CannedResponses(RelayClient *relay, QObject *parent = nullptr);

    const CannedList &all() const { return m_items; }
    // Matches of query, shortcuts that start with it first, then by shortcut.
    CannedList matching(const QString &query) const;

    // False (and saveFailed("unreachable")) when offline. id 0 adds a new one.
    bool save(qint64 id, const QString &shortcut, const QString &title, const QString &text);
    bool remove(qint64 id);

Q_SIGNALS:
    void changed();
    void saved(const Serambi::App::CannedResponse &canned);
    void saveFailed(const QString &errorCode);
    void removeFailed(const QString &errorCode);

private:
    void handleList(const QJsonObject &data);
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);
    void upsert(const CannedResponse &canned);

    RelayClient *m_relay;
    CannedList m_items; // by shortcut
};

} // namespace Serambi::App
