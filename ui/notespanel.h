#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;

namespace Serambi::App {
class Notes;
}

namespace Serambi::Ui {

// The open chat's internal notes, set apart from the customer's messages (an amber band the
// customer never sees), and a line to write one; "@username" mentions a colleague.
class NotesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit NotesPanel(App::Notes *notes, QWidget *parent = nullptr);

    // Shows (and loads) the notes of a chat; 0 for none.
    void setConversation(qint64 conversationId);
    void focusEditor();

Q_SIGNALS:
    // The relay refused a note: the words to show.
    void noteRefused(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh(qint64 conversationId);
    void submit();

    App::Notes *m_notes;
    qint64 m_conversationId = 0;
    QLabel *m_title;
    QListWidget *m_list;
    QLineEdit *m_editor;
};

} // namespace Serambi::Ui
