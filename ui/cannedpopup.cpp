#include "cannedpopup.h"

#include "composer.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {
constexpr int TextRole = Qt::UserRole + 1;
constexpr int MaxShown = 8;

bool isPopupKey(int key)
{
    return key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_Return ||
           key == Qt::Key_Enter || key == Qt::Key_Tab || key == Qt::Key_Escape;
}
} // namespace

CannedPopup::CannedPopup(App::CannedResponses *canned, Composer *editor,
                         std::function<QString()> customerName, QWidget *parent)
    : QFrame(parent)
    , m_canned(canned)
    , m_editor(editor)
    , m_customerName(std::move(customerName))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("cannedPopup"));
    m_list->setObjectName(QStringLiteral("cannedList"));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setAccessibleName(tr("Saved replies"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->addWidget(m_list);
    hide();

    m_editor->installEventFilter(this);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &CannedPopup::update);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this, &CannedPopup::update);
    connect(m_canned, &App::CannedResponses::changed, this, &CannedPopup::update);
    connect(m_list, &QListWidget::itemClicked, this, [this] { insertCurrent(); });
}

void CannedPopup::update()
{
    static const QRegularExpression command(QStringLiteral("^/([\\w-]*)$"));
    const QTextCursor cursor = m_editor->textCursor();
    const QString before = m_editor->toPlainText().left(cursor.position());
    const QRegularExpressionMatch match = command.match(before);
    if (!match.hasMatch() || !m_editor->isVisible()) {
        hide();
        return;
    }
    m_queryLength = int(before.size());
    const App::CannedList found = m_canned->matching(match.captured(1));
    m_list->clear();
    for (const App::CannedResponse &canned : found) {
        const QString title = canned.title.isEmpty() ? canned.text.simplified() : canned.title;
        auto *item =
            new QListWidgetItem(QStringLiteral("/%1 — %2").arg(canned.shortcut, title), m_list);
        item->setData(TextRole, canned.text);
        item->setToolTip(canned.text);
        if (m_list->count() >= MaxShown * 4)
            break;
    }
    if (m_list->count() == 0) {
        hide();
        return;
    }
    m_list->setCurrentRow(0);
    place();
    show();
    raise();
}

void CannedPopup::place()
{
    const int rows = qMin(m_list->count(), MaxShown);
    const int height = rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth() + 4;
    const int width = qMax(320, m_editor->width() / 2);
    const QPoint topLeft = m_editor->mapTo(parentWidget(), QPoint(0, 0));
    setGeometry(topLeft.x(), qMax(0, topLeft.y() - height - 2), width, height);
}

bool CannedPopup::insertCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!isVisible() || !item)
        return false;
    QString text = item->data(TextRole).toString();
    const QString name = m_customerName ? m_customerName() : QString();
    if (!name.isEmpty()) {
        text.replace(QLatin1String("{nama}"), name);
        text.replace(QLatin1String("{name}"), name);
    }
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(0);
    cursor.setPosition(m_queryLength, QTextCursor::KeepAnchor);
    cursor.insertText(text);
    m_editor->setTextCursor(cursor);
    hide();
    return true;
}

bool CannedPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor || !isVisible())
        return QFrame::eventFilter(watched, event);
    if (event->type() == QEvent::FocusOut) {
        hide();
        return false;
    }
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (!isPopupKey(key->key()) || (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    event->accept();
    if (event->type() == QEvent::ShortcutOverride)
        return true;
    switch (key->key()) {
    case Qt::Key_Up:
        m_list->setCurrentRow(qMax(0, m_list->currentRow() - 1));
        break;
    case Qt::Key_Down:
        m_list->setCurrentRow(qMin(m_list->count() - 1, m_list->currentRow() + 1));
        break;
    case Qt::Key_Escape:
        hide();
        break;
    default:
        insertCurrent();
        break;
    }
    return true;
}

} // namespace Serambi::Ui
