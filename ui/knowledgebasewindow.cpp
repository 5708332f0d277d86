#include "knowledgebasewindow.h"

#include "errortext.h"

#include "protocol/commandargs.h"
#include "protocol/errorcode.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Serambi::Ui {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QStringList nonEmptyLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            out.append(line.trimmed());
    }
    return out;
}

} // namespace

KnowledgeBaseWindow::KnowledgeBaseWindow(App::KnowledgeBaseEditor *editor, QWidget *parent)
    : QDialog(parent)
    , m_editor(editor)
    , m_tabs(new QTabWidget(this))
    , m_articlesPage(new QWidget(m_tabs))
    , m_suggestionsPage(new QWidget(m_tabs))
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_idLabel(new QLabel(this))
    , m_id(new QLineEdit(this))
    , m_titleLabel(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_tagsLabel(new QLabel(this))
    , m_tags(new QLineEdit(this))
    , m_questionsLabel(new QLabel(this))
    , m_questions(new QPlainTextEdit(this))
    , m_bodyLabel(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
    , m_previewLabel(new QLabel(this))
    , m_preview(new QTextBrowser(this))
    , m_historyLabel(new QLabel(this))
    , m_history(new QListWidget(this))
    , m_restore(new QPushButton(this))
    , m_undo(new QPushButton(this))
    , m_tryLabel(new QLabel(this))
    , m_try(new QLineEdit(this))
    , m_tryButton(new QPushButton(this))
    , m_tryResult(new QLabel(this))
    , m_status(new QLabel(this))
    , m_new(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_import(new QPushButton(this))
    , m_groups(new QListWidget(this))
    , m_groupDetail(new QLabel(this))
    , m_fromSuggestion(new QPushButton(this))
    , m_asPhrasing(new QPushButton(this))
    , m_dismiss(new QPushButton(this))
    , m_gapsPage(new QWidget(m_tabs))
    , m_daysLabel(new QLabel(this))
    , m_days(new QSpinBox(this))
    , m_refreshGaps(new QPushButton(this))
    , m_unusedLabel(new QLabel(this))
    , m_unused(new QListWidget(this))
    , m_unansweredLabel(new QLabel(this))
    , m_unanswered(new QListWidget(this))
    , m_fromQuestion(new QPushButton(this))
    , m_questionAsPhrasing(new QPushButton(this))
{
    setObjectName(QStringLiteral("knowledgeBaseWindow"));
    setWindowFlag(Qt::Window);
    m_search->setObjectName(QStringLiteral("kbSearchEdit"));
    m_list->setObjectName(QStringLiteral("kbArticleList"));
    m_id->setObjectName(QStringLiteral("kbIdEdit"));
    m_title->setObjectName(QStringLiteral("kbTitleEdit"));
    m_tags->setObjectName(QStringLiteral("kbTagsEdit"));
    m_questions->setObjectName(QStringLiteral("kbQuestionsEdit"));
    m_body->setObjectName(QStringLiteral("kbBodyEdit"));
    m_preview->setObjectName(QStringLiteral("kbBodyPreview"));
    m_history->setObjectName(QStringLiteral("kbHistoryList"));
    m_restore->setObjectName(QStringLiteral("kbRestoreButton"));
    m_undo->setObjectName(QStringLiteral("kbUndoRestoreButton"));
    m_try->setObjectName(QStringLiteral("kbTryEdit"));
    m_tryResult->setObjectName(QStringLiteral("kbTryResult"));
    m_status->setObjectName(QStringLiteral("kbStatusLabel"));
    m_save->setObjectName(QStringLiteral("kbSaveButton"));
    m_delete->setObjectName(QStringLiteral("kbDeleteButton"));
    m_import->setObjectName(QStringLiteral("kbImportButton"));
    auto *importMenu = new QMenu(m_import);
    importMenu->setObjectName(QStringLiteral("kbImportMenu"));
    m_import->setMenu(importMenu);
    m_groups->setObjectName(QStringLiteral("kbSuggestionList"));
    m_groupDetail->setObjectName(QStringLiteral("kbSuggestionDetail"));
    m_fromSuggestion->setObjectName(QStringLiteral("kbFromSuggestionButton"));
    m_asPhrasing->setObjectName(QStringLiteral("kbAsPhrasingButton"));
    m_dismiss->setObjectName(QStringLiteral("kbDismissButton"));
    m_days->setObjectName(QStringLiteral("kbGapDaysSpin"));
    m_refreshGaps->setObjectName(QStringLiteral("kbRefreshGapsButton"));
    // The headings name the period; long in Indonesian, they wrap rather than widen the window.
    m_unusedLabel->setWordWrap(true);
    m_unansweredLabel->setWordWrap(true);
    m_unused->setObjectName(QStringLiteral("kbUnusedList"));
    m_unanswered->setObjectName(QStringLiteral("kbUnansweredList"));
    m_fromQuestion->setObjectName(QStringLiteral("kbFromQuestionButton"));
    m_questionAsPhrasing->setObjectName(QStringLiteral("kbQuestionAsPhrasingButton"));
    m_days->setRange(1, 365);
    m_days->setMinimumWidth(160);
    m_days->setValue(30);
    m_id->setMaxLength(64);
    m_title->setMaxLength(200);
    m_questions->setTabChangesFocus(true);
    m_body->setTabChangesFocus(true);
    m_history->setMaximumHeight(90);
    m_questions->setMaximumHeight(80);
    for (QLabel *label : {m_status, m_tryResult, m_groupDetail}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_groupDetail->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *form = new QFormLayout;
    form->addRow(m_idLabel, m_id);
    form->addRow(m_titleLabel, m_title);
    form->addRow(m_tagsLabel, m_tags);
    form->addRow(m_questionsLabel, m_questions);
    auto *bodyRow = new QHBoxLayout;
    auto *bodyColumn = new QVBoxLayout;
    bodyColumn->addWidget(m_bodyLabel);
    bodyColumn->addWidget(m_body);
    auto *previewColumn = new QVBoxLayout;
    previewColumn->addWidget(m_previewLabel);
    previewColumn->addWidget(m_preview);
    bodyRow->addLayout(bodyColumn);
    bodyRow->addLayout(previewColumn);
    auto *tryRow = new QHBoxLayout;
    tryRow->addWidget(m_tryLabel);
    tryRow->addWidget(m_try, 1);
    tryRow->addWidget(m_tryButton);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_import);
    buttons->addStretch();
    buttons->addWidget(m_save);
    auto *editorColumn = new QVBoxLayout;
    editorColumn->addLayout(form);
    editorColumn->addLayout(bodyRow, 1);
    editorColumn->addWidget(m_historyLabel);
    editorColumn->addWidget(m_history);
    auto *versionButtons = new QHBoxLayout;
    versionButtons->addWidget(m_restore);
    versionButtons->addWidget(m_undo);
    versionButtons->addStretch();
    editorColumn->addLayout(versionButtons);
    editorColumn->addLayout(tryRow);
    editorColumn->addWidget(m_tryResult);
    editorColumn->addWidget(m_status);
    editorColumn->addLayout(buttons);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_search);
    listColumn->addWidget(m_list);
    auto *articles = new QHBoxLayout(m_articlesPage);
    articles->addLayout(listColumn, 2);
    articles->addLayout(editorColumn, 5);

    auto *suggestionButtons = new QHBoxLayout;
    suggestionButtons->addWidget(m_fromSuggestion);
    suggestionButtons->addWidget(m_asPhrasing);
    suggestionButtons->addStretch();
    suggestionButtons->addWidget(m_dismiss);
    auto *detail = new QVBoxLayout;
    detail->addWidget(m_groupDetail, 1);
    detail->addLayout(suggestionButtons);
    auto *suggestions = new QHBoxLayout(m_suggestionsPage);
    suggestions->addWidget(m_groups, 2);
    suggestions->addLayout(detail, 3);

    auto *daysRow = new QHBoxLayout;
    daysRow->addWidget(m_daysLabel);
    daysRow->addWidget(m_days);
    daysRow->addWidget(m_refreshGaps);
    daysRow->addStretch();
    auto *unusedColumn = new QVBoxLayout;
    unusedColumn->addWidget(m_unusedLabel);
    unusedColumn->addWidget(m_unused);
    auto *questionButtons = new QHBoxLayout;
    questionButtons->addWidget(m_fromQuestion);
    questionButtons->addWidget(m_questionAsPhrasing);
    questionButtons->addStretch();
    auto *unansweredColumn = new QVBoxLayout;
    unansweredColumn->addWidget(m_unansweredLabel);
    unansweredColumn->addWidget(m_unanswered);
    unansweredColumn->addLayout(questionButtons);
    auto *gapLists = new QHBoxLayout;
    gapLists->addLayout(unusedColumn, 2);
    gapLists->addLayout(unansweredColumn, 3);
    auto *gaps = new QVBoxLayout(m_gapsPage);
    gaps->addLayout(daysRow);
    gaps->addLayout(gapLists, 1);

    m_tabs->addTab(m_articlesPage, QString());
    m_tabs->addTab(m_suggestionsPage, QString());
    m_tabs->addTab(m_gapsPage, QString());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, &KnowledgeBaseWindow::save);
    addAction(saveAction);

    connect(m_search, &QLineEdit::textChanged, this, &KnowledgeBaseWindow::reloadArticles);
    connect(m_list, &QListWidget::currentItemChanged, this, &KnowledgeBaseWindow::showSelected);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        // Typing shows the text being edited again, not an older version.
        m_history->setCurrentRow(-1);
        showSelectedVersion();
    });
    connect(m_history, &QListWidget::currentRowChanged, this,
            &KnowledgeBaseWindow::showSelectedVersion);
    connect(m_restore, &QPushButton::clicked, this, &KnowledgeBaseWindow::restoreSelectedVersion);
    connect(m_undo, &QPushButton::clicked, this, &KnowledgeBaseWindow::undoRestore);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_list->setCurrentItem(nullptr);
        clearEditor();
        m_id->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &KnowledgeBaseWindow::save);
    connect(m_delete, &QPushButton::clicked, this, &KnowledgeBaseWindow::confirmDelete);
    connect(m_tryButton, &QPushButton::clicked, this, &KnowledgeBaseWindow::tryIt);
    connect(m_try, &QLineEdit::returnPressed, this, &KnowledgeBaseWindow::tryIt);
    connect(m_groups, &QListWidget::currentRowChanged, this, &KnowledgeBaseWindow::showGroup);
    connect(m_fromSuggestion, &QPushButton::clicked, this,
            [this] { newArticleFromSuggestion(currentGroup()); });
    connect(m_asPhrasing, &QPushButton::clicked, this,
            &KnowledgeBaseWindow::chooseArticleForPhrasing);
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismissSuggestion(currentGroup()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_gapsPage)
            loadGaps();
    });
    connect(m_refreshGaps, &QPushButton::clicked, this, &KnowledgeBaseWindow::loadGaps);
    connect(m_days, &QSpinBox::editingFinished, this, &KnowledgeBaseWindow::loadGaps);
    connect(m_unused, &QListWidget::itemActivated, this,
            [this](const QListWidgetItem *item) { openArticle(item->data(IdRole).toString()); });
    connect(m_unanswered, &QListWidget::currentRowChanged, this, [this](int row) {
        m_fromQuestion->setEnabled(row >= 0);
        m_questionAsPhrasing->setEnabled(row >= 0);
    });
    connect(m_fromQuestion, &QPushButton::clicked, this,
            &KnowledgeBaseWindow::newArticleFromQuestion);
    connect(m_questionAsPhrasing, &QPushButton::clicked, this, [this] {
        const QString id = chooseArticle();
        if (!id.isEmpty())
            addQuestionAsPhrasing(id);
    });
    connect(m_editor, &App::KnowledgeBaseEditor::gapsLoaded, this, &KnowledgeBaseWindow::showGaps);
    connect(m_editor, &App::KnowledgeBaseEditor::importChecked, this,
            &KnowledgeBaseWindow::showImport);

    connect(m_editor, &App::KnowledgeBaseEditor::articlesChanged, this, [this] {
        reloadArticles();
        // A saved article may close a gap.
        if (m_tabs->currentWidget() == m_gapsPage)
            loadGaps();
    });
    connect(m_editor, &App::KnowledgeBaseEditor::suggestionsChanged, this,
            &KnowledgeBaseWindow::reloadSuggestions);
    connect(m_editor, &App::KnowledgeBaseEditor::saved, this, [this](const QString &id) {
        m_editing = id;
        m_handling.clear();
        m_id->setReadOnly(true);
        m_delete->setEnabled(true);
        if (m_restoring != 0)
            m_status->setText(tr("Version %1 restored. The next draft uses it.").arg(m_restoring));
        else
            m_status->setText(tr("Saved. The next draft uses it."));
        m_undo->setEnabled(m_restoring != 0 && m_undoTo.has_value());
        m_restoring = 0;
        m_editor->loadVersions(id);
    });
    connect(m_editor, &App::KnowledgeBaseEditor::removed, this, [this](const QString &) {
        clearEditor();
        m_status->setText(tr("Deleted."));
    });
    connect(m_editor, &App::KnowledgeBaseEditor::versionsLoaded, this,
            &KnowledgeBaseWindow::showVersions);
    connect(m_editor, &App::KnowledgeBaseEditor::previewReady, this,
            &KnowledgeBaseWindow::showPreview);
    connect(m_editor, &App::KnowledgeBaseEditor::failed, this, &KnowledgeBaseWindow::showError);
    clearEditor();
    retranslateUi();
    resize(980, 640);
}

void KnowledgeBaseWindow::reloadArticles()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const App::KbArticleEntry &article : m_editor->articles()) {
        if (!article.matches(m_search->text()))
            continue;
        const QString label =
            article.cited == 0
                ? tr("%1 — never used").arg(article.title)
                : tr("%1 — cited %n time(s)", nullptr, article.cited).arg(article.title);
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(IdRole, article.id);
        item->setToolTip(article.id);
        if (article.id == m_editing)
            m_list->setCurrentItem(item);
    }
}

void KnowledgeBaseWindow::reloadSuggestions()
{
    const int row = m_groups->currentRow();
    m_groups->clear();
    for (const App::KbSuggestionGroup &group : m_editor->suggestions()) {
        new QListWidgetItem(
            tr("%n customer(s) asked: %1", nullptr, group.count).arg(group.questions.value(0)),
            m_groups);
    }
    m_groups->setCurrentRow(std::min(row, m_groups->count() - 1));
    showGroup();
}

int KnowledgeBaseWindow::currentGroup() const
{
    return m_groups->currentRow();
}

void KnowledgeBaseWindow::showGroup()
{
    const int row = currentGroup();
    const bool any = row >= 0 && row < m_editor->suggestions().size();
    for (QPushButton *button : {m_fromSuggestion, m_asPhrasing, m_dismiss})
        button->setEnabled(any);
    if (!any) {
        m_groupDetail->setText(m_editor->suggestions().isEmpty()
                                   ? tr("No suggestions: the AI answered what customers asked, or "
                                        "agents have not answered yet.")
                                   : QString());
        return;
    }
    const App::KbSuggestionGroup &group = m_editor->suggestions().at(row);
    QString text = tr("%n customer(s) asked, for example:", nullptr, group.count);
    for (const QString &question : group.questions)
        text += QStringLiteral("\n• ") + question;
    text +=
        QStringLiteral("\n\n") + tr("The agents answered:") + QStringLiteral("\n") + group.reply;
    m_groupDetail->setText(text);
}

void KnowledgeBaseWindow::showSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(IdRole).toString();
    for (const App::KbArticleEntry &article : m_editor->articles()) {
        if (article.id != id)
            continue;
        m_editing = id;
        m_handling.clear();
        m_id->setText(article.id);
        m_id->setReadOnly(true);
        m_title->setText(article.title);
        m_tags->setText(article.tags.join(QStringLiteral(", ")));
        m_questions->setPlainText(article.questions.join(QLatin1Char('\n')));
        m_body->setPlainText(article.body);
    }
    m_delete->setEnabled(true);
    m_history->clear();
    m_versions.clear();
    m_undoTo.reset();
    m_undo->setEnabled(false);
    m_status->clear();
    m_editor->loadVersions(id);
}

void KnowledgeBaseWindow::clearEditor()
{
    m_editing.clear();
    m_handling.clear();
    m_id->clear();
    m_id->setReadOnly(false);
    m_title->clear();
    m_tags->clear();
    m_questions->clear();
    m_body->clear();
    m_history->clear();
    m_versions.clear();
    m_undoTo.reset();
    m_undo->setEnabled(false);
    m_restore->setEnabled(false);
    m_delete->setEnabled(false);
}

void KnowledgeBaseWindow::save()
{
    App::KbArticleEntry article;
    article.id = m_id->text().trimmed();
    article.title = m_title->text().trimmed();
    article.body = m_body->toPlainText().trimmed();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            article.tags.append(tag.trimmed());
    }
    article.questions = nonEmptyLines(m_questions->toPlainText());
    if (article.id.isEmpty() || article.title.isEmpty() || article.body.isEmpty()) {
        m_status->setText(tr("An article needs an id, a title and a text."));
        return;
    }
    if (m_editor->save(article, m_handling))
        m_status->setText(tr("Saving…"));
}

void KnowledgeBaseWindow::confirmDelete()
{
    if (m_editing.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete article"),
        tr("Delete \"%1\"? Drafts will no longer use it. Its versions stay in the history.")
            .arg(m_title->text()));
    if (answer == QMessageBox::Yes)
        m_editor->remove(m_editing);
}

void KnowledgeBaseWindow::tryIt()
{
    const QString text = m_try->text().trimmed();
    if (text.isEmpty())
        return;
    if (m_editor->preview(text))
        m_tryResult->setText(tr("Asking the drafter…"));
}

void KnowledgeBaseWindow::showPreview(const App::KbPreview &preview)
{
    const QString confidence = QString::number(qRound(preview.confidence * 100));
    if (preview.handoff && preview.sourceTitles.isEmpty())
        m_tryResult->setText(
            tr("The AI would not answer and would hand the chat to an agent (confidence %1%).")
                .arg(confidence));
    else if (preview.abstained || preview.sourceTitles.isEmpty())
        m_tryResult->setText(tr("The AI would not answer (confidence %1%).").arg(confidence));
    else
        m_tryResult->setText(tr("The AI would answer from \"%1\" (confidence %2%):\n%3")
                                 .arg(preview.sourceTitles.join(QStringLiteral("\", \"")),
                                      confidence, preview.text));
}

void KnowledgeBaseWindow::showVersions(const QString &id,
                                       const QList<App::KbArticleVersion> &versions)
{
    if (id != m_editing)
        return;
    const QSignalBlocker blocker(m_history);
    m_history->clear();
    m_versions = versions;
    for (const App::KbArticleVersion &version : versions) {
        const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(version.createdAt),
                                                QLocale::ShortFormat);
        const QString number = QString::number(version.version);
        if (version.deleted)
            m_history->addItem(
                tr("Version %1, %2 — deleted by %3").arg(number, when, version.authorName));
        else if (version.restoredFrom != 0)
            m_history->addItem(
                tr("Version %1, %2 — restored from version %3 by %4")
                    .arg(number, when, QString::number(version.restoredFrom), version.authorName));
        else
            m_history->addItem(
                tr("Version %1, %2 — saved by %3").arg(number, when, version.authorName));
    }
    showSelectedVersion();
}

void KnowledgeBaseWindow::showSelectedVersion()
{
    const int row = m_history->currentRow();
    // The newest version is what the editor holds; a deleted one has nothing to bring back.
    const bool older = row > 0 && row < m_versions.size() && !m_versions.at(row).deleted;
    m_restore->setEnabled(older);
    if (!older) {
        m_previewLabel->setText(tr("Preview"));
        m_preview->setMarkdown(m_body->toPlainText());
        return;
    }
    const App::KbArticleVersion &version = m_versions.at(row);
    m_previewLabel->setText(tr("Version %1 (Restore version brings it back)").arg(version.version));
    m_preview->setMarkdown(QStringLiteral("**%1**\n\n%2").arg(version.title, version.body));
}

void KnowledgeBaseWindow::restoreSelectedVersion()
{
    const int row = m_history->currentRow();
    if (row <= 0 || row >= m_versions.size() || m_versions.at(row).deleted)
        return;
    m_undoTo = m_versions.first();
    restoreVersion(m_versions.at(row));
}

void KnowledgeBaseWindow::undoRestore()
{
    if (!m_undoTo)
        return;
    const App::KbArticleVersion version = *m_undoTo;
    m_undoTo.reset();
    restoreVersion(version);
}

void KnowledgeBaseWindow::restoreVersion(const App::KbArticleVersion &version)
{
    if (m_editing.isEmpty() || !m_editor->restore(m_editing, version))
        return;
    m_restoring = version.version;
    m_undo->setEnabled(false);
    m_title->setText(version.title);
    m_tags->setText(version.tags.join(QStringLiteral(", ")));
    m_questions->setPlainText(version.questions.join(QLatin1Char('\n')));
    m_body->setPlainText(version.body);
    m_status->setText(tr("Restoring version %1…").arg(version.version));
}

void KnowledgeBaseWindow::showError(const QString &errorCode)
{
    if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::FrameTooLarge))
        m_status->setText(tr("Too much to import from the console at once (at most %1 files, "
                             "half a megabyte in all): import a smaller folder, or use "
                             "serambi-relay kb import.")
                              .arg(Protocol::ArgumentLimits::ImportFiles));
    else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::NotFound) &&
             !m_importPath.isEmpty())
        m_status->setText(tr("No .md or .csv files in %1.").arg(m_importPath));
    else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::Forbidden))
        m_status->setText(tr("Only supervisors and admins may change the knowledge base."));
    else if (errorCode == Protocol::errorCodeName(Protocol::ErrorCode::InvalidArgument))
        m_status->setText(tr("The relay refused the article: the id may use only a–z, 0–9, "
                             "'.', '_' and '-', and the title and text must not be empty."));
    else
        m_status->setText(ErrorText::forName(errorCode));
    m_importPath.clear(); // an import that failed is over
}

void KnowledgeBaseWindow::newArticleFromSuggestion(int group)
{
    if (group < 0 || group >= m_editor->suggestions().size())
        return;
    const App::KbSuggestionGroup &suggestion = m_editor->suggestions().at(group);
    m_list->setCurrentItem(nullptr);
    clearEditor();
    m_handling = suggestion.ids;
    m_id->setText(suggestion.terms.join(QLatin1Char('-')));
    m_title->setText(suggestion.questions.value(0));
    m_questions->setPlainText(suggestion.questions.join(QLatin1Char('\n')));
    m_body->setPlainText(suggestion.reply);
    m_status->setText(tr("Check the article and save it; the suggestion then leaves the list."));
    m_tabs->setCurrentWidget(m_articlesPage);
    m_title->setFocus();
}

void KnowledgeBaseWindow::addSuggestionAsPhrasing(int group, const QString &articleId)
{
    if (group < 0 || group >= m_editor->suggestions().size())
        return;
    const App::KbSuggestionGroup &suggestion = m_editor->suggestions().at(group);
    m_editing = articleId;
    if (m_editor->addPhrasings(articleId, suggestion.questions, suggestion.ids))
        m_status->setText(tr("Saving…"));
}

QString KnowledgeBaseWindow::chooseArticle()
{
    QStringList titles;
    for (const App::KbArticleEntry &article : m_editor->articles())
        titles.append(QStringLiteral("%1 (%2)").arg(article.title, article.id));
    if (titles.isEmpty())
        return {};
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Add as a phrasing of…"), tr("Article:"),
                                                 titles, 0, false, &ok);
    const int index = int(titles.indexOf(chosen));
    return ok && index >= 0 ? m_editor->articles().at(index).id : QString();
}

void KnowledgeBaseWindow::chooseArticleForPhrasing()
{
    const QString id = chooseArticle();
    if (!id.isEmpty())
        addSuggestionAsPhrasing(currentGroup(), id);
}

void KnowledgeBaseWindow::chooseImport(bool folder)
{
    const QString path =
        folder ? QFileDialog::getExistingDirectory(this, tr("Folder of Markdown articles"))
               : QFileDialog::getOpenFileName(this, tr("Articles to import"), QString(),
                                              tr("CSV or Markdown (*.csv *.md)"));
    if (!path.isEmpty())
        importFrom(path);
}

void KnowledgeBaseWindow::importFrom(const QString &path)
{
    m_importPath = path;
    if (m_editor->importFiles(path, false))
        m_status->setText(tr("Reading the articles…"));
}

void KnowledgeBaseWindow::showImport(const App::KbImportResult &result)
{
    if (result.applied) {
        m_importPath.clear();
        m_status->setText(tr("Imported: %1 new, %2 changed; %3 problem(s) skipped.")
                              .arg(result.added.size())
                              .arg(result.changed.size())
                              .arg(result.problems.size()));
        return;
    }
    m_status->clear();
    QString details;
    auto section = [&details](const QString &heading, const QStringList &items) {
        if (!items.isEmpty())
            details += heading + QStringLiteral("\n• ") + items.join(QStringLiteral("\n• ")) +
                       QStringLiteral("\n\n");
    };
    section(tr("New articles:"), result.added);
    section(tr("Changed articles:"), result.changed);
    section(tr("Problems (these are skipped):"), result.problems);
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("kbImportPreview"));
    box.setWindowTitle(tr("Import articles"));
    box.setText(tr("%1 new, %2 changed, %3 unchanged, %4 problem(s). Articles not in the files "
                   "stay as they are.")
                    .arg(result.added.size())
                    .arg(result.changed.size())
                    .arg(result.unchanged)
                    .arg(result.problems.size()));
    box.setInformativeText(details.trimmed());
    QPushButton *importButton = nullptr;
    if (!result.added.isEmpty() || !result.changed.isEmpty())
        importButton = box.addButton(tr("&Import"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (importButton && box.clickedButton() == importButton &&
        m_editor->importFiles(m_importPath, true))
        m_status->setText(tr("Importing…"));
    else
        m_importPath.clear();
}

void KnowledgeBaseWindow::loadGaps()
{
    if (m_editor->loadGaps(m_days->value()))
        m_status->clear();
}

void KnowledgeBaseWindow::showGaps(const App::KbGaps &gaps)
{
    m_gaps = gaps;
    m_unusedLabel->setText(tr("Articles no draft used in the last %n day(s)", nullptr, gaps.days));
    m_unansweredLabel->setText(
        tr("Questions that matched no article in the last %n day(s)", nullptr, gaps.days));
    m_unused->clear();
    for (const App::KbArticleEntry &article : gaps.unused) {
        auto *item = new QListWidgetItem(article.title, m_unused);
        item->setData(IdRole, article.id);
        item->setToolTip(article.id);
    }
    if (gaps.unused.isEmpty())
        new QListWidgetItem(tr("Every article was used."), m_unused);
    m_unanswered->clear();
    for (const App::KbUnansweredQuestion &question : gaps.unanswered)
        new QListWidgetItem(tr("%n×: %1", nullptr, question.count).arg(question.text),
                            m_unanswered);
    m_fromQuestion->setEnabled(false);
    m_questionAsPhrasing->setEnabled(false);
}

void KnowledgeBaseWindow::openArticle(const QString &id)
{
    if (id.isEmpty())
        return;
    m_search->clear();
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(IdRole).toString() == id)
            m_list->setCurrentRow(row);
    }
    m_tabs->setCurrentWidget(m_articlesPage);
}

void KnowledgeBaseWindow::newArticleFromQuestion()
{
    const int row = m_unanswered->currentRow();
    if (row < 0 || row >= m_gaps.unanswered.size())
        return;
    const QString question = m_gaps.unanswered.at(row).text;
    m_list->setCurrentItem(nullptr);
    clearEditor();
    m_title->setText(question);
    m_questions->setPlainText(question);
    m_status->setText(tr("Give it an id, write the answer and save it."));
    m_tabs->setCurrentWidget(m_articlesPage);
    m_id->setFocus();
}

void KnowledgeBaseWindow::addQuestionAsPhrasing(const QString &articleId)
{
    const int row = m_unanswered->currentRow();
    if (row < 0 || row >= m_gaps.unanswered.size())
        return;
    m_editing = articleId;
    if (m_editor->addPhrasings(articleId, {m_gaps.unanswered.at(row).text}, {}))
        m_status->setText(tr("Saving…"));
}

void KnowledgeBaseWindow::dismissSuggestion(int group)
{
    if (group >= 0 && group < m_editor->suggestions().size())
        m_editor->dismiss(m_editor->suggestions().at(group).ids);
}

void KnowledgeBaseWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void KnowledgeBaseWindow::retranslateUi()
{
    setWindowTitle(tr("Knowledge base"));
    m_tabs->setTabText(0, tr("&Articles"));
    m_tabs->setTabText(1, tr("Su&ggestions"));
    m_search->setPlaceholderText(tr("Search articles"));
    m_list->setAccessibleName(tr("Articles"));
    m_idLabel->setText(tr("I&d"));
    m_idLabel->setBuddy(m_id);
    m_id->setPlaceholderText(tr("ongkir-papua (a–z, 0–9, . _ -)"));
    m_titleLabel->setText(tr("&Title"));
    m_titleLabel->setBuddy(m_title);
    m_tagsLabel->setText(tr("Ta&gs"));
    m_tagsLabel->setBuddy(m_tags);
    m_tags->setPlaceholderText(tr("ongkir/biaya kirim, papua (synonyms with /)"));
    m_questionsLabel->setText(tr("&Questions"));
    m_questionsLabel->setBuddy(m_questions);
    m_questions->setPlaceholderText(tr("How customers ask it, one per line"));
    m_bodyLabel->setText(tr("Te&xt (Markdown)"));
    m_bodyLabel->setBuddy(m_body);
    m_historyLabel->setText(tr("&History"));
    m_historyLabel->setBuddy(m_history);
    m_restore->setText(tr("Rest&ore version"));
    m_restore->setToolTip(tr("Save the selected version as the newest (Alt+O)"));
    m_undo->setText(tr("&Undo restore"));
    m_undo->setToolTip(tr("Bring back the version that was the newest before the restore (Alt+U)"));
    m_tryLabel->setText(tr("T&ry it:"));
    m_tryLabel->setBuddy(m_try);
    m_try->setPlaceholderText(tr("A customer message, e.g. bisa cod ke papua?"));
    m_tryButton->setText(tr("Ask the drafter"));
    m_new->setText(tr("&New"));
    m_save->setText(tr("&Save"));
    m_save->setToolTip(tr("Save the article (Ctrl+S); the next draft uses it"));
    m_delete->setText(tr("&Delete"));
    m_import->setText(tr("&Import…"));
    m_import->setToolTip(tr("Add or update articles from Markdown files or a CSV (Alt+I)"));
    m_import->menu()->clear();
    m_import->menu()->addAction(tr("Folder of Markdown articles…"), this,
                                [this] { chooseImport(true); });
    m_import->menu()->addAction(tr("CSV or Markdown file…"), this, [this] { chooseImport(false); });
    m_groups->setAccessibleName(tr("Suggestions"));
    m_fromSuggestion->setText(tr("New article from this"));
    m_asPhrasing->setText(tr("Add as a phrasing of…"));
    m_dismiss->setText(tr("Dismiss"));
    m_tabs->setTabText(2, tr("Ga&ps"));
    m_daysLabel->setText(tr("In the &last"));
    m_daysLabel->setBuddy(m_days);
    m_days->setSuffix(tr(" days"));
    m_refreshGaps->setText(tr("Refresh"));
    m_unused->setAccessibleName(tr("Articles never used"));
    m_unanswered->setAccessibleName(tr("Questions that matched no article"));
    m_fromQuestion->setText(tr("New article from this question"));
    m_questionAsPhrasing->setText(tr("Add as a phrasing of…"));
    if (m_gaps.days > 0)
        showGaps(m_gaps);
    else {
        m_unusedLabel->setText(tr("Articles never used"));
        m_unansweredLabel->setText(tr("Questions that matched no article"));
    }
    reloadArticles();
    reloadSuggestions();
    showSelectedVersion();
}

} // namespace Serambi::Ui
