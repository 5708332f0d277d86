// Choices both ways: the buttons, list and link a business message offers (as the customer
// sees them), templates, and the customer's pick, linked to the message that offered it.
#include "bubblecontent.h"

#include "app/messagelistmodel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QModelIndex>

namespace Serambi::Ui::Bubbles {

namespace {
using Model = App::MessageListModel;

QString textOf(const QJsonObject &object, QLatin1String name)
{
    return object.value(name).toObject().value(QLatin1String("text")).toString();
}

// A Flow's field name as a label: "jumlah_tamu" -> "Jumlah tamu".
QString fieldLabel(const QString &name)
{
    QString label = name;
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label.at(0).toUpper();
    return label;
}

QString answerText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? BubbleText::tr("Yes") : BubbleText::tr("No");
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items)
            parts.append(answerText(item));
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

// The customer's answer to our request to call them.
void callPermission(const QJsonObject &reply, QString *picked, QString *description)
{
    const bool accepted =
        reply.value(QLatin1String("response")).toString() == QLatin1String("accept");
    *picked = accepted ? BubbleText::tr("Allowed calls") : BubbleText::tr("Declined calls");
    if (!accepted)
        return;
    const qint64 expires = reply.value(QLatin1String("expiration_timestamp")).toInteger();
    if (reply.value(QLatin1String("is_permanent")).toBool())
        *description = BubbleText::tr("With no end date");
    else if (expires > 0)
        *description = BubbleText::tr("Until %1")
                           .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(expires),
                                                   QLocale::ShortFormat));
}
} // namespace

BubbleContent formReplyContent(const QJsonObject &reply)
{
    BubbleContent c;
    const QJsonObject answers =
        QJsonDocument::fromJson(reply.value(QLatin1String("response_json")).toString().toUtf8())
            .object();
    const QString how = BubbleText::tr("Sent a form");
    c.blocks.append(Block(Block::Kind::Detail, how));
    QStringList spoken{how};
    for (auto it = answers.constBegin(); it != answers.constEnd(); ++it) {
        if (it.key() == QLatin1String("flow_token"))
            continue; // ours, not the customer's
        const Block row(Block::Kind::Row, fieldLabel(it.key()), answerText(it.value()));
        c.blocks.append(row);
        spoken.append(BubbleText::tr("%1: %2").arg(row.text, row.secondary));
    }
    if (c.blocks.size() == 1) {
        const QString body = reply.value(QLatin1String("body")).toString();
        c.blocks.append(Block(Block::Kind::Picked, body));
        spoken.append(body);
    }
    c.spoken = spoken.join(QStringLiteral(" · "));
    return c;
}

BubbleContent choiceReplyContent(const QModelIndex &index)
{
    const QString type = index.data(Model::TypeRole).toString();
    const QJsonObject content = index.data(Model::ContentRole).toJsonObject();
    BubbleContent c;
    QString how;
    QString picked;
    QString description;
    if (type == QLatin1String("button")) {
        how = BubbleText::tr("Tapped a template button");
        picked = content.value(QLatin1String("button"))
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString();
    } else {
        const QJsonObject interactive = content.value(QLatin1String("interactive")).toObject();
        const QString kind = interactive.value(QLatin1String("type")).toString();
        const QJsonObject reply = interactive.value(kind).toObject();
        if (kind == QLatin1String("nfm_reply")) {
            c = formReplyContent(reply);
            if (index.data(Model::OfferedByRole).toLongLong() != 0)
                c.primary = Action::ShowQuoted;
            return c;
        }
        if (kind == QLatin1String("list_reply")) {
            how = BubbleText::tr("Picked from the list");
            description = reply.value(QLatin1String("description")).toString();
            picked = reply.value(QLatin1String("title")).toString();
        } else if (kind == QLatin1String("call_permission_reply")) {
            how = BubbleText::tr("Answered the request to call");
            callPermission(reply, &picked, &description);
        } else {
            how = BubbleText::tr("Picked a button");
            picked = reply.value(QLatin1String("title")).toString();
        }
    }
    if (picked.isEmpty())
        picked = index.data(Model::TextRole).toString();
    c.blocks.append(Block(Block::Kind::Detail, how));
    Block choice(Block::Kind::Picked, picked);
    c.blocks.append(choice);
    if (!description.isEmpty())
        c.blocks.append(Block(Block::Kind::Detail, description));
    // The delegate's quote says which message offered the choice.
    c.spoken = BubbleText::tr("%1: %2").arg(how, picked);
    if (!description.isEmpty())
        c.spoken += QStringLiteral(" · ") + description;
    if (index.data(Model::OfferedByRole).toLongLong() != 0)
        c.primary = Action::ShowQuoted;
    return c;
}

BubbleContent outboundInteractiveContent(const QJsonObject &interactive)
{
    BubbleContent c;
    QStringList spoken;
    const QJsonObject header = interactive.value(QLatin1String("header")).toObject();
    const QString headerType = header.value(QLatin1String("type")).toString();
    if (headerType == QLatin1String("text")) {
        c.blocks.append(Block(Block::Kind::Title, header.value(QLatin1String("text")).toString()));
        spoken.append(c.blocks.last().text);
    } else if (!headerType.isEmpty()) {
        Block media{Block::Kind::Card};
        media.glyph = headerType;
        media.text = BubbleText::tr("Header: %1").arg(headerType);
        c.blocks.append(media);
    }
    const QString body = textOf(interactive, QLatin1String("body"));
    if (!body.isEmpty()) {
        c.blocks.append(Block(Block::Kind::Text, body));
        spoken.append(body);
    }
    const QString footer = textOf(interactive, QLatin1String("footer"));
    if (!footer.isEmpty())
        c.blocks.append(Block(Block::Kind::Detail, footer));
    const QString type = interactive.value(QLatin1String("type")).toString();
    const QJsonObject action = interactive.value(QLatin1String("action")).toObject();
    QStringList labels;
    if (type == QLatin1String("button")) {
        const QJsonArray buttons = action.value(QLatin1String("buttons")).toArray();
        for (const QJsonValue &button : buttons)
            labels.append(button.toObject()
                              .value(QLatin1String("reply"))
                              .toObject()
                              .value(QLatin1String("title"))
                              .toString());
        for (const QString &label : std::as_const(labels)) {
            Block choice(Block::Kind::Choice, label);
            c.blocks.append(choice);
        }
        spoken.append(BubbleText::tr("Buttons: %1").arg(labels.join(QStringLiteral(", "))));
    } else if (type == QLatin1String("list")) {
        Block choice(Block::Kind::Choice, action.value(QLatin1String("button")).toString());
        choice.glyph = QStringLiteral("list");
        c.blocks.append(choice);
        int rows = 0;
        const QJsonArray sections = action.value(QLatin1String("sections")).toArray();
        for (const QJsonValue &section : sections)
            rows += section.toObject().value(QLatin1String("rows")).toArray().size();
        spoken.append(BubbleText::tr("List “%1”, choices: %2").arg(choice.text).arg(rows));
    } else if (type == QLatin1String("cta_url")) {
        const QJsonObject parameters = action.value(QLatin1String("parameters")).toObject();
        Block choice(Block::Kind::Choice,
                     parameters.value(QLatin1String("display_text")).toString());
        choice.glyph = QStringLiteral("link");
        c.blocks.append(choice);
        spoken.append(BubbleText::tr("Link: %1").arg(choice.text));
    }
    c.spoken = spoken.join(QStringLiteral(" · "));
    return c;
}

BubbleContent templateContent(const QModelIndex &index)
{
    const QJsonObject sent =
        index.data(Model::ContentRole).toJsonObject().value(QLatin1String("template")).toObject();
    const QString name = sent.value(QLatin1String("name")).toString();
    BubbleContent c;
    const QString text = index.data(Model::TextRole).toString();
    if (!text.isEmpty())
        c.blocks.append(Block(Block::Kind::Text, text));
    const QString language =
        sent.value(QLatin1String("language")).toObject().value(QLatin1String("code")).toString();
    const QString label = name.isEmpty() ? BubbleText::tr("Template")
                                         : BubbleText::tr("Template “%1” (%2)").arg(name, language);
    c.blocks.append(Block(Block::Kind::Detail, label));
    c.spoken = QStringList{text, label}.join(QStringLiteral(" · "));
    return c;
}

} // namespace Serambi::Ui::Bubbles
