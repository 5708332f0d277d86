#pragma once

#include "support/fakehttpserver.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>

// Stands in for the relay's /webhook: a FakeHttpServer that keeps every delivery's raw bytes
// and headers and answers with the queued statuses (200 once they run out).
class WebhookReceiver
{
public:
    using Delivery = Serambi::Test::FakeHttpServer::Request;

    WebhookReceiver();

    QUrl url() const { return m_server.url(QStringLiteral("/webhook")); }
    void answerNextWith(int status);
    const QList<Delivery> &deliveries() const { return m_server.requests(); }
    // Deliveries answered 200, parsed.
    QList<QJsonObject> accepted() const;
    // Every statuses[] item in accepted deliveries, in arrival order.
    QList<QJsonObject> statuses() const;
    // Every messages[] item in accepted deliveries, in arrival order.
    QList<QJsonObject> messages() const;

private:
    Serambi::Test::FakeHttpServer m_server;
};
