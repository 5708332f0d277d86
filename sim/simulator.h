#pragma once

#include "customersimulator.h"
#include "fakeshop.h"
#include "faultinjector.h"
#include "graphapi.h"
#include "graphapiserver.h"
#include "mediastore.h"
#include "requestlog.h"
#include "simconfig.h"
#include "simstate.h"
#include "statusreporter.h"
#include "templatecatalog.h"
#include "twilioapi.h"
#include "webhooksender.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

namespace Serambi::Sim {

class ControlApi;
class ConversationPrinter;
class ShopWebhooks;

// The whole WhatsApp Cloud API simulator, wired once (with provider "twilio", Twilio's
// Messages resource answers and customers and statuses speak Twilio's webhooks instead): the fake
// Graph API, the webhook sender, the status reporter and the customers. main() and in-process tests
// both build one of these:
//
//     SimConfig config;
//     config.listenPort = 0;
//     config.webhookUrl = relayWebhookUrl;
//     config.pace = 0;                      // customers speak only when told to
//     config.statusDelaysMs = {10, 20, 30};
//     Simulator sim(config);
//     QVERIFY(sim.start(&error));
//     relayConfig.graphBaseUrl = sim.graphBaseUrl();   // http://127.0.0.1:PORT/v25.0
//     sim.customers().sendMessage("6281234567001", {{"type","text"},{"text","Halo kak"}}, &error);
class Simulator : public QObject
{
    Q_OBJECT

public:
    explicit Simulator(const SimConfig &config, QObject *parent = nullptr);
    ~Simulator() override;

    // Loads the customer script, listens, starts autonomous customers. False with an error.
    bool start(QString *error);
    quint16 port() const { return m_server.port(); }
    // "http://127.0.0.1:PORT/v25.0", what the relay uses as its Graph API base.
    QUrl graphBaseUrl() const;
    // "http://127.0.0.1:PORT", what a Twilio channel uses as its api_url.
    QUrl twilioApiUrl() const;

    // Prints the live conversation to device (the terminal in the demo).
    void printConversationTo(QIODevice *device);
    void setWebhookUrl(const QUrl &url) { m_webhooks.setUrl(url); }
    // Clears recorded requests, faults, held requests, pending statuses, windows and counters,
    // uploaded media; restarts the customers' scripts.
    void reset();
    QJsonObject stateJson() const;

    const SimConfig &config() const { return m_config; }
    SimState &state() { return m_state; }
    RequestLog &requests() { return m_requests; }
    FaultInjector &faults() { return m_faults; }
    MediaStore &media() { return m_media; }
    const TemplateCatalog &templates() const { return m_templates; }
    WebhookSender &webhooks() { return m_webhooks; }
    StatusReporter &statuses() { return m_statuses; }
    CustomerSimulator &customers() { return m_customers; }
    GraphApi &graphApi() { return m_api; }
    TwilioApi &twilioApi() { return m_twilio; }
    bool speaksTwilio() const { return m_config.provider == QLatin1String("twilio"); }
    GraphApiServer &server() { return m_server; }
    // The fake WooCommerce store under /wp-json/ on the same port, holding the demo orders.
    FakeShop &shop() { return m_shop; }
    // Delivers the shop's orders to url as signed WooCommerce order webhooks (start() does it
    // when the configuration names a URL).
    void deliverShopOrders(const QUrl &url, const QByteArray &secret);

private:
    SimConfig m_config;
    SimState m_state;
    TemplateCatalog m_templates;
    MediaStore m_media;
    FaultInjector m_faults;
    RequestLog m_requests;
    WebhookSender m_webhooks;
    StatusReporter m_statuses;
    CustomerSimulator m_customers;
    GraphApi m_api;
    TwilioApi m_twilio;
    GraphApiServer m_server;
    FakeShop m_shop;
    ControlApi *m_control;
    ConversationPrinter *m_printer = nullptr;
    ShopWebhooks *m_shopWebhooks = nullptr;
};

} // namespace Serambi::Sim
