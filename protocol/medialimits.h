#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// What WhatsApp takes as media (the team's Cloud API reference §8.3 and §9.3). The console
// checks an attachment before uploading it; the relay checks it again on POST /media, on
// send_media and on every inbound download. Pure functions, no I/O.
namespace Serambi::Protocol {

enum class MediaKind { Image, Video, Audio, Document, Sticker };

inline constexpr int MaxCaptionLength = 1024;              // characters (code points)
inline constexpr qint64 MaxMediaBytes = 100 * 1024 * 1024; // the largest kind (documents)
inline constexpr qint64 MaxStaticStickerBytes = 100 * 1024;
inline constexpr qint64 MaxAnimatedStickerBytes = 500 * 1024;

// "image", "video", "audio", "document", "sticker": also the WhatsApp message type.
QString mediaKindName(MediaKind kind);
// Nothing for names (or message types) that are not media.
std::optional<MediaKind> mediaKindFromName(const QString &name);

// "Audio/OGG; codecs=opus" -> "audio/ogg".
QString baseMimeType(const QString &mimeType);
// The MIME types WhatsApp takes for a kind, in §9.3's order.
QStringList mimeTypesOf(MediaKind kind);
// The kind a MIME type (parameters allowed) belongs to; nothing when WhatsApp does not take it.
std::optional<MediaKind> mediaKindOfMimeType(const QString &mimeType);

// The most bytes a kind may have; for stickers the animated limit (see maxMediaBytesFor).
qint64 maxMediaBytes(MediaKind kind);
// The limit for these bytes: a static WebP sticker 100 KB, an animated one 500 KB.
// -1 when the MIME type is not supported.
qint64 maxMediaBytesFor(const QString &mimeType, const QByteArray &bytes);
// The animation flag of an extended (VP8X) WebP header.
bool isAnimatedWebp(const QByteArray &bytes);

// A relay media key (POST /media's answer, send_media's media): the file's SHA-256 as 64
// lowercase hex digits.
bool isMediaKey(const QString &key);

// Whether the bytes start like the declared type (magic numbers). Types without a reliable
// signature (text/plain) are taken as declared; empty bytes never match.
bool mediaBytesMatchType(const QString &mimeType, const QByteArray &bytes);

enum class MediaCheck { Ok, Empty, UnsupportedType, TooLarge, ContentMismatch };
// Type, then size, then content: what POST /media and the downloader refuse.
MediaCheck checkMedia(const QString &mimeType, const QByteArray &bytes);

bool mediaKindTakesCaption(MediaKind kind);  // image, video, document
bool mediaKindTakesFilename(MediaKind kind); // document
// "voice": true is only for OGG/Opus audio.
bool mayBeVoice(const QString &mimeType);

} // namespace Serambi::Protocol
