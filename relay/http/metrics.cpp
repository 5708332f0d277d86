#include "metrics.h"

#include <QSet>

namespace Serambi::Relay {

void MetricsRegistry::add(const QString &name, Type type, const QString &help,
                          const QString &labels, std::function<double()> read)
{
    m_samples.append({name, type, help, labels, std::move(read)});
}

QByteArray MetricsRegistry::render() const
{
    QByteArray out;
    QSet<QString> described;
    for (const Sample &sample : m_samples) {
        if (!described.contains(sample.name)) {
            described.insert(sample.name);
            out += "# HELP " + sample.name.toUtf8() + ' ' + sample.help.toUtf8() + '\n';
            out += "# TYPE " + sample.name.toUtf8() +
                   (sample.type == Type::Counter ? " counter\n" : " gauge\n");
        }
        out += sample.name.toUtf8();
        if (!sample.labels.isEmpty())
            out += '{' + sample.labels.toUtf8() + '}';
        out += ' ' + QByteArray::number(sample.read(), 'g', 15) + '\n';
    }
    return out;
}

} // namespace Serambi::Relay
