#pragma once

#include "httpexchange.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>

#include <functional>
#include <list>
#include <memory>

class QHttpServerResponder;

namespace Serambi::Sim {

class FaultInjector;
class GraphApi;
class RequestLog;

// Puts GraphApi on the network. Every Graph request is recorded (without its Authorization
// header), checked for the bearer token, and answered by an injected fault when one is queued;
// requests under /_sim/ go to the control handler, from loopback only.
class GraphApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using ControlHandler = std::function<HttpReply(const HttpRequest &)>;

    GraphApiServer(GraphApi &api, FaultInjector &faults, RequestLog &log,
                   QObject *parent = nullptr);
    ~GraphApiServer() override;

    void setControlHandler(ControlHandler handler) { m_control = std::move(handler); }
    // Answers requests under /wp-json/ (the fake WooCommerce store, fakeshop.h).
    void setShopHandler(ControlHandler handler) { m_shop = std::move(handler); }
    // Answers requests under /2010-04-01/ (Twilio's API, twilioapi.h), recorded like Graph
    // requests; it checks its own credentials and takes no faults.
    void setTwilioHandler(ControlHandler handler) { m_twilio = std::move(handler); }
    // Returns the port actually bound (useful with port 0), or 0 with an error.
    quint16 listenOn(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }

    // Requests held by a timeout fault that have not been answered.
    int heldCount() const { return int(m_held.size()); }
    // Forgets held requests without answering them (their clients keep waiting until they
    // give up).
    void dropHeld();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Held;

    void hold(std::unique_ptr<Held> held, int delayMs);
    void answerHeld(Held *held);
    static void write(QHttpServerResponder &&responder, const HttpReply &reply);

    GraphApi &m_api;
    FaultInjector &m_faults;
    RequestLog &m_log;
    ControlHandler m_control;
    ControlHandler m_shop;
    ControlHandler m_twilio;
    quint16 m_port = 0;
    std::list<std::unique_ptr<Held>> m_held;
};

} // namespace Serambi::Sim
