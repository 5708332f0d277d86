#include "graphapi.h"

#include "ids.h"
#include "mediastore.h"
#include "messagevalidator.h"
#include "multipart.h"
#include "simconfig.h"
#include "simlogging.h"
#include "simstate.h"
#include "templatecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Serambi::Sim {

namespace {

const QString Messaging = QStringLiteral("messaging_product");
const QString WhatsApp = QStringLiteral("whatsapp");

bool isVersion(const QString &segment)
{
    static const QRegularExpression version(QStringLiteral("^v[0-9]{1,2}\\.[0-9]$"));
    return version.match(segment).hasMatch();
}

} // namespace

GraphApi::GraphApi(const SimConfig &config, SimState &state, const TemplateCatalog &templates,
                   MediaStore &media, QObject *parent)
    : QObject(parent), m_config(config), m_state(state), m_templates(templates), m_media(media)
{}

std::optional<GraphError> GraphApi::authorize(const HttpRequest &request) const
{
    const QByteArray header = request.authorization.trimmed();
    const QByteArray scheme = header.left(7);
    if (scheme.toLower() != "bearer " || header.mid(7).trimmed() != m_config.graphToken)
        return GraphError::invalidToken();
    return std::nullopt;
}

QStringList GraphApi::versionedSegments(const QString &path) const
{
    QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (segments.isEmpty() || !isVersion(segments.first()))
        return {};
    return segments;
}

bool GraphApi::isMessagesPost(const HttpRequest &request) const
{
    const QStringList segments = versionedSegments(request.path);
    return request.method == QLatin1String("POST") && segments.size() == 3 &&
           segments.at(2) == QLatin1String("messages");
}

HttpReply GraphApi::handle(const HttpRequest &request)
{
    const QStringList raw = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (raw.size() == 2 && raw.at(0) == QLatin1String("media-download") &&
        request.method == QLatin1String("GET"))
        return handleDownload(request, raw.at(1));

    const QStringList segments = versionedSegments(request.path);
    const QString &method = request.method;
    if (segments.size() == 3) {
        const QString &owner = segments.at(1);
        const QString &edge = segments.at(2);
        if (edge == QLatin1String("messages") || edge == QLatin1String("media")) {
            if (method != QLatin1String("POST"))
                return HttpReply::error(GraphError::invalidParameter(
                    QStringLiteral("Unsupported %1 request on /%2.").arg(method, edge)));
            if (owner != m_config.phoneNumberId)
                return HttpReply::error(GraphError::unknownObject(owner));
            return edge == QLatin1String("messages") ? handleMessages(request)
                                                     : handleUpload(request);
        }
        if (edge == QLatin1String("message_templates") && method == QLatin1String("GET")) {
            if (owner != m_config.wabaId)
                return HttpReply::error(GraphError::unknownObject(owner));
            return handleTemplates(request, segments.at(0));
        }
    } else if (segments.size() == 2) {
        const QString &id = segments.at(1);
        if (method == QLatin1String("GET") && id == m_config.phoneNumberId)
            return handlePhoneNumber();
        if (method == QLatin1String("GET"))
            return handleMediaGet(request, id);
        if (method == QLatin1String("DELETE"))
            return handleMediaDelete(id);
    }
    return HttpReply::error(GraphError::unknownObject(request.path));
}

HttpReply GraphApi::handleMessages(const HttpRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return HttpReply::error(
            GraphError::invalidParameter(QStringLiteral("The request body is not a JSON object.")));
    const QJsonObject body = document.object();
    if (body.contains(QStringLiteral("status")) && !body.contains(QStringLiteral("type"))) {
        if (const std::optional<GraphError> error = validateMarkRead(body))
            return HttpReply::error(*error);
        ++m_state.counters().markedRead;
        Q_EMIT messageMarkedRead(body.value(QStringLiteral("message_id")).toString());
        return HttpReply::json(QJsonObject{{QStringLiteral("success"), true}});
    }
    return handleSend(body);
}

HttpReply GraphApi::refuse(const QString &recipient, const GraphError &error)
{
    ++m_state.counters().sendsRefused;
    qCInfo(lcSim, "send refused with code %d", error.code);
    Q_EMIT sendRefused(recipient, error);
    return HttpReply::error(error);
}

HttpReply GraphApi::handleSend(const QJsonObject &body)
{
    const QString input = body.contains(QStringLiteral("to"))
                              ? body.value(QStringLiteral("to")).toString()
                              : body.value(QStringLiteral("recipient")).toString();
    if (const std::optional<GraphError> error = validateMessage(body, m_templates))
        return refuse(input, *error);

    OutboundMessage message;
    if (body.contains(QStringLiteral("to"))) {
        message.waId = normalizePhoneNumber(input);
        if (const CustomerInfo *known = m_state.customer(message.waId))
            message.userId = known->userId;
    } else if (const CustomerInfo *known = m_state.customerByUserId(input)) {
        message.waId = known->waId;
        message.userId = input;
    } else {
        message.userId = input;
    }
    message.type = body.value(QStringLiteral("type")).toString(QStringLiteral("text"));
    message.bizOpaqueCallbackData =
        body.value(QStringLiteral("biz_opaque_callback_data")).toString();
    message.windowOpen = m_state.isWindowOpen(message.waId, QDateTime::currentDateTimeUtc());
    message.body = body;
    const bool isTemplate = message.type == QLatin1String("template");
    if (isTemplate) {
        const QJsonObject templ = body.value(QStringLiteral("template")).toObject();
        message.templateCategory = m_templates
                                       .findApproved(templ.value(QStringLiteral("name")).toString(),
                                                     templ.value(QStringLiteral("language"))
                                                         .toObject()
                                                         .value(QStringLiteral("code"))
                                                         .toString())
                                       ->category;
    } else if (!message.windowOpen) {
        if (!m_config.asyncWindowErrors)
            return refuse(input, GraphError::reEngagement());
        message.failure = GraphError::reEngagement();
    }
    if (m_config.notOnWhatsApp.contains(message.waId))
        message.failure = GraphError::undeliverable();

    message.wamid = newWamid(message.waId.isEmpty() ? message.userId : message.waId);
    if (!message.waId.isEmpty())
        m_state.setLastBusinessWamid(message.waId, message.wamid);
    ++m_state.counters().sendsAccepted;
    Q_EMIT messageAccepted(message);

    QJsonObject contact{{QStringLiteral("input"), input}};
    if (!message.waId.isEmpty())
        contact.insert(QStringLiteral("wa_id"), message.waId);
    else
        contact.insert(QStringLiteral("user_id"), message.userId);
    QJsonObject sent{{QStringLiteral("id"), message.wamid}};
    if (isTemplate)
        sent.insert(QStringLiteral("message_status"), QStringLiteral("accepted"));
    return HttpReply::json(QJsonObject{{Messaging, WhatsApp},
                                       {QStringLiteral("contacts"), QJsonArray{contact}},
                                       {QStringLiteral("messages"), QJsonArray{sent}}});
}

HttpReply GraphApi::handleUpload(const HttpRequest &request)
{
    const std::optional<QList<MultipartPart>> parts =
        parseMultipart(request.contentType, request.body);
    if (!parts)
        return HttpReply::error(GraphError::invalidParameter(
            QStringLiteral("Media uploads must be multipart/form-data.")));
    const MultipartPart *file = nullptr;
    QByteArray product;
    QByteArray type;
    for (const MultipartPart &part : *parts) {
        if (part.name == "file")
            file = &part;
        else if (part.name == "messaging_product")
            product = part.data.trimmed();
        else if (part.name == "type")
            type = part.data.trimmed();
    }
    if (product != "whatsapp")
        return HttpReply::error(GraphError::invalidParameter(
            QStringLiteral("The parameter messaging_product is required and must be 'whatsapp'.")));
    if (!file)
        return HttpReply::error(
            GraphError::invalidParameter(QStringLiteral("The parameter file is required.")));
    if (type.isEmpty())
        type = file->contentType;
    const QString mimeType = QString::fromLatin1(type);
    if (const std::optional<GraphError> error = MediaStore::checkUpload(mimeType, file->data))
        return HttpReply::error(*error);
    const QString id = m_media.add(file->data, mimeType, QString::fromUtf8(file->filename));
    return HttpReply::json(QJsonObject{{QStringLiteral("id"), id}});
}

HttpReply GraphApi::handleMediaGet(const HttpRequest &request, const QString &mediaId)
{
    const QUrlQuery query(request.query);
    if (query.hasQueryItem(QStringLiteral("phone_number_id")) &&
        query.queryItemValue(QStringLiteral("phone_number_id")) != m_config.phoneNumberId)
        return HttpReply::error(GraphError::invalidParameter(
            QStringLiteral("The media does not belong to this phone number.")));
    const MediaItem *item = m_media.find(mediaId);
    if (!item)
        return HttpReply::error(GraphError::unknownObject(mediaId));
    const QString url = baseUrl(request) + QStringLiteral("/media-download/") + mediaId +
                        QStringLiteral("?token=") + m_media.issueDownloadToken(mediaId);
    return HttpReply::json(QJsonObject{{Messaging, WhatsApp},
                                       {QStringLiteral("url"), url},
                                       {QStringLiteral("mime_type"), item->mimeType},
                                       {QStringLiteral("sha256"), item->sha256Hex()},
                                       {QStringLiteral("file_size"), qint64(item->data.size())},
                                       {QStringLiteral("id"), mediaId}});
}

HttpReply GraphApi::handleMediaDelete(const QString &mediaId)
{
    if (!m_media.remove(mediaId))
        return HttpReply::error(GraphError::unknownObject(mediaId));
    return HttpReply::json(QJsonObject{{QStringLiteral("success"), true}});
}

HttpReply GraphApi::handleDownload(const HttpRequest &request, const QString &mediaId)
{
    const QString token = QUrlQuery(request.query).queryItemValue(QStringLiteral("token"));
    const MediaItem *item = m_media.find(mediaId);
    if (!item || !m_media.isDownloadTokenValid(mediaId, token)) {
        HttpReply reply;
        reply.status = 404;
        reply.contentType = QByteArrayLiteral("text/plain");
        reply.body = QByteArrayLiteral("URL expired or media not found");
        return reply;
    }
    HttpReply reply;
    reply.contentType = item->mimeType.toLatin1();
    reply.body = item->data;
    return reply;
}

HttpReply GraphApi::handleTemplates(const HttpRequest &request, const QString &version)
{
    const QUrlQuery query(request.query);
    const int limit = query.hasQueryItem(QStringLiteral("limit"))
                          ? query.queryItemValue(QStringLiteral("limit")).toInt()
                          : 25;
    const QString status = query.queryItemValue(QStringLiteral("status"));
    QString next = baseUrl(request) + QLatin1Char('/') + version + QLatin1Char('/') +
                   m_config.wabaId + QStringLiteral("/message_templates?limit=") +
                   QString::number(limit);
    if (!status.isEmpty())
        next += QStringLiteral("&status=") + status;
    return HttpReply::json(
        m_templates.page(limit, query.queryItemValue(QStringLiteral("after")), status, next));
}

HttpReply GraphApi::handlePhoneNumber() const
{
    return HttpReply::json(
        QJsonObject{{QStringLiteral("verified_name"), QStringLiteral("Toko Serambi")},
                    {QStringLiteral("display_phone_number"), m_config.displayPhoneNumber},
                    {QStringLiteral("quality_rating"), QStringLiteral("GREEN")},
                    {QStringLiteral("throughput"),
                     QJsonObject{{QStringLiteral("level"), QStringLiteral("STANDARD")}}},
                    {QStringLiteral("id"), m_config.phoneNumberId}});
}

QString GraphApi::baseUrl(const HttpRequest &request) const
{
    const QString host =
        request.host.isEmpty() ? QStringLiteral("127.0.0.1") : QString::fromLatin1(request.host);
    return QStringLiteral("http://") + host;
}

} // namespace Serambi::Sim
