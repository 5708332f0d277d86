#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace Serambi::Relay {

// Collects the relay's counters and gauges from the components that own them and renders
// them in the Prometheus text exposition format for /metrics.
class MetricsRegistry
{
public:
    enum class Type { Counter, Gauge };

    // labels is the inside of the braces, e.g. result="ok"; samples of one name share help.
    void add(const QString &name, Type type, const QString &help, const QString &labels,
             std::function<double()> read);

    QByteArray render() const;

private:
    struct Sample
    {
        QString name;
        Type type;
        QString help;
        QString labels;
        std::function<double()> read;
    };
    QList<Sample> m_samples;
};

} // namespace Serambi::Relay
