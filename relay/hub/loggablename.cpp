#include "loggablename.h"

namespace Serambi::Relay {

QString loggableName(const QString &name)
{
    constexpr int Shown = 32;
    QString shown;
    for (const QChar c : name.left(Shown)) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7f && u != u'\\')
            shown += c;
        else
            shown += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    if (name.size() > Shown)
        shown += QStringLiteral("…(%1 chars)").arg(name.size());
    return shown;
}

} // namespace Serambi::Relay
