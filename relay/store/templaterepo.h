#pragma once

#include "writetxn.h"

#include "protocol/teampayloads.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Serambi::Relay {

// A message template of the WhatsApp Business Account as Meta's message_templates listed it.
struct MessageTemplate
{
    QString name;
    QString language;
    QString category;
    QString status; // APPROVED, PENDING, REJECTED, PAUSED, ...
    QString parameterFormat = QStringLiteral("POSITIONAL"); // or NAMED
    QJsonArray components;                                  // Meta's component objects
    qint64 syncedAt = 0;

    // Reads one object of Meta's listing; nullopt without a name or language.
    static std::optional<MessageTemplate> fromGraph(const QJsonObject &object);
    Protocol::TemplatePayload toPayload() const;
    QJsonObject toJson() const;
    // The component of that type (HEADER, BODY, FOOTER, BUTTONS), empty when absent.
    QJsonObject component(const QString &type) const;
};

namespace TemplateRepo {

// Replaces every stored template with templates, stamped syncedAt.
bool replaceAll(WriteTxn &txn, const QList<MessageTemplate> &templates, qint64 syncedAt);
QList<MessageTemplate> all(QSqlDatabase &db);
std::optional<MessageTemplate> find(QSqlDatabase &db, const QString &name, const QString &language);
// When the stored set was synced (0 = never).
qint64 syncedAt(QSqlDatabase &db);

} // namespace TemplateRepo
} // namespace Serambi::Relay
