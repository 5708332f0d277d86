#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <deque>
#include <optional>

namespace Serambi::Test {

// A stand-in for Meta's Graph API on 127.0.0.1 and a free port. It answers POSTs with scripted
// replies in order (a 200 with a fresh wamid once the script is used up) and records every
// request it received.
class FakeGraphApi : public QObject
{
    Q_OBJECT

public:
    struct Reply
    {
        int status = 200;
        QByteArray body;       // empty: a success body with a fresh wamid
        QByteArray retryAfter; // Retry-After header value, if any
        bool hang = false;     // never answer, so the client runs into its timeout
        int delayMs = 0;       // answer this much later

        static Reply success();
        // A Graph API error object (whatsapp-cloud-api.md §12.1).
        static Reply metaError(int status, int code, const QString &message,
                               const QString &details);
        static Reply httpStatus(int status, const QByteArray &retryAfter = {});
        static Reply noAnswer();
    };

    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray authorization;
        QByteArray contentType;
        QJsonObject body;
        int answeredBefore = 0; // requests already answered when this one arrived
    };

    explicit FakeGraphApi(QObject *parent = nullptr);
    ~FakeGraphApi() override;

    // Listens on 127.0.0.1 and a port the system picks; false on failure.
    bool listen();
    // http://127.0.0.1:<port>/v25.0
    QUrl baseUrl() const;

    void enqueue(const Reply &reply);
    QList<Request> requests() const { return m_requests; }
    // The wamids handed out by successful replies, in order.
    QStringList wamids() const { return m_wamids; }

Q_SIGNALS:
    void requestReceived(const QString &path);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void answer(const Reply &reply, const QJsonObject &requestBody,
                QHttpServerResponder &responder);

    QHttpServer m_server;
    quint16 m_port = 0;
    std::deque<Reply> m_script;
    QList<Request> m_requests;
    QStringList m_wamids;
    std::deque<QHttpServerResponder> m_hanging;
    int m_answered = 0;
};

} // namespace Serambi::Test
