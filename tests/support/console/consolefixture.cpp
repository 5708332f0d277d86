#include "consolefixture.h"

namespace Serambi::Test {

bool ConsoleFixture::startSimulator(QString *error)
{
    m_loop.emplace();
    if (!m_loop->startSimulator(error))
        return false;
    m_sim = &m_loop->sim();
    if (!m_loop->addUser(Agent, AgentName, QStringLiteral("agent"), AgentPassword) ||
        !m_loop->addUser(Supervisor, SupervisorName, QStringLiteral("supervisor"),
                         SupervisorPassword)) {
        *error = QStringLiteral("could not add the test users");
        return false;
    }
    return true;
}

bool ConsoleFixture::startLoopback(QString *error)
{
    return startSimulator(error) && m_loop->startRelay(error);
}

void ConsoleFixture::stopLoopback()
{
    m_sim = nullptr;
    m_loop.reset();
}

QString ConsoleFixture::customerWrites(const QString &text, const QString &waId,
                                       const QString &name)
{
    return m_loop->customerWrites(waId, text, name);
}

} // namespace Serambi::Test
