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

} // namespace Serambi::Relay
