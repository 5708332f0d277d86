#pragma once

#include <QDialog>
#include <QJsonObject>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace Serambi::Ui {

class InteractivePreview;
struct DraftChoices;

// Builds a quick-reply-buttons or list message within Meta's limits as the agent types: fields
// cannot take more characters than Meta allows, Add is disabled at the limit, every remaining
// problem (Protocol::checkInteractive) is listed in words, Send waits until there is none, and
// a preview shows what the customer will see. Ids follow the titles until edited by hand.
class InteractiveBuilder : public QDialog
{
    Q_OBJECT

public:
    enum class Type { Buttons, List };

    explicit InteractiveBuilder(QWidget *parent = nullptr);

    void setType(Type type);
    Type type() const;
    // Buttons for up to three short choices, else a list; the rest of the draft is the body.
    void prefill(const DraftChoices &choices);

    void setBody(const QString &text);
    // Adds a button (false at the limit) or a row to the last section (false at the limit).
    bool addButton(const QString &title = {});
    bool addRow(const QString &title = {}, const QString &description = {});
    bool addSection(const QString &title = {});

    // Meta's interactive object as the fields stand.
    QJsonObject interactive() const;
    // The problems shown to the agent, in their words.
    QStringList problems() const { return m_problemTexts; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct ButtonRow
    {
        QWidget *row = nullptr;
        QLineEdit *title = nullptr;
        QLineEdit *id = nullptr;
        bool idEdited = false;
    };

    void retranslateUi();
    void refresh();
    void removeButton(QWidget *row);
    void handleItemChanged(QTreeWidgetItem *item, int column);
    void removeSelected();
    int rowCount() const;
    QString uniqueId(const QString &title, const QStringList &taken) const;

    QComboBox *m_type;
    QLabel *m_headerLabel;
    QLineEdit *m_header;
    QLabel *m_bodyLabel;
    QPlainTextEdit *m_body;
    QLabel *m_bodyCount;
    QLabel *m_footerLabel;
    QLineEdit *m_footer;
    QStackedWidget *m_pages;
    // Buttons page
    QVBoxLayout *m_buttonRows;
    QPushButton *m_addButton;
    QList<ButtonRow> m_buttons;
    // List page
    QLabel *m_listButtonLabel;
    QLineEdit *m_listButton;
    QTreeWidget *m_sections;
    QPushButton *m_addSection;
    QPushButton *m_addRow;
    QPushButton *m_remove;

    QLabel *m_problems;
    QLabel *m_previewLabel;
    InteractivePreview *m_preview;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QStringList m_problemTexts;
    bool m_updating = false;
};

} // namespace Serambi::Ui
