#pragma once

#include <QDialog>

class QLabel;

namespace Serambi::Ui {

// A photo or sticker at full size (fitted to the screen), with its caption and Save.
class MediaViewer : public QDialog
{
    Q_OBJECT

public:
    MediaViewer(const QString &path, const QString &caption, const QString &suggestedName,
                QWidget *parent = nullptr);

private:
    void save();

    QString m_path;
    QString m_suggestedName;
};

} // namespace Serambi::Ui
