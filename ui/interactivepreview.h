#pragma once

#include <QFrame>

class QJsonObject;
class QVBoxLayout;

namespace Serambi::Ui {

// What the customer will see on their phone for an interactive message (or a template): a
// WhatsApp-like bubble with header, body and footer, then the reply buttons under it, or the
// list's button and the sheet of rows it opens. Rebuilt on every change.
class InteractivePreview : public QFrame
{
    Q_OBJECT

public:
    explicit InteractivePreview(QWidget *parent = nullptr);

    // A Meta interactive object of type "button" or "list".
    void showInteractive(const QJsonObject &interactive);
    // Plain parts, for templates: buttons are labels under the bubble.
    void showParts(const QString &header, const QString &body, const QString &footer,
                   const QStringList &buttons);

private:
    void clear();
    QWidget *addBubble(const QString &header, const QString &body, const QString &footer);
    void addButton(const QString &text, const QString &objectName);
    void addSheetLine(const QString &text, bool heading, const QString &description = {});

    QVBoxLayout *m_layout;
};

} // namespace Serambi::Ui
