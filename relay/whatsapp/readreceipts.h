#pragma once

#include <QHash>
#include <QObject>

namespace Serambi::Relay {

class GraphClient;
class StoreReader;

// Tells Meta an agent read a conversation (blue ticks for the customer): marks the newest
// customer message read, which marks every earlier one too (§8.4). Best effort: a failure is
// logged, not retried; the next read sends it again.
class ReadReceipts : public QObject
{
    Q_OBJECT

public:
    ReadReceipts(StoreReader *reader, GraphClient *graph, QObject *parent = nullptr);

public Q_SLOTS:
    void handleConversationRead(qint64 conversationId);

private:
    StoreReader *m_reader;
    GraphClient *m_graph;
    QHash<qint64, QString> m_lastSent; // conversation -> wamid already marked read
};

} // namespace Serambi::Relay
