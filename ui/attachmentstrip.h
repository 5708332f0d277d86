#pragma once

#include "attachment.h"

#include <QFrame>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace Serambi::Ui {

// Above the composer while a file waits to be sent: its name, kind and size, a caption field
// (not for audio and stickers), remove; while uploading a progress bar and Cancel; the reason
// when the file cannot be sent or the relay refused it.
class AttachmentStrip : public QFrame
{
    Q_OBJECT

public:
    explicit AttachmentStrip(QWidget *parent = nullptr);

    // Shows the file; one with a problem is shown with its reason and cannot be sent.
    void setAttachment(const Attachment &attachment);
    void clear();
    const Attachment &attachment() const { return m_attachment; }
    // A file that may be sent (no problem), not uploading.
    bool isReady() const;
    bool isUploading() const { return m_uploading; }
    QString caption() const;

    void setUploading(bool uploading);
    void setProgress(qint64 sent, qint64 total);
    // The upload failed or the relay refused: the reason, the file stays for another try.
    void setError(const QString &reason);

Q_SIGNALS:
    void removeRequested();
    void cancelRequested();
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();

    Attachment m_attachment;
    QString m_error;
    bool m_uploading = false;
    QLabel *m_name;
    QLineEdit *m_caption;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QToolButton *m_remove;
    QLabel *m_problem;
};

} // namespace Serambi::Ui
