#include "cloudapichannel.h"

#include "signature.h"
#include "webhookparser.h"

namespace Serambi::Relay {

CloudApiChannel::CloudApiChannel(QString name, CloudApiOptions options, QNetworkAccessManager *nam)
    : Channel(std::move(name)), m_options(options), m_graph(std::move(options.graph), nam)
{}

QString CloudApiChannel::provider() const
{
    return QStringLiteral("cloud");
}

std::optional<QByteArray> CloudApiChannel::verificationAnswer(const QUrlQuery &query) const
{
    const QByteArray mode =
        query.queryItemValue(QStringLiteral("hub.mode"), QUrl::FullyDecoded).toUtf8();
    const QByteArray token =
        query.queryItemValue(QStringLiteral("hub.verify_token"), QUrl::FullyDecoded).toUtf8();
    const QByteArray challenge =
        query.queryItemValue(QStringLiteral("hub.challenge"), QUrl::FullyDecoded).toUtf8();
    if (mode == "subscribe" && constantTimeEquals(token, m_options.verifyToken) &&
        !challenge.isEmpty())
        return challenge;
    return std::nullopt;
}

InboundResult CloudApiChannel::receive(const InboundRequest &request) const
{
    InboundResult result;
    const QByteArray signature = request.header(QByteArrayLiteral("X-Hub-Signature-256"));
    if (signature.isEmpty()) {
        result.verdict = InboundResult::Verdict::MissingSignature;
        result.problem = QStringLiteral("no X-Hub-Signature-256");
        return result;
    }
    if (!verifyWebhookSignature(request.body, signature, m_options.appSecret)) {
        result.verdict = InboundResult::Verdict::BadSignature;
        result.problem = QStringLiteral("signature mismatch");
        return result;
    }
    auto batch = parseWebhook(request.body, &result.problem);
    if (!batch) {
        result.verdict = InboundResult::Verdict::Malformed;
        return result;
    }
    result.verdict = InboundResult::Verdict::Accepted;
    result.foreignChanges = dropOtherNumbers(*batch, businessNumber(), &result.foreignNumbers);
    result.batch = std::move(*batch);
    return result;
}

void CloudApiChannel::sendMessage(const QJsonObject &message, QObject *context, Done done)
{
    m_graph.sendMessage(message, context, std::move(done));
}

void CloudApiChannel::uploadMedia(const QByteArray &bytes, const QString &mimeType,
                                  const QString &filename, QObject *context, Done done)
{
    m_graph.uploadMedia(bytes, mimeType, filename, context, std::move(done));
}

void CloudApiChannel::mediaInfo(const QString &mediaId, QObject *context, Done done)
{
    m_graph.mediaInfo(mediaId, context, std::move(done));
}

QNetworkReply *CloudApiChannel::download(const QUrl &url)
{
    return m_graph.download(url);
}

void CloudApiChannel::markRead(const QString &messageId, bool typing, QObject *context, Done done)
{
    if (typing)
        m_graph.sendTyping(messageId, context, std::move(done));
    else
        m_graph.markRead(messageId, context, std::move(done));
}

} // namespace Serambi::Relay
