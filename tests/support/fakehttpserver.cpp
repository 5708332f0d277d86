#include "fakehttpserver.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QTimer>

#include <memory>

namespace Serambi::Test {

QJsonObject FakeHttpServer::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray FakeHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

FakeHttpServer::FakeHttpServer(QObject *parent) : QObject(parent)
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(request, std::move(responder));
        });
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QUrl FakeHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void FakeHttpServer::enqueue(const Reply &reply)
{
    m_script.push_back(reply);
}

void FakeHttpServer::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Request recorded;
    recorded.method = request.method() == QHttpServerRequest::Method::Post ? "POST" : "OTHER";
    recorded.path = request.url().path();
    recorded.authorization = request.value("Authorization");
    recorded.contentType = request.value("Content-Type");
    recorded.body = request.body();
    recorded.headers = request.headers();
    recorded.answeredBefore = m_answered;
    m_requests.append(recorded);
    const qsizetype index = m_requests.size() - 1;

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
        QTimer::singleShot(reply.delayMs, this,
                           [this, reply, index, later] { answer(reply, index, *later); });
        return;
    }
    answer(reply, index, responder);
}

void FakeHttpServer::answer(const Reply &reply, qsizetype index, QHttpServerResponder &responder)
{
    ++m_answered;
    m_requests[index].answeredWith = reply.status;
    QByteArray body = reply.body;
    if (body.isEmpty() && m_bodyMaker)
        body = m_bodyMaker(m_requests.at(index));
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    if (!reply.retryAfter.isEmpty())
        responder.writeHeader("Retry-After", reply.retryAfter);
    responder.writeBody(body);
}

} // namespace Serambi::Test
