#pragma once

#include "support/loopback/loopbackrelay.h"

#include <QString>

#include <optional>

namespace Serambi::Sim {
class Simulator;
}

namespace Serambi::Test {

// The people of the console tests: Siti writes, Ayu (agent) and Budi (supervisor) answer.
inline const QString CustomerWaId = QStringLiteral("6281234567001");
inline const QString CustomerName = QStringLiteral("Siti Rahmawati");
inline const QString Agent = QStringLiteral("ayu");
inline const QString AgentName = QStringLiteral("Ayu Lestari");
inline const QString AgentPassword = QStringLiteral("rahasia-ayu");
inline const QString Supervisor = QStringLiteral("budi");
inline const QString SupervisorName = QStringLiteral("Budi Santoso");
inline const QString SupervisorPassword = QStringLiteral("rahasia-budi");
// How long a console test waits for what the relay or the simulator does.
inline constexpr int Timeout = 15000;

// A real relay and the Cloud API simulator on loopback for the console's tests, with Ayu and
// Budi as users. A test class derives from it after QObject: startSimulator() in init() (then
// more users on m_loop and m_loop->startRelay()), or startLoopback() for both at once, and
// stopLoopback() in cleanup().
class ConsoleFixture
{
protected:
    // Starts the simulator and adds Ayu and Budi; false with *error on failure.
    bool startSimulator(QString *error);
    // startSimulator() and a relay with the default configuration.
    bool startLoopback(QString *error);
    void stopLoopback();

    // The customer writes a text message; returns its wamid (empty on failure).
    QString customerWrites(const QString &text, const QString &waId = CustomerWaId,
                           const QString &name = CustomerName);

    std::optional<LoopbackRelay> m_loop;
    Sim::Simulator *m_sim = nullptr;
};

} // namespace Serambi::Test
