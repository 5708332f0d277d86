#include "loopbackrelay.h"

#include "service/relayservice.h"
#include "service/useradmin.h"
#include "sim/simulator.h"
#include "support/inbound.h"
#include "support/testdatabase.h"

#include "integrations/woocommerce/woowebhook.h"
#include "whatsapp/signature.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>

namespace Serambi::Test {

namespace {
const QByteArray AppSecret = QByteArrayLiteral("loopback-app-secret");
const QByteArray GraphToken = QByteArrayLiteral("loopback-graph-token");
const QByteArray WooSecret = QByteArrayLiteral("loopback-woocommerce-secret");
} // namespace

LoopbackRelay::LoopbackRelay()
{
    if (TestDatabase::onPostgres()) {
        QString error;
        m_dbUrl = TestDatabase::location(QString(), &error);
        if (m_dbUrl.isEmpty())
            qFatal("no PostgreSQL for the loopback relay: %s", qPrintable(error));
    }
}

LoopbackRelay::~LoopbackRelay()
{
    m_relay.reset();
    m_sim.reset();
}

bool LoopbackRelay::startSimulator(QString *error)
{
    Sim::SimConfig sim;
    sim.listenPort = 0;
    sim.appSecret = AppSecret;
    sim.graphToken = GraphToken;
    sim.phoneNumberId = QLatin1String(PhoneNumberId);
    sim.pace = 0;
    sim.customersEnabled = false;
    sim.statusDelaysMs = {10, 30, 60};
    sim.statusJitter = false;
    sim.webhookRetryBaseMs = 50;
    m_sim = std::make_unique<Sim::Simulator>(sim);
    return m_sim->start(error);
}

bool LoopbackRelay::addUser(const QString &username, const QString &displayName,
                            const QString &role, const QString &password)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Relay::addUser(relayConfig(), username, displayName, role, password, out, err) == 0;
}

bool LoopbackRelay::start(const QList<User> &users, QString *error)
{
    if (!startSimulator(error))
        return false;
    for (const User &user : users) {
        if (!addUser(user.username, user.displayName, user.role, user.password)) {
            *error = QStringLiteral("could not add user %1").arg(user.username);
            return false;
        }
    }
    return startRelay(error);
}

bool LoopbackRelay::startRelay(QString *error)
{
    return startRelay(relayConfig(), error);
}

bool LoopbackRelay::startRelay(const Relay::RelayConfig &config, QString *error)
{
    m_relay = std::make_unique<Relay::RelayService>(config);
    if (!m_relay->start(error))
        return false;
    m_port = m_relay->port();
    m_sim->setWebhookUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_port)));
    return true;
}

void LoopbackRelay::stopRelay()
{
    m_relay.reset();
}

QString LoopbackRelay::customerWrites(const QString &waId, const QString &text,
                                      const QString &profileName)
{
    QString error;
    const QString wamid = m_sim->customers().sendMessage(
        waId, {{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}},
        &error, profileName);
    if (wamid.isEmpty())
        qWarning("customer could not write: %s", qPrintable(error));
    return wamid;
}

QString LoopbackRelay::customerWroteAt(const QString &waId, const QString &text,
                                       const QDateTime &sentAt)
{
    const QString wamid =
        QStringLiteral("wamid.loopback.%1.%2").arg(waId).arg(sentAt.toSecsSinceEpoch());
    return postWebhook(textWebhook(waId, wamid, text, sentAt.toSecsSinceEpoch())) == 200
               ? wamid
               : QString();
}

QByteArray LoopbackRelay::textWebhook(const QString &waId, const QString &wamid,
                                      const QString &text, qint64 sentAtSecs) const
{
    InboundText message;
    message.phoneNumberId = QLatin1String(PhoneNumberId);
    message.displayPhoneNumber = m_sim->config().displayPhoneNumber;
    message.wabaId = m_sim->config().wabaId;
    message.waId = waId;
    message.profileName = QStringLiteral("Pelanggan");
    message.wamid = wamid;
    message.text = text;
    message.timestampSecs = sentAtSecs;
    return QJsonDocument(inbound(message)).toJson(QJsonDocument::Compact);
}

QByteArray LoopbackRelay::signature(const QByteArray &body)
{
    return Relay::webhookSignature(body, AppSecret);
}

int LoopbackRelay::postWebhook(const QByteArray &body)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/webhook").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("X-Hub-Signature-256"), signature(body));
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

int LoopbackRelay::postWooWebhook(const QByteArray &body, const QString &deliveryId)
{
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1/woocommerce/webhook").arg(m_port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("X-WC-Webhook-Topic"),
                         QByteArrayLiteral("order.updated"));
    request.setRawHeader(QByteArrayLiteral("X-WC-Webhook-Resource"), QByteArrayLiteral("order"));
    request.setRawHeader(QByteArrayLiteral("X-WC-Webhook-Signature"),
                         Relay::wooWebhookSignature(body, WooSecret));
    request.setRawHeader(QByteArrayLiteral("X-WC-Webhook-Delivery-ID"), deliveryId.toUtf8());
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

Relay::RelayConfig LoopbackRelay::relayConfig() const
{
    Relay::RelayConfig config;
    config.listenPort = m_port;
    config.dataDir = m_dir.path();
    config.dbUrl = m_dbUrl;
    config.appSecret = AppSecret;
    config.verifyToken = QByteArrayLiteral("loopback-verify");
    config.graphToken = GraphToken;
    config.graphUrl = m_sim->graphBaseUrl();
    // The simulator serves media at its own address, over http; Meta's hosts stay allowed.
    QUrl simulator = m_sim->graphBaseUrl();
    simulator.setPath(QString());
    config.mediaDownloadHosts.append(simulator.toString());
    config.phoneNumberId = QLatin1String(PhoneNumberId);
    config.pbkdf2Iterations = 1000;
    config.sendBackoffMs = 20;
    config.fullSync = false;
    // Every customer message drafted at once: tests about bursts set their quiet period.
    config.aiBurstQuietMs = 0;
    config.wooWebhookSecret = WooSecret;
    return config;
}

QUrl LoopbackRelay::agentsUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/agents").arg(m_port));
}

} // namespace Serambi::Test
