#include "interactivebuilder.h"

#include "draftchoices.h"
#include "interactivepreview.h"
#include "limittext.h"
#include "themecolors.h"

#include "protocol/interactivelimits.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {

namespace Limits = Protocol::InteractiveLimits;

enum Column { TitleColumn, DescriptionColumn, IdColumn };
constexpr int IdEditedRole = Qt::UserRole + 1;

// Editors of the sections tree that cannot take more characters than Meta allows.
class LimitDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            const bool section = !index.parent().isValid();
            line->setMaxLength(section                               ? Limits::SectionTitle
                               : index.column() == TitleColumn       ? Limits::RowTitle
                               : index.column() == DescriptionColumn ? Limits::RowDescription
                                                                     : Limits::RowId);
        }
        return editor;
    }
};

// At most limit characters, cut at a word when one ends late enough.
QString shortened(const QString &text, int limit)
{
    if (Protocol::characterCount(text) <= limit)
        return text;
    QString cut = text.left(limit - 1);
    const qsizetype space = cut.lastIndexOf(QLatin1Char(' '));
    if (space > limit / 2)
        cut.truncate(space);
    return cut.trimmed() + QStringLiteral("\u2026");
}

QJsonObject textObject(const QString &text)
{
    return {{QStringLiteral("text"), text}};
}

} // namespace

InteractiveBuilder::InteractiveBuilder(QWidget *parent)
    : QDialog(parent)
    , m_type(new QComboBox(this))
    , m_headerLabel(new QLabel(this))
    , m_header(new QLineEdit(this))
    , m_bodyLabel(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
    , m_bodyCount(new QLabel(this))
    , m_footerLabel(new QLabel(this))
    , m_footer(new QLineEdit(this))
    , m_pages(new QStackedWidget(this))
    , m_buttonRows(new QVBoxLayout)
    , m_addButton(new QPushButton(this))
    , m_listButtonLabel(new QLabel(this))
    , m_listButton(new QLineEdit(this))
    , m_sections(new QTreeWidget(this))
    , m_addSection(new QPushButton(this))
    , m_addRow(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_problems(new QLabel(this))
    , m_previewLabel(new QLabel(this))
    , m_preview(new InteractivePreview(this))
    , m_send(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("interactiveBuilder"));
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_header->setObjectName(QStringLiteral("headerEdit"));
    m_body->setObjectName(QStringLiteral("bodyEdit"));
    m_bodyCount->setObjectName(QStringLiteral("bodyCountLabel"));
    m_footer->setObjectName(QStringLiteral("footerEdit"));
    m_addButton->setObjectName(QStringLiteral("addButtonButton"));
    m_listButton->setObjectName(QStringLiteral("listButtonEdit"));
    m_sections->setObjectName(QStringLiteral("sectionsTree"));
    m_addSection->setObjectName(QStringLiteral("addSectionButton"));
    m_addRow->setObjectName(QStringLiteral("addRowButton"));
    m_remove->setObjectName(QStringLiteral("removeRowButton"));
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_send->setObjectName(QStringLiteral("sendInteractiveButton"));

    m_header->setMaxLength(Limits::HeaderText);
    m_footer->setMaxLength(Limits::Footer);
    m_listButton->setMaxLength(Limits::ListButtonLabel);
    m_body->setTabChangesFocus(true);
    const int line = QFontMetrics(m_body->font()).lineSpacing();
    m_body->setMinimumHeight(line * 3);
    m_body->setMaximumHeight(line * 6);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    QPalette warn = m_problems->palette();
    warn.setColor(QPalette::WindowText, ThemeColors::negative(palette()));
    m_problems->setPalette(warn);
    m_bodyCount->setAlignment(Qt::AlignRight);
    m_type->addItem(QString(), int(Type::Buttons));
    m_type->addItem(QString(), int(Type::List));

    auto *buttonsPage = new QWidget(m_pages);
    auto *buttonsLayout = new QVBoxLayout(buttonsPage);
    buttonsLayout->setContentsMargins(0, 0, 0, 0);
    buttonsLayout->addLayout(m_buttonRows);
    buttonsLayout->addWidget(m_addButton, 0, Qt::AlignLeft);
    buttonsLayout->addStretch();

    auto *listPage = new QWidget(m_pages);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *labelRow = new QHBoxLayout;
    labelRow->addWidget(m_listButtonLabel);
    labelRow->addWidget(m_listButton, 1);
    listLayout->addLayout(labelRow);
    m_sections->setColumnCount(3);
    m_sections->setItemDelegate(new LimitDelegate(m_sections));
    m_sections->setRootIsDecorated(false);
    m_sections->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_sections->setEditTriggers(QAbstractItemView::AllEditTriggers);
    listLayout->addWidget(m_sections, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addSection);
    listButtons->addWidget(m_addRow);
    listButtons->addStretch();
    listButtons->addWidget(m_remove);
    listLayout->addLayout(listButtons);
    m_pages->addWidget(buttonsPage);
    m_pages->addWidget(listPage);

    auto *form = new QFormLayout;
    form->addRow(m_headerLabel, m_header);
    auto *bodyBox = new QVBoxLayout;
    bodyBox->setSpacing(0);
    bodyBox->addWidget(m_body);
    bodyBox->addWidget(m_bodyCount);
    form->addRow(m_bodyLabel, bodyBox);
    form->addRow(m_footerLabel, m_footer);

    auto *left = new QVBoxLayout;
    left->addWidget(m_type);
    left->addLayout(form);
    left->addWidget(m_pages, 1);
    left->addWidget(m_problems);
    auto *right = new QVBoxLayout;
    right->addWidget(m_previewLabel);
    right->addWidget(m_preview, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    auto *box = new QDialogButtonBox(this);
    box->addButton(m_send, QDialogButtonBox::AcceptRole);
    box->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_send->setDefault(false);
    m_send->setAutoDefault(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(box);

    connect(box, &QDialogButtonBox::accepted, this, [this] {
        if (m_problemTexts.isEmpty())
            accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        if (type() == Type::List && m_sections->topLevelItemCount() == 0)
            addSection();
        else if (type() == Type::Buttons && m_buttons.isEmpty())
            addButton();
        refresh();
    });
    connect(m_header, &QLineEdit::textChanged, this, &InteractiveBuilder::refresh);
    connect(m_body, &QPlainTextEdit::textChanged, this, &InteractiveBuilder::refresh);
    connect(m_footer, &QLineEdit::textChanged, this, &InteractiveBuilder::refresh);
    connect(m_listButton, &QLineEdit::textChanged, this, &InteractiveBuilder::refresh);
    connect(m_addButton, &QPushButton::clicked, this, [this] {
        if (addButton())
            m_buttons.constLast().title->setFocus();
    });
    connect(m_addSection, &QPushButton::clicked, this, [this] { addSection(); });
    connect(m_addRow, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_remove, &QPushButton::clicked, this, &InteractiveBuilder::removeSelected);
    connect(m_sections, &QTreeWidget::itemChanged, this, &InteractiveBuilder::handleItemChanged);
    connect(m_sections, &QTreeWidget::currentItemChanged, this, &InteractiveBuilder::refresh);

    addButton();
    retranslateUi();
    resize(860, 560);
}

void InteractiveBuilder::setType(Type type)
{
    m_type->setCurrentIndex(m_type->findData(int(type)));
}

InteractiveBuilder::Type InteractiveBuilder::type() const
{
    return Type(m_type->currentData().toInt());
}

void InteractiveBuilder::setBody(const QString &text)
{
    m_body->setPlainText(text);
}

void InteractiveBuilder::prefill(const DraftChoices &choices)
{
    const bool fitButtons =
        choices.choices.size() <= Limits::MaxButtons &&
        std::all_of(choices.choices.cbegin(), choices.choices.cend(), [](const QString &choice) {
            return Protocol::characterCount(choice) <= Limits::ButtonTitle;
        });
    setBody(choices.body);
    m_updating = true;
    for (const ButtonRow &button : std::as_const(m_buttons))
        delete button.row;
    m_buttons.clear();
    m_sections->clear();
    m_updating = false;
    if (fitButtons) {
        setType(Type::Buttons);
        for (const QString &choice : choices.choices)
            addButton(choice);
    } else {
        setType(Type::List);
        if (m_listButton->text().isEmpty())
            m_listButton->setText(tr("Choose"));
        if (m_sections->topLevelItemCount() == 0)
            addSection(tr("Options"));
        else
            m_sections->topLevelItem(0)->setText(TitleColumn, tr("Options"));
        QTreeWidgetItem *section = m_sections->topLevelItem(0);
        qDeleteAll(section->takeChildren());
        for (const QString &choice : choices.choices) {
            const QString title = shortened(choice, Limits::RowTitle);
            addRow(title, title == choice ? QString() : shortened(choice, Limits::RowDescription));
        }
    }
    refresh();
}

bool InteractiveBuilder::addButton(const QString &title)
{
    if (m_buttons.size() >= Limits::MaxButtons)
        return false;
    ButtonRow button;
    button.row = new QWidget(this);
    auto *layout = new QHBoxLayout(button.row);
    layout->setContentsMargins(0, 0, 0, 0);
    button.title = new QLineEdit(button.row);
    button.title->setObjectName(QStringLiteral("buttonTitleEdit"));
    button.title->setMaxLength(Limits::ButtonTitle);
    button.id = new QLineEdit(button.row);
    button.id->setObjectName(QStringLiteral("buttonIdEdit"));
    button.id->setMaxLength(Limits::ButtonId);
    auto *remove = new QToolButton(button.row);
    remove->setObjectName(QStringLiteral("removeButtonButton"));
    remove->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    remove->setAutoRaise(true);
    layout->addWidget(button.title, 3);
    layout->addWidget(button.id, 2);
    layout->addWidget(remove);
    m_buttonRows->addWidget(button.row);
    m_buttons.append(button);

    QWidget *row = button.row;
    QLineEdit *titleEdit = button.title;
    QLineEdit *idEdit = button.id;
    connect(remove, &QToolButton::clicked, this, [this, row] { removeButton(row); });
    connect(titleEdit, &QLineEdit::textChanged, this, [this, row](const QString &text) {
        for (ButtonRow &b : m_buttons) {
            if (b.row != row || b.idEdited)
                continue;
            QStringList taken;
            for (const ButtonRow &other : std::as_const(m_buttons)) {
                if (other.row != row)
                    taken.append(other.id->text());
            }
            m_updating = true;
            b.id->setText(uniqueId(text, taken));
            m_updating = false;
        }
        refresh();
    });
    connect(idEdit, &QLineEdit::textEdited, this, [this, row] {
        for (ButtonRow &b : m_buttons) {
            if (b.row == row)
                b.idEdited = true;
        }
    });
    connect(idEdit, &QLineEdit::textChanged, this, &InteractiveBuilder::refresh);
    retranslateUi();
    titleEdit->setText(title);
    refresh();
    return true;
}

void InteractiveBuilder::removeButton(QWidget *row)
{
    m_buttons.removeIf([row](const ButtonRow &b) { return b.row == row; });
    row->deleteLater();
    row->hide();
    refresh();
}

int InteractiveBuilder::rowCount() const
{
    int rows = 0;
    for (int s = 0; s < m_sections->topLevelItemCount(); ++s)
        rows += m_sections->topLevelItem(s)->childCount();
    return rows;
}

bool InteractiveBuilder::addSection(const QString &title)
{
    if (rowCount() >= Limits::MaxRows || m_sections->topLevelItemCount() >= Limits::MaxSections)
        return false;
    m_updating = true;
    auto *section = new QTreeWidgetItem(m_sections);
    section->setFlags(section->flags() | Qt::ItemIsEditable);
    // The first section gets a title at once: a list of one section is the usual case.
    section->setText(TitleColumn, title.isEmpty() && m_sections->topLevelItemCount() == 1
                                      ? tr("Options")
                                      : title);
    QFont bold = section->font(TitleColumn);
    bold.setBold(true);
    section->setFont(TitleColumn, bold);
    section->setFirstColumnSpanned(true);
    section->setExpanded(true);
    m_sections->setCurrentItem(section);
    m_updating = false;
    addRow();
    return true;
}

bool InteractiveBuilder::addRow(const QString &title, const QString &description)
{
    if (rowCount() >= Limits::MaxRows)
        return false;
    if (m_sections->topLevelItemCount() == 0)
        return addSection() && (title.isEmpty() || addRow(title, description));
    QTreeWidgetItem *current = m_sections->currentItem();
    QTreeWidgetItem *section =
        current ? (current->parent() ? current->parent() : current) : m_sections->topLevelItem(0);
    if (!title.isEmpty() && section->childCount() == 1 &&
        section->child(0)->text(TitleColumn).isEmpty())
        delete section->takeChild(0); // the empty row a new section starts with
    m_updating = true;
    auto *row = new QTreeWidgetItem(section);
    row->setFlags(row->flags() | Qt::ItemIsEditable);
    row->setText(DescriptionColumn, description);
    m_updating = false;
    row->setText(TitleColumn, title); // derives the id through handleItemChanged
    section->setExpanded(true);
    m_sections->setCurrentItem(row);
    refresh();
    return true;
}

void InteractiveBuilder::handleItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_updating || !item->parent()) {
        refresh();
        return;
    }
    if (column == IdColumn) {
        item->setData(IdColumn, IdEditedRole, true);
    } else if (column == TitleColumn && !item->data(IdColumn, IdEditedRole).toBool()) {
        QStringList taken;
        for (int s = 0; s < m_sections->topLevelItemCount(); ++s) {
            const QTreeWidgetItem *section = m_sections->topLevelItem(s);
            for (int r = 0; r < section->childCount(); ++r) {
                if (section->child(r) != item)
                    taken.append(section->child(r)->text(IdColumn));
            }
        }
        m_updating = true;
        item->setText(IdColumn, uniqueId(item->text(TitleColumn), taken));
        m_updating = false;
    }
    refresh();
}

void InteractiveBuilder::removeSelected()
{
    QTreeWidgetItem *item = m_sections->currentItem();
    if (!item)
        return;
    delete item;
    refresh();
}

QString InteractiveBuilder::uniqueId(const QString &title, const QStringList &taken) const
{
    static const QRegularExpression notWord(QStringLiteral("[^a-z0-9]+"));
    QString base = title.toLower().replace(notWord, QStringLiteral("_"));
    while (base.startsWith(QLatin1Char('_')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('_')))
        base.chop(1);
    base.truncate(40);
    if (base.isEmpty())
        return {};
    QString id = base;
    for (int n = 2; taken.contains(id); ++n)
        id = base + QLatin1Char('_') + QString::number(n);
    return id;
}

QJsonObject InteractiveBuilder::interactive() const
{
    QJsonObject object;
    if (!m_header->text().trimmed().isEmpty()) {
        object.insert(QStringLiteral("header"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                  {QStringLiteral("text"), m_header->text().trimmed()}});
    }
    object.insert(QStringLiteral("body"), textObject(m_body->toPlainText().trimmed()));
    if (!m_footer->text().trimmed().isEmpty())
        object.insert(QStringLiteral("footer"), textObject(m_footer->text().trimmed()));
    if (type() == Type::Buttons) {
        object.insert(QStringLiteral("type"), QStringLiteral("button"));
        QJsonArray buttons;
        for (const ButtonRow &button : m_buttons) {
            buttons.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("reply")},
                {QStringLiteral("reply"),
                 QJsonObject{{QStringLiteral("id"), button.id->text().trimmed()},
                             {QStringLiteral("title"), button.title->text().trimmed()}}}});
        }
        object.insert(QStringLiteral("action"), QJsonObject{{QStringLiteral("buttons"), buttons}});
        return object;
    }
    object.insert(QStringLiteral("type"), QStringLiteral("list"));
    QJsonArray sections;
    for (int s = 0; s < m_sections->topLevelItemCount(); ++s) {
        const QTreeWidgetItem *section = m_sections->topLevelItem(s);
        QJsonArray rows;
        for (int r = 0; r < section->childCount(); ++r) {
            const QTreeWidgetItem *item = section->child(r);
            QJsonObject row{{QStringLiteral("id"), item->text(IdColumn).trimmed()},
                            {QStringLiteral("title"), item->text(TitleColumn).trimmed()}};
            if (!item->text(DescriptionColumn).trimmed().isEmpty())
                row.insert(QStringLiteral("description"), item->text(DescriptionColumn).trimmed());
            rows.append(row);
        }
        sections.append(QJsonObject{{QStringLiteral("title"), section->text(TitleColumn).trimmed()},
                                    {QStringLiteral("rows"), rows}});
    }
    object.insert(QStringLiteral("action"),
                  QJsonObject{{QStringLiteral("button"), m_listButton->text().trimmed()},
                              {QStringLiteral("sections"), sections}});
    return object;
}

void InteractiveBuilder::refresh()
{
    if (m_updating)
        return;
    const QJsonObject object = interactive();
    m_problemTexts.clear();
    const QList<Protocol::LimitProblem> problems = Protocol::checkInteractive(object);
    for (const Protocol::LimitProblem &problem : problems)
        m_problemTexts.append(LimitText::describe(problem));
    m_problems->setText(m_problemTexts.join(QLatin1Char('\n')));
    m_problems->setVisible(!m_problemTexts.isEmpty());
    m_send->setEnabled(m_problemTexts.isEmpty());
    const int bodyLimit = type() == Type::Buttons ? Limits::ButtonBody : Limits::ListBody;
    m_bodyCount->setText(
        tr("%1 / %2").arg(Protocol::characterCount(m_body->toPlainText())).arg(bodyLimit));
    m_addButton->setEnabled(m_buttons.size() < Limits::MaxButtons);
    const bool roomForRow = rowCount() < Limits::MaxRows;
    m_addRow->setEnabled(roomForRow);
    m_addSection->setEnabled(roomForRow && m_sections->topLevelItemCount() < Limits::MaxSections);
    m_remove->setEnabled(m_sections->currentItem() != nullptr);
    m_preview->showInteractive(object);
}

void InteractiveBuilder::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void InteractiveBuilder::retranslateUi()
{
    setWindowTitle(tr("Buttons or list"));
    m_type->setItemText(0, tr("Quick-reply buttons (up to %1)").arg(Limits::MaxButtons));
    m_type->setItemText(1, tr("List (up to %1 rows)").arg(Limits::MaxRows));
    m_type->setAccessibleName(tr("Message type"));
    m_headerLabel->setText(tr("&Header"));
    m_headerLabel->setBuddy(m_header);
    m_header->setPlaceholderText(tr("Optional, up to %n characters", nullptr, Limits::HeaderText));
    m_bodyLabel->setText(tr("&Body"));
    m_bodyLabel->setBuddy(m_body);
    m_body->setPlaceholderText(tr("The message the customer reads"));
    m_footerLabel->setText(tr("&Footer"));
    m_footerLabel->setBuddy(m_footer);
    m_footer->setPlaceholderText(tr("Optional, up to %n characters", nullptr, Limits::Footer));
    for (int i = 0; i < m_buttons.size(); ++i) {
        m_buttons[i].title->setPlaceholderText(
            tr("Button %1 title (up to %2 characters)").arg(i + 1).arg(Limits::ButtonTitle));
        m_buttons[i].title->setAccessibleName(tr("Button %1 title").arg(i + 1));
        m_buttons[i].id->setPlaceholderText(tr("Id (from the title)"));
        m_buttons[i].id->setAccessibleName(tr("Button %1 id").arg(i + 1));
    }
    m_addButton->setText(tr("Add button"));
    m_listButtonLabel->setText(tr("List &button"));
    m_listButtonLabel->setBuddy(m_listButton);
    m_listButton->setPlaceholderText(
        tr("Opens the list, up to %n characters", nullptr, Limits::ListButtonLabel));
    m_sections->setHeaderLabels({tr("Section / row title"), tr("Description"), tr("Id")});
    m_sections->setAccessibleName(tr("Sections and rows"));
    m_addSection->setText(tr("Add section"));
    m_addRow->setText(tr("Add row"));
    m_remove->setText(tr("Remove"));
    m_previewLabel->setText(tr("What the customer sees"));
    m_send->setText(tr("Send"));
    m_cancel->setText(tr("Cancel"));
    refresh();
}

} // namespace Serambi::Ui
