#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Serambi::Sim {

struct MessageTemplate
{
    QString id;
    QString name;
    QString language;
    QString status;   // APPROVED, PENDING, REJECTED, ...
    QString category; // UTILITY, MARKETING, AUTHENTICATION
    QJsonObject json; // the object GET /message_templates returns

    // Number of {{n}} placeholders in the component of that type ("HEADER", "BODY"); 1 for a
    // media header.
    int placeholderCount(const QString &componentType) const;
    QString componentText(const QString &componentType) const;
};

// The WABA's message templates: a few realistic Indonesian ones by default.
class TemplateCatalog
{
public:
    TemplateCatalog(); // the demo templates
    explicit TemplateCatalog(QList<MessageTemplate> templates);

    const QList<MessageTemplate> &templates() const { return m_templates; }
    std::optional<MessageTemplate> findApproved(const QString &name, const QString &language) const;

    // GET /{WABA}/message_templates: {"data":[...],"paging":{...}} with cursor paging.
    // statusFilter empty means all; nextUrlBase gets "&after=<cursor>" appended for paging.next.
    QJsonObject page(int limit, const QString &after, const QString &statusFilter,
                     const QString &nextUrlBase) const;

private:
    QList<MessageTemplate> m_templates;
};

} // namespace Serambi::Sim
