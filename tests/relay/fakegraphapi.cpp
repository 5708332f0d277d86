#include "fakegraphapi.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <memory>

namespace Serambi::Test {

FakeGraphApi::Reply FakeGraphApi::Reply::success()
{
    return {};
}

FakeGraphApi::Reply FakeGraphApi::Reply::metaError(int status, int code, const QString &message,
                                                   const QString &details)
{
    const QJsonObject error{
        {QLatin1String("message"), message},
        {QLatin1String("type"), QStringLiteral("OAuthException")},
        {QLatin1String("code"), code},
        {QLatin1String("error_data"),
         QJsonObject{{QLatin1String("messaging_product"), QStringLiteral("whatsapp")},
                     {QLatin1String("details"), details}}},
        {QLatin1String("fbtrace_id"), QStringLiteral("AbCdEf123")}};
    Reply reply;
    reply.status = status;
    reply.body = QJsonDocument(QJsonObject{{QLatin1String("error"), error}}).toJson();
    return reply;
}

FakeGraphApi::Reply FakeGraphApi::Reply::httpStatus(int status, const QByteArray &retryAfter)
{
    Reply reply;
    reply.status = status;
    reply.body = "<html>upstream trouble</html>";
    reply.retryAfter = retryAfter;
    return reply;
}

FakeGraphApi::Reply FakeGraphApi::Reply::noAnswer()
{
    Reply reply;
    reply.hang = true;
    return reply;
}

FakeGraphApi::FakeGraphApi(QObject *parent) : QObject(parent)
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
}

FakeGraphApi::~FakeGraphApi() = default;

bool FakeGraphApi::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QUrl FakeGraphApi::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v25.0").arg(m_port));
}

void FakeGraphApi::enqueue(const Reply &reply)
{
    m_script.push_back(reply);
}

void FakeGraphApi::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Request recorded;
    recorded.method = request.method() == QHttpServerRequest::Method::Post ? "POST" : "OTHER";
    recorded.path = request.url().path();
    recorded.authorization = request.value("Authorization");
    recorded.contentType = request.value("Content-Type");
    recorded.body = QJsonDocument::fromJson(request.body()).object();
    recorded.answeredBefore = m_answered;
    m_requests.append(recorded);

    Reply reply;
    if (!m_script.empty()) {
        reply = m_script.front();
        m_script.pop_front();
    }
    Q_EMIT requestReceived(recorded.path);
    if (reply.hang) {
        m_hanging.push_back(std::move(responder));
        return;
    }
    if (reply.delayMs > 0) {
        auto later = std::make_shared<QHttpServerResponder>(std::move(responder));
        QTimer::singleShot(reply.delayMs, this, [this, reply, body = recorded.body, later] {
            answer(reply, body, *later);
        });
        return;
    }
    answer(reply, recorded.body, responder);
}

void FakeGraphApi::answer(const Reply &reply, const QJsonObject &requestBody,
                          QHttpServerResponder &responder)
{
    ++m_answered;
    QByteArray body = reply.body;
    if (body.isEmpty()) {
        const QString wamid = QStringLiteral("wamid.FAKE_%1=").arg(m_wamids.size() + 1);
        m_wamids.append(wamid);
        const QJsonObject json{
            {QLatin1String("messaging_product"), QStringLiteral("whatsapp")},
            {QLatin1String("contacts"),
             QJsonArray{
                 QJsonObject{{QLatin1String("input"), requestBody.value(QLatin1String("to"))},
                             {QLatin1String("wa_id"), QStringLiteral("447700900123")}}}},
            {QLatin1String("messages"), QJsonArray{QJsonObject{{QLatin1String("id"), wamid}}}}};
        body = QJsonDocument(json).toJson(QJsonDocument::Compact);
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    if (!reply.retryAfter.isEmpty())
        responder.writeHeader("Retry-After", reply.retryAfter);
    responder.writeBody(body);
}

} // namespace Serambi::Test
