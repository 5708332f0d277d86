#include "bubblecontent.h"

#include "app/messagelistmodel.h"
#include "ui/chattext.h"

#include "protocol/errorcode.h"

#include <QJsonArray>
#include <QLocale>
#include <QModelIndex>

namespace Serambi::Ui::Bubbles {

namespace {
using Model = App::MessageListModel;

bool isMediaType(const QString &type)
{
    static const QStringList media{QStringLiteral("image"), QStringLiteral("video"),
                                   QStringLiteral("audio"), QStringLiteral("document"),
                                   QStringLiteral("sticker")};
    return media.contains(type);
}

BubbleContent textContent(const QString &text)
{
    BubbleContent c;
    if (!text.isEmpty())
        c.blocks.append(Block(Block::Kind::Text, text));
    c.spoken = text;
    return c;
}
} // namespace

BubbleContent contentFor(const QModelIndex &index, const MediaContext &media)
{
    const QString type = index.data(Model::TypeRole).toString();
    const QJsonObject content = index.data(Model::ContentRole).toJsonObject();
    const bool outgoing = index.data(Model::DirectionRole).toString() == QLatin1String("out");
    if (index.data(Model::RevokedRole).toBool())
        return revokedContent();
    if (!index.data(Model::SupportedRole).toBool())
        return unsupportedContent(type, content);
    if (!outgoing && index.data(Model::ErrorCodeRole).toInt() != 0)
        return undeliveredContent(index);
    if (type == QLatin1String("system"))
        return systemContent(content.value(QLatin1String("system")).toObject());
    if (isMediaType(type))
        return mediaContent(index, media);
    if (type == QLatin1String("location"))
        return locationContent(content.value(QLatin1String("location")).toObject());
    if (type == QLatin1String("contacts"))
        return contactsContent(content.value(QLatin1String("contacts")).toArray());
    if (type == QLatin1String("order"))
        return orderContent(content.value(QLatin1String("order")).toObject());
    if (type == QLatin1String("template"))
        return templateContent(index);
    if (type == QLatin1String("interactive") && outgoing)
        return outboundInteractiveContent(content.value(QLatin1String("interactive")).toObject());
    if (type == QLatin1String("interactive") || type == QLatin1String("button"))
        return choiceReplyContent(index);
    return textContent(index.data(Model::TextRole).toString());
}

BubbleContent unsupportedContent(const QString &type, const QJsonObject &content)
{
    // Meta names what it could not deliver (a poll, a view-once photo, …) when it knows.
    const QString what = content.value(QLatin1String("unsupported"))
                             .toObject()
                             .value(QLatin1String("type"))
                             .toString();
    BubbleContent c;
    c.unsupported = true;
    const QString text =
        BubbleText::tr("Serambi cannot show this kind of message (%1). Ask the customer to send "
                       "it another way, or open it on WhatsApp.")
            .arg(what.isEmpty() ? (type.isEmpty() ? QStringLiteral("?") : type) : what);
    c.blocks.append(Block(Block::Kind::Text, text));
    c.spoken = BubbleText::tr("Unsupported message") + QStringLiteral(". ") + text;
    return c;
}

BubbleContent undeliveredContent(const QModelIndex &index)
{
    BubbleContent c;
    c.unsupported = true;
    const QString error = ChatText::undelivered(index.data(Model::ErrorTitleRole).toString(),
                                                index.data(Model::ErrorCodeRole).toInt());
    const QString advice =
        BubbleText::tr("Ask the customer to send it again, or open it on WhatsApp.");
    c.blocks.append(Block(Block::Kind::Error, error));
    const QString details = index.data(Model::ErrorDetailsRole).toString();
    if (!details.isEmpty())
        c.blocks.append(Block(Block::Kind::Detail, details));
    c.blocks.append(Block(Block::Kind::Text, advice));
    c.spoken = QStringList{error, details, advice}.join(QStringLiteral(" "));
    return c;
}

BubbleContent revokedContent()
{
    BubbleContent c;
    c.muted = true;
    c.spoken = BubbleText::tr("🚫 The customer deleted this message");
    c.blocks.append(Block(Block::Kind::Text, c.spoken));
    return c;
}

BubbleContent systemContent(const QJsonObject &system)
{
    BubbleContent c;
    c.muted = true;
    c.notice = true;
    c.spoken = ChatText::systemNotice(system);
    c.blocks.append(Block(Block::Kind::Text, c.spoken));
    return c;
}

QString BubbleText::fileSize(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 bytes").arg(bytes);
    const QLocale locale;
    if (bytes < 1024 * 1024)
        return tr("%1 KB").arg(locale.toString(qMax<qint64>(1, bytes / 1024)));
    return tr("%1 MB").arg(locale.toString(double(bytes) / (1024 * 1024), 'f', 1));
}

QString BubbleText::duration(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms / 1000);
    const QString mmss =
        QStringLiteral("%1:%2").arg((seconds / 60) % 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 3600)
        return mmss;
    return QStringLiteral("%1:%2")
        .arg(seconds / 3600)
        .arg(mmss.rightJustified(5, QLatin1Char('0')));
}

QString BubbleText::mediaFailure(const QString &code)
{
    if (code == QLatin1String("too_large"))
        return tr("The file is larger than WhatsApp allows.");
    if (code == QLatin1String("unsupported_type"))
        return tr("WhatsApp does not accept this type of file.");
    if (code == QLatin1String("checksum_mismatch"))
        return tr("The file arrived damaged.");
    if (code == QLatin1String("expired"))
        return tr("WhatsApp no longer has this file.");
    if (code == Protocol::errorCodeName(Protocol::ErrorCode::AuthFailed))
        return tr("The relay did not accept this session. Sign in again.");
    if (code == Protocol::errorCodeName(Protocol::ErrorCode::NotFound))
        return tr("The relay does not have this file.");
    if (code == QLatin1String("unreachable"))
        return tr("The relay cannot be reached.");
    if (code == QLatin1String("write_failed"))
        return tr("The file could not be saved on this computer.");
    return tr("The file could not be downloaded.");
}

} // namespace Serambi::Ui::Bubbles
