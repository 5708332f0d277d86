#include "simfixture.h"

namespace Serambi::Test {

Sim::SimConfig SimFixture::quietConfig()
{
    Sim::SimConfig config;
    config.webhookUrl = QUrl();
    config.customersEnabled = false;
    return config;
}

bool SimFixture::startSimulator(Sim::SimConfig config, QString *error)
{
    config.listenPort = 0;
    m_sim = std::make_unique<Sim::Simulator>(config);
    if (!m_sim->start(error))
        return false;
    m_client = std::make_unique<HttpClient>(m_sim->graphBaseUrl());
    m_client->setBearerToken(config.graphToken);
    m_control = std::make_unique<HttpClient>(m_sim->graphBaseUrl());
    m_messages = QStringLiteral("/v25.0/%1/messages").arg(config.phoneNumberId);
    return true;
}

} // namespace Serambi::Test
