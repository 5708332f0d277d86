#include "webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>

QJsonObject WebhookReceiver::Delivery::json() const
{
    return QJsonDocument::fromJson(body).object();
}

WebhookReceiver::WebhookReceiver()
{
    m_server.route(QStringLiteral("/webhook"), [this](const QHttpServerRequest &request) {
        Delivery delivery;
        delivery.body = request.body();
        delivery.signature = request.value("X-Hub-Signature-256");
        delivery.contentType = request.value("Content-Type");
        delivery.answeredWith = m_answers.isEmpty() ? 200 : m_answers.takeFirst();
        m_deliveries.append(delivery);
        return QHttpServerResponse(QHttpServerResponder::StatusCode(delivery.answeredWith));
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl WebhookReceiver::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_port));
}

QList<QJsonObject> WebhookReceiver::accepted() const
{
    QList<QJsonObject> result;
    for (const Delivery &delivery : m_deliveries) {
        if (delivery.answeredWith == 200)
            result.append(delivery.json());
    }
    return result;
}

namespace {

QList<QJsonObject> items(const QList<QJsonObject> &envelopes, const QString &key)
{
    QList<QJsonObject> result;
    for (const QJsonObject &envelope : envelopes) {
        const QJsonArray entries = envelope.value(QStringLiteral("entry")).toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonArray changes = entry.toObject().value(QStringLiteral("changes")).toArray();
            for (const QJsonValue &change : changes) {
                const QJsonArray list = change.toObject()
                                            .value(QStringLiteral("value"))
                                            .toObject()
                                            .value(key)
                                            .toArray();
                for (const QJsonValue &item : list)
                    result.append(item.toObject());
            }
        }
    }
    return result;
}

} // namespace

QList<QJsonObject> WebhookReceiver::statuses() const
{
    return items(accepted(), QStringLiteral("statuses"));
}

QList<QJsonObject> WebhookReceiver::messages() const
{
    return items(accepted(), QStringLiteral("messages"));
}
