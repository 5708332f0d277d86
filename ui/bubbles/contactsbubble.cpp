// Contact cards: each person's name, company, phone numbers and email addresses.
#include "bubblecontent.h"

#include <QJsonArray>

namespace Serambi::Ui::Bubbles {

BubbleContent contactsContent(const QJsonArray &contacts)
{
    BubbleContent c;
    QStringList spoken{BubbleText::tr("Contact card")};
    for (const QJsonValue &value : contacts) {
        const QJsonObject contact = value.toObject();
        const QJsonObject name = contact.value(QLatin1String("name")).toObject();
        QString formatted = name.value(QLatin1String("formatted_name")).toString();
        if (formatted.isEmpty())
            formatted = QStringList{name.value(QLatin1String("first_name")).toString(),
                                    name.value(QLatin1String("last_name")).toString()}
                            .join(QLatin1Char(' '))
                            .trimmed();
        const QJsonObject org = contact.value(QLatin1String("org")).toObject();
        Block card{Block::Kind::Card};
        card.glyph = QStringLiteral("contacts");
        card.text = formatted.isEmpty() ? BubbleText::tr("Unnamed contact") : formatted;
        QStringList work;
        for (const QLatin1String field : {QLatin1String("title"), QLatin1String("company")}) {
            if (!org.value(field).toString().isEmpty())
                work.append(org.value(field).toString());
        }
        card.secondary = work.join(QStringLiteral(", "));
        c.blocks.append(card);
        spoken.append(card.text);
        const QJsonArray phones = contact.value(QLatin1String("phones")).toArray();
        for (const QJsonValue &phone : phones) {
            const QString number = phone.toObject().value(QLatin1String("phone")).toString();
            if (number.isEmpty())
                continue;
            c.blocks.append(Block(Block::Kind::Detail, BubbleText::tr("Phone: %1").arg(number)));
            spoken.append(number);
        }
        const QJsonArray emails = contact.value(QLatin1String("emails")).toArray();
        for (const QJsonValue &email : emails) {
            const QString address = email.toObject().value(QLatin1String("email")).toString();
            if (address.isEmpty())
                continue;
            c.blocks.append(Block(Block::Kind::Detail, BubbleText::tr("Email: %1").arg(address)));
            spoken.append(address);
        }
    }
    c.spoken = spoken.join(QStringLiteral(" · "));
    return c;
}

} // namespace Serambi::Ui::Bubbles
