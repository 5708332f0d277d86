#pragma once

#include "app/knowledgebaseeditor.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTextBrowser;

namespace Serambi::Ui {

// The knowledge base for supervisors and admins (docs/ai.md, "The knowledge-base editor"):
// the articles with search and a "never used" marker, an editor with a rendered preview of the
// Markdown body, Save (Ctrl+S), Delete with confirmation, the versions with who and when (one
// selected is shown in the preview; Restore version brings it back, Undo restore undoes it), a
// "Try it" box showing what the drafter would answer now, and the agents' suggestions, which
// become a new article or phrasings of an existing one, or are dismissed; and the gaps: the
// articles no draft used and the questions no article answered in the last days, a question
// becoming a new article or a phrasing of one.
class KnowledgeBaseWindow : public QDialog
{
    Q_OBJECT

public:
    explicit KnowledgeBaseWindow(App::KnowledgeBaseEditor *editor, QWidget *parent = nullptr);

    // Prefills the editor with a suggestion group: its questions and the agents' reply.
    void newArticleFromSuggestion(int group);
    // Adds a suggestion group's questions to the article with articleId.
    void addSuggestionAsPhrasing(int group, const QString &articleId);
    void dismissSuggestion(int group);
    // Asks the relay what importing path (a folder of Markdown articles, or a CSV or Markdown
    // file) would add and change, shows it with the problems found, and imports on Import.
    void importFrom(const QString &path);
    // Prefills the editor with the selected unanswered question.
    void newArticleFromQuestion();
    // Adds the selected unanswered question to the article with articleId.
    void addQuestionAsPhrasing(const QString &articleId);
    // Saves the selected older version as the newest (a new version, "restored from").
    void restoreSelectedVersion();
    // Restores the version that was the newest before the last restore.
    void undoRestore();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reloadArticles();
    void reloadSuggestions();
    void showSelected();
    void clearEditor();
    void save();
    void confirmDelete();
    void tryIt();
    void showPreview(const App::KbPreview &preview);
    void showVersions(const QString &id, const QList<App::KbArticleVersion> &versions);
    void showSelectedVersion();
    void restoreVersion(const App::KbArticleVersion &version);
    void showError(const QString &errorCode);
    void chooseArticleForPhrasing();
    int currentGroup() const;
    void showGroup();
    void chooseImport(bool folder);
    void showImport(const App::KbImportResult &result);
    void loadGaps();
    void showGaps(const App::KbGaps &gaps);
    // The article (by id) chosen in a list of every article's title; empty when cancelled.
    QString chooseArticle();
    void openArticle(const QString &id);

    App::KnowledgeBaseEditor *m_editor;
    QTabWidget *m_tabs;
    QWidget *m_articlesPage;
    QWidget *m_suggestionsPage;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_idLabel;
    QLineEdit *m_id;
    QLabel *m_titleLabel;
    QLineEdit *m_title;
    QLabel *m_tagsLabel;
    QLineEdit *m_tags;
    QLabel *m_questionsLabel;
    QPlainTextEdit *m_questions;
    QLabel *m_bodyLabel;
    QPlainTextEdit *m_body;
    QLabel *m_previewLabel;
    QTextBrowser *m_preview;
    QLabel *m_historyLabel;
    QListWidget *m_history;
    QPushButton *m_restore;
    QPushButton *m_undo;
    QLabel *m_tryLabel;
    QLineEdit *m_try;
    QPushButton *m_tryButton;
    QLabel *m_tryResult;
    QLabel *m_status;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_import;
    QListWidget *m_groups;
    QLabel *m_groupDetail;
    QPushButton *m_fromSuggestion;
    QPushButton *m_asPhrasing;
    QPushButton *m_dismiss;
    QWidget *m_gapsPage;
    QLabel *m_daysLabel;
    QSpinBox *m_days;
    QPushButton *m_refreshGaps;
    QLabel *m_unusedLabel;
    QListWidget *m_unused;
    QLabel *m_unansweredLabel;
    QListWidget *m_unanswered;
    QPushButton *m_fromQuestion;
    QPushButton *m_questionAsPhrasing;
    App::KbGaps m_gaps;
    QString m_importPath;
    QString m_editing;                       // id of the article in the editor; empty for a new one
    QList<qint64> m_handling;                // suggestions the article in the editor came from
    QList<App::KbArticleVersion> m_versions; // the edited article's, newest first
    qint64 m_restoring = 0;                  // the version being restored
    std::optional<App::KbArticleVersion> m_undoTo; // the newest before the last restore
};

} // namespace Serambi::Ui
