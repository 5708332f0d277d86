#include "orderstatustemplates.h"

#include <QRegularExpression>

#include <utility>

namespace Serambi::Relay {

const QStringList &orderTemplateFields()
{
    static const QStringList fields{QStringLiteral("name"),    QStringLiteral("number"),
                                    QStringLiteral("status"),  QStringLiteral("total"),
                                    QStringLiteral("courier"), QStringLiteral("tracking_number")};
    return fields;
}

std::optional<QList<OrderStatusTemplate>> parseOrderStatusTemplates(const QString &text,
                                                                    QString *problem)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QList<OrderStatusTemplate> templates;
    for (const QString &entry : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (entry.trimmed().isEmpty())
            continue;
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        const QStringList words =
            colon < 0 ? QStringList() : entry.mid(colon + 1).split(space, Qt::SkipEmptyParts);
        OrderStatusTemplate chosen;
        chosen.status = colon < 0 ? QString() : entry.left(colon).trimmed();
        if (chosen.status.isEmpty() || words.size() < 2) {
            *problem = QStringLiteral("\"%1\" is not \"status: template language [fields]\"")
                           .arg(entry.trimmed());
            return std::nullopt;
        }
        chosen.name = words.at(0);
        chosen.language = words.at(1);
        chosen.fields = words.mid(2);
        for (const QString &field : std::as_const(chosen.fields)) {
            if (!orderTemplateFields().contains(field)) {
                *problem = QStringLiteral("unknown field \"%1\" (known: %2)")
                               .arg(field, orderTemplateFields().join(QStringLiteral(", ")));
                return std::nullopt;
            }
        }
        for (const OrderStatusTemplate &earlier : std::as_const(templates)) {
            if (earlier.status == chosen.status) {
                *problem = QStringLiteral("status %1 is named twice").arg(chosen.status);
                return std::nullopt;
            }
        }
        templates.append(chosen);
    }
    return templates;
}

} // namespace Serambi::Relay
