#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QUrl>

// Stands in for the relay's /webhook: keeps every delivery's raw bytes and headers and answers
// with the queued statuses (200 once they run out).
class WebhookReceiver
{
public:
    struct Delivery
    {
        QByteArray body;
        QByteArray signature;
        QByteArray contentType;
        int answeredWith = 200;

        QJsonObject json() const;
    };

    WebhookReceiver();

    QUrl url() const;
    void answerNextWith(int status) { m_answers.append(status); }
    const QList<Delivery> &deliveries() const { return m_deliveries; }
    // Deliveries answered 200, parsed.
    QList<QJsonObject> accepted() const;
    // Every statuses[] item in accepted deliveries, in arrival order.
    QList<QJsonObject> statuses() const;
    // Every messages[] item in accepted deliveries, in arrival order.
    QList<QJsonObject> messages() const;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<int> m_answers;
    QList<Delivery> m_deliveries;
};
