#pragma once

#include <QFile>
#include <QObject>

#include <memory>
#include <optional>

class QHttpServerResponder;
class QTcpSocket;

namespace Serambi::Relay {

// One byte range of a file, by RFC 9110 §14: parseRange's answer to a Range header.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; // inclusive
    qint64 length() const { return last - first + 1; }
};

enum class RangeAnswer { Whole, Partial, Unsatisfiable };

// Reads "bytes=a-b", "bytes=a-" or "bytes=-n" against a file of size bytes. An absent,
// malformed or multi-range header asks for the whole file (the RFC lets a server ignore it).
RangeAnswer parseRange(const QByteArray &header, qint64 size, ByteRange *range);

// Sends a file's bytes (all or one range) on the response's socket a chunk at a time, only as
// fast as the client takes them: at most HighWaterBytes wait in the socket's buffer, so a paused
// download holds a file handle and a few hundred KiB, never the file. Lives as the socket's
// child; ends with the body or the connection.
class MediaStream : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 ChunkBytes = 64 * 1024;
    static constexpr qint64 HighWaterBytes = 256 * 1024;

    // The status line and headers are written already; file is open and at the range's start.
    static void start(std::shared_ptr<QHttpServerResponder> responder, QTcpSocket *socket,
                      std::unique_ptr<QFile> file, qint64 length);

    // Streams open now (bodies still being sent), in this process.
    static int active();

private:
    MediaStream(std::shared_ptr<QHttpServerResponder> responder, QTcpSocket *socket,
                std::unique_ptr<QFile> file, qint64 length);
    ~MediaStream() override;
    void pump();

    std::shared_ptr<QHttpServerResponder> m_responder;
    QTcpSocket *m_socket;
    std::unique_ptr<QFile> m_file;
    qint64 m_left;
    bool m_bodyStarted = false;
    bool m_done = false;
};

} // namespace Serambi::Relay
