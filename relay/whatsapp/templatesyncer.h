#pragma once

#include "graphclient.h"
#include "store/templaterepo.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace Serambi::Relay {

class StoreWriter;

// How a template sync ended.
struct TemplateSyncResult
{
    bool ok = false;
    int count = 0; // templates stored
    qint64 syncedAt = 0;
    GraphError error; // when Meta refused (error.code != 0)
    QString problem;  // otherwise, why it failed (no answer, HTTP status, store)
};

// Copies the WhatsApp Business Account's message templates (§10.1) into the store: GETs every
// page of {WABA}/message_templates, then replaces the stored set in one write transaction and
// publishes templates.updated. A failed sync is logged and leaves the stored set as it was.
// Syncs asked for while one runs share its outcome.
class TemplateSyncer : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const TemplateSyncResult &)>;

    TemplateSyncer(StoreWriter *writer, GraphClient *graph, QString wabaId, int pageSize,
                   QObject *parent = nullptr);

    // False when no WABA id is configured (nothing to sync).
    bool configured() const { return !m_wabaId.isEmpty(); }
    // Starts a sync (or joins the running one); done runs on context's thread.
    void sync(QObject *context, Done done);

private:
    void fetchPage(const QString &after);
    void store();
    void finish(const TemplateSyncResult &result);

    StoreWriter *m_writer;
    GraphClient *m_graph;
    QString m_wabaId;
    int m_pageSize;
    bool m_running = false;
    int m_pages = 0;
    QList<MessageTemplate> m_fetched;
    QList<QPair<QPointer<QObject>, Done>> m_waiting;
};

} // namespace Serambi::Relay
