#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QMimeData;

namespace Serambi::Ui {

// A file the agent is about to send, checked against WhatsApp's limits before it is uploaded:
// its kind comes from the MIME type (QMimeDatabase, by content and name); type, size and
// content are checked with Protocol::checkMedia. problem() says in words why it cannot be
// sent; empty when it can.
class Attachment
{
    Q_DECLARE_TR_FUNCTIONS(Attachment)

public:
    static Attachment fromFile(const QString &path);
    static Attachment fromBytes(const QByteArray &bytes, const QString &fileName,
                                const QString &mimeType = {});
    // The first file, or else the image, of a paste or a drop; an invalid attachment when
    // there is neither.
    static Attachment fromMimeData(const QMimeData *data);
    static bool canTake(const QMimeData *data);

    bool isValid() const { return !m_fileName.isEmpty() || !m_problem.isEmpty(); }
    QString fileName() const { return m_fileName; }
    QString mimeType() const { return m_mimeType; }
    // "image", "video", "audio", "document" or "sticker"; empty when WhatsApp takes no such type.
    QString kind() const { return m_kind; }
    qint64 size() const { return m_bytes.size(); }
    const QByteArray &bytes() const { return m_bytes; }
    QString problem() const { return m_problem; }
    bool takesCaption() const;

    // "Image", "Document", … in words.
    static QString kindName(const QString &kind);
    // "2.4 MB"
    static QString sizeText(qint64 bytes);

private:
    void check();

    QByteArray m_bytes;
    QString m_fileName;
    QString m_mimeType;
    QString m_kind;
    QString m_problem;
};

} // namespace Serambi::Ui
