#pragma once

#include "config/relayconfig.h"

#include <QDateTime>
#include <QList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Serambi::Sim {
class Simulator;
}
namespace Serambi::Relay {
class RelayService;
}

namespace Serambi::Test {

// Meta and the relay, real, on loopback: the Cloud API simulator (customers quiet until a
// test makes them write, fast status webhooks) and a relay on 127.0.0.1 port 0 that sends to
// it, with a fresh SQLite file (a fresh PostgreSQL database on the PostgreSQL run). A restart keeps
// the relay's port and database, as a real relay's would.
class LoopbackRelay
{
public:
    struct User
    {
        QString username;
        QString displayName;
        QString role;
        QString password;
    };

    LoopbackRelay();
    ~LoopbackRelay();
    LoopbackRelay(const LoopbackRelay &) = delete;
    LoopbackRelay &operator=(const LoopbackRelay &) = delete;

    // Starts the simulator; false with *error on failure. Add users, then startRelay().
    bool startSimulator(QString *error);
    bool addUser(const QString &username, const QString &displayName, const QString &role,
                 const QString &password);
    bool startRelay(QString *error);
    // startSimulator(), users, startRelay(): false with *error on the first failure.
    bool start(const QList<User> &users, QString *error);
    // Starts the relay with config, relayConfig() changed by the test (AI mode, thresholds).
    bool startRelay(const Relay::RelayConfig &config, QString *error);
    void stopRelay();

    // A customer writes a text message; returns its wamid (empty on failure).
    QString customerWrites(const QString &waId, const QString &text,
                           const QString &profileName = {});

    // A text message the customer sent at sentAt, delivered to the relay as Meta's signed
    // webhook (the simulator's customers always write now): for a window that closed long ago.
    // Returns its wamid (empty when the relay did not answer 200).
    QString customerWroteAt(const QString &waId, const QString &text, const QDateTime &sentAt);

    // Meta's webhook for one text message the customer sent at sentAtSecs (Unix seconds).
    QByteArray textWebhook(const QString &waId, const QString &wamid, const QString &text,
                           qint64 sentAtSecs) const;
    // The X-Hub-Signature-256 header Meta sends with body.
    static QByteArray signature(const QByteArray &body);
    // Posts body to the relay's /webhook signed as Meta signs it; returns the HTTP status.
    int postWebhook(const QByteArray &body);

    // Posts body to the relay's /woocommerce/webhook as WooCommerce delivers an order.updated,
    // signed with the configured webhook secret; returns the HTTP status.
    int postWooWebhook(const QByteArray &body, const QString &deliveryId);

    // The relay's configuration. No WABA id: tests that want the start-up template sync set
    // config.wabaId = sim().config().wabaId, so other tests see only their own Graph requests.
    Relay::RelayConfig relayConfig() const;
    QUrl agentsUrl() const;
    QString dataPath(const QString &name) const { return m_dir.filePath(name); }
    Sim::Simulator &sim() { return *m_sim; }
    Relay::RelayService *relay() const { return m_relay.get(); }

    static constexpr char PhoneNumberId[] = "109876543210";

private:
    QTemporaryDir m_dir;
    // On the PostgreSQL run (support/testdatabase.h), the relay's database; else empty.
    QString m_dbUrl;
    std::unique_ptr<Sim::Simulator> m_sim;
    std::unique_ptr<Relay::RelayService> m_relay;
    quint16 m_port = 0;
};

} // namespace Serambi::Test
