#include "twilioapi.h"

#include "ids.h"
#include "mediastore.h"
#include "simconfig.h"
#include "simlogging.h"
#include "simstate.h"
#include "twilioform.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Serambi::Sim {

namespace {

const QString ApiPrefix = QStringLiteral("/2010-04-01/");
const QRegularExpression ContentSid(QStringLiteral("^HX[0-9a-fA-F]{32}$"));
const QRegularExpression Address(QStringLiteral("^whatsapp:\\+([1-9][0-9]{6,14})$"));

HttpReply twilioError(int httpStatus, int code, const QString &message)
{
    return HttpReply::json({{QStringLiteral("code"), code},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("more_info"),
                             QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
                            {QStringLiteral("status"), httpStatus}},
                           httpStatus);
}

QString rfc2822Now()
{
    return QDateTime::currentDateTimeUtc().toString(
        QStringLiteral("ddd, dd MMM yyyy hh:mm:ss +0000"));
}

// The message in the Cloud API's shape, for the customers and the transcript.
QJsonObject cloudShape(const TwilioForm &form, const QString &waId)
{
    QJsonObject message{{QStringLiteral("to"), waId}};
    const QString sid = twilioField(form, QStringLiteral("ContentSid"));
    const QString media = twilioField(form, QStringLiteral("MediaUrl"));
    const QString body = twilioField(form, QStringLiteral("Body"));
    if (!sid.isEmpty()) {
        message.insert(QStringLiteral("type"), QStringLiteral("template"));
        message.insert(QStringLiteral("template"),
                       QJsonObject{{QStringLiteral("name"), sid},
                                   {QStringLiteral("content_variables"),
                                    twilioField(form, QStringLiteral("ContentVariables"))}});
    } else if (!media.isEmpty()) {
        QJsonObject image{{QStringLiteral("link"), media}};
        if (!body.isEmpty())
            image.insert(QStringLiteral("caption"), body);
        message.insert(QStringLiteral("type"), QStringLiteral("image"));
        message.insert(QStringLiteral("image"), image);
    } else {
        message.insert(QStringLiteral("type"), QStringLiteral("text"));
        message.insert(QStringLiteral("text"), QJsonObject{{QStringLiteral("body"), body}});
    }
    return message;
}

} // namespace

TwilioApi::TwilioApi(const SimConfig &config, SimState &state, MediaStore &media, QObject *parent)
    : QObject(parent), m_config(config), m_state(state), m_media(media)
{}

bool TwilioApi::isTwilioPath(const QString &path)
{
    return path.startsWith(ApiPrefix);
}

HttpReply TwilioApi::handle(const HttpRequest &request)
{
    const QByteArray credentials =
        m_config.twilioAccountSid.toUtf8() + ':' + m_config.twilioAuthToken;
    const QByteArray expected = "Basic " + credentials.toBase64();
    if (request.authorization != expected)
        return twilioError(401, 20003, QStringLiteral("Authenticate"));
    const QString account = ApiPrefix + QStringLiteral("Accounts/") + m_config.twilioAccountSid;
    if (request.method == QLatin1String("POST") &&
        request.path == account + QStringLiteral("/Messages.json"))
        return handleSend(request);
    static const QRegularExpression mediaPath(
        QStringLiteral("^/Messages/SM[0-9a-f]{32}/Media/([^/]+)$"));
    if (request.method == QLatin1String("GET") && request.path.startsWith(account)) {
        const auto match = mediaPath.match(request.path.mid(account.size()));
        if (match.hasMatch())
            return handleMedia(match.captured(1));
    }
    return twilioError(404, 20404,
                       QStringLiteral("The requested resource %1 was not found").arg(request.path));
}

HttpReply TwilioApi::refuse(const QString &recipient, int code, const QString &message)
{
    ++m_state.counters().sendsRefused;
    qCInfo(lcSim, "Twilio send refused with code %d", code);
    GraphError error;
    error.code = code;
    error.title = message;
    Q_EMIT sendRefused(recipient, error);
    return twilioError(400, code, message);
}

HttpReply TwilioApi::handleSend(const HttpRequest &request)
{
    TwilioForm form;
    // Anything but a form reads as a request without parameters.
    if (!request.contentType.startsWith("application/x-www-form-urlencoded") ||
        !parseTwilioForm(request.body, &form))
        form.clear();
    const QString to = twilioField(form, QStringLiteral("To"));
    const QString from = twilioField(form, QStringLiteral("From"));
    const QString contentSid = twilioField(form, QStringLiteral("ContentSid"));
    const QString body = twilioField(form, QStringLiteral("Body"));
    const QString media = twilioField(form, QStringLiteral("MediaUrl"));
    if (to.isEmpty())
        return refuse(to, 21604, QStringLiteral("A 'To' phone number is required."));
    const auto recipient = Address.match(to);
    if (!recipient.hasMatch())
        return refuse(to, 21211, QStringLiteral("Invalid 'To' Phone Number: %1").arg(to.left(40)));
    if (from.isEmpty())
        return refuse(to, 21603, QStringLiteral("A 'From' phone number is required."));
    if (from != QStringLiteral("whatsapp:") + m_config.twilioNumber)
        return refuse(to, 63007,
                      QStringLiteral("Twilio could not find a Channel with the specified From "
                                     "address"));
    if (contentSid.isEmpty() && body.isEmpty() && media.isEmpty())
        return refuse(to, 21602, QStringLiteral("Message body is required."));
    if (!contentSid.isEmpty()) {
        if (!ContentSid.match(contentSid).hasMatch())
            return refuse(to, 21655, QStringLiteral("The ContentSid is Invalid."));
        const QString variables = twilioField(form, QStringLiteral("ContentVariables"));
        if (!variables.isEmpty() && !QJsonDocument::fromJson(variables.toUtf8()).isObject())
            return refuse(to, 21656, QStringLiteral("The ContentVariables Parameter is invalid."));
    }

    OutboundMessage message;
    message.waId = recipient.captured(1);
    message.body = cloudShape(form, message.waId);
    message.type = message.body.value(QStringLiteral("type")).toString();
    message.windowOpen = m_state.isWindowOpen(message.waId, QDateTime::currentDateTimeUtc());
    if (contentSid.isEmpty() && !message.windowOpen) {
        GraphError outside;
        outside.code = 63016;
        outside.title = QStringLiteral("Failed to send freeform message because you are outside "
                                       "the allowed window. Please use a Template.");
        message.failure = outside;
    } else if (m_config.notOnWhatsApp.contains(message.waId)) {
        GraphError unknown;
        unknown.code = 63003;
        unknown.title = QStringLiteral("Channel could not find To address");
        message.failure = unknown;
    }
    message.wamid = twilioMessageSid(newWamid(message.waId));
    m_state.setLastBusinessWamid(message.waId, message.wamid);
    ++m_state.counters().sendsAccepted;
    Q_EMIT messageAccepted(message);

    const QString now = rfc2822Now();
    const QString uri = QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2.json")
                            .arg(m_config.twilioAccountSid, message.wamid);
    return HttpReply::json(
        {{QStringLiteral("sid"), message.wamid},
         {QStringLiteral("account_sid"), m_config.twilioAccountSid},
         {QStringLiteral("messaging_service_sid"), QJsonValue::Null},
         {QStringLiteral("from"), from},
         {QStringLiteral("to"), to},
         {QStringLiteral("body"), body},
         {QStringLiteral("status"), QStringLiteral("queued")},
         {QStringLiteral("num_media"), media.isEmpty() ? QStringLiteral("0") : QStringLiteral("1")},
         {QStringLiteral("num_segments"), QStringLiteral("1")},
         {QStringLiteral("direction"), QStringLiteral("outbound-api")},
         {QStringLiteral("date_created"), now},
         {QStringLiteral("date_updated"), now},
         {QStringLiteral("date_sent"), QJsonValue::Null},
         {QStringLiteral("price"), QJsonValue::Null},
         {QStringLiteral("price_unit"), QStringLiteral("USD")},
         {QStringLiteral("error_code"), QJsonValue::Null},
         {QStringLiteral("error_message"), QJsonValue::Null},
         {QStringLiteral("api_version"), QStringLiteral("2010-04-01")},
         {QStringLiteral("uri"), uri}},
        201);
}

HttpReply TwilioApi::handleMedia(const QString &mediaId) const
{
    const MediaItem *item = m_media.find(mediaId);
    if (!item)
        return twilioError(404, 20404, QStringLiteral("The requested media was not found"));
    HttpReply reply;
    reply.contentType = item->mimeType.toLatin1();
    reply.body = item->data;
    return reply;
}

} // namespace Serambi::Sim
