// An order from the catalogue: each item with quantity × price, the total in the currency.
#include "bubblecontent.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace Serambi::Ui::Bubbles {

namespace {
QString money(double amount, const QString &currency)
{
    const bool whole = std::floor(amount) == amount;
    return QLocale().toCurrencyString(amount, currency + QLatin1Char(' '), whole ? 0 : 2);
}
} // namespace

BubbleContent orderContent(const QJsonObject &order)
{
    BubbleContent c;
    const QJsonArray items = order.value(QLatin1String("product_items")).toArray();
    double total = 0;
    QString currency;
    bool oneCurrency = true;
    QList<Block> rows;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const int quantity = item.value(QLatin1String("quantity")).toInt();
        const double price = item.value(QLatin1String("item_price")).toDouble();
        const QString itemCurrency = item.value(QLatin1String("currency")).toString();
        if (!currency.isEmpty() && itemCurrency != currency)
            oneCurrency = false;
        currency = itemCurrency;
        total += quantity * price;
        rows.append(Block(Block::Kind::Row,
                          BubbleText::tr("%1 × %2").arg(quantity).arg(
                              item.value(QLatin1String("product_retailer_id")).toString()),
                          money(quantity * price, itemCurrency)));
    }
    c.blocks.append(Block(Block::Kind::Title, BubbleText::tr("Order")));
    c.blocks.append(rows);
    if (oneCurrency && !items.isEmpty())
        c.blocks.append(Block(Block::Kind::Total, BubbleText::tr("Total"), money(total, currency)));
    const QString note = order.value(QLatin1String("text")).toString();
    if (!note.isEmpty())
        c.blocks.append(Block(Block::Kind::Text, note));
    QStringList spoken;
    for (const Block &block : std::as_const(c.blocks))
        spoken.append(block.secondary.isEmpty() ? block.text
                                                : block.text + QLatin1Char(' ') + block.secondary);
    c.spoken = spoken.join(QStringLiteral(" · "));
    return c;
}

} // namespace Serambi::Ui::Bubbles
