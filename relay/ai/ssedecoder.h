#pragma once

#include <QByteArray>
#include <QList>

namespace Serambi::Relay {

// Splits a text/event-stream body, fed in whatever pieces the network delivers, into the data
// of its events (multi-line data joined with "\n"). Comments and other fields are skipped.
class SseDecoder
{
public:
    QList<QByteArray> feed(const QByteArray &bytes);

private:
    QByteArray m_buffer;
    QByteArray m_data;
    bool m_hasData = false;
};

} // namespace Serambi::Relay
