#include "event.h"

namespace Serambi::Relay {

QJsonObject Event::toFrame() const
{
    return {{QLatin1String("type"), QLatin1String("event")},
            {QLatin1String("seq"), seq},
            {QLatin1String("kind"), kind},
            {QLatin1String("conversation_id"), conversationId},
            {QLatin1String("data"), data}};
}

} // namespace Serambi::Relay
