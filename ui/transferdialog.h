#pragma once

#include "app/agentinfo.h"

#include "protocol/floorpayloads.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Serambi::Ui {

// Hands the open chat over (Ctrl+Shift+X): to a team's queue or to a colleague, with a note the
// receiver sees first. Teams first, then people (supervisors see every agent with presence;
// agents the members of the teams), narrowed by typing; Enter (Ctrl+Enter in the note)
// transfers, Esc cancels. It only asks: whoever shows it fills it with setTargets() or
// showError() and sends what transferChosen() names.
class TransferDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TransferDialog(QWidget *parent = nullptr);

    // self: the signed-in user, left out of the people.
    void setTargets(const QList<Protocol::TeamPayload> &teams, const App::AgentList &agents,
                    const QString &self);
    // The targets could not be fetched; the text is already translated.
    void showError(const QString &text);

Q_SIGNALS:
    // Exactly one of username and team is set; note may be empty.
    void transferChosen(const QString &username, const QString &team, const QString &note);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Target
    {
        bool team = false;
        QString name; // the team's name or the username
        QString displayName;
        int members = 0;
        bool presenceKnown = false;
        Protocol::Presence presence = Protocol::Presence::Offline;
    };

    void retranslateUi();
    void rebuildList();
    QString rowText(const Target &target) const;
    void handleAccept();
    void updateTransferEnabled();

    QLabel *m_prompt;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_noteLabel;
    QPlainTextEdit *m_note;
    QLabel *m_status;
    QPushButton *m_transfer;
    QPushButton *m_cancel;
    QList<Target> m_targets;
    bool m_loaded = false;
    bool m_failed = false;
};

} // namespace Serambi::Ui
