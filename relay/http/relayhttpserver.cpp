#include "relayhttpserver.h"

#include "mediaendpoint.h"
#include "metrics.h"
#include "webhookendpoint.h"
#include "whatsapp/signature.h"
#include "woowebhookendpoint.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QWebSocket>

#include <memory>

namespace Serambi::Relay {

namespace {
QByteArray header(const QHttpServerRequest &request, const char *name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return header(request, "Upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}
} // namespace

RelayHttpServer::RelayHttpServer(WebhookEndpoint *webhooks, MediaEndpoint *media,
                                 const MetricsRegistry *metrics, WebSocketHandler onAgentConnection,
                                 HealthCheck healthy, HttpLimits limits, QObject *parent)
    : QObject(parent)
    , m_server(new QHttpServer(this))
    , m_webhooks(webhooks)
    , m_media(media)
    , m_metrics(metrics)
    , m_onAgentConnection(std::move(onAgentConnection))
    , m_healthy(std::move(healthy))
    , m_limits(std::move(limits))
{
    // Qt 6.4 upgrades a connection only when this signal is connected before listening and the
    // /agents route leaves the request unanswered.
    connect(m_server, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (m_server->hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection();
            m_onAgentConnection(socket.release());
        }
    });
    registerRoutes();
}

RelayHttpServer::~RelayHttpServer() = default;

quint16 RelayHttpServer::listen(const QHostAddress &address, quint16 port)
{
    auto tcp = std::make_unique<GuardedTcpServer>(m_limits);
    if (!tcp->listen(address, port))
        return 0;
    m_tcp = tcp.release();
    m_server->bind(m_tcp); // parented to the HTTP server
    return m_tcp->serverPort();
}

int RelayHttpServer::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

quint64 RelayHttpServer::refusedConnections() const
{
    return m_tcp ? m_tcp->refusedConnections() : 0;
}

quint64 RelayHttpServer::timedOutConnections() const
{
    return m_tcp ? m_tcp->timedOutConnections() : 0;
}

quint64 RelayHttpServer::refusedBodies() const
{
    return m_tcp ? m_tcp->refusedBodies() : 0;
}

void RelayHttpServer::registerRoutes()
{
    using Method = QHttpServerRequest::Method;
    using Status = QHttpServerResponder::StatusCode;
    m_server->route(QStringLiteral("/webhook"), Method::Get,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        m_webhooks->handleVerification(request, std::move(responder));
                    });
    m_server->route(QStringLiteral("/webhook"), Method::Post,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        m_webhooks->handlePost(request, std::move(responder));
                    });
    m_server->route(QStringLiteral("/webhook/<arg>"), Method::Get,
                    [this](const QString &channel, const QHttpServerRequest &request,
                           QHttpServerResponder &&responder) {
                        if (WebhookEndpoint *endpoint = m_channelWebhooks.value(channel))
                            endpoint->handleVerification(request, std::move(responder));
                        else
                            responder.write(Status::NotFound);
                    });
    m_server->route(QStringLiteral("/webhook/<arg>"), Method::Post,
                    [this](const QString &channel, const QHttpServerRequest &request,
                           QHttpServerResponder &&responder) {
                        if (WebhookEndpoint *endpoint = m_channelWebhooks.value(channel))
                            endpoint->handlePost(request, std::move(responder));
                        else
                            responder.write(Status::NotFound);
                    });
    m_server->route(QStringLiteral("/woocommerce/webhook"), Method::Post,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        if (m_wooWebhook)
                            m_wooWebhook->handlePost(request, std::move(responder));
                        else
                            responder.write(Status::NotFound);
                    });
    m_server->route(QStringLiteral("/agents"),
                    [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        if (isWebSocketUpgrade(request))
                            return; // QAbstractHttpServer hands the socket to the hub
                        responder.write(QByteArrayLiteral("WebSocket only\n"),
                                        QByteArrayLiteral("text/plain"), Status::UpgradeRequired);
                    });
    m_server->route(QStringLiteral("/media/<arg>"), Method::Get,
                    [this](const QString &key, const QHttpServerRequest &request,
                           QHttpServerResponder &&responder) {
                        m_media->handleGet(key, request, std::move(responder));
                    });
    m_server->route(QStringLiteral("/media"), Method::Post,
                    [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                        m_media->handlePost(request, std::move(responder));
                    });
    m_server->route(QStringLiteral("/healthz"), Method::Get,
                    [this](const QHttpServerRequest &, QHttpServerResponder &&responder) {
                        const bool ok = m_healthy();
                        responder.write(ok ? QByteArrayLiteral("ok\n")
                                           : QByteArrayLiteral("unhealthy\n"),
                                        QByteArrayLiteral("text/plain"),
                                        ok ? Status::Ok : Status::ServiceUnavailable);
                    });
    m_server->route(
        QStringLiteral("/metrics"), Method::Get,
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            if (!m_limits.metricsToken.isEmpty() &&
                !constantTimeEquals(header(request, "Authorization").trimmed(),
                                    "Bearer " + m_limits.metricsToken)) {
                responder.write(
                    QByteArrayLiteral("a bearer token is needed\n"),
                    {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")},
                     {QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer")}},
                    Status::Unauthorized);
                return;
            }
            responder.write(m_metrics->render(), QByteArrayLiteral("text/plain; version=0.0.4"),
                            Status::Ok);
        });
}

} // namespace Serambi::Relay
