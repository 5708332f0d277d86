#include "wanumber.h"

namespace Serambi::Relay {

namespace {

constexpr int MinDigits = 8;  // the shortest wa_id with a country code
constexpr int MaxDigits = 15; // E.164's longest number

bool isSeparator(QChar c)
{
    return c == u' ' || c == u'-' || c == u'.' || c == u'(' || c == u')' || c == u'/';
}

} // namespace

QString waIdFromPhone(QStringView phone)
{
    const QStringView trimmed = phone.trimmed();
    QString digits;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c >= u'0' && c <= u'9')
            digits.append(c);
        else if (c == u'+' && i == 0)
            continue;
        else if (!isSeparator(c))
            return {};
    }
    if (digits.startsWith(QLatin1String("00")))
        digits.remove(0, 2);
    else if (digits.startsWith(u'0'))
        digits.replace(0, 1, QStringLiteral("62"));
    if (digits.size() < MinDigits || digits.size() > MaxDigits)
        return {};
    return digits;
}

} // namespace Serambi::Relay
