#include "messagetemplates.h"

#include "relayclient.h"

#include "protocol/events.h"

#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Serambi::App {

namespace {
const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\{\\{\\s*(\\w+)\\s*\\}\\}"));
    return pattern;
}

QJsonObject component(const QJsonArray &components, const QString &type)
{
    for (const QJsonValue &value : components) {
        const QJsonObject object = value.toObject();
        if (object.value(QLatin1String("type")).toString().compare(type, Qt::CaseInsensitive) == 0)
            return object;
    }
    return {};
}
} // namespace

MessageTemplate MessageTemplate::fromJson(const QJsonObject &json)
{
    MessageTemplate result;
    static_cast<Protocol::TemplatePayload &>(result) = Protocol::TemplatePayload::fromJson(json);
    return result;
}

QString MessageTemplate::componentText(const QString &type) const
{
    return component(components, type).value(QLatin1String("text")).toString();
}

QString MessageTemplate::headerFormat() const
{
    return component(components, QStringLiteral("HEADER"))
        .value(QLatin1String("format"))
        .toString()
        .toUpper();
}

bool MessageTemplate::needsHeaderMedia() const
{
    const QString format = headerFormat();
    return format == QLatin1String("IMAGE") || format == QLatin1String("VIDEO") ||
           format == QLatin1String("DOCUMENT");
}

QStringList MessageTemplate::buttonLabels() const
{
    QStringList labels;
    const QJsonArray buttons =
        component(components, QStringLiteral("BUTTONS")).value(QLatin1String("buttons")).toArray();
    for (const QJsonValue &button : buttons)
        labels.append(button.toObject().value(QLatin1String("text")).toString());
    return labels;
}

QList<int> MessageTemplate::parameterButtons() const
{
    QList<int> indexes;
    const QJsonArray buttons =
        component(components, QStringLiteral("BUTTONS")).value(QLatin1String("buttons")).toArray();
    for (int i = 0; i < buttons.size(); ++i) {
        const QJsonObject button = buttons.at(i).toObject();
        if (button.value(QLatin1String("type")).toString() == QLatin1String("URL") &&
            placeholderPattern().match(button.value(QLatin1String("url")).toString()).hasMatch())
            indexes.append(i);
    }
    return indexes;
}

QStringList MessageTemplate::placeholders(const QString &type) const
{
    if (type.compare(QLatin1String("HEADER"), Qt::CaseInsensitive) == 0 &&
        headerFormat() != QLatin1String("TEXT"))
        return {};
    QStringList names;
    auto it = placeholderPattern().globalMatch(componentText(type));
    while (it.hasNext()) {
        const QString found = it.next().captured(1);
        if (!names.contains(found))
            names.append(found);
    }
    return names;
}

QString MessageTemplate::fill(const QString &text, const QHash<QString, QString> &values)
{
    QString result;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(last, match.capturedStart() - last);
        const QString value = values.value(match.captured(1));
        result += value.isEmpty() ? match.captured(0) : value;
        last = match.capturedEnd();
    }
    return result + text.mid(last);
}

MessageTemplates::MessageTemplates(RelayClient *relay, QObject *parent)
    : QObject(parent), m_relay(relay)
{
    connect(m_relay, &RelayClient::statusChanged, this, [this](const ConnectionStatus &status) {
        if (status.state == ConnectionState::Online)
            refresh();
    });
    connect(m_relay, &RelayClient::eventReceived, this,
            [this](qint64, const QString &kind, qint64, const QJsonObject &) {
                if (Protocol::eventKindFromName(kind) == Protocol::EventKind::TemplatesUpdated)
                    refresh();
            });
}

TemplateList MessageTemplates::approved() const
{
    TemplateList result;
    std::copy_if(m_templates.cbegin(), m_templates.cend(), std::back_inserter(result),
                 [](const MessageTemplate &t) { return t.isApproved(); });
    return result;
}

bool MessageTemplates::sync()
{
    const bool sent = m_relay->request(Protocol::Command::SyncTemplates, {}, this,
                                       [this](const RelayResult &result) {
                                           if (!result.ok && !result.lost)
                                               Q_EMIT syncFailed(result.errorCode);
                                       });
    if (!sent)
        Q_EMIT syncFailed(QStringLiteral("unreachable"));
    return sent;
}

void MessageTemplates::refresh()
{
    m_relay->request(Protocol::Command::ListTemplates, {}, this, [this](const RelayResult &result) {
        if (result.ok)
            handleList(result.data);
    });
}

void MessageTemplates::handleList(const QJsonObject &data)
{
    m_templates.clear();
    const QJsonArray array = data.value(QLatin1String("templates")).toArray();
    for (const QJsonValue &value : array)
        m_templates.append(MessageTemplate::fromJson(value.toObject()));
    std::sort(m_templates.begin(), m_templates.end(),
              [](const MessageTemplate &a, const MessageTemplate &b) {
                  return std::tie(a.name, a.language) < std::tie(b.name, b.language);
              });
    m_syncedAt = data.value(QLatin1String("synced_at")).toInteger();
    Q_EMIT changed();
}

} // namespace Serambi::App
