#include "outboundtext.h"

#include "store/outbound.h"

namespace Serambi::Relay {

QJsonObject textMessageContent(const QString &text, const QString &replyTo)
{
    return withReplyContext(
        {{QLatin1String("type"), QLatin1String("text")},
         {QLatin1String("text"),
          QJsonObject{{QLatin1String("body"), text}, {QLatin1String("preview_url"), false}}}},
        replyTo);
}

} // namespace Serambi::Relay
