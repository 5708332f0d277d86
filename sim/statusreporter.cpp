#include "statusreporter.h"

#include "simconfig.h"
#include "simstate.h"
#include "webhookpayload.h"
#include "webhooksender.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace Serambi::Sim {

namespace {

OrderedJson pricing(const OutboundMessage &message)
{
    QString category = QStringLiteral("service");
    QString type = QStringLiteral("free_customer_service");
    if (!message.templateCategory.isEmpty()) {
        category = message.templateCategory.toLower();
        // Utility templates inside an open window are free; every other template is charged.
        if (category != QLatin1String("utility") || !message.windowOpen)
            type = QStringLiteral("regular");
    }
    return OrderedJson::object({{QStringLiteral("billable"), type == QLatin1String("regular")},
                                {QStringLiteral("pricing_model"), QStringLiteral("PMP")},
                                {QStringLiteral("type"), type},
                                {QStringLiteral("category"), category}});
}

OrderedJson statusObject(const OutboundMessage &message, const QString &status)
{
    OrderedJson object = OrderedJson::object(
        {{QStringLiteral("id"), message.wamid},
         {QStringLiteral("status"), status},
         {QStringLiteral("timestamp"), QString::number(QDateTime::currentSecsSinceEpoch())},
         {QStringLiteral("recipient_id"), message.waId.isEmpty() ? message.userId : message.waId}});
    if (!message.userId.isEmpty() && status != QLatin1String("failed"))
        object.insert(QStringLiteral("recipient_user_id"), message.userId);
    if (!message.bizOpaqueCallbackData.isEmpty())
        object.insert(QStringLiteral("biz_opaque_callback_data"), message.bizOpaqueCallbackData);
    if (status == QLatin1String("sent") || status == QLatin1String("delivered"))
        object.insert(QStringLiteral("pricing"), pricing(message));
    if (message.failure && status == QLatin1String("failed"))
        object.insert(
            QStringLiteral("errors"),
            OrderedJson::array({OrderedJson(QJsonValue(message.failure->toWebhookError()))}));
    return object;
}

} // namespace

StatusReporter::StatusReporter(const SimConfig &config, SimState &state, WebhookSender &sender,
                               QObject *parent)
    : QObject(parent), m_config(config), m_state(state), m_sender(sender)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(config.batchWindowMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &StatusReporter::flushBatch);
}

void StatusReporter::report(const OutboundMessage &message)
{
    const auto &delays = m_config.statusDelaysMs;
    if (message.failure) {
        schedule(delays[0], statusObject(message, QStringLiteral("failed")), message.wamid,
                 QStringLiteral("failed"));
        return;
    }
    schedule(delays[0], statusObject(message, QStringLiteral("sent")), message.wamid,
             QStringLiteral("sent"));
    if (message.type == QLatin1String("reaction"))
        return; // Meta reports only "sent" for reactions.
    schedule(delays[1], statusObject(message, QStringLiteral("delivered")), message.wamid,
             QStringLiteral("delivered"));
    schedule(delays[2], statusObject(message, QStringLiteral("read")), message.wamid,
             QStringLiteral("read"));
}

void StatusReporter::cancelPending()
{
    ++m_generation;
    m_batch.clear();
    m_batchTimer.stop();
}

int StatusReporter::jittered(int delayMs) const
{
    if (!m_config.statusJitter || delayMs <= 0)
        return delayMs;
    const int spread = delayMs / 5;
    return delayMs - spread + int(QRandomGenerator::global()->bounded(2 * spread + 1));
}

void StatusReporter::schedule(int delayMs, const OrderedJson &status, const QString &wamid,
                              const QString &name)
{
    ++m_state.counters().statusesQueued;
    const quint64 generation = m_generation;
    QTimer::singleShot(jittered(delayMs), this, [this, generation, status, wamid, name] {
        if (generation == m_generation)
            post(status, wamid, name);
    });
}

void StatusReporter::post(const OrderedJson &status, const QString &wamid, const QString &name)
{
    // The timestamp is when the status happened, not when it was scheduled.
    OrderedJson stamped = status;
    stamped.insert(QStringLiteral("timestamp"),
                   QString::number(QDateTime::currentSecsSinceEpoch()));
    if (m_config.batchStatuses) {
        m_batch.append(stamped);
        if (!m_batchTimer.isActive())
            m_batchTimer.start();
    } else {
        m_sender.post(statusEnvelope(m_config, {stamped}).toMetaJson());
    }
    Q_EMIT statusPosted(wamid, name);
}

void StatusReporter::flushBatch()
{
    if (m_batch.isEmpty())
        return;
    m_sender.post(statusEnvelope(m_config, m_batch).toMetaJson());
    m_batch.clear();
}

} // namespace Serambi::Sim
