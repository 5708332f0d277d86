#include "labelsdialog.h"

#include "app/labels.h"
#include "errortext.h"

#include "protocol/commandargs.h"
#include "protocol/errorcode.h"

#include <QAbstractButton>
#include <QColorDialog>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include <iterator>

namespace Serambi::Ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;

// The colours offered first; any other comes from "Other colour…".
struct Preset
{
    const char *color;
    const char *name;
};
constexpr Preset Presets[] = {
    {"#d93025", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Red")},
    {"#f29900", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Orange")},
    {"#f6c026", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Yellow")},
    {"#188038", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Green")},
    {"#12a4af", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Teal")},
    {"#1a73e8", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Blue")},
    {"#9334e6", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Purple")},
    {"#e52592", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Pink")},
    {"#5f6368", QT_TRANSLATE_NOOP("Serambi::Ui::LabelsDialog", "Grey")},
};

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 14, 14), 3, 3);
    return QIcon(pixmap);
}
} // namespace

LabelsDialog::LabelsDialog(App::Labels *labels, QWidget *parent)
    : QDialog(parent)
    , m_labels(labels)
    , m_list(new QListWidget(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_colorLabel(new QLabel(this))
    , m_color(new QComboBox(this))
    , m_customColor(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_new(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("labelsDialog"));
    m_list->setObjectName(QStringLiteral("labelList"));
    m_name->setObjectName(QStringLiteral("labelNameEdit"));
    m_color->setObjectName(QStringLiteral("labelColorCombo"));
    m_customColor->setObjectName(QStringLiteral("labelCustomColorButton"));
    m_status->setObjectName(QStringLiteral("labelStatusLabel"));
    m_save->setObjectName(QStringLiteral("labelSaveButton"));
    m_delete->setObjectName(QStringLiteral("labelDeleteButton"));
    m_new->setObjectName(QStringLiteral("labelNewButton"));
    m_name->setMaxLength(Protocol::ArgumentLimits::LabelName);
    m_status->setWordWrap(true);
    for (const Preset &preset : Presets)
        m_color->addItem(swatch(QColor(QLatin1String(preset.color))), QString(),
                         QString::fromLatin1(preset.color));

    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(m_color, 1);
    colorRow->addWidget(m_customColor);
    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_colorLabel, colorRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addStretch();
    right->addWidget(m_status);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list, 2);
    layout->addLayout(right, 3);

    connect(m_list, &QListWidget::currentItemChanged, this, &LabelsDialog::showSelected);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_list->setCurrentItem(nullptr);
        m_editing = 0;
        m_name->clear();
        m_color->setCurrentIndex(0);
        m_delete->setEnabled(false);
        m_status->clear();
        m_name->setFocus();
    });
    connect(m_customColor, &QPushButton::clicked, this, &LabelsDialog::chooseCustomColor);
    connect(m_save, &QPushButton::clicked, this, &LabelsDialog::save);
    connect(m_name, &QLineEdit::returnPressed, this, &LabelsDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &LabelsDialog::confirmDelete);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_labels, &App::Labels::changed, this, &LabelsDialog::reload);
    connect(m_labels, &App::Labels::saved, this, [this](const App::Label &label) {
        m_editing = label.id;
        m_status->setText(tr("Saved “%1”.").arg(label.name));
        reload();
    });
    connect(m_labels, &App::Labels::saveFailed, this, &LabelsDialog::showError);
    connect(m_labels, &App::Labels::removeFailed, this, &LabelsDialog::showError);
    retranslateUi();
    reload();
    resize(560, 340);
}

void LabelsDialog::reload()
{
    if (m_editing != 0 && !m_labels->byId(m_editing))
        m_editing = 0; // deleted, here or by someone else
    const qint64 keep = m_editing;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const App::Label &label : m_labels->all()) {
        auto *item = new QListWidgetItem(swatch(QColor(label.color)), label.name, m_list);
        item->setData(IdRole, label.id);
        if (label.id == keep)
            m_list->setCurrentItem(item);
    }
    m_delete->setEnabled(m_editing != 0);
}

void LabelsDialog::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    m_editing = item ? item->data(IdRole).toLongLong() : 0;
    if (const auto label = m_labels->byId(m_editing)) {
        m_name->setText(label->name);
        setColor(QColor(label->color));
    }
    m_delete->setEnabled(m_editing != 0);
    m_status->clear();
}

void LabelsDialog::setColor(const QColor &color)
{
    int index = m_color->findData(color.name());
    if (index < 0) {
        m_color->addItem(swatch(color), tr("Other (%1)").arg(color.name()), color.name());
        index = m_color->count() - 1;
    }
    m_color->setCurrentIndex(index);
}

void LabelsDialog::chooseCustomColor()
{
    auto *picker = new QColorDialog(QColor(m_color->currentData().toString()), this);
    picker->setObjectName(QStringLiteral("labelColorPicker"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QColorDialog::colorSelected, this, &LabelsDialog::setColor);
    picker->open();
}

void LabelsDialog::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_status->setText(tr("A label needs a name."));
        return;
    }
    const QString color = m_color->currentData().toString();
    for (const App::Label &label : m_labels->all()) {
        if (label.id != m_editing && label.name.compare(name, Qt::CaseInsensitive) == 0) {
            m_status->setText(tr("Another label is already called “%1”.").arg(label.name));
            return;
        }
    }
    if (m_labels->save(m_editing, name, color))
        m_status->setText(tr("Saving…"));
}

void LabelsDialog::confirmDelete()
{
    const auto label = m_labels->byId(m_editing);
    if (!label)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete label"),
        tr("Delete the label “%1”? It is taken off every chat that has it.").arg(label->name),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("labelDeleteConfirm"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = label->id;
    connect(box->button(QMessageBox::Yes), &QAbstractButton::clicked, this, [this, id] {
        if (m_labels->remove(id))
            m_status->clear();
    });
    box->open();
}

void LabelsDialog::showError(const QString &errorCode)
{
    if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::Conflict))
        m_status->setText(tr("Another label already has that name."));
    else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::Forbidden))
        m_status->setText(tr("Only supervisors manage the labels."));
    else
        m_status->setText(ErrorText::forName(errorCode));
}

void LabelsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LabelsDialog::retranslateUi()
{
    setWindowTitle(tr("Manage labels"));
    m_list->setAccessibleName(tr("Labels"));
    m_nameLabel->setText(tr("&Name"));
    m_nameLabel->setBuddy(m_name);
    m_name->setPlaceholderText(tr("VIP, Komplain, Menunggu transfer…"));
    m_colorLabel->setText(tr("C&olour"));
    m_colorLabel->setBuddy(m_color);
    for (int i = 0; i < int(std::size(Presets)); ++i)
        m_color->setItemText(i, tr(Presets[i].name));
    m_customColor->setText(tr("Other colour…"));
    m_new->setText(tr("New"));
    m_save->setText(tr("Save"));
    m_delete->setText(tr("Delete…"));
    m_close->setText(tr("Close"));
}

} // namespace Serambi::Ui
