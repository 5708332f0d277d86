#pragma once

#include "protocol/labelpayloads.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Serambi::App {

class RelayClient;

using Label = Protocol::LabelPayload;
using LabelList = QList<Label>;

// The team's labels: loaded with list_labels whenever the console comes online and kept
// current by label.updated and label.deleted (docs/protocol.md, "Labels"). Managing the list
// (supervisors) and labelling a chat are sent only while online; the relay decides who may,
// and refusals come back as an error code ("unreachable" when offline).
class Labels : public QObject
{
    Q_OBJECT

public:
    explicit Labels(RelayClient *relay, QObject *parent = nullptr);

    // By name, ignoring case.
    const LabelList &all() const { return m_items; }
    std::optional<Label> byId(qint64 id) const;
    // The labels of ids that exist, by name.
    LabelList ofIds(const QList<qint64> &ids) const;

    // id 0 adds a new label; false (and saveFailed("unreachable")) when offline.
    bool save(qint64 id, const QString &name, const QString &color);
    bool remove(qint64 id);
    // Adds and removes labels on a chat (failed(code) when the relay refuses).
    bool setOnConversation(qint64 conversationId, const QList<qint64> &add,
                           const QList<qint64> &remove);

Q_SIGNALS:
    void changed();
    void saved(const Serambi::Protocol::LabelPayload &label);
    void saveFailed(const QString &errorCode);
    void removeFailed(const QString &errorCode);
    void labellingFailed(const QString &errorCode);

private:
    void handleList(const QJsonObject &data);
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);
    void upsert(const Label &label);

    RelayClient *m_relay;
    LabelList m_items;
};

} // namespace Serambi::App
