#pragma once

#include "hub/agenthub.h"
#include "hub/huboptions.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "support/protocolclient.h"

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

// A relay store in a temporary directory (or a fresh PostgreSQL database on the PostgreSQL run),
// the hub on top of it and a loopback WebSocket server (127.0.0.1, port 0) feeding the hub's
// acceptConnection.
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
    // The database itself: the SQLite file, or the PostgreSQL URL on the PostgreSQL run.
    QString location() const { return m_location; }
    Relay::AgentHub *hub() const { return m_hub.get(); }
    Relay::StoreReader *reader() const { return m_reader.get(); }
    Relay::StoreWriter *writer() const { return m_writer.get(); }

    // What the hub's clock says (ms since epoch); tests move it.
    qint64 clockMs = 0;

    // Runs a write job and waits for its completion.
    Relay::WriteResult run(Relay::StoreWriter::Job job);
    qint64 addUser(const QString &username, const QString &role, const QString &password);
    // The hub tests' usual floor: Sari and Budi (agents), Rina (supervisor), each with the
    // password "pw-" + username; their ids, 0 for one that could not be added.
    struct Colleagues
    {
        qint64 sari = 0;
        qint64 budi = 0;
        qint64 rina = 0;
        bool ok() const { return sari > 0 && budi > 0 && rina > 0; }
    };
    Colleagues addColleagues();
    // A console logged in as username with the password "pw-" + username, the tests' habit.
    std::unique_ptr<ProtocolClient> loggedIn(const QString &username) const;
    // A customer message arriving as a webhook would store it; returns the conversation id.
    qint64 receiveInbound(const QString &waId, const QString &text, qint64 timestampMs = 0);
    bool assignDirectly(qint64 conversationId, qint64 userId);
    // SELECT COUNT(*) on the read connection.
    int count(const QString &sql) const;

private:
    Relay::HubOptions m_options;
    QTemporaryDir m_dir;
    QString m_location; // the database, once start() chose it (support/testdatabase.h)
    QObject m_context;
    std::unique_ptr<Relay::StoreWriter> m_writer;
    std::unique_ptr<Relay::StoreReader> m_reader;
    std::unique_ptr<Relay::AgentHub> m_hub;
    std::unique_ptr<QWebSocketServer> m_server;
    int m_wamids = 0;
};

} // namespace Serambi::Test
