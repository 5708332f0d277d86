#include "channel.h"

namespace Serambi::Relay {

QByteArray InboundRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

WebhookAnswer Channel::acknowledgement() const
{
    return {QByteArrayLiteral("text/plain; charset=utf-8"), QByteArrayLiteral("ok\n")};
}

} // namespace Serambi::Relay
