#include "simulator.h"

#include "shopwebhooks.h"

#include "controlapi.h"
#include "conversationprinter.h"
#include "simlogging.h"
#include "twiliowebhooks.h"

namespace Serambi::Sim {

namespace {

WebhookSenderOptions senderOptions(const SimConfig &config)
{
    WebhookSenderOptions options;
    options.url = config.webhookUrl;
    options.appSecret = config.appSecret;
    options.maxAttempts = config.webhookMaxAttempts;
    options.retryBaseMs = config.webhookRetryBaseMs;
    options.timeoutMs = config.webhookTimeoutMs;
    return options;
}

} // namespace

Simulator::Simulator(const SimConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_webhooks(senderOptions(m_config))
    , m_statuses(m_config, m_state, m_webhooks)
    , m_customers(m_config, m_state, m_media, m_webhooks)
    , m_api(m_config, m_state, m_templates, m_media)
    , m_twilio(m_config, m_state, m_media)
    , m_server(m_api, m_faults, m_requests)
    , m_control(new ControlApi(*this, this))
{
    connect(&m_api, &GraphApi::messageAccepted, &m_statuses, &StatusReporter::report);
    connect(&m_api, &GraphApi::messageAccepted, &m_customers,
            &CustomerSimulator::handleBusinessMessage);
    if (speaksTwilio()) {
        connect(&m_twilio, &TwilioApi::messageAccepted, &m_statuses, &StatusReporter::report);
        connect(&m_twilio, &TwilioApi::messageAccepted, &m_customers,
                &CustomerSimulator::handleBusinessMessage);
        m_server.setTwilioHandler(
            [this](const HttpRequest &request) { return m_twilio.handle(request); });
        m_webhooks.setDialect([this](const QByteArray &body, const QUrl &url) {
            return twilioDeliveries(m_config, twilioApiUrl(), body, url);
        });
    }
    m_server.setControlHandler(
        [this](const HttpRequest &request) { return m_control->handle(request); });
    m_server.setShopHandler([this](const HttpRequest &request) { return m_shop.handle(request); });
}

Simulator::~Simulator() = default;

bool Simulator::start(QString *error)
{
    if (m_config.customersEnabled) {
        const QString path =
            m_config.scriptPath.isEmpty() ? builtInScriptPath() : m_config.scriptPath;
        const std::optional<CustomerScript> script = CustomerScript::load(path, error);
        if (!script)
            return false;
        m_customers.setScript(*script);
    }
    if (!m_shop.loadDemoOrders(error))
        return false;
    if (!m_server.listenOn(m_config.listenAddress, m_config.listenPort, error))
        return false;
    qCInfo(lcSim, "%s listening on port %u", speaksTwilio() ? "Twilio API" : "Graph API",
           unsigned(m_server.port()));
    if (!m_config.shopWebhookUrl.isEmpty())
        deliverShopOrders(m_config.shopWebhookUrl, m_config.shopWebhookSecret);
    m_customers.start();
    return true;
}

void Simulator::deliverShopOrders(const QUrl &url, const QByteArray &secret)
{
    delete m_shopWebhooks;
    m_shopWebhooks = new ShopWebhooks(url, secret, this);
    m_shopWebhooks->deliver(m_shop.orders());
}

QUrl Simulator::graphBaseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_config.listenAddress.toString());
    url.setPort(m_server.port());
    url.setPath(QLatin1Char('/') + m_config.apiVersion);
    return url;
}

QUrl Simulator::twilioApiUrl() const
{
    QUrl url = graphBaseUrl();
    url.setPath({});
    return url;
}

void Simulator::printConversationTo(QIODevice *device)
{
    delete m_printer;
    m_printer = new ConversationPrinter(device, m_state, m_templates, this);
    connect(&m_customers, &CustomerSimulator::messageSent, m_printer,
            [this](const QString &waId, const QString &, const QJsonObject &message) {
                m_printer->printInbound(waId, message);
            });
    connect(&m_api, &GraphApi::messageAccepted, m_printer, &ConversationPrinter::printOutbound);
    connect(&m_api, &GraphApi::sendRefused, m_printer, &ConversationPrinter::printRefused);
    connect(&m_twilio, &TwilioApi::messageAccepted, m_printer, &ConversationPrinter::printOutbound);
    connect(&m_twilio, &TwilioApi::sendRefused, m_printer, &ConversationPrinter::printRefused);
}

void Simulator::reset()
{
    m_requests.clear();
    m_faults.clear();
    m_server.dropHeld();
    m_statuses.cancelPending();
    m_state.reset();
    m_media.removeUploads();
    m_customers.stop();
    m_customers.start();
    qCInfo(lcSim, "state reset");
}

QJsonObject Simulator::stateJson() const
{
    const SimCounters &counters = m_state.counters();
    return QJsonObject{{QStringLiteral("customers"), int(m_state.customers().size())},
                       {QStringLiteral("inbound_messages"), counters.inboundMessages},
                       {QStringLiteral("sends_accepted"), counters.sendsAccepted},
                       {QStringLiteral("sends_refused"), counters.sendsRefused},
                       {QStringLiteral("marked_read"), counters.markedRead},
                       {QStringLiteral("statuses_queued"), counters.statusesQueued},
                       {QStringLiteral("webhooks_delivered"), m_webhooks.deliveredCount()},
                       {QStringLiteral("webhooks_pending"), m_webhooks.pendingCount()},
                       {QStringLiteral("webhook_failed_attempts"), m_webhooks.failedAttemptCount()},
                       {QStringLiteral("requests_recorded"), m_requests.count()},
                       {QStringLiteral("last_request_seq"), m_requests.lastSeq()},
                       {QStringLiteral("requests_held"), m_server.heldCount()},
                       {QStringLiteral("faults_pending"), m_faults.pending()},
                       {QStringLiteral("media"), m_media.count()}};
}

} // namespace Serambi::Sim
