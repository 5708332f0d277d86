#pragma once

#include "channels/channel.h"
#include "twilioclient.h"
#include "twiliomessage.h"

#include <QHash>

namespace Serambi::Relay {

struct TwilioChannelOptions
{
    TwilioOptions api; // API URL, AccountSid, auth token
    QString number;    // the sender's E.164 number, +14155238886
    QString publicUrl; // the webhook URL exactly as entered at Twilio; empty: as requested
    QHash<QString, QString> contentSids; // template name → ContentSid
};

// A WhatsApp sender on Twilio's Programmable Messaging (docs/providers/twilio.md): form webhooks
// signed with X-Twilio-Signature, the Messages resource for sending. The webhook's public URL is
// also the messages' StatusCallback. Requests for another sender are dropped on receipt.
class TwilioChannel : public Channel
{
public:
    TwilioChannel(QString name, TwilioChannelOptions options, QNetworkAccessManager *nam);

    QString provider() const override;
    const ChannelCapabilities &capabilities() const override { return m_capabilities; }
    QString businessNumber() const override { return m_options.number; }

    std::optional<QByteArray> verificationAnswer(const QUrlQuery &query) const override;
    InboundResult receive(const InboundRequest &request) const override;
    WebhookAnswer acknowledgement() const override;

    void sendMessage(const QJsonObject &message, QObject *context, Done done) override;
    void uploadMedia(const QByteArray &bytes, const QString &mimeType, const QString &filename,
                     QObject *context, Done done) override;
    void mediaInfo(const QString &mediaId, QObject *context, Done done) override;
    QNetworkReply *download(const QUrl &url) override;
    void markRead(const QString &messageId, bool typing, QObject *context, Done done) override;

private:
    TwilioChannelOptions m_options;
    TwilioSender m_sender;
    TwilioClient m_client;
    ChannelCapabilities m_capabilities = twilioCapabilities();
};

} // namespace Serambi::Relay
