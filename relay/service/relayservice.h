#pragma once

#include "config/relayconfig.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace Serambi::Relay {

class AgentHub;
class AutoAssigner;
class OutOfHoursReply;
class GraphClient;
class Channel;
class ChannelSet;
class DraftCoordinator;
class KbDrafter;
class LlmDrafter;
class MediaDownloader;
class MediaEndpoint;
class KnowledgeBase;
class MetricsRegistry;
class OrderDrafter;
class StoredOrders;
class OutboxSender;
class ReadReceipts;
class RelayHttpServer;
class StoreReader;
class StoreWriter;
class TemplateSyncer;
class WebhookEndpoint;
class WooWebhookEndpoint;

// The whole relay, built once from its configuration: storage, Meta's webhook, the agents'
// hub, the outbox sender, the drafter and the HTTP port they share.
class RelayService : public QObject
{
    Q_OBJECT

public:
    explicit RelayService(RelayConfig config, QObject *parent = nullptr);
    ~RelayService() override;

    // Opens the database, starts every part and listens. False with *error on failure.
    bool start(QString *error);
    // The port actually bound (useful when the configuration asked for port 0).
    quint16 port() const { return m_port; }

    // Applies what a reload may change (config/configreload.h) from fresh, a configuration read
    // again; returns the settings that changed but wait for a restart.
    QStringList reload(const RelayConfig &fresh);

    AgentHub *hub() const { return m_hub.get(); }
    TemplateSyncer *templates() const { return m_templates.get(); }

private:
    // The channel that serves channel's number through its provider.
    std::unique_ptr<Channel> makeChannel(const ChannelConfig &channel);
    void registerMetrics();

    RelayConfig m_config;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ChannelSet> m_channels;
    GraphClient *m_mainGraph = nullptr;                    // the main channel's, for template sync
    std::vector<std::unique_ptr<OutboxSender>> m_outboxes; // one per channel
    std::unique_ptr<ReadReceipts> m_readReceipts;
    std::unique_ptr<MediaDownloader> m_downloads;
    std::unique_ptr<TemplateSyncer> m_templates;
    QString m_kbConnection;
    std::unique_ptr<KnowledgeBase> m_knowledgeBase;
    std::unique_ptr<KbDrafter> m_offlineDrafter;
    std::unique_ptr<LlmDrafter> m_llmDrafter; // when an LLM is configured
    std::unique_ptr<StoredOrders> m_storedOrders;
    std::unique_ptr<OrderDrafter> m_orderDrafter; // in front of the others
    std::unique_ptr<DraftCoordinator> m_drafts;
    std::unique_ptr<AgentHub> m_hub;
    std::unique_ptr<AutoAssigner> m_autoAssigner;
    std::unique_ptr<OutOfHoursReply> m_outOfHours;
    std::vector<std::unique_ptr<WebhookEndpoint>> m_webhooks; // one per channel, main first
    std::unique_ptr<WooWebhookEndpoint> m_wooWebhook;
    std::unique_ptr<MediaEndpoint> m_media;
    std::unique_ptr<MetricsRegistry> m_metrics;
    std::unique_ptr<RelayHttpServer> m_http;
    quint16 m_port = 0;
};

} // namespace Serambi::Relay
