#pragma once

#include "store/event.h"
#include "store/mediafiles.h"
#include "store/mediarepo.h"

#include <QObject>
#include <QSet>
#include <QUrl>

#include <deque>

namespace Serambi::Relay {

class Channel;
class ChannelSet;
class StoreWriter;
struct GraphResult;

struct MediaDownloadOptions
{
    int maxConcurrent = 4;
    int maxAttempts = 4; // per download, for 5xx and network errors
    int backoffBaseMs = 1000;
};

// Fetches the media of inbound messages, each through the channel it came by, as soon as their
// webhook is committed (design.md flow, after step 4): GET /{media-id} for a URL, then the bytes
// with the bearer token, checked against the kind's limit, the MIME types WhatsApp lists and the
// webhook's SHA-256, stored in MediaFiles. Every change of a message's media is one writer job with
// a message.updated event. Pending downloads are picked up again at start (after a restart) and
// when retry_media sets a failed one back to pending.
class MediaDownloader : public QObject
{
    Q_OBJECT

public:
    MediaDownloader(StoreWriter *writer, const ChannelSet *channels, MediaFiles files,
                    MediaDownloadOptions options, QObject *parent = nullptr);

    // Queues every pending download. Call once, after the writer started.
    void start();

    int active() const { return m_active; }

private:
    struct Job
    {
        qint64 messageId = 0;
        Channel *channel = nullptr; // the channel of the message's conversation
        MessageMedia media;
        int attempts = 0;
        bool refreshedUrl = false;
    };

    void handleEventsCommitted(const EventList &events);
    void enqueue(qint64 messageId);
    void pump();
    void begin(qint64 messageId);
    void fetchUrl(const Job &job);
    void handleUrl(Job job, const GraphResult &result);
    void download(const Job &job, const QUrl &url, const QString &expectedSha256);
    // 5xx or no answer: again after a backoff, or failed when out of attempts.
    void retry(Job job);
    void fail(const Job &job, const QString &error);
    void store(const Job &job, const MessageMedia &media);
    void finished(qint64 messageId);

    StoreWriter *m_writer;
    const ChannelSet *m_channels;
    MediaFiles m_files;
    MediaDownloadOptions m_options;
    std::deque<qint64> m_queue;
    QSet<qint64> m_known; // queued or in progress
    int m_active = 0;
};

} // namespace Serambi::Relay
