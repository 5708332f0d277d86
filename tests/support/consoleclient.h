#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

namespace Serambi::Test {

// A minimal console for tests: speaks the agents' protocol over a real WebSocket and keeps
// every frame it received, so a test can wait for what a console would show.
class ConsoleClient : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleClient(QObject *parent = nullptr);

    // Connects, says hello with a password and waits for "welcome". False on anything else.
    bool signIn(const QUrl &url, const QString &username, const QString &password);
    // Sends subscribe and waits for "subscribed" or "snapshot".
    bool subscribe(qint64 since);
    // Sends a command and waits for its result frame.
    QJsonObject command(const QString &id, const QString &name, const QJsonObject &args);
    // Waits until an event matching predicate arrived (already received ones count).
    QJsonObject waitForEvent(const std::function<bool(const QJsonObject &)> &predicate,
                             int timeoutMs = 10000);
    void close();

    const QList<QJsonObject> &frames() const { return m_frames; }
    QList<QJsonObject> events() const;
    qint64 lastSeq() const { return m_lastSeq; }
    QString token() const { return m_token; }

private:
    QJsonObject waitForFrame(const std::function<bool(const QJsonObject &)> &predicate,
                             int timeoutMs);
    void send(const QJsonObject &frame);

    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    qint64 m_lastSeq = 0;
    QString m_token;
};

} // namespace Serambi::Test
