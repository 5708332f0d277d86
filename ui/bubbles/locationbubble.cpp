// A shared location: the place's name and address, the coordinates, and a way to a map.
#include "bubblecontent.h"

#include <QLocale>

namespace Serambi::Ui::Bubbles {

BubbleContent locationContent(const QJsonObject &location)
{
    // Meta sends numbers; some senders quote them.
    const auto coordinate = [&location](QLatin1String name) {
        const QJsonValue value = location.value(name);
        return value.isString() ? value.toString().toDouble() : value.toDouble();
    };
    const double latitude = coordinate(QLatin1String("latitude"));
    const double longitude = coordinate(QLatin1String("longitude"));
    const QString name = location.value(QLatin1String("name")).toString();
    const QString address = location.value(QLatin1String("address")).toString();
    const QString coordinates = QStringLiteral("%1, %2").arg(
        QLocale::c().toString(latitude, 'f', 5), QLocale::c().toString(longitude, 'f', 5));
    BubbleContent c;
    Block card{Block::Kind::Card};
    card.glyph = QStringLiteral("location");
    card.text = name.isEmpty() ? BubbleText::tr("Shared location") : name;
    card.secondary = address;
    card.action = Action::OpenMap;
    c.blocks.append(card);
    c.blocks.append(Block(Block::Kind::Detail, coordinates));
    Block actions{Block::Kind::Actions};
    actions.actions.append({BubbleText::tr("Open in map"), Action::OpenMap});
    c.blocks.append(actions);
    c.primary = Action::OpenMap;
    QStringList spoken{BubbleText::tr("Location"), card.text};
    if (!address.isEmpty())
        spoken.append(address);
    spoken.append(coordinates);
    c.spoken = spoken.join(QStringLiteral(" · "));
    return c;
}

} // namespace Serambi::Ui::Bubbles
