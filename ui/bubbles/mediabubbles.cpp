// Photos, stickers, videos, voice notes and audio, documents: the file's state (on its way to
// the relay, failed there, being fetched by this console, ready) and what can be done with it.
#include "bubblecontent.h"

#include "app/mediacache.h"
#include "app/messagelistmodel.h"
#include "ui/audioplayback.h"
#include "ui/chattext.h"

#include <QFileInfo>
#include <QImage>
#include <QMimeDatabase>
#include <QModelIndex>

namespace Serambi::Ui::Bubbles {

namespace {
using Model = App::MessageListModel;
using Cache = App::MediaCache;

constexpr qreal PhotoWidth = 240;
constexpr qreal PhotoMaxHeight = 300;
constexpr qreal StickerSide = 128;

QSizeF photoSize(const QImage &thumbnail)
{
    if (thumbnail.isNull())
        return {PhotoWidth, PhotoWidth * 2 / 3};
    QSizeF size = QSizeF(thumbnail.size()).scaled(PhotoWidth, PhotoMaxHeight, Qt::KeepAspectRatio);
    size.setWidth(qMax<qreal>(size.width(), 96));
    return size;
}

// "PDF", "JPEG": the kind of file in a word.
QString fileKind(const QString &mimeType, const QString &filename)
{
    const QString suffix = QFileInfo(filename).suffix();
    if (!suffix.isEmpty())
        return suffix.toUpper();
    const QStringList suffixes = QMimeDatabase().mimeTypeForName(mimeType).suffixes();
    return suffixes.isEmpty() ? QString() : suffixes.first().toUpper();
}

struct MediaState
{
    QString relayState; // pending, ready, failed, or empty (no media information)
    QString key;
    Cache::State local = Cache::State::Absent;
    QString failure; // words for a failure, empty when none
    Action retry = Action::None;
    QString progressText; // "Downloading…", "Loading 40%"
    qreal progress = -1;

    bool usable() const { return relayState == QLatin1String("ready") && failure.isEmpty(); }
};

MediaState stateOf(const QModelIndex &index, const MediaContext &media)
{
    MediaState s;
    s.relayState = index.data(Model::MediaStateRole).toString();
    s.key = index.data(Model::MediaKeyRole).toString();
    const bool inbound = index.data(Model::DirectionRole).toString() == QLatin1String("in");
    if (s.relayState == QLatin1String("failed")) {
        s.failure = BubbleText::mediaFailure(index.data(Model::MediaErrorRole).toString());
        if (inbound)
            s.retry = Action::RetryMedia;
        return s;
    }
    if (s.relayState == QLatin1String("pending")) {
        s.progressText =
            inbound ? BubbleText::tr("The relay is downloading it…") : BubbleText::tr("Uploading…");
        return s;
    }
    if (s.relayState.isEmpty()) {
        s.failure = BubbleText::tr("This file is not available in the console.");
        return s;
    }
    if (!media.cache)
        return s;
    s.local = media.cache->state(s.key);
    if (s.local == Cache::State::Failed) {
        s.failure = BubbleText::mediaFailure(media.cache->failure(s.key));
        s.retry = Action::FetchAgain;
    } else if (s.local == Cache::State::Fetching) {
        const auto [received, total] = media.cache->progress(s.key);
        s.progress = total > 0 ? qreal(received) / total : 0;
        s.progressText = total > 0 ? BubbleText::tr("Loading %1%").arg(int(s.progress * 100))
                                   : BubbleText::tr("Loading…");
    }
    return s;
}

void appendFailure(BubbleContent &c, const MediaState &s)
{
    if (s.failure.isEmpty())
        return;
    c.blocks.append(Block(Block::Kind::Error, s.failure));
    if (s.retry != Action::None) {
        c.primary = s.retry; // Enter retries, as the button does
        Block retry{Block::Kind::Actions};
        retry.actions.append({BubbleText::tr("Retry"), s.retry});
        c.blocks.append(retry);
    }
}

QString spokenState(const MediaState &s)
{
    if (!s.failure.isEmpty())
        return s.failure;
    return s.progressText;
}

void appendCaption(BubbleContent &c, const QString &caption)
{
    if (!caption.isEmpty())
        c.blocks.append(Block(Block::Kind::Text, caption));
}

QString join(const QStringList &parts)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.isEmpty())
            kept.append(part);
    }
    return kept.join(QStringLiteral(" · "));
}
} // namespace

BubbleContent mediaContent(const QModelIndex &index, const MediaContext &media)
{
    const QString type = index.data(Model::TypeRole).toString();
    const QJsonObject object = index.data(Model::ContentRole).toJsonObject().value(type).toObject();
    const QString caption = object.value(QLatin1String("caption")).toString();
    const qint64 bytes = index.data(Model::MediaSizeRole).toLongLong();
    const QString mimeType = index.data(Model::MediaMimeTypeRole).toString();
    const MediaState state = stateOf(index, media);
    BubbleContent c;

    if (type == QLatin1String("image") || type == QLatin1String("sticker") ||
        type == QLatin1String("video")) {
        const bool sticker = type == QLatin1String("sticker");
        const bool video = type == QLatin1String("video");
        // Measuring never fetches: only painting a bubble on screen does (bubblelayout.cpp).
        QImage thumbnail;
        if (state.usable() && !video && media.cache)
            thumbnail = media.cache->cachedThumbnail(state.key);
        Block picture{Block::Kind::Image};
        picture.glyph = type;
        picture.mediaKey = state.usable() && !video ? state.key : QString();
        picture.size =
            sticker ? QSizeF(StickerSide, StickerSide)
                    : (video ? QSizeF(PhotoWidth, PhotoWidth * 9 / 16) : photoSize(thumbnail));
        picture.text = state.progressText;
        picture.progress = state.progress;
        if (state.usable()) {
            picture.action = Action::OpenMedia;
            c.primary = Action::OpenMedia;
        }
        c.frameless = sticker && state.failure.isEmpty();
        c.blocks.append(picture);
        if (video)
            c.blocks.append(Block(Block::Kind::Detail,
                                  join({fileKind(mimeType, QString()),
                                        bytes > 0 ? BubbleText::fileSize(bytes) : QString()})));
        appendFailure(c, state);
        appendCaption(c, caption);
        c.spoken = join({ChatText::typeLabel(type), caption, spokenState(state)});
        return c;
    }

    if (type == QLatin1String("audio")) {
        const bool voice = object.value(QLatin1String("voice")).toBool();
        const bool playing = media.audio && media.audio->isPlaying(state.key);
        const bool current =
            media.audio && !state.key.isEmpty() && media.audio->currentKey() == state.key;
        Block card{Block::Kind::Card};
        card.glyph = playing ? QStringLiteral("pause") : QStringLiteral("play");
        card.text = voice ? BubbleText::tr("Voice message") : BubbleText::tr("Audio");
        if (current && media.audio->duration() > 0) {
            card.secondary =
                QStringLiteral("%1 / %2").arg(BubbleText::duration(media.audio->position()),
                                              BubbleText::duration(media.audio->duration()));
            card.progress = qreal(media.audio->position()) / media.audio->duration();
        } else {
            card.secondary = state.progressText.isEmpty()
                                 ? (bytes > 0 ? BubbleText::fileSize(bytes) : QString())
                                 : state.progressText;
            card.progress = state.progress;
        }
        if (state.usable()) {
            card.action = Action::PlayAudio;
            c.primary = Action::PlayAudio;
        }
        c.blocks.append(card);
        appendFailure(c, state);
        c.spoken = join({card.text, playing ? BubbleText::tr("Playing") : QString(), card.secondary,
                         state.failure,
                         state.usable() ? BubbleText::tr("Press Enter to play") : QString()});
        return c;
    }

    // A document.
    QString filename = index.data(Model::MediaFileNameRole).toString();
    if (filename.isEmpty())
        filename = object.value(QLatin1String("filename")).toString();
    Block card{Block::Kind::Card};
    card.glyph = QStringLiteral("document");
    card.text = filename.isEmpty() ? ChatText::typeLabel(type) : filename;
    card.secondary = state.progressText.isEmpty()
                         ? join({fileKind(mimeType, filename),
                                 bytes > 0 ? BubbleText::fileSize(bytes) : QString()})
                         : state.progressText;
    card.progress = state.progress;
    c.blocks.append(card);
    if (state.usable()) {
        c.blocks.last().action = Action::OpenMedia;
        c.primary = Action::OpenMedia;
        Block actions{Block::Kind::Actions};
        actions.actions = {{BubbleText::tr("Open"), Action::OpenMedia},
                           {BubbleText::tr("Save…"), Action::SaveMedia}};
        c.blocks.append(actions);
    }
    appendFailure(c, state);
    appendCaption(c, caption);
    c.spoken = join({ChatText::typeLabel(type), card.text, card.secondary, state.failure, caption});
    return c;
}

} // namespace Serambi::Ui::Bubbles
