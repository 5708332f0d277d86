#include "webhookreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>

WebhookReceiver::WebhookReceiver()
{
    if (!m_server.listen())
        qWarning("the webhook receiver could not listen");
}

void WebhookReceiver::answerNextWith(int status)
{
    Serambi::Test::FakeHttpServer::Reply reply;
    reply.status = status;
    m_server.enqueue(reply);
}

QList<QJsonObject> WebhookReceiver::accepted() const
{
    QList<QJsonObject> result;
    for (const Delivery &delivery : deliveries()) {
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
