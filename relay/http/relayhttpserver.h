#pragma once

#include "connectionguard.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>

class QHttpServer;
class QWebSocket;

namespace Serambi::Relay {

class WebhookEndpoint;
class WooWebhookEndpoint;
class MediaEndpoint;
class MetricsRegistry;

// The relay's one port: /webhook for Meta (the main channel), /webhook/<channel> for each
// channel, /agents (WebSocket) and /media for consoles,
// /healthz and /metrics for operators.
class RelayHttpServer : public QObject
{
    Q_OBJECT

public:
    using WebSocketHandler = std::function<void(QWebSocket *)>;
    using HealthCheck = std::function<bool()>;

    RelayHttpServer(WebhookEndpoint *webhooks, MediaEndpoint *media, const MetricsRegistry *metrics,
                    WebSocketHandler onAgentConnection, HealthCheck healthy, HttpLimits limits = {},
                    QObject *parent = nullptr);
    ~RelayHttpServer() override;

    // POST /woocommerce/webhook goes to endpoint (docs/integrations.md); without one it is 404.
    void setWooCommerceWebhook(WooWebhookEndpoint *endpoint) { m_wooWebhook = endpoint; }
    // GET and POST /webhook/<channel> go to endpoint; an unknown channel is 404.
    void addChannelWebhook(const QString &channel, WebhookEndpoint *endpoint)
    {
        m_channelWebhooks.insert(channel, endpoint);
    }

    // Returns the bound port (useful with port 0), or 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);

    // Connections open now, refused by the per-address cap, closed by a timeout or for a body
    // over the limit.
    int openConnections() const;
    quint64 refusedConnections() const;
    quint64 timedOutConnections() const;
    quint64 refusedBodies() const;

private:
    void registerRoutes();

    QHttpServer *m_server;
    WebhookEndpoint *m_webhooks;
    MediaEndpoint *m_media;
    WooWebhookEndpoint *m_wooWebhook = nullptr;
    QHash<QString, WebhookEndpoint *> m_channelWebhooks;
    const MetricsRegistry *m_metrics;
    WebSocketHandler m_onAgentConnection;
    HealthCheck m_healthy;
    HttpLimits m_limits;
    GuardedTcpServer *m_tcp = nullptr;
};

} // namespace Serambi::Relay
