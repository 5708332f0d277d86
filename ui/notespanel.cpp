#include "notespanel.h"

#include "app/notes.h"
#include "errortext.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {
// Amber: notes must never be mistaken for what the customer reads.
const QColor NoteBackground(0xFF, 0xF3, 0xC4);
const QColor NoteText(0x4A, 0x3B, 0x00);
constexpr int VisibleNotes = 4;
} // namespace

NotesPanel::NotesPanel(App::Notes *notes, QWidget *parent)
    : QWidget(parent)
    , m_notes(notes)
    , m_title(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_editor(new QLineEdit(this))
{
    setObjectName(QStringLiteral("notesPanel"));
    m_title->setObjectName(QStringLiteral("notesTitle"));
    m_list->setObjectName(QStringLiteral("notesList"));
    m_editor->setObjectName(QStringLiteral("noteEditor"));
    m_list->setWordWrap(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_editor->setClearButtonEnabled(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addWidget(m_editor);

    connect(m_notes, &App::Notes::notesChanged, this, &NotesPanel::refresh);
    connect(m_notes, &App::Notes::addFailed, this,
            [this](const QString &code) { Q_EMIT noteRefused(ErrorText::forName(code)); });
    connect(m_editor, &QLineEdit::returnPressed, this, &NotesPanel::submit);
    retranslateUi();
    setConversation(0);
}

void NotesPanel::setConversation(qint64 conversationId)
{
    m_conversationId = conversationId;
    m_editor->clear();
    m_editor->setEnabled(conversationId != 0);
    refresh(conversationId);
    if (conversationId != 0)
        m_notes->load(conversationId);
}

void NotesPanel::focusEditor()
{
    if (m_editor->isEnabled())
        m_editor->setFocus(Qt::ShortcutFocusReason);
}

void NotesPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NotesPanel::retranslateUi()
{
    m_editor->setPlaceholderText(
        tr("Internal note, only your team sees it; @name mentions a colleague (Ctrl+Shift+N)"));
    m_editor->setAccessibleName(tr("Write an internal note"));
    m_list->setAccessibleName(tr("Internal notes"));
    refresh(m_conversationId);
}

void NotesPanel::refresh(qint64 conversationId)
{
    if (conversationId != m_conversationId)
        return;
    const QList<App::Note> notes = m_notes->notesOf(conversationId);
    m_title->setText(tr("Internal notes (%n)", nullptr, int(notes.size())));
    m_list->clear();
    for (const App::Note &note : notes) {
        const QString when =
            QDateTime::fromMSecsSinceEpoch(note.createdAt).toString(QStringLiteral("dd MMM HH:mm"));
        auto *item =
            new QListWidgetItem(tr("%1 · %2\n%3").arg(note.authorName, when, note.text), m_list);
        item->setBackground(NoteBackground);
        item->setForeground(NoteText);
    }
    m_list->setVisible(!notes.isEmpty());
    const int rows = std::min<int>(int(notes.size()), VisibleNotes);
    m_list->setFixedHeight(rows * 2 * fontMetrics().lineSpacing() + 8);
    m_list->scrollToBottom();
}

void NotesPanel::submit()
{
    const QString text = m_editor->text().trimmed();
    if (text.isEmpty() || m_conversationId == 0)
        return;
    if (m_notes->add(m_conversationId, text))
        m_editor->clear();
}

} // namespace Serambi::Ui
