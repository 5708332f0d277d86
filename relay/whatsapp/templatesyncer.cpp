#include "templatesyncer.h"

#include "logging/relaylogging.h"
#include "protocol/keys.h"
#include "store/event.h"
#include "store/storewriter.h"
#include "store/writetxn.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrlQuery>

namespace Serambi::Relay {

namespace {
// A WABA holds at most 6,000 templates; more pages than this means a paging loop.
constexpr int MaxPages = 6000;
} // namespace

TemplateSyncer::TemplateSyncer(StoreWriter *writer, GraphClient *graph, QString wabaId,
                               int pageSize, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_graph(graph)
    , m_wabaId(std::move(wabaId))
    , m_pageSize(pageSize)
{}

void TemplateSyncer::sync(QObject *context, Done done)
{
    m_waiting.append({QPointer<QObject>(context), std::move(done)});
    if (m_running)
        return;
    if (!configured()) {
        TemplateSyncResult result;
        result.problem = QStringLiteral("no WhatsApp Business Account id is configured");
        finish(result);
        return;
    }
    m_running = true;
    m_fetched.clear();
    m_pages = 0;
    fetchPage(QString());
}

void TemplateSyncer::fetchPage(const QString &after)
{
    ++m_pages;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    if (!after.isEmpty())
        query.addQueryItem(QStringLiteral("after"), after);
    // Paging uses the cursor rather than paging.next, so the token only ever goes to the
    // configured Graph API base.
    m_graph->getJson(
        m_wabaId + QStringLiteral("/message_templates"), query, this,
        [this](const GraphResult &result) {
            if (!result.ok()) {
                TemplateSyncResult failed;
                failed.error = result.error;
                failed.problem =
                    result.noResponse()
                        ? QStringLiteral("no answer from the Graph API")
                        : QStringLiteral("the Graph API answered HTTP %1").arg(result.httpStatus);
                finish(failed);
                return;
            }
            const QJsonArray data = result.body.value(QLatin1String("data")).toArray();
            for (const QJsonValue &item : data) {
                if (const auto parsed = MessageTemplate::fromGraph(item.toObject()))
                    m_fetched.append(*parsed);
            }
            const QJsonObject paging = result.body.value(QLatin1String("paging")).toObject();
            const QString next = paging.value(QLatin1String("cursors"))
                                     .toObject()
                                     .value(QLatin1String("after"))
                                     .toString();
            const bool more =
                paging.contains(QLatin1String("next")) && !next.isEmpty() && !data.isEmpty();
            if (more && m_pages < MaxPages)
                fetchPage(next);
            else
                store();
        });
}

void TemplateSyncer::store()
{
    const QList<MessageTemplate> templates = std::exchange(m_fetched, {});
    const qint64 syncedAt = QDateTime::currentMSecsSinceEpoch();
    m_writer->submit(
        [templates, syncedAt](WriteTxn &txn) {
            if (!TemplateRepo::replaceAll(txn, templates, syncedAt))
                return WriteResult::failure(QStringLiteral("cannot store the templates"));
            txn.appendEvent(EventKind::TemplatesUpdated, 0, 0, QStringLiteral(""),
                            {{Protocol::Key::Templates, templates.size()},
                             {Protocol::Key::SyncedAt, syncedAt}});
            return WriteResult::success();
        },
        this,
        [this, count = int(templates.size()), syncedAt](const WriteResult &written) {
            TemplateSyncResult result;
            result.ok = written.ok;
            result.count = count;
            result.syncedAt = syncedAt;
            if (!written.ok)
                result.problem = written.error;
            finish(result);
        });
}

void TemplateSyncer::finish(const TemplateSyncResult &result)
{
    m_running = false;
    if (result.ok)
        qCInfo(lcGraph) << "synced" << result.count << "message templates";
    else
        qCWarning(lcGraph).noquote()
            << "template sync failed, keeping the stored templates:" << result.problem << "code"
            << result.error.code;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[context, done] : waiting) {
        if (context)
            done(result);
    }
}

} // namespace Serambi::Relay
