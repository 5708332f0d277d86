#include "secretsfile.h"

#include <QFile>
#include <QFileInfo>

namespace Serambi::Relay {

bool isOwnerOnly(const QString &path)
{
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (QFileInfo(path).permissions() & others) == 0;
}

std::optional<QHash<QString, QByteArray>> readSecretsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read secrets file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (!isOwnerOnly(path)) {
        *error = QStringLiteral("secrets file %1 must be readable only by its owner (chmod 600)")
                     .arg(path);
        return std::nullopt;
    }
    QHash<QString, QByteArray> values;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0) {
            *error = QStringLiteral("secrets file %1 line %2: expected KEY=VALUE")
                         .arg(path)
                         .arg(lineNumber);
            return std::nullopt;
        }
        values.insert(QString::fromUtf8(line.left(eq).trimmed()), line.mid(eq + 1).trimmed());
    }
    return values;
}

} // namespace Serambi::Relay
