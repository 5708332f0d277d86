#pragma once

#include "httpexchange.h"

#include <QObject>

namespace Serambi::Sim {

class Simulator;

// The /_sim/ endpoints tests and demos use to steer the simulator (docs/simulator.md):
// faults, recorded requests, reset, customer messages and windows, state.
class ControlApi : public QObject
{
    Q_OBJECT

public:
    explicit ControlApi(Simulator &simulator, QObject *parent = nullptr);

    HttpReply handle(const HttpRequest &request);

private:
    HttpReply handleFaults(const HttpRequest &request);
    HttpReply handleRequests(const HttpRequest &request);
    HttpReply handleCustomerMessage(const QString &waId, const HttpRequest &request);
    HttpReply handleCustomerWindow(const QString &waId, const HttpRequest &request);

    Simulator &m_simulator;
};

} // namespace Serambi::Sim
