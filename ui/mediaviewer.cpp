#include "mediaviewer.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QImageReader>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace Serambi::Ui {

MediaViewer::MediaViewer(const QString &path, const QString &caption, const QString &suggestedName,
                         QWidget *parent)
    : QDialog(parent), m_path(path), m_suggestedName(suggestedName)
{
    setObjectName(QStringLiteral("mediaViewer"));
    setWindowTitle(caption.isEmpty() ? tr("Photo") : caption);
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(this);
    auto *image = new QLabel(this);
    image->setObjectName(QStringLiteral("mediaViewerImage"));
    image->setAlignment(Qt::AlignCenter);
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize available = (screen() ? screen()->availableSize() : QSize(1280, 800)) * 0.8;
    QImage picture = reader.read();
    if (picture.width() > available.width() || picture.height() > available.height())
        picture = picture.scaled(available, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (picture.isNull())
        image->setText(tr("This image cannot be shown."));
    else
        image->setPixmap(QPixmap::fromImage(picture));
    image->setAccessibleName(caption.isEmpty() ? tr("Photo") : caption);
    layout->addWidget(image, 1);
    if (!caption.isEmpty()) {
        auto *text = new QLabel(caption, this);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(text);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *saveButton = buttons->addButton(tr("Save…"), QDialogButtonBox::ActionRole);
    saveButton->setObjectName(QStringLiteral("mediaViewerSave"));
    connect(saveButton, &QPushButton::clicked, this, &MediaViewer::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void MediaViewer::save()
{
    const QString target = QFileDialog::getSaveFileName(this, tr("Save photo"), m_suggestedName);
    if (target.isEmpty())
        return;
    QFile::remove(target);
    if (!QFile::copy(m_path, target))
        QMessageBox::warning(this, tr("Save photo"), tr("The photo could not be saved there."));
}

} // namespace Serambi::Ui
