#pragma once

#include "app/draft.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace Serambi::Ui {

// The AI's proposed reply to the customer's latest message: its text (growing while it is
// written), the knowledge-base articles it cites and its confidence, a note when the offline
// assistant wrote it because the AI service failed, with Approve, Edit, Regenerate and
// Discard, and "Buttons or list" when it offers the customer choices. Hidden when the open
// chat has no draft.
class DraftPanel : public QFrame
{
    Q_OBJECT

public:
    explicit DraftPanel(QWidget *parent = nullptr);

    // The draft with what may be done with it (App::OpenConversation's rules): Approve and
    // Edit are enabled accordingly.
    void setDraft(const std::optional<App::Draft> &draft, bool canApprove = false,
                  bool canEdit = false);
    // When the customer-service window has closed a draft can no longer be sent: Approve, Edit
    // and "Buttons or list" say why and the choices are disabled.
    void setWindowClosed(bool closed);

Q_SIGNALS:
    void approveRequested();
    void editRequested();
    void regenerateRequested();
    void discardRequested();
    // The draft offers choices: turn it into buttons or a list.
    void interactiveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void applyColors();

    std::optional<App::Draft> m_draft;
    bool m_windowClosed = false;
    bool m_canApprove = false;
    bool m_canEdit = false;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_fallback;
    QLabel *m_text;
    QPushButton *m_approve;
    QPushButton *m_edit;
    QPushButton *m_regenerate;
    QPushButton *m_discard;
    QPushButton *m_choices;
};

} // namespace Serambi::Ui
