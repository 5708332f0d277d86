#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace Serambi::App {

class RelayClient;

// One knowledge-base article as list_articles gives it (docs/protocol.md).
struct KbArticleEntry
{
    QString id;
    QString title;
    QStringList tags;
    QStringList questions;
    QString body;
    QString source;
    int cited = 0; // drafts that cited it; 0 is "never used"

    static KbArticleEntry fromJson(const QJsonObject &json);
    // Whether query is part of its id, title, tags, questions or body, ignoring case.
    bool matches(const QString &query) const;
};

// One saved or deleted state of an article, with who and when.
struct KbArticleVersion
{
    qint64 version = 0;
    QString title;
    QString body;
    QString authorName;
    qint64 createdAt = 0; // ms since epoch
    bool deleted = false;
    QStringList tags;
    QStringList questions;
    // The older version this one brought back (its text differs from the version before it
    // and equals this one's); 0 when it is an edit of its own.
    qint64 restoredFrom = 0;

    bool sameContent(const KbArticleVersion &other) const;
};

// A group of similar questions agents answered where the AI could not.
struct KbSuggestionGroup
{
    int count = 0;
    QStringList terms;
    QStringList questions;
    QString reply;
    QList<qint64> ids;
};

// A customer message no draft answered from an article (kb_gaps), masked; count: the same
// question asked that many times.
struct KbUnansweredQuestion
{
    QString text;
    int count = 0;
    qint64 lastAt = 0; // ms since epoch
};

// Where the knowledge base falls short within the last days (kb_gaps).
struct KbGaps
{
    int days = 0;
    QList<KbArticleEntry> unused; // id and title only
    QList<KbUnansweredQuestion> unanswered;
};

// What import_articles would do, or did (applied), with a folder's files.
struct KbImportResult
{
    QStringList added;   // "Title (id)"
    QStringList changed; // "Title (id)"
    int unchanged = 0;
    QStringList problems; // "file:line: message"
    bool applied = false;
};

// What the offline drafter would answer a message now (kb_preview).
struct KbPreview
{
    QString text;
    double confidence = 0;
    QStringList sourceTitles;
    bool abstained = false;
    bool handoff = false;
};

// The knowledge-base editor's state for supervisors and admins: the articles and the
// suggestions, loaded by refresh() and reloaded on kb.updated once loaded; saving, deleting,
// versions, preview and dismissing go to the relay (which decides who may) and refusals come
// back as an error code. Nothing is sent while offline ("unreachable").
class KnowledgeBaseEditor : public QObject
{
    Q_OBJECT

public:
    explicit KnowledgeBaseEditor(RelayClient *relay, QObject *parent = nullptr);

    const QList<KbArticleEntry> &articles() const { return m_articles; }
    const QList<KbSuggestionGroup> &suggestions() const { return m_suggestions; }

    void refresh();
    // Saves the article; once saved, the suggestions it came from (handled) are dismissed.
    bool save(const KbArticleEntry &article, const QList<qint64> &handled = {});
    // Adds questions to the article's phrasings (the suggestion's), then dismisses handled.
    bool addPhrasings(const QString &articleId, const QStringList &questions,
                      const QList<qint64> &handled);
    bool remove(const QString &id);
    bool loadVersions(const QString &id);
    // Saves version (one of the article's versions) as the article's newest: a new version by
    // this user, shown as restored from it. Undoing is restoring the version that was newest.
    bool restore(const QString &articleId, const KbArticleVersion &version);
    bool preview(const QString &text);
    bool dismiss(const QList<qint64> &ids);
    // The articles never used and the questions that matched none, within the last days.
    bool loadGaps(int days);
    // Sends the *.md and *.csv files under path (a folder, searched with its subfolders, or one
    // file) to the relay: a preview of what would be added and changed, or (apply) the import.
    // More than the relay takes (ArgumentLimits::ImportFiles files, ImportFile characters each,
    // one frame in all) fails with frame_too_large, a folder without such files with not_found.
    bool importFiles(const QString &path, bool apply);

Q_SIGNALS:
    void articlesChanged();
    void suggestionsChanged();
    void saved(const QString &id);
    void removed(const QString &id);
    void versionsLoaded(const QString &id, const QList<Serambi::App::KbArticleVersion> &versions);
    void previewReady(const Serambi::App::KbPreview &preview);
    void gapsLoaded(const Serambi::App::KbGaps &gaps);
    void importChecked(const Serambi::App::KbImportResult &result);
    void failed(const QString &errorCode);

private:
    void handleEvent(qint64 seq, const QString &kind, qint64 conversationId,
                     const QJsonObject &data);
    void loadArticles();
    void loadSuggestions();
    bool sent(bool ok);

    RelayClient *m_relay;
    bool m_loaded = false;
    QList<KbArticleEntry> m_articles;
    QList<KbSuggestionGroup> m_suggestions;
};

} // namespace Serambi::App
