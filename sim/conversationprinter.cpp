#include "conversationprinter.h"

#include "simstate.h"
#include "templatecatalog.h"

#include <QIODevice>
#include <QJsonArray>
#include <QTime>

namespace Serambi::Sim {

namespace {

QString renderTemplate(const QJsonObject &templ, const TemplateCatalog &templates)
{
    const QString name = templ.value(QStringLiteral("name")).toString();
    const QString language =
        templ.value(QStringLiteral("language")).toObject().value(QStringLiteral("code")).toString();
    const std::optional<MessageTemplate> known = templates.findApproved(name, language);
    if (!known)
        return QStringLiteral("[template %1]").arg(name);
    QString text = known->componentText(QStringLiteral("BODY"));
    const QJsonArray components = templ.value(QStringLiteral("components")).toArray();
    for (const QJsonValue &component : components) {
        if (component.toObject().value(QStringLiteral("type")).toString() != QLatin1String("body"))
            continue;
        const QJsonArray parameters =
            component.toObject().value(QStringLiteral("parameters")).toArray();
        for (int i = 0; i < parameters.size(); ++i)
            text.replace(QStringLiteral("{{%1}}").arg(i + 1),
                         parameters.at(i).toObject().value(QStringLiteral("text")).toString());
    }
    return QStringLiteral("[template %1] %2").arg(name, text);
}

QString mediaLabel(const QString &type)
{
    if (type == QLatin1String("image"))
        return QStringLiteral("[foto]");
    if (type == QLatin1String("audio"))
        return QStringLiteral("[pesan suara]");
    if (type == QLatin1String("video"))
        return QStringLiteral("[video]");
    if (type == QLatin1String("document"))
        return QStringLiteral("[dokumen]");
    return QStringLiteral("[stiker]");
}

} // namespace

ConversationPrinter::ConversationPrinter(QIODevice *device, const SimState &state,
                                         const TemplateCatalog &templates, QObject *parent)
    : QObject(parent), m_out(device), m_state(state), m_templates(templates)
{}

QString ConversationPrinter::summarize(const QJsonObject &message, const TemplateCatalog &templates)
{
    const QString type = message.value(QStringLiteral("type")).toString(QStringLiteral("text"));
    const QJsonObject content = message.value(type).toObject();
    if (type == QLatin1String("text"))
        return content.value(QStringLiteral("body")).toString();
    if (type == QLatin1String("image") || type == QLatin1String("video") ||
        type == QLatin1String("audio") || type == QLatin1String("document") ||
        type == QLatin1String("sticker")) {
        const QString caption = content.value(QStringLiteral("caption")).toString();
        return caption.isEmpty() ? mediaLabel(type) : mediaLabel(type) + QLatin1Char(' ') + caption;
    }
    if (type == QLatin1String("location"))
        return QStringLiteral("[lokasi] %1 (%2, %3)")
            .arg(content.value(QStringLiteral("name")).toString(),
                 content.value(QStringLiteral("latitude")).toVariant().toString(),
                 content.value(QStringLiteral("longitude")).toVariant().toString());
    if (type == QLatin1String("reaction"))
        return QStringLiteral("[reaksi %1]").arg(content.value(QStringLiteral("emoji")).toString());
    if (type == QLatin1String("template"))
        return renderTemplate(content, templates);
    if (type == QLatin1String("interactive")) {
        const QString kind = content.value(QStringLiteral("type")).toString();
        const QJsonObject reply = content.value(kind).toObject();
        if (reply.contains(QStringLiteral("title")))
            return QStringLiteral("[pilih] ") + reply.value(QStringLiteral("title")).toString();
        QStringList options;
        const QJsonArray buttons = content.value(QStringLiteral("action"))
                                       .toObject()
                                       .value(QStringLiteral("buttons"))
                                       .toArray();
        for (const QJsonValue &button : buttons)
            options.append(button.toObject()
                               .value(QStringLiteral("reply"))
                               .toObject()
                               .value(QStringLiteral("title"))
                               .toString());
        QString text = content.value(QStringLiteral("body"))
                           .toObject()
                           .value(QStringLiteral("text"))
                           .toString();
        if (!options.isEmpty())
            text += QStringLiteral(" [") + options.join(QStringLiteral(" | ")) + QLatin1Char(']');
        return text;
    }
    if (type == QLatin1String("button"))
        return QStringLiteral("[tombol] ") + content.value(QStringLiteral("text")).toString();
    return QStringLiteral("[%1]").arg(type);
}

void ConversationPrinter::printInbound(const QString &waId, const QJsonObject &message)
{
    printLine(QStringLiteral("%1 → Bisnis: %2").arg(nameOf(waId), summarize(message, m_templates)));
}

void ConversationPrinter::printOutbound(const OutboundMessage &message)
{
    QString line = QStringLiteral("Bisnis → %1: %2")
                       .arg(nameOf(message.waId.isEmpty() ? message.userId : message.waId),
                            summarize(message.body, m_templates));
    if (message.failure)
        line += QStringLiteral("  ✗ gagal terkirim (#%1)").arg(message.failure->code);
    printLine(line);
}

void ConversationPrinter::printRefused(const QString &recipient, const GraphError &error)
{
    printLine(QStringLiteral("Bisnis → %1: ✗ ditolak (#%2) %3")
                  .arg(nameOf(recipient), QString::number(error.code), error.title));
}

QString ConversationPrinter::nameOf(const QString &waId) const
{
    const QString digits = waId.startsWith(QLatin1Char('+')) ? waId.mid(1) : waId;
    const CustomerInfo *customer = m_state.customer(digits);
    return customer ? customer->name : waId;
}

void ConversationPrinter::printLine(const QString &line)
{
    m_out << QTime::currentTime().toString(QStringLiteral("HH:mm:ss")) << QLatin1Char(' ') << line
          << Qt::endl;
}

} // namespace Serambi::Sim
