#include "decimalmoney.h"

namespace Serambi::Relay {

namespace {

constexpr int MaxIntegerDigits = 15;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

std::optional<qint64> parseDecimalHundredths(QStringView text)
{
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text = text.mid(1);
    }
    const qsizetype point = text.indexOf(u'.');
    const QStringView whole = point < 0 ? text : text.left(point);
    const QStringView fraction = point < 0 ? QStringView() : text.mid(point + 1);
    if (whole.isEmpty() || whole.size() > MaxIntegerDigits || (point >= 0 && fraction.isEmpty()))
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : whole) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + c.digitValue();
    }
    for (qsizetype i = 0; i < fraction.size(); ++i) {
        const QChar c = fraction.at(i);
        if (!isDigit(c) || (i >= 2 && c != u'0'))
            return std::nullopt;
    }
    int hundredths = 0;
    if (!fraction.isEmpty())
        hundredths = fraction.at(0).digitValue() * 10;
    if (fraction.size() > 1)
        hundredths += fraction.at(1).digitValue();
    value = value * 100 + hundredths;
    return negative ? -value : value;
}

} // namespace Serambi::Relay
