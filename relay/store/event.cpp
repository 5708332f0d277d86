#include "event.h"

#include "protocol/frame.h"
#include "protocol/keys.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

QJsonObject Event::toFrame() const
{
    QJsonObject frame{{Key::Type, QLatin1String(Protocol::FrameType::Event)},
                      {Key::Kind, Protocol::eventKindName(kind)},
                      {Key::ConversationId, conversationId},
                      {Key::Data, data}};
    if (seq > 0)
        frame.insert(Key::Seq, seq);
    return frame;
}

} // namespace Serambi::Relay
