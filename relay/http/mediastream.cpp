#include "mediastream.h"

#include "logging/relaylogging.h"

#include <QHttpServerResponder>
#include <QTcpSocket>

#include <atomic>

namespace Serambi::Relay {

namespace {
std::atomic<int> g_active{0};

std::optional<qint64> number(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}
} // namespace

RangeAnswer parseRange(const QByteArray &header, qint64 size, ByteRange *range)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes=") || value.contains(','))
        return RangeAnswer::Whole;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return RangeAnswer::Whole;
    const auto first = number(spec.left(dash).trimmed());
    const auto last = number(spec.mid(dash + 1).trimmed());
    if (!first && !last)
        return RangeAnswer::Whole;
    if (!first) { // the last n bytes
        if (*last == 0 || size == 0)
            return RangeAnswer::Unsatisfiable;
        range->first = std::max<qint64>(0, size - *last);
        range->last = size - 1;
        return RangeAnswer::Partial;
    }
    if (last && *last < *first)
        return RangeAnswer::Whole; // invalid: ignored
    if (*first >= size)
        return RangeAnswer::Unsatisfiable;
    range->first = *first;
    range->last = last ? std::min(*last, size - 1) : size - 1;
    return RangeAnswer::Partial;
}

void MediaStream::start(std::shared_ptr<QHttpServerResponder> responder, QTcpSocket *socket,
                        std::unique_ptr<QFile> file, qint64 length)
{
    auto *stream = new MediaStream(std::move(responder), socket, std::move(file), length);
    stream->pump();
}

int MediaStream::active()
{
    return g_active.load();
}

MediaStream::MediaStream(std::shared_ptr<QHttpServerResponder> responder, QTcpSocket *socket,
                         std::unique_ptr<QFile> file, qint64 length)
    : QObject(socket)
    , m_responder(std::move(responder))
    , m_socket(socket)
    , m_file(std::move(file))
    , m_left(length)
{
    ++g_active;
    connect(socket, &QTcpSocket::bytesWritten, this, &MediaStream::pump);
}

MediaStream::~MediaStream()
{
    --g_active;
}

void MediaStream::pump()
{
    if (m_done)
        return;
    if (!m_bodyStarted) {
        m_responder->writeBody(QByteArray()); // ends the headers
        m_bodyStarted = true;
    }
    while (m_left > 0 && m_socket->bytesToWrite() < HighWaterBytes) {
        const QByteArray chunk = m_file->read(std::min(m_left, ChunkBytes));
        if (chunk.isEmpty()) { // the file shrank or cannot be read: the client sees a short body
            qCWarning(lcMediaHttp) << "media file ended early:" << m_file->errorString();
            m_done = true;
            m_socket->abort();
            deleteLater();
            return;
        }
        m_responder->writeBody(chunk);
        m_left -= chunk.size();
    }
    if (m_left == 0) {
        m_done = true;
        deleteLater();
    }
}

} // namespace Serambi::Relay
