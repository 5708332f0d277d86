#include "customerscript.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Serambi::Sim {

namespace {

int milliseconds(const QJsonObject &object, const QString &key, int fallback)
{
    const QJsonValue value = object.value(key);
    return value.isDouble() ? int(value.toDouble() * 1000) : fallback;
}

} // namespace

QString builtInScriptPath()
{
    return QStringLiteral(":/sim/customers.json");
}

std::optional<CustomerScript> CustomerScript::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: ") + parseError.errorString();
        return std::nullopt;
    }
    static const QRegularExpression waId(QStringLiteral("^[0-9]{8,15}$"));
    CustomerScript script;
    const QJsonArray customers = document.object().value(QStringLiteral("customers")).toArray();
    for (const QJsonValue &value : customers) {
        const QJsonObject object = value.toObject();
        ScriptedCustomer customer;
        customer.waId = object.value(QStringLiteral("wa_id")).toString();
        customer.name = object.value(QStringLiteral("name")).toString();
        customer.startAfterMs = milliseconds(object, QStringLiteral("start_after_s"), 0);
        if (!waId.match(customer.waId).hasMatch() || customer.name.isEmpty()) {
            *error = QStringLiteral("every customer needs a digits-only wa_id and a name");
            return std::nullopt;
        }
        const QJsonArray steps = object.value(QStringLiteral("steps")).toArray();
        for (const QJsonValue &stepValue : steps) {
            QJsonObject message = stepValue.toObject();
            ScriptStep step;
            step.thinkMs = milliseconds(message, QStringLiteral("think_s"), step.thinkMs);
            step.waitMs = milliseconds(message, QStringLiteral("wait_s"), step.waitMs);
            message.remove(QStringLiteral("think_s"));
            message.remove(QStringLiteral("wait_s"));
            if (message.value(QStringLiteral("type")).toString().isEmpty()) {
                *error = QStringLiteral("a step of %1 has no type").arg(customer.waId);
                return std::nullopt;
            }
            step.message = message;
            customer.steps.append(step);
        }
        script.customers.append(customer);
    }
    return script;
}

std::optional<CustomerScript> CustomerScript::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::optional<CustomerScript> script = fromJson(file.readAll(), error);
    if (!script)
        *error = path + QStringLiteral(": ") + *error;
    return script;
}

} // namespace Serambi::Sim
