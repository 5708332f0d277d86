#include "signindialog.h"

#include "appicon.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Serambi::Ui {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_relayLabel(new QLabel(this))
    , m_relayUrl(new QLineEdit(this))
    , m_usernameLabel(new QLabel(this))
    , m_username(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_keychainNote(new QLabel(this))
    , m_error(new QLabel(this))
    , m_submit(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowIcon(appIcon());
    m_relayUrl->setObjectName(QStringLiteral("relayUrlEdit"));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keychainNote->setObjectName(QStringLiteral("keychainNoteLabel"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->hide();
    m_error->setObjectName(QStringLiteral("signInErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->setAutoFillBackground(false);
    m_error->hide();
    m_submit->setObjectName(QStringLiteral("signInButton"));
    m_submit->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *form = new QFormLayout;
    form->addRow(m_relayLabel, m_relayUrl);
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    m_relayLabel->setBuddy(m_relayUrl);
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_submit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_keychainNote);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addLayout(buttons);
    setMinimumWidth(420);

    connect(m_submit, &QPushButton::clicked, this, &SignInDialog::handleSubmit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_relayUrl, &QLineEdit::textChanged, this, &SignInDialog::updateSubmitEnabled);
    connect(m_username, &QLineEdit::textChanged, this, &SignInDialog::updateSubmitEnabled);
    connect(m_password, &QLineEdit::textChanged, this, &SignInDialog::updateSubmitEnabled);

    retranslateUi();
    updateSubmitEnabled();
}

void SignInDialog::setRelayUrl(const QString &url)
{
    m_relayUrl->setText(url);
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
}

void SignInDialog::setKeychainAvailable(bool available)
{
    m_keychainNote->setVisible(!available);
}

void SignInDialog::showError(const QString &text)
{
    setBusy(false);
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_password->selectAll();
    m_password->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_relayUrl->setReadOnly(busy);
    m_username->setReadOnly(busy);
    m_password->setReadOnly(busy);
    retranslateUi();
    updateSubmitEnabled();
}

void SignInDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SignInDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to Serambi"));
    m_title->setText(tr("Sign in"));
    m_relayLabel->setText(tr("&Relay address:"));
    m_usernameLabel->setText(tr("&Username:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_relayUrl->setAccessibleName(tr("Relay address"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_keychainNote->setText(tr("No system keychain is available: the session is kept only until "
                               "you quit."));
    m_submit->setText(m_busy ? tr("Signing in…") : tr("Sign in"));
    m_cancel->setText(tr("Cancel"));
}

void SignInDialog::handleSubmit()
{
    if (m_busy || !m_submit->isEnabled())
        return;
    m_error->hide();
    setBusy(true);
    Q_EMIT signInRequested(QUrl(m_relayUrl->text().trimmed()), m_username->text().trimmed(),
                           m_password->text());
}

void SignInDialog::updateSubmitEnabled()
{
    const QUrl url(m_relayUrl->text().trimmed());
    const bool urlOk = url.isValid() && (url.scheme() == QLatin1String("ws") ||
                                         url.scheme() == QLatin1String("wss"));
    m_submit->setEnabled(!m_busy && urlOk && !m_username->text().trimmed().isEmpty() &&
                         !m_password->text().isEmpty());
}

} // namespace Serambi::Ui
