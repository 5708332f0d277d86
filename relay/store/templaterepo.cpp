#include "templaterepo.h"

#include "statementcache.h"

#include <QJsonDocument>

namespace Serambi::Relay {

namespace {

const QString TemplateSelect =
    QStringLiteral("SELECT name, language, category, status, parameter_format, components, "
                   "synced_at FROM templates ");

MessageTemplate readTemplate(const PreparedQuery &q)
{
    MessageTemplate result;
    result.name = q.value(0).toString();
    result.language = q.value(1).toString();
    result.category = q.value(2).toString();
    result.status = q.value(3).toString();
    result.parameterFormat = q.value(4).toString();
    result.components = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array();
    result.syncedAt = q.value(6).toLongLong();
    return result;
}

} // namespace

std::optional<MessageTemplate> MessageTemplate::fromGraph(const QJsonObject &object)
{
    MessageTemplate result;
    result.name = object.value(QLatin1String("name")).toString();
    result.language = object.value(QLatin1String("language")).toString();
    if (result.name.isEmpty() || result.language.isEmpty())
        return std::nullopt;
    result.category = object.value(QLatin1String("category")).toString();
    result.status = object.value(QLatin1String("status")).toString();
    const QString format = object.value(QLatin1String("parameter_format")).toString();
    if (!format.isEmpty())
        result.parameterFormat = format;
    result.components = object.value(QLatin1String("components")).toArray();
    return result;
}

Protocol::TemplatePayload MessageTemplate::toPayload() const
{
    return {name, language, category, status, parameterFormat, components};
}

QJsonObject MessageTemplate::toJson() const
{
    return toPayload().toJson();
}

QJsonObject MessageTemplate::component(const QString &type) const
{
    for (const QJsonValue &value : components) {
        const QJsonObject object = value.toObject();
        if (object.value(QLatin1String("type")).toString().compare(type, Qt::CaseInsensitive) == 0)
            return object;
    }
    return {};
}

namespace TemplateRepo {

bool replaceAll(WriteTxn &txn, const QList<MessageTemplate> &templates, qint64 syncedAt)
{
    PreparedQuery clear = txn.prepare(QStringLiteral("DELETE FROM templates"));
    if (!execQuery(clear)) {
        txn.markFailed();
        return false;
    }
    for (const MessageTemplate &item : templates) {
        PreparedQuery insert = txn.prepare(QStringLiteral(
            "INSERT INTO templates (name, language, category, status, parameter_format, "
            "components, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name, language) "
            "DO UPDATE SET category = excluded.category, status = excluded.status, "
            "parameter_format = excluded.parameter_format, components = excluded.components, "
            "synced_at = excluded.synced_at"));
        insert.addBindValue(item.name);
        insert.addBindValue(item.language);
        insert.addBindValue(item.category);
        insert.addBindValue(item.status);
        insert.addBindValue(item.parameterFormat);
        insert.addBindValue(
            QString::fromUtf8(QJsonDocument(item.components).toJson(QJsonDocument::Compact)));
        insert.addBindValue(syncedAt);
        if (!execQuery(insert)) {
            txn.markFailed();
            return false;
        }
    }
    return true;
}

QList<MessageTemplate> all(QSqlDatabase &db)
{
    PreparedQuery q(db, TemplateSelect + QStringLiteral("ORDER BY name, language"));
    QList<MessageTemplate> result;
    if (!execQuery(q))
        return result;
    while (q.next())
        result.append(readTemplate(q));
    return result;
}

std::optional<MessageTemplate> find(QSqlDatabase &db, const QString &name, const QString &language)
{
    PreparedQuery q(db, TemplateSelect + QStringLiteral("WHERE name = ? AND language = ?"));
    q.addBindValue(name);
    q.addBindValue(language);
    if (!execQuery(q) || !q.next())
        return std::nullopt;
    return readTemplate(q);
}

qint64 syncedAt(QSqlDatabase &db)
{
    PreparedQuery q(db, QStringLiteral("SELECT MAX(synced_at) FROM templates"));
    if (!execQuery(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace TemplateRepo
} // namespace Serambi::Relay
