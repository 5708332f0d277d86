#pragma once

#include "hub/agenthub.h"
#include "hub/huboptions.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTemporaryDir>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <memory>

namespace Serambi::Test {

// Options for hub tests: few PBKDF2 rounds, the harness's clock.
Relay::HubOptions fastHubOptions();

// A relay store in a temporary directory, the hub on top of it and a loopback WebSocket
// server (127.0.0.1, port 0) feeding the hub's acceptConnection.
class HubHarness
{
public:
    explicit HubHarness(Relay::HubOptions options = fastHubOptions());
    ~HubHarness();
    HubHarness(const HubHarness &) = delete;
    HubHarness &operator=(const HubHarness &) = delete;

    // Opens writer, reader, hub and server on the (kept) database file.
    bool start();
    // Tears them down as a relay shutdown would; the database file stays.
    void stop();

    QUrl url() const;
    // Where relay.sqlite is: a RelayConfig with this data_dir reaches the same database, as
    // `serambi-relay user ...` does.
    QString dataDir() const { return m_dir.path(); }
    Relay::AgentHub *hub() const { return m_hub.get(); }
    Relay::StoreReader *reader() const { return m_reader.get(); }
    Relay::StoreWriter *writer() const { return m_writer.get(); }

    // What the hub's clock says (ms since epoch); tests move it.
    qint64 clockMs = 0;

    // Runs a write job and waits for its completion.
    Relay::WriteResult run(Relay::StoreWriter::Job job);
    qint64 addUser(const QString &username, const QString &role, const QString &password);
    // A customer message arriving as a webhook would store it; returns the conversation id.
    qint64 receiveInbound(const QString &waId, const QString &text, qint64 timestampMs = 0);
    bool assignDirectly(qint64 conversationId, qint64 userId);
    // SELECT COUNT(*) on the read connection.
    int count(const QString &sql) const;

private:
    Relay::HubOptions m_options;
    QTemporaryDir m_dir;
    QObject m_context;
    std::unique_ptr<Relay::StoreWriter> m_writer;
    std::unique_ptr<Relay::StoreReader> m_reader;
    std::unique_ptr<Relay::AgentHub> m_hub;
    std::unique_ptr<QWebSocketServer> m_server;
    int m_wamids = 0;
};

// A console as the tests drive it: a real QWebSocket that records every frame it receives.
class TestConsole
{
public:
    TestConsole();
    TestConsole(const TestConsole &) = delete;
    TestConsole &operator=(const TestConsole &) = delete;

    bool open(const QUrl &url);
    // Sends this X-Forwarded-For with the upgrade request of the next open().
    void setForwardedFor(const QByteArray &forwardedFor) { m_forwardedFor = forwardedFor; }
    // The close code the relay sent (1009: too much data, 1008: policy).
    int closeCode() const { return int(m_socket.closeCode()); }
    bool isConnected() const;
    bool waitForDisconnected(int timeoutMs = 5000);
    void send(const QJsonObject &frame);
    void sendText(const QString &text);

    // The first frame not yet taken that matches; an empty object on timeout.
    QJsonObject take(const std::function<bool(const QJsonObject &)> &matches, int timeoutMs = 5000);
    QJsonObject takeType(const QString &type, int timeoutMs = 5000);

    // Opens url and says hello; returns the welcome or error frame.
    QJsonObject login(const QUrl &url, const QString &username, const QString &password);
    QJsonObject loginWithToken(const QUrl &url, const QString &token);
    // Sends subscribe; returns the "subscribed" or "snapshot" frame.
    QJsonObject subscribe(qint64 since);
    // Runs a command and returns its result frame.
    QJsonObject command(const QString &name, const QJsonObject &args, const QString &id = {});

    // Every frame received, and the seqs of the event frames, in arrival order.
    const QList<QJsonObject> &frames() const { return m_frames; }
    QList<qint64> eventSeqs() const;
    QList<QJsonObject> events(qint64 conversationId) const;

private:
    QWebSocket m_socket;
    QByteArray m_forwardedFor;
    QList<QJsonObject> m_frames;
    QList<bool> m_taken;
    int m_commands = 0;
};

// The frame's type.
QString frameType(const QJsonObject &frame);
// The code of an error frame or of a failed result.
QString errorCode(const QJsonObject &frame);

} // namespace Serambi::Test
