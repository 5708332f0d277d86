#pragma once

#include "channels/channel.h"
#include "graphclient.h"

namespace Serambi::Relay {

struct CloudApiOptions
{
    GraphOptions graph; // base URL, phone number id, token, media download hosts
    QByteArray appSecret;
    QByteArray verifyToken;
};

// A number on Meta's WhatsApp Cloud API: X-Hub-Signature-256 webhooks, the Graph API for the
// rest (whatsapp-cloud-api.md). Changes for another phone_number_id are dropped on receipt.
class CloudApiChannel : public Channel
{
public:
    CloudApiChannel(QString name, CloudApiOptions options, QNetworkAccessManager *nam);

    QString provider() const override;
    const ChannelCapabilities &capabilities() const override { return m_capabilities; }
    QString businessNumber() const override { return m_graph.options().phoneNumberId; }

    std::optional<QByteArray> verificationAnswer(const QUrlQuery &query) const override;
    InboundResult receive(const InboundRequest &request) const override;

    void sendMessage(const QJsonObject &message, QObject *context, Done done) override;
    void uploadMedia(const QByteArray &bytes, const QString &mimeType, const QString &filename,
                     QObject *context, Done done) override;
    void mediaInfo(const QString &mediaId, QObject *context, Done done) override;
    QNetworkReply *download(const QUrl &url) override;
    void markRead(const QString &messageId, bool typing, QObject *context, Done done) override;

    GraphClient *graph() { return &m_graph; }

private:
    CloudApiOptions m_options;
    GraphClient m_graph;
    ChannelCapabilities m_capabilities = cloudApiCapabilities();
};

} // namespace Serambi::Relay
