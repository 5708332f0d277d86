#include "twiliochannel.h"

#include "twiliosignature.h"
#include "twiliowebhook.h"

#include <QMetaObject>

namespace Serambi::Relay {

namespace {

// The relay's own refusal of a call Twilio cannot take: a permanent error, nothing sent.
GraphResult refusal(const QString &why)
{
    GraphResult result;
    result.hasError = true;
    result.error.type = QStringLiteral("serambi");
    result.error.message = why;
    return result;
}

// Runs done with result on context's thread after the caller returns, as a reply would.
void answerLater(QObject *context, Channel::Done done, GraphResult result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

} // namespace

TwilioChannel::TwilioChannel(QString name, TwilioChannelOptions options, QNetworkAccessManager *nam)
    : Channel(std::move(name)), m_options(std::move(options)), m_client(m_options.api, nam)
{
    m_sender.from = whatsAppAddress(m_options.number);
    m_sender.statusCallback = m_options.publicUrl;
    m_sender.contentSids = m_options.contentSids;
}

QString TwilioChannel::provider() const
{
    return QStringLiteral("twilio");
}

std::optional<QByteArray> TwilioChannel::verificationAnswer(const QUrlQuery &) const
{
    return std::nullopt; // Twilio has no handshake
}

InboundResult TwilioChannel::receive(const InboundRequest &request) const
{
    InboundResult result;
    const QByteArray signature = request.header(QByteArrayLiteral("X-Twilio-Signature"));
    if (signature.isEmpty()) {
        result.verdict = InboundResult::Verdict::MissingSignature;
        result.problem = QStringLiteral("no X-Twilio-Signature");
        return result;
    }
    if (!request.header(QByteArrayLiteral("X-Twilio-Webhooks-Signature-Settings")).isEmpty()) {
        result.verdict = InboundResult::Verdict::BadSignature;
        result.problem = QStringLiteral("signed with a Webhooks rule's shared key, which the relay "
                                        "does not have");
        return result;
    }
    if (!request.header(QByteArrayLiteral("Content-Type"))
             .startsWith("application/x-www-form-urlencoded")) {
        result.verdict = InboundResult::Verdict::Malformed;
        result.problem = QStringLiteral("not a form post");
        return result;
    }
    FormParams params;
    if (!parseForm(request.body, &params, &result.problem)) {
        result.verdict = InboundResult::Verdict::Malformed;
        return result;
    }
    const QString url = m_options.publicUrl.isEmpty()
                            ? request.publicUrl.toString(QUrl::FullyEncoded)
                            : m_options.publicUrl;
    if (!verifyTwilioSignature(url, params, signature, m_options.api.authToken)) {
        result.verdict = InboundResult::Verdict::BadSignature;
        // The URL without credentials or query, which may carry secrets of their own.
        result.problem = QStringLiteral("signature mismatch for %1")
                             .arg(QUrl(url).toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        return result;
    }
    QString foreign;
    auto batch =
        parseTwilioWebhook(params, m_sender.from, businessNumber(), &result.problem, &foreign);
    if (!batch) {
        result.verdict = InboundResult::Verdict::Malformed;
        return result;
    }
    result.verdict = InboundResult::Verdict::Accepted;
    if (!foreign.isEmpty()) {
        result.foreignChanges = 1;
        result.foreignNumbers.append(foreign.mid(foreign.indexOf(QLatin1Char('+')) + 1));
    }
    result.batch = std::move(*batch);
    return result;
}

WebhookAnswer TwilioChannel::acknowledgement() const
{
    // Empty TwiML: the relay replies through the REST API, never in the webhook's answer.
    return {QByteArrayLiteral("text/xml"),
            QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>")};
}

void TwilioChannel::sendMessage(const QJsonObject &message, QObject *context, Done done)
{
    FormParams form;
    QString error;
    if (!twilioMessageForm(message, m_sender, &form, &error)) {
        answerLater(context, std::move(done), refusal(error));
        return;
    }
    m_client.sendMessage(form, context, std::move(done));
}

void TwilioChannel::uploadMedia(const QByteArray &, const QString &, const QString &,
                                QObject *context, Done done)
{
    answerLater(context, std::move(done),
                refusal(QStringLiteral("Twilio takes media only from a public URL")));
}

void TwilioChannel::mediaInfo(const QString &mediaId, QObject *context, Done done)
{
    // An inbound media item's id is its MediaUrl.
    GraphResult result;
    result.httpStatus = 200;
    result.success = true;
    result.body.insert(QLatin1String("url"), mediaId);
    answerLater(context, std::move(done), std::move(result));
}

QNetworkReply *TwilioChannel::download(const QUrl &url)
{
    return m_client.download(url);
}

void TwilioChannel::markRead(const QString &, bool, QObject *context, Done done)
{
    answerLater(context, std::move(done),
                refusal(QStringLiteral("Twilio has no read receipts or typing indicator")));
}

} // namespace Serambi::Relay
