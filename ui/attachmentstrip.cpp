#include "attachmentstrip.h"

#include "themecolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Serambi::Ui {

AttachmentStrip::AttachmentStrip(QWidget *parent)
    : QFrame(parent)
    , m_name(new QLabel(this))
    , m_caption(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
    , m_remove(new QToolButton(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("attachmentStrip"));
    m_name->setObjectName(QStringLiteral("attachmentNameLabel"));
    m_caption->setObjectName(QStringLiteral("captionEdit"));
    m_caption->setMaxLength(1024);
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelUploadButton"));
    m_remove->setObjectName(QStringLiteral("removeAttachmentButton"));
    m_remove->setAutoRaise(true);
    m_remove->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_problem->setObjectName(QStringLiteral("attachmentProblemLabel"));
    m_problem->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(180);
    setFrameShape(QFrame::StyledPanel);

    auto *row = new QHBoxLayout;
    row->addWidget(m_name);
    row->addWidget(m_caption, 1);
    row->addWidget(m_progress);
    row->addWidget(m_cancel);
    row->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 3, 3, 3);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_problem);

    connect(m_remove, &QToolButton::clicked, this, &AttachmentStrip::removeRequested);
    connect(m_cancel, &QPushButton::clicked, this, &AttachmentStrip::cancelRequested);
    retranslateUi();
    hide();
}

void AttachmentStrip::setAttachment(const Attachment &attachment)
{
    m_attachment = attachment;
    m_error.clear();
    m_uploading = false;
    m_caption->clear();
    refresh();
    Q_EMIT changed();
}

void AttachmentStrip::clear()
{
    setAttachment({});
}

bool AttachmentStrip::isReady() const
{
    return m_attachment.isValid() && m_attachment.problem().isEmpty() && !m_uploading;
}

QString AttachmentStrip::caption() const
{
    return m_attachment.takesCaption() ? m_caption->text().trimmed() : QString();
}

void AttachmentStrip::setUploading(bool uploading)
{
    m_uploading = uploading;
    if (uploading) {
        m_error.clear();
        m_progress->setValue(0);
    }
    refresh();
    Q_EMIT changed();
}

void AttachmentStrip::setProgress(qint64 sent, qint64 total)
{
    if (total > 0)
        m_progress->setValue(int(sent * 100 / total));
}

void AttachmentStrip::setError(const QString &reason)
{
    m_uploading = false;
    m_error = reason;
    refresh();
    Q_EMIT changed();
}

void AttachmentStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void AttachmentStrip::retranslateUi()
{
    m_caption->setPlaceholderText(tr("Caption (optional)"));
    m_caption->setAccessibleName(tr("Caption"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the upload; nothing is sent"));
    m_remove->setToolTip(tr("Remove the file"));
    m_remove->setAccessibleName(tr("Remove the file"));
    m_progress->setAccessibleName(tr("Upload progress"));
    refresh();
}

void AttachmentStrip::refresh()
{
    setVisible(m_attachment.isValid());
    if (!m_attachment.isValid())
        return;
    m_name->setText(tr("%1 — %2, %3")
                        .arg(m_attachment.fileName(),
                             m_attachment.kind().isEmpty()
                                 ? m_attachment.mimeType()
                                 : Attachment::kindName(m_attachment.kind()),
                             Attachment::sizeText(m_attachment.size())));
    const QString problem = !m_attachment.problem().isEmpty() ? m_attachment.problem() : m_error;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, ThemeColors::negative(palette()));
    m_problem->setPalette(pal);
    m_caption->setVisible(m_attachment.takesCaption() && m_attachment.problem().isEmpty());
    m_caption->setEnabled(!m_uploading);
    m_progress->setVisible(m_uploading);
    m_cancel->setVisible(m_uploading);
    m_remove->setVisible(!m_uploading);
}

} // namespace Serambi::Ui
