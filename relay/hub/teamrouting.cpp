#include "teamrouting.h"

namespace Serambi::Relay {

QString RoutingRules::teamFor(const QString &handoffReason, const QStringList &customerTexts,
                              const QString &channel) const
{
    for (const auto &[word, team] : keywords) {
        for (const QString &text : customerTexts) {
            if (text.contains(word, Qt::CaseInsensitive))
                return team;
        }
    }
    for (const auto &[reason, team] : reasons) {
        if (reason == handoffReason)
            return team;
    }
    return channels.value(channel);
}

} // namespace Serambi::Relay
