#include "graphapiserver.h"

#include "fakeshop.h"
#include "faultinjector.h"
#include "graphapi.h"
#include "requestlog.h"
#include "simlogging.h"
#include "twilioapi.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QTimer>

#include <algorithm>

namespace Serambi::Sim {

struct GraphApiServer::Held
{
    Held(QHttpServerResponder &&r) : responder(std::move(r)) {}

    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    QMetaObject::Connection socketGone;
    HttpRequest request;
    int seq = 0;
};

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    default:
        return QStringLiteral("OTHER");
    }
}

HttpRequest toHttpRequest(const QHttpServerRequest &request)
{
    HttpRequest result;
    result.method = methodName(request.method());
    result.path = request.url().path();
    result.query = request.url().query(QUrl::FullyEncoded);
    result.contentType = request.value(QByteArrayLiteral("Content-Type"));
    result.authorization = request.value(QByteArrayLiteral("Authorization"));
    result.host = request.value(QByteArrayLiteral("Host"));
    result.body = request.body();
    return result;
}

} // namespace

GraphApiServer::GraphApiServer(GraphApi &api, FaultInjector &faults, RequestLog &log,
                               QObject *parent)
    : QAbstractHttpServer(parent), m_api(api), m_faults(faults), m_log(log)
{}

GraphApiServer::~GraphApiServer()
{
    dropHeld();
}

quint16 GraphApiServer::listenOn(const QHostAddress &address, quint16 port, QString *error)
{
    m_port = listen(address, port);
    if (m_port == 0)
        *error = QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port);
    return m_port;
}

void GraphApiServer::write(QHttpServerResponder &&responder, const HttpReply &reply)
{
    QHttpServerResponse response(reply.contentType, reply.body,
                                 QHttpServerResponder::StatusCode(reply.status));
    for (const auto &header : reply.headers)
        response.addHeader(header.first, header.second);
    response.write(std::move(responder));
}

bool GraphApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpRequest simRequest = toHttpRequest(request);
    QHttpServerResponder responder = makeResponder(request, socket);

    if (simRequest.path.startsWith(QLatin1String("/_sim/"))) {
        if (!request.remoteAddress().isLoopback() || !m_control) {
            write(std::move(responder),
                  HttpReply::json({{QStringLiteral("error"),
                                    QStringLiteral("control endpoints answer loopback only")}},
                                  403));
            return true;
        }
        write(std::move(responder), m_control(simRequest));
        return true;
    }

    if (m_shop && FakeShop::isShopPath(simRequest.path)) {
        write(std::move(responder), m_shop(simRequest));
        return true;
    }

    RecordedRequest record;
    record.receivedAt = QDateTime::currentDateTimeUtc();
    record.method = simRequest.method;
    record.path = simRequest.path;
    record.query = simRequest.query;
    record.contentType = simRequest.contentType;
    record.body = simRequest.body;
    const int seq = m_log.record(record);

    if (m_twilio && TwilioApi::isTwilioPath(simRequest.path)) {
        const HttpReply reply = m_twilio(simRequest);
        m_log.setOutcome(seq, reply.status);
        write(std::move(responder), reply);
        return true;
    }

    if (const std::optional<GraphError> error = m_api.authorize(simRequest)) {
        const HttpReply reply = HttpReply::error(*error);
        m_log.setOutcome(seq, reply.status);
        write(std::move(responder), reply);
        return true;
    }
    std::optional<Fault> fault;
    if (m_api.isMessagesPost(simRequest))
        fault = m_faults.takeNext(Fault::Target::Messages);
    else if (simRequest.path.startsWith(QLatin1String("/media-download/")))
        fault = m_faults.takeNext(Fault::Target::MediaDownload);
    if (fault && fault->kind == Fault::Kind::Timeout) {
        qCInfo(lcSim, "fault: holding request %d (timeout)", seq);
        auto held = std::make_unique<Held>(std::move(responder));
        held->socket = socket;
        held->request = simRequest;
        held->seq = seq;
        m_log.setOutcome(seq, 0, fault->kindName());
        hold(std::move(held), fault->delayMs);
        return true;
    }
    HttpReply reply;
    if (fault && fault->kind == Fault::Kind::RateLimit)
        reply = HttpReply::error(GraphError::rateLimited(fault->retryAfterSeconds));
    else if (fault)
        reply = HttpReply::error(GraphError::serverError(fault->httpStatus));
    else
        reply = m_api.handle(simRequest);
    if (fault)
        qCInfo(lcSim, "fault: answered request %d with %s (HTTP %d)", seq,
               qPrintable(fault->kindName()), reply.status);
    m_log.setOutcome(seq, reply.status, fault ? fault->kindName() : QString());
    write(std::move(responder), reply);
    return true;
}

void GraphApiServer::hold(std::unique_ptr<Held> held, int delayMs)
{
    Held *raw = held.get();
    m_held.push_back(std::move(held));
    // The client gave up: forget the request (QtHttpServer deletes the socket).
    raw->socketGone = connect(raw->socket, &QObject::destroyed, this, [this, raw] {
        m_held.remove_if([raw](const std::unique_ptr<Held> &item) { return item.get() == raw; });
    });
    if (delayMs >= 0)
        QTimer::singleShot(delayMs, raw->socket, [this, raw] { answerHeld(raw); });
}

void GraphApiServer::answerHeld(Held *held)
{
    const auto it =
        std::find_if(m_held.begin(), m_held.end(),
                     [held](const std::unique_ptr<Held> &item) { return item.get() == held; });
    if (it == m_held.end())
        return;
    std::unique_ptr<Held> owned = std::move(*it);
    m_held.erase(it);
    disconnect(owned->socketGone);
    if (!owned->socket)
        return;
    // Meta processed the message; only the answer was late.
    const HttpReply reply = m_api.handle(owned->request);
    m_log.setOutcome(owned->seq, reply.status);
    write(std::move(owned->responder), reply);
}

void GraphApiServer::dropHeld()
{
    for (const std::unique_ptr<Held> &held : m_held)
        disconnect(held->socketGone);
    m_held.clear();
}

void GraphApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    write(makeResponder(request, socket),
          HttpReply::error(GraphError::unknownObject(request.url().path())));
}

} // namespace Serambi::Sim
