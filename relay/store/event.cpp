#include "event.h"

namespace Serambi::Relay {

QJsonObject Event::toFrame() const
{
    QJsonObject frame{{QLatin1String("type"), QLatin1String("event")},
                      {QLatin1String("kind"), Protocol::eventKindName(kind)},
                      {QLatin1String("conversation_id"), conversationId},
                      {QLatin1String("data"), data}};
    if (seq > 0)
        frame.insert(QLatin1String("seq"), seq);
    return frame;
}

} // namespace Serambi::Relay
