#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <array>

namespace Serambi::Sim {

// Everything the simulator is told from outside: listen address, the identities of the fake
// business, secrets, timings. Plain data; the defaults are the offline demo's.
struct SimConfig
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 8091; // 0 picks a free port
    QString apiVersion = QStringLiteral("v25.0");

    QUrl webhookUrl = QUrl(QStringLiteral("http://127.0.0.1:8090/webhook"));
    QByteArray appSecret = QByteArrayLiteral("serambi-demo-app-secret");
    QByteArray graphToken = QByteArrayLiteral("serambi-demo-graph-token");
    QString phoneNumberId = QStringLiteral("109876543210");
    QString displayPhoneNumber = QStringLiteral("6281100020003");
    QString wabaId = QStringLiteral("102030405060708");

    // "cloud": Meta's Graph API and webhooks. "twilio": Twilio's Messages resource and form
    // webhooks signed with X-Twilio-Signature (docs/simulator.md, "Twilio").
    QString provider = QStringLiteral("cloud");
    QString twilioAccountSid = QStringLiteral("AC5e7a3b1c9d2f4e6a8b0c1d3e5f7a9b2c");
    QByteArray twilioAuthToken = QByteArrayLiteral("serambi-demo-twilio-auth-token");
    QString twilioNumber = QStringLiteral("+14155238886"); // the WhatsApp sender, E.164

    // Recipients accepted with 200 that then fail with 131026 (not on WhatsApp).
    QStringList notOnWhatsApp{QStringLiteral("6280000000000")};
    // Report 131047 as a failed status webhook after a 200 instead of refusing synchronously.
    bool asyncWindowErrors = false;

    // Delays of the sent, delivered and read statuses after a send is accepted.
    std::array<int, 3> statusDelaysMs{500, 1500, 4000};
    bool statusJitter = true;
    // Gather status updates that fall due within batchWindowMs into one webhook POST.
    bool batchStatuses = false;
    int batchWindowMs = 300;

    int webhookMaxAttempts = 8;
    int webhookRetryBaseMs = 1000; // doubles per attempt
    int webhookTimeoutMs = 10000;

    // Where the fake shop delivers its orders as WooCommerce webhooks at start, signed with
    // shopWebhookSecret (SERAMBI_WOOCOMMERCE_WEBHOOK_SECRET); empty: it sends none.
    QUrl shopWebhookUrl;
    QByteArray shopWebhookSecret;

    QString scriptPath; // empty: the built-in demo script
    double pace = 1.0;  // speed of autonomous customers; 0 stops them
    bool customersEnabled = true;
    bool printConversation = false;
};

// "host:port" (host may be an IPv4/IPv6 literal or "localhost"). Returns false on bad input.
bool parseListenAddress(const QString &text, QHostAddress *address, quint16 *port);
// "10,20,30" milliseconds. Returns false unless exactly three non-negative integers.
bool parseStatusDelays(const QString &text, std::array<int, 3> *delays);
// Reads SERAMBI_APP_SECRET, SERAMBI_GRAPH_TOKEN, SERAMBI_TWILIO_AUTH_TOKEN,
// SERAMBI_PHONE_NUMBER_ID, SERAMBI_WABA_ID and SERAMBI_DISPLAY_PHONE_NUMBER. Unset keeps the
// default; an invalid value fails with a one-line error that never contains a secret.
bool applyEnvironment(const QProcessEnvironment &environment, SimConfig *config, QString *error);

} // namespace Serambi::Sim
