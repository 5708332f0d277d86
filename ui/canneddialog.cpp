#include "canneddialog.h"

#include "app/cannedresponses.h"
#include "errortext.h"

#include "protocol/errorcode.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

CannedDialog::CannedDialog(App::CannedResponses *canned, QWidget *parent)
    : QDialog(parent)
    , m_canned(canned)
    , m_list(new QListWidget(this))
    , m_shortcutLabel(new QLabel(this))
    , m_shortcut(new QLineEdit(this))
    , m_titleLabel(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_textLabel(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_new(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("cannedDialog"));
    m_list->setObjectName(QStringLiteral("cannedManagerList"));
    m_shortcut->setObjectName(QStringLiteral("cannedShortcutEdit"));
    m_title->setObjectName(QStringLiteral("cannedTitleEdit"));
    m_text->setObjectName(QStringLiteral("cannedTextEdit"));
    m_status->setObjectName(QStringLiteral("cannedStatusLabel"));
    m_save->setObjectName(QStringLiteral("cannedSaveButton"));
    m_delete->setObjectName(QStringLiteral("cannedDeleteButton"));
    m_shortcut->setMaxLength(32);
    m_shortcut->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9_-]{1,32}")), m_shortcut));
    m_title->setMaxLength(80);
    m_text->setTabChangesFocus(true);
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_shortcutLabel, m_shortcut);
    form->addRow(m_titleLabel, m_title);
    form->addRow(m_textLabel, m_text);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);
    auto *right = new QVBoxLayout;
    right->addLayout(form, 1);
    right->addWidget(m_status);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list, 2);
    layout->addLayout(right, 3);

    connect(m_list, &QListWidget::currentItemChanged, this, &CannedDialog::showSelected);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_list->setCurrentItem(nullptr);
        m_editing = 0;
        m_shortcut->clear();
        m_title->clear();
        m_text->clear();
        m_shortcut->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &CannedDialog::save);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_editing != 0 && m_canned->remove(m_editing))
            m_status->clear();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_canned, &App::CannedResponses::changed, this, &CannedDialog::reload);
    connect(m_canned, &App::CannedResponses::saved, this, [this](const App::CannedResponse &c) {
        m_editing = c.id;
        m_status->setText(tr("Saved /%1.").arg(c.shortcut));
        reload();
    });
    connect(m_canned, &App::CannedResponses::saveFailed, this, &CannedDialog::showError);
    connect(m_canned, &App::CannedResponses::removeFailed, this, &CannedDialog::showError);
    retranslateUi();
    reload();
    resize(720, 420);
}

void CannedDialog::reload()
{
    const qint64 keep = m_editing;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const App::CannedResponse &canned : m_canned->all()) {
        auto *item = new QListWidgetItem(
            canned.title.isEmpty() ? QStringLiteral("/%1").arg(canned.shortcut)
                                   : QStringLiteral("/%1 — %2").arg(canned.shortcut, canned.title),
            m_list);
        item->setData(IdRole, canned.id);
        if (canned.id == keep)
            m_list->setCurrentItem(item);
    }
    m_delete->setEnabled(m_editing != 0);
}

void CannedDialog::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    m_editing = item ? item->data(IdRole).toLongLong() : 0;
    for (const App::CannedResponse &canned : m_canned->all()) {
        if (canned.id != m_editing)
            continue;
        m_shortcut->setText(canned.shortcut);
        m_title->setText(canned.title);
        m_text->setPlainText(canned.text);
    }
    m_delete->setEnabled(m_editing != 0);
    m_status->clear();
}

void CannedDialog::save()
{
    const QString text = m_text->toPlainText().trimmed();
    if (m_shortcut->text().isEmpty() || text.isEmpty()) {
        m_status->setText(tr("A saved reply needs a shortcut and a text."));
        return;
    }
    if (m_canned->save(m_editing, m_shortcut->text(), m_title->text().trimmed(), text))
        m_status->setText(tr("Saving…"));
}

void CannedDialog::showError(const QString &errorCode)
{
    if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::Conflict))
        m_status->setText(tr("Another saved reply already uses that shortcut."));
    else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::Forbidden))
        m_status->setText(tr("Only its author or a supervisor may change this saved reply."));
    else
        m_status->setText(ErrorText::forName(errorCode));
}

void CannedDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CannedDialog::retranslateUi()
{
    setWindowTitle(tr("Saved replies"));
    m_list->setAccessibleName(tr("Saved replies"));
    m_shortcutLabel->setText(tr("&Shortcut"));
    m_shortcutLabel->setBuddy(m_shortcut);
    m_shortcut->setPlaceholderText(tr("ongkir (type /ongkir in the composer)"));
    m_titleLabel->setText(tr("T&itle"));
    m_titleLabel->setBuddy(m_title);
    m_textLabel->setText(tr("&Text"));
    m_textLabel->setBuddy(m_text);
    m_text->setPlaceholderText(tr("{nama} becomes the customer's name"));
    m_new->setText(tr("New"));
    m_save->setText(tr("Save"));
    m_delete->setText(tr("Delete"));
    m_close->setText(tr("Close"));
}

} // namespace Serambi::Ui
