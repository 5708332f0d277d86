#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Serambi::Ui {

// Relay address, username and password. It only asks; whoever shows it signs in with what it
// emits and reports back through showError() or by closing it.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setRelayUrl(const QString &url);
    void setUsername(const QString &username);
    // Says that the session is kept only until the console quits.
    void setKeychainAvailable(bool available);
    // Shows the reason the last attempt failed and lets the user try again.
    void showError(const QString &text);
    // While signing in the fields are read-only and the button says so.
    void setBusy(bool busy);

Q_SIGNALS:
    void signInRequested(const QUrl &relayUrl, const QString &username, const QString &password);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void handleSubmit();
    void updateSubmitEnabled();

    QLabel *m_title;
    QLabel *m_relayLabel;
    QLineEdit *m_relayUrl;
    QLabel *m_usernameLabel;
    QLineEdit *m_username;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_keychainNote;
    QLabel *m_error;
    QPushButton *m_submit;
    QPushButton *m_cancel;
    bool m_busy = false;
};

} // namespace Serambi::Ui
