#pragma once

#include "sim/simconfig.h"
#include "sim/simulator.h"
#include "support/httpclient.h"

#include <QString>

#include <memory>

namespace Serambi::Test {

// The Cloud API simulator on 127.0.0.1 and a free port, for its own tests: m_client calls its
// Graph API with the simulator's token, m_control without one, m_messages is the send path.
// A test class derives from it after QObject.
class SimFixture
{
protected:
    // No webhooks and no scripted customers: the simulator answers and keeps quiet.
    static Sim::SimConfig quietConfig();
    // Starts a simulator with config on port 0; false with *error on failure.
    bool startSimulator(Sim::SimConfig config, QString *error);

    std::unique_ptr<Sim::Simulator> m_sim;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<HttpClient> m_control;
    QString m_messages;
};

} // namespace Serambi::Test
