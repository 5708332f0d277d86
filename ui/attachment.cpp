#include "attachment.h"

#include "protocol/medialimits.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QUrl>

namespace Serambi::Ui {

Attachment Attachment::fromFile(const QString &path)
{
    Attachment attachment;
    attachment.m_fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        attachment.m_problem = tr("%1 cannot be read.").arg(attachment.m_fileName);
        return attachment;
    }
    if (file.size() > Protocol::MaxMediaBytes) {
        // Not read at all: too large for any kind.
        attachment.m_mimeType = QMimeDatabase().mimeTypeForFile(path).name();
        attachment.m_problem = tr("%1 is %2; WhatsApp takes files of at most %3.")
                                   .arg(attachment.m_fileName, sizeText(file.size()),
                                        sizeText(Protocol::MaxMediaBytes));
        return attachment;
    }
    attachment.m_bytes = file.readAll();
    attachment.m_mimeType =
        QMimeDatabase().mimeTypeForFileNameAndData(path, attachment.m_bytes).name();
    attachment.check();
    return attachment;
}

Attachment Attachment::fromBytes(const QByteArray &bytes, const QString &fileName,
                                 const QString &mimeType)
{
    Attachment attachment;
    attachment.m_bytes = bytes;
    attachment.m_fileName = fileName;
    attachment.m_mimeType = mimeType.isEmpty()
                                ? QMimeDatabase().mimeTypeForFileNameAndData(fileName, bytes).name()
                                : mimeType;
    attachment.check();
    return attachment;
}

bool Attachment::canTake(const QMimeData *data)
{
    if (!data)
        return false;
    if (data->hasImage())
        return true;
    const QList<QUrl> urls = data->urls();
    return !urls.isEmpty() && urls.first().isLocalFile();
}

Attachment Attachment::fromMimeData(const QMimeData *data)
{
    if (!canTake(data))
        return {};
    const QList<QUrl> urls = data->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        return fromFile(urls.first().toLocalFile());
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    qvariant_cast<QImage>(data->imageData()).save(&buffer, "PNG");
    return fromBytes(png, tr("pasted-image.png"), QStringLiteral("image/png"));
}

void Attachment::check()
{
    const std::optional<Protocol::MediaKind> kind = Protocol::mediaKindOfMimeType(m_mimeType);
    m_kind = kind ? Protocol::mediaKindName(*kind) : QString();
    m_problem.clear();
    switch (Protocol::checkMedia(m_mimeType, m_bytes)) {
    case Protocol::MediaCheck::Ok:
        break;
    case Protocol::MediaCheck::Empty:
        m_problem = tr("%1 is empty.").arg(m_fileName);
        break;
    case Protocol::MediaCheck::UnsupportedType:
        m_problem = tr("WhatsApp does not take files of type %1 (%2).").arg(m_mimeType, m_fileName);
        break;
    case Protocol::MediaCheck::TooLarge:
        m_problem = tr("%1 is %2; WhatsApp takes %3 files of at most %4.")
                        .arg(m_fileName, sizeText(m_bytes.size()), kindName(m_kind).toLower(),
                             sizeText(Protocol::maxMediaBytesFor(m_mimeType, m_bytes)));
        break;
    case Protocol::MediaCheck::ContentMismatch:
        m_problem = tr("%1 does not contain what its type (%2) says.").arg(m_fileName, m_mimeType);
        break;
    }
}

bool Attachment::takesCaption() const
{
    const std::optional<Protocol::MediaKind> kind = Protocol::mediaKindFromName(m_kind);
    return kind && Protocol::mediaKindTakesCaption(*kind);
}

QString Attachment::kindName(const QString &kind)
{
    if (kind == QLatin1String("image"))
        return tr("Image");
    if (kind == QLatin1String("video"))
        return tr("Video");
    if (kind == QLatin1String("audio"))
        return tr("Audio");
    if (kind == QLatin1String("sticker"))
        return tr("Sticker");
    return tr("Document");
}

QString Attachment::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace Serambi::Ui
