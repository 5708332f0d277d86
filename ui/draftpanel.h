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
// Discard. Hidden when the open chat has no draft.
class DraftPanel : public QFrame
{
    Q_OBJECT

public:
    explicit DraftPanel(QWidget *parent = nullptr);

    void setDraft(const std::optional<App::Draft> &draft);
    bool hasDraft() const { return m_draft.has_value(); }

Q_SIGNALS:
    void approveRequested();
    void editRequested();
    void regenerateRequested();
    void discardRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void applyColors();

    std::optional<App::Draft> m_draft;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_fallback;
    QLabel *m_text;
    QPushButton *m_approve;
    QPushButton *m_edit;
    QPushButton *m_regenerate;
    QPushButton *m_discard;
};

} // namespace Serambi::Ui
