#include "attachment.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QUrl>

namespace Serambi::Ui {

namespace {

struct KindLimit
{
    const char *kind;
    qint64 maxBytes;
    QStringList types;
};

constexpr qint64 MB = 1024 * 1024;

// WhatsApp's media types and sizes (whatsapp-cloud-api.md §9.3).
const QList<KindLimit> &kindLimits()
{
    static const QList<KindLimit> limits = {
        {"image", 5 * MB, {QStringLiteral("image/jpeg"), QStringLiteral("image/png")}},
        {"sticker", 500 * 1024, {QStringLiteral("image/webp")}},
        {"video", 16 * MB, {QStringLiteral("video/mp4"), QStringLiteral("video/3gpp")}},
        {"audio",
         16 * MB,
         {QStringLiteral("audio/aac"), QStringLiteral("audio/amr"), QStringLiteral("audio/mpeg"),
          QStringLiteral("audio/mp4"), QStringLiteral("audio/ogg")}},
        {"document",
         100 * MB,
         {QStringLiteral("text/plain"), QStringLiteral("application/pdf"),
          QStringLiteral("application/msword"),
          QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
          QStringLiteral("application/vnd.ms-excel"),
          QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          QStringLiteral("application/vnd.ms-powerpoint"),
          QStringLiteral(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation")}},
    };
    return limits;
}

} // namespace

Attachment Attachment::fromFile(const QString &path)
{
    Attachment attachment;
    attachment.m_fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        attachment.m_problem = tr("%1 cannot be read.").arg(attachment.m_fileName);
        return attachment;
    }
    if (file.size() > 100 * MB) {
        // Not read at all: too large for any kind.
        attachment.m_mimeType = QMimeDatabase().mimeTypeForFile(path).name();
        attachment.m_problem =
            tr("%1 is %2; WhatsApp takes files of at most %3.")
                .arg(attachment.m_fileName, sizeText(file.size()), sizeText(100 * MB));
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
    m_kind.clear();
    m_problem.clear();
    if (m_bytes.isEmpty()) {
        m_problem = tr("%1 is empty.").arg(m_fileName);
        return;
    }
    for (const KindLimit &limit : kindLimits()) {
        if (!limit.types.contains(m_mimeType))
            continue;
        m_kind = QLatin1String(limit.kind);
        if (m_bytes.size() > limit.maxBytes) {
            m_problem = tr("%1 is %2; WhatsApp takes a %3 of at most %4.")
                            .arg(m_fileName, sizeText(m_bytes.size()), kindName(m_kind).toLower(),
                                 sizeText(limit.maxBytes));
        }
        return;
    }
    m_problem = tr("WhatsApp does not take files of type %1 (%2).").arg(m_mimeType, m_fileName);
}

bool Attachment::takesCaption() const
{
    return m_kind == QLatin1String("image") || m_kind == QLatin1String("video") ||
           m_kind == QLatin1String("document");
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
