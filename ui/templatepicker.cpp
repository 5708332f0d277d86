#include "templatepicker.h"

#include "app/mediauploader.h"
#include "app/messagetemplates.h"
#include "attachment.h"
#include "errortext.h"
#include "interactivepreview.h"
#include "themecolors.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Serambi::Ui {

namespace {
constexpr int IndexRole = Qt::UserRole + 1;
}

TemplatePicker::TemplatePicker(App::MessageTemplates *templates, App::MediaUploader *uploader,
                               bool mayResync, QWidget *parent)
    : QDialog(parent)
    , m_catalogue(templates)
    , m_uploader(uploader)
    , m_reason(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_sync(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_fields(new QWidget(this))
    , m_form(new QFormLayout(m_fields))
    , m_noTemplate(new QLabel(this))
    , m_previewLabel(new QLabel(this))
    , m_preview(new InteractivePreview(this))
    , m_send(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("templatePicker"));
    m_reason->setObjectName(QStringLiteral("templateReasonLabel"));
    m_filter->setObjectName(QStringLiteral("templateFilterEdit"));
    m_list->setObjectName(QStringLiteral("templateList"));
    m_sync->setObjectName(QStringLiteral("syncTemplatesButton"));
    m_status->setObjectName(QStringLiteral("templateStatusLabel"));
    m_send->setObjectName(QStringLiteral("sendTemplateButton"));
    m_reason->setWordWrap(true);
    m_reason->hide();
    m_status->setWordWrap(true);
    m_noTemplate->setWordWrap(true);
    QFont bold = m_reason->font();
    bold.setBold(true);
    m_reason->setFont(bold);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_sync->setVisible(mayResync);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_sync);
    auto *left = new QVBoxLayout;
    left->addLayout(filterRow);
    left->addWidget(m_list, 1);
    left->addWidget(m_status);
    auto *middle = new QVBoxLayout;
    middle->addWidget(m_noTemplate);
    middle->addWidget(m_fields);
    middle->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(m_previewLabel);
    right->addWidget(m_preview, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(middle, 2);
    columns->addLayout(right, 2);
    auto *box = new QDialogButtonBox(this);
    box->addButton(m_send, QDialogButtonBox::AcceptRole);
    box->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_send->setAutoDefault(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reason);
    layout->addLayout(columns, 1);
    layout->addWidget(box);

    connect(box, &QDialogButtonBox::accepted, this, [this] {
        if (isComplete())
            accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &TemplatePicker::reloadList);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        const int index = item ? item->data(IndexRole).toInt() : -1;
        showTemplate(index >= 0 && index < m_templates.size() ? m_templates.at(index)
                                                              : App::MessageTemplate{});
    });
    connect(m_sync, &QPushButton::clicked, this, [this] {
        if (m_catalogue->sync())
            m_status->setText(tr("Asking WhatsApp for the templates…"));
    });
    connect(m_catalogue, &App::MessageTemplates::changed, this, [this] {
        m_status->setText(
            tr("%n approved templates", nullptr, int(m_catalogue->approved().size())));
        reloadList();
    });
    connect(m_catalogue, &App::MessageTemplates::syncFailed, this,
            [this](const QString &code) { m_status->setText(ErrorText::forName(code)); });

    connect(uploader, &App::MediaUploader::progress, this, [this](qint64 sent, qint64 total) {
        if (m_mediaProgress && total > 0) {
            m_mediaProgress->setMaximum(100);
            m_mediaProgress->setValue(int(sent * 100 / total));
        }
    });
    connect(uploader, &App::MediaUploader::finished, this, [this](const QString &key) {
        if (!std::exchange(m_uploading, false) || !m_mediaLabel)
            return;
        m_mediaKey = key;
        m_mediaProgress->hide();
        refresh();
    });
    connect(uploader, &App::MediaUploader::failed, this, [this](const QString &code) {
        if (!std::exchange(m_uploading, false) || !m_mediaLabel)
            return;
        m_mediaProgress->hide();
        m_mediaError = ErrorText::forName(code);
        refresh();
    });

    retranslateUi();
    reloadList();
    resize(940, 540);
}

void TemplatePicker::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

bool TemplatePicker::selectTemplate(const QString &name, const QString &language)
{
    for (int i = 0; i < m_list->count(); ++i) {
        const App::MessageTemplate &t = m_templates.at(m_list->item(i)->data(IndexRole).toInt());
        if (t.name == name && t.language == language) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void TemplatePicker::reloadList()
{
    const QString chosenName = m_current.name;
    const QString chosenLanguage = m_current.language;
    m_templates = m_catalogue->approved();
    const QString filter = m_filter->text().trimmed();
    m_list->clear();
    for (int i = 0; i < m_templates.size(); ++i) {
        const App::MessageTemplate &t = m_templates.at(i);
        if (!filter.isEmpty() && !t.name.contains(filter, Qt::CaseInsensitive) &&
            !t.language.contains(filter, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(tr("%1 (%2)").arg(t.name, t.language), m_list);
        item->setData(IndexRole, i);
        item->setToolTip(t.componentText(QStringLiteral("BODY")));
    }
    if (!selectTemplate(chosenName, chosenLanguage))
        showTemplate({});
}

void TemplatePicker::showTemplate(const App::MessageTemplate &chosen)
{
    if (chosen.name == m_current.name && chosen.language == m_current.language &&
        !chosen.name.isEmpty())
        return;
    m_current = chosen;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_headerEdits.clear();
    m_bodyEdits.clear();
    m_buttonEdits.clear();
    m_mediaButton = nullptr;
    m_mediaLabel = nullptr;
    m_mediaProgress = nullptr;
    m_mediaKey.clear();
    m_mediaError.clear();

    const auto addFields = [this](const QString &type, QHash<QString, QLineEdit *> *edits,
                                  const QString &label) {
        const QStringList names = m_current.placeholders(type);
        for (const QString &name : names) {
            auto *edit = new QLineEdit(m_fields);
            edit->setObjectName(QStringLiteral("param_%1_%2").arg(type.toLower(), name));
            edit->setAccessibleName(label.arg(name));
            connect(edit, &QLineEdit::textChanged, this, &TemplatePicker::refresh);
            edits->insert(name, edit);
            m_form->addRow(label.arg(name), edit);
        }
    };
    if (m_current.needsHeaderMedia()) {
        auto *row = new QWidget(m_fields);
        auto *rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        m_mediaButton = new QPushButton(tr("Choose file…"), row);
        m_mediaButton->setObjectName(QStringLiteral("headerMediaButton"));
        m_mediaLabel = new QLabel(row);
        m_mediaLabel->setObjectName(QStringLiteral("headerMediaLabel"));
        m_mediaLabel->setWordWrap(true);
        m_mediaProgress = new QProgressBar(row);
        m_mediaProgress->hide();
        rowLayout->addWidget(m_mediaButton);
        rowLayout->addWidget(m_mediaLabel);
        rowLayout->addWidget(m_mediaProgress);
        m_form->addRow(tr("Header file"), row);
        connect(m_mediaButton, &QPushButton::clicked, this, &TemplatePicker::chooseHeaderFile);
    }
    addFields(QStringLiteral("HEADER"), &m_headerEdits, tr("Header {{%1}}"));
    addFields(QStringLiteral("BODY"), &m_bodyEdits, tr("Body {{%1}}"));
    const QStringList labels = m_current.buttonLabels();
    const QList<int> buttons = m_current.parameterButtons();
    for (const int index : buttons) {
        auto *edit = new QLineEdit(m_fields);
        edit->setObjectName(QStringLiteral("param_button_%1").arg(index));
        const QString label = tr("Link of “%1”").arg(labels.value(index));
        edit->setAccessibleName(label);
        edit->setPlaceholderText(tr("The end of the address, e.g. an order number"));
        connect(edit, &QLineEdit::textChanged, this, &TemplatePicker::refresh);
        m_buttonEdits.insert(index, edit);
        m_form->addRow(label, edit);
    }
    m_fields->setVisible(!m_current.name.isEmpty());
    refresh();
}

void TemplatePicker::chooseHeaderFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Header file"));
    if (!path.isEmpty())
        attachHeaderFile(path);
}

bool TemplatePicker::attachHeaderFile(const QString &path)
{
    if (!m_mediaLabel)
        return false;
    m_mediaKey.clear();
    m_mediaError.clear();
    const Attachment file = Attachment::fromFile(path);
    const QString wanted = m_current.headerFormat().toLower();
    if (!file.problem().isEmpty()) {
        m_mediaError = file.problem();
    } else if (file.kind() != wanted) {
        m_mediaError =
            tr("This template's header needs a file of type %1.").arg(Attachment::kindName(wanted));
    } else {
        m_mediaLabel->setText(
            tr("%1 (%2), uploading…").arg(file.fileName(), Attachment::sizeText(file.size())));
        m_mediaProgress->setValue(0);
        m_mediaProgress->show();
        m_uploading = true;
        if (!m_uploader->upload(file.bytes(), file.mimeType(), file.fileName()))
            return false;
        refresh();
        return true;
    }
    refresh();
    return false;
}

QJsonObject TemplatePicker::parameters() const
{
    const auto values = [this](const QString &type, const QHash<QString, QLineEdit *> &edits) {
        QJsonArray array;
        const bool named = m_current.parameterFormat == QLatin1String("NAMED");
        const QStringList names = m_current.placeholders(type);
        for (const QString &name : names) {
            QJsonObject parameter{{QStringLiteral("type"), QStringLiteral("text")},
                                  {QStringLiteral("text"), edits.value(name)->text().trimmed()}};
            if (named)
                parameter.insert(QStringLiteral("parameter_name"), name);
            array.append(parameter);
        }
        return array;
    };
    QJsonObject parameters;
    QJsonArray header = values(QStringLiteral("HEADER"), m_headerEdits);
    if (m_current.needsHeaderMedia()) {
        header.append(QJsonObject{{QStringLiteral("type"), m_current.headerFormat().toLower()},
                                  {QStringLiteral("media"), m_mediaKey}});
    }
    if (!header.isEmpty())
        parameters.insert(QStringLiteral("header"), header);
    const QJsonArray body = values(QStringLiteral("BODY"), m_bodyEdits);
    if (!body.isEmpty())
        parameters.insert(QStringLiteral("body"), body);
    QJsonArray buttons;
    const QList<int> indexes = m_current.parameterButtons();
    for (const int index : indexes) {
        buttons.append(
            QJsonObject{{QStringLiteral("index"), index},
                        {QStringLiteral("text"), m_buttonEdits.value(index)->text().trimmed()}});
    }
    if (!buttons.isEmpty())
        parameters.insert(QStringLiteral("buttons"), buttons);
    return parameters;
}

bool TemplatePicker::isComplete() const
{
    if (m_current.name.isEmpty())
        return false;
    if (m_current.needsHeaderMedia() && m_mediaKey.isEmpty())
        return false;
    for (const QHash<QString, QLineEdit *> *edits : {&m_headerEdits, &m_bodyEdits}) {
        for (const QLineEdit *edit : *edits) {
            if (edit->text().trimmed().isEmpty())
                return false;
        }
    }
    return std::none_of(m_buttonEdits.cbegin(), m_buttonEdits.cend(),
                        [](const QLineEdit *edit) { return edit->text().trimmed().isEmpty(); });
}

void TemplatePicker::refresh()
{
    QHash<QString, QString> header;
    QHash<QString, QString> body;
    for (auto it = m_headerEdits.cbegin(); it != m_headerEdits.cend(); ++it)
        header.insert(it.key(), it.value()->text().trimmed());
    for (auto it = m_bodyEdits.cbegin(); it != m_bodyEdits.cend(); ++it)
        body.insert(it.key(), it.value()->text().trimmed());
    QString headerText =
        App::MessageTemplate::fill(m_current.componentText(QStringLiteral("HEADER")), header);
    if (m_current.needsHeaderMedia())
        headerText = tr("[%1]").arg(Attachment::kindName(m_current.headerFormat().toLower()));
    m_preview->showParts(
        headerText,
        App::MessageTemplate::fill(m_current.componentText(QStringLiteral("BODY")), body),
        m_current.componentText(QStringLiteral("FOOTER")), m_current.buttonLabels());
    if (m_mediaLabel) {
        if (!m_mediaError.isEmpty())
            m_mediaLabel->setText(m_mediaError);
        else if (!m_mediaKey.isEmpty())
            m_mediaLabel->setText(tr("File uploaded."));
        else if (!m_uploader->isBusy())
            m_mediaLabel->setText(tr("This template starts with a file: choose one."));
        QPalette pal = m_mediaLabel->palette();
        pal.setColor(QPalette::WindowText, m_mediaError.isEmpty()
                                               ? palette().color(QPalette::WindowText)
                                               : ThemeColors::negative(palette()));
        m_mediaLabel->setPalette(pal);
    }
    m_noTemplate->setVisible(m_current.name.isEmpty());
    m_send->setEnabled(isComplete());
    m_send->setToolTip(isComplete() ? QString() : tr("Fill in every field first"));
}

void TemplatePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void TemplatePicker::retranslateUi()
{
    setWindowTitle(tr("Send a template"));
    m_filter->setPlaceholderText(tr("Filter by name or language"));
    m_filter->setAccessibleName(tr("Filter templates"));
    m_list->setAccessibleName(tr("Approved templates"));
    m_sync->setText(tr("Sync"));
    m_sync->setToolTip(tr("Fetch the templates from WhatsApp again"));
    m_noTemplate->setText(m_templates.isEmpty() ? tr("No approved templates yet.")
                                                : tr("Pick a template on the left."));
    m_previewLabel->setText(tr("What the customer sees"));
    m_send->setText(tr("Send template"));
    m_cancel->setText(tr("Cancel"));
    refresh();
}

} // namespace Serambi::Ui
