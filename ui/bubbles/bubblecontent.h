#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSizeF>
#include <QString>

class QModelIndex;

namespace Serambi::App {
class MediaCache;
}

namespace Serambi::Ui {
class AudioPlayback;
}

namespace Serambi::Ui::Bubbles {

// What a click on part of a bubble (or Enter on the selected bubble) does.
enum class Action {
    None,
    OpenMedia,  // a photo in the viewer; a video or document in the system's application
    SaveMedia,  // a copy of the file where the agent chooses
    PlayAudio,  // play or pause in place
    RetryMedia, // the relay failed to download it: retry_media
    FetchAgain, // this console failed to fetch it from the relay: try again
    OpenMap,    // a location in the map application
    ShowQuoted, // select the quoted message (for a picked choice: the message that offered it)
};

// One part of a bubble's body, top to bottom.
struct Block
{
    enum class Kind {
        Text,   // body text
        Title,  // bold
        Detail, // small, muted
        Error,  // small, in the negative colour
        Image,  // a thumbnail (or its placeholder) of size; video gets a play mark
        Card,   // an icon (glyph) beside a title and a secondary line
        Choice, // a button as the customer sees it under a business message
        Picked, // the button or row the customer picked
        Row,    // text on the left, amount on the right (order items)
        Total,  // a bold Row
        Actions // small buttons side by side: labels and actions
    };

    Block() = default;
    explicit Block(Kind k, QString t = {}, QString second = {})
        : kind(k), text(std::move(t)), secondary(std::move(second))
    {}

    Kind kind = Kind::Text;
    QString text;
    QString secondary; // Card: second line; Row/Total: the amount
    QString glyph;     // Card/Choice/Image: a Glyphs::paintMessageType type, or "play"/"pause"
    QSizeF size;       // Image: the size to draw
    Action action = Action::None;
    QList<QPair<QString, Action>> actions; // Actions
    QString mediaKey;                      // Image: the thumbnail to draw (fetched when painted)
    qreal progress = -1;                   // Card/Image: 0..1 while downloading or playing
};

struct BubbleContent
{
    QList<Block> blocks;
    bool frameless = false;        // stickers float without a bubble
    bool unsupported = false;      // painted with a warning
    bool muted = false;            // painted in muted italics: a deleted message, a notice
    bool notice = false;           // a WhatsApp system notice: centred, not a customer's bubble
    QString spoken;                // the body in words, for screen readers and tooltips
    Action primary = Action::None; // what Enter does
};

// What the builders may read besides the message: the media cache (thumbnails, fetch state) and
// the audio player (which voice note plays). Either may be null (tests of pure layout).
struct MediaContext
{
    App::MediaCache *cache = nullptr;
    const AudioPlayback *audio = nullptr;
};

// The message at index as blocks. Dispatches to the builder of its type.
BubbleContent contentFor(const QModelIndex &index, const MediaContext &media);

// Builders, one file per family of types.
BubbleContent mediaContent(const QModelIndex &index, const MediaContext &media);
BubbleContent locationContent(const QJsonObject &location);
BubbleContent contactsContent(const QJsonArray &contacts);
BubbleContent choiceReplyContent(const QModelIndex &index);
BubbleContent orderContent(const QJsonObject &order);
BubbleContent outboundInteractiveContent(const QJsonObject &interactive);
BubbleContent templateContent(const QModelIndex &index);
BubbleContent unsupportedContent(const QString &type, const QJsonObject &content);
// An inbound message Meta could not process (its errors[]), a deleted one, a system notice.
BubbleContent undeliveredContent(const QModelIndex &index);
BubbleContent revokedContent();
BubbleContent systemContent(const QJsonObject &system);
// A Flow's (or address form's) answers, response_json decoded: one row per answer.
BubbleContent formReplyContent(const QJsonObject &reply);

// The translated words of the bubbles.
class BubbleText
{
    Q_DECLARE_TR_FUNCTIONS(BubbleText)

public:
    // "2.4 MB", "830 KB", "120 bytes".
    static QString fileSize(qint64 bytes);
    // "0:42", "1:05:10".
    static QString duration(qint64 ms);
    // Why media cannot be shown, from a relay (media.error) or console (MediaCache) error code.
    static QString mediaFailure(const QString &code);
};

} // namespace Serambi::Ui::Bubbles
