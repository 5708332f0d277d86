#pragma once

#include <QByteArray>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>

namespace Serambi::Test {

// A stand-in for a third party's HTTP API on 127.0.0.1 and a free port: answers every request
// with the scripted replies in order (then with a default 200), and records each request.
class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int answeredBefore = 0; // requests already answered when this one arrived
        int answeredWith = 0;   // the status it was answered with; 0 while unanswered

        QJsonObject json() const;
        // The value of header name (any case); empty when it was not sent.
        QByteArray header(const QByteArray &name) const;
    };

    struct Reply
    {
        int status = 200;
        QByteArray body; // empty: what the body maker makes, if there is one
        QByteArray contentType = "application/json";
        QByteArray retryAfter; // Retry-After header value, if any
        bool hang = false;     // never answer, so the client runs into its timeout
        int delayMs = 0;       // answer this much later
    };

    // Makes the body of a reply left empty, when it is answered (a fresh id, for example).
    using BodyMaker = std::function<QByteArray(const Request &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    // Listens on 127.0.0.1 and a port the system picks; false on failure.
    bool listen();
    // http://127.0.0.1:<port><path>
    QUrl url(const QString &path = {}) const;

    void enqueue(const Reply &reply);
    void setBodyMaker(BodyMaker maker) { m_bodyMaker = std::move(maker); }
    const QList<Request> &requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived(const QString &path);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void answer(const Reply &reply, qsizetype index, QHttpServerResponder &responder);

    QHttpServer m_server;
    quint16 m_port = 0;
    std::deque<Reply> m_script;
    QList<Request> m_requests;
    std::deque<QHttpServerResponder> m_hanging;
    BodyMaker m_bodyMaker;
    int m_answered = 0;
};

} // namespace Serambi::Test
