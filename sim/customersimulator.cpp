#include "customersimulator.h"

#include "ids.h"
#include "inboundmessage.h"
#include "simconfig.h"
#include "simlogging.h"
#include "simstate.h"
#include "webhookpayload.h"
#include "webhooksender.h"

#include <QDateTime>
#include <QTimer>

namespace Serambi::Sim {

CustomerSimulator::CustomerSimulator(const SimConfig &config, SimState &state,
                                     const MediaStore &media, WebhookSender &sender,
                                     QObject *parent)
    : QObject(parent), m_config(config), m_state(state), m_media(media), m_sender(sender)
{}

void CustomerSimulator::setScript(const CustomerScript &script)
{
    stop();
    for (const Progress &progress : std::as_const(m_progress))
        delete progress.timer;
    m_progress.clear();
    m_script = script;
    for (int i = 0; i < m_script.customers.size(); ++i) {
        const ScriptedCustomer &customer = m_script.customers.at(i);
        m_state.ensureCustomer(customer.waId, customer.name);
        Progress progress;
        progress.customerIndex = i;
        progress.timer = new QTimer(this);
        progress.timer->setSingleShot(true);
        const QString waId = customer.waId;
        connect(progress.timer, &QTimer::timeout, this, [this, waId] { sendStep(waId); });
        m_progress.insert(waId, progress);
    }
}

void CustomerSimulator::start()
{
    if (m_config.pace <= 0 || !m_config.customersEnabled)
        return;
    for (auto it = m_progress.begin(); it != m_progress.end(); ++it) {
        it->nextStep = 0;
        it->waitingForReply = false;
        it->timer->start(paced(m_script.customers.at(it->customerIndex).startAfterMs));
    }
}

void CustomerSimulator::stop()
{
    for (auto it = m_progress.begin(); it != m_progress.end(); ++it) {
        it->timer->stop();
        it->nextStep = 0;
        it->waitingForReply = false;
    }
}

int CustomerSimulator::paced(int milliseconds) const
{
    return int(milliseconds / m_config.pace);
}

QString CustomerSimulator::sendMessage(const QString &waId, const QJsonObject &spec, QString *error,
                                       const QString &profileName)
{
    const CustomerInfo &customer = m_state.ensureCustomer(waId, profileName);
    const QString wamid = newWamid(waId);
    const std::optional<OrderedJson> message =
        buildInboundMessage(spec, customer, wamid, m_config, m_media, error);
    if (!message)
        return {};
    m_sender.post(messageEnvelope(m_config, customer, {*message}).toMetaJson());
    m_state.setLastInbound(waId, QDateTime::currentDateTimeUtc());
    ++m_state.counters().inboundMessages;
    qCDebug(lcSim, "customer message %s of type %s queued", qPrintable(wamid),
            qPrintable(spec.value(QStringLiteral("type")).toString()));
    Q_EMIT messageSent(waId, wamid, message->toJsonValue().toObject());
    return wamid;
}

void CustomerSimulator::sendStep(const QString &waId)
{
    auto it = m_progress.find(waId);
    if (it == m_progress.end())
        return;
    const ScriptedCustomer &customer = m_script.customers.at(it->customerIndex);
    if (it->nextStep >= customer.steps.size())
        return;
    const ScriptStep &step = customer.steps.at(it->nextStep);
    QString error;
    if (sendMessage(waId, step.message, &error).isEmpty())
        qCWarning(lcSim, "script step %d of %s skipped: %s", it->nextStep, qPrintable(waId),
                  qPrintable(error));
    ++it->nextStep;
    if (it->nextStep >= customer.steps.size()) {
        it->waitingForReply = false;
        Q_EMIT scriptFinished(waId);
        return;
    }
    it->waitingForReply = true;
    it->timer->start(paced(step.waitMs));
}

void CustomerSimulator::handleBusinessMessage(const OutboundMessage &message)
{
    if (message.type == QLatin1String("reaction") || m_config.pace <= 0)
        return;
    auto it = m_progress.find(message.waId);
    if (it == m_progress.end() || !it->waitingForReply)
        return;
    const ScriptedCustomer &customer = m_script.customers.at(it->customerIndex);
    it->waitingForReply = false;
    it->timer->start(paced(customer.steps.at(it->nextStep).thinkMs));
}

int CustomerSimulator::nextStep(const QString &waId) const
{
    const auto it = m_progress.constFind(waId);
    return it == m_progress.constEnd() ? -1 : it->nextStep;
}

QJsonArray CustomerSimulator::toJson() const
{
    QJsonArray array;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<CustomerInfo> customers = m_state.customers();
    for (const CustomerInfo &customer : customers) {
        QJsonObject json{{QStringLiteral("wa_id"), customer.waId},
                         {QStringLiteral("user_id"), customer.userId},
                         {QStringLiteral("name"), customer.name},
                         {QStringLiteral("window_open"), m_state.isWindowOpen(customer.waId, now)}};
        if (customer.lastInbound.isValid())
            json.insert(QStringLiteral("last_inbound"), customer.lastInbound.toString(Qt::ISODate));
        const auto it = m_progress.constFind(customer.waId);
        if (it != m_progress.constEnd()) {
            json.insert(QStringLiteral("next_step"), it->nextStep);
            json.insert(QStringLiteral("steps"),
                        int(m_script.customers.at(it->customerIndex).steps.size()));
        }
        array.append(json);
    }
    return array;
}

} // namespace Serambi::Sim
