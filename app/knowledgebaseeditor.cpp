#include "knowledgebaseeditor.h"

#include "relayclient.h"

#include "protocol/commandargs.h"
#include "protocol/errorcode.h"
#include "protocol/events.h"
#include "protocol/keys.h"
#include "protocol/version.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Serambi::App {

namespace Key = Protocol::Key;
using Protocol::Command;

namespace {

const QString Unreachable = QStringLiteral("unreachable");

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray())
        out.append(item.toString());
    return out;
}

// versions newest first: each that differs from the one before it and equals an older one
// was restored from the newest such older one.
void markRestored(QList<KbArticleVersion> &versions)
{
    for (qsizetype i = 0; i + 1 < versions.size(); ++i) {
        KbArticleVersion &version = versions[i];
        if (version.deleted || version.sameContent(versions.at(i + 1)))
            continue;
        for (qsizetype j = i + 2; j < versions.size(); ++j) {
            if (!versions.at(j).deleted && version.sameContent(versions.at(j))) {
                version.restoredFrom = versions.at(j).version;
                break;
            }
        }
    }
}

} // namespace

bool KbArticleVersion::sameContent(const KbArticleVersion &other) const
{
    return title == other.title && body == other.body && tags == other.tags &&
           questions == other.questions;
}

KbArticleEntry KbArticleEntry::fromJson(const QJsonObject &json)
{
    KbArticleEntry article;
    article.id = json.value(Key::Id).toString();
    article.title = json.value(Key::Title).toString();
    article.tags = strings(json.value(Key::Tags));
    article.questions = strings(json.value(Key::Questions));
    article.body = json.value(Key::Body).toString();
    article.source = json.value(Key::Source).toString();
    article.cited = json.value(Key::Cited).toInt();
    return article;
}

bool KbArticleEntry::matches(const QString &query) const
{
    const QString q = query.trimmed();
    auto has = [&q](const QString &text) { return text.contains(q, Qt::CaseInsensitive); };
    return q.isEmpty() || has(id) || has(title) || has(body) ||
           std::any_of(tags.cbegin(), tags.cend(), has) ||
           std::any_of(questions.cbegin(), questions.cend(), has);
}

KnowledgeBaseEditor::KnowledgeBaseEditor(RelayClient *relay, QObject *parent)
    : QObject(parent), m_relay(relay)
{
    connect(m_relay, &RelayClient::eventReceived, this, &KnowledgeBaseEditor::handleEvent);
}

void KnowledgeBaseEditor::refresh()
{
    m_loaded = true;
    loadArticles();
    loadSuggestions();
}

void KnowledgeBaseEditor::loadArticles()
{
    sent(m_relay->request(Command::ListArticles, {}, this, [this](const RelayResult &result) {
        if (!result.ok) {
            if (!result.lost)
                Q_EMIT failed(result.errorCode);
            return;
        }
        m_articles.clear();
        for (const QJsonValue &value : result.data.value(Key::Articles).toArray())
            m_articles.append(KbArticleEntry::fromJson(value.toObject()));
        Q_EMIT articlesChanged();
    }));
}

void KnowledgeBaseEditor::loadSuggestions()
{
    m_relay->request(Command::ListKbSuggestions, {}, this, [this](const RelayResult &result) {
        if (!result.ok)
            return; // loadArticles reports the refusal
        m_suggestions.clear();
        for (const QJsonValue &value : result.data.value(Key::Groups).toArray()) {
            const QJsonObject json = value.toObject();
            KbSuggestionGroup group;
            group.count = json.value(Key::Count).toInt();
            group.terms = strings(json.value(Key::Terms));
            group.questions = strings(json.value(Key::Questions));
            group.reply = json.value(Key::Reply).toString();
            for (const QJsonValue &id : json.value(Key::Ids).toArray())
                group.ids.append(id.toInteger());
            m_suggestions.append(group);
        }
        Q_EMIT suggestionsChanged();
    });
}

bool KnowledgeBaseEditor::save(const KbArticleEntry &article, const QList<qint64> &handled)
{
    const QJsonObject args{{Key::Id, article.id},
                           {Key::Title, article.title},
                           {Key::Tags, QJsonArray::fromStringList(article.tags)},
                           {Key::Questions, QJsonArray::fromStringList(article.questions)},
                           {Key::Body, article.body}};
    return sent(m_relay->request(Command::SaveArticle, args, this,
                                 [this, id = article.id, handled](const RelayResult &r) {
                                     if (r.lost)
                                         return;
                                     if (!r.ok) {
                                         Q_EMIT failed(r.errorCode);
                                         return;
                                     }
                                     if (!handled.isEmpty())
                                         dismiss(handled);
                                     loadArticles();
                                     Q_EMIT saved(id);
                                 }));
}

bool KnowledgeBaseEditor::addPhrasings(const QString &articleId, const QStringList &questions,
                                       const QList<qint64> &handled)
{
    for (const KbArticleEntry &article : std::as_const(m_articles)) {
        if (article.id != articleId)
            continue;
        KbArticleEntry changed = article;
        for (const QString &question : questions) {
            if (!changed.questions.contains(question))
                changed.questions.append(question);
        }
        return save(changed, handled);
    }
    Q_EMIT failed(Protocol::errorCodeName(Protocol::ErrorCode::NotFound));
    return false;
}

bool KnowledgeBaseEditor::remove(const QString &id)
{
    return sent(m_relay->request(
        Command::DeleteArticle, {{Key::Id, id}}, this, [this, id](const RelayResult &r) {
            if (r.lost)
                return;
            if (!r.ok) {
                Q_EMIT failed(r.errorCode);
                return;
            }
            m_articles.removeIf([&id](const KbArticleEntry &a) { return a.id == id; });
            Q_EMIT articlesChanged();
            Q_EMIT removed(id);
        }));
}

bool KnowledgeBaseEditor::loadVersions(const QString &id)
{
    return sent(m_relay->request(
        Command::ListArticleVersions, {{Key::Id, id}}, this, [this, id](const RelayResult &r) {
            if (r.lost)
                return;
            if (!r.ok) {
                Q_EMIT failed(r.errorCode);
                return;
            }
            QList<KbArticleVersion> versions;
            for (const QJsonValue &value : r.data.value(Key::Versions).toArray()) {
                const QJsonObject json = value.toObject();
                KbArticleVersion version;
                version.version = json.value(Key::Version).toInteger();
                version.title = json.value(Key::Title).toString();
                version.body = json.value(Key::Body).toString();
                version.authorName = json.value(Key::AuthorName).toString();
                version.createdAt = json.value(Key::CreatedAt).toInteger();
                version.deleted = json.value(Key::Deleted).toBool();
                version.tags = strings(json.value(Key::Tags));
                version.questions = strings(json.value(Key::Questions));
                versions.append(version);
            }
            markRestored(versions);
            Q_EMIT versionsLoaded(id, versions);
        }));
}

bool KnowledgeBaseEditor::restore(const QString &articleId, const KbArticleVersion &version)
{
    KbArticleEntry article;
    article.id = articleId;
    article.title = version.title;
    article.tags = version.tags;
    article.questions = version.questions;
    article.body = version.body;
    return save(article);
}

bool KnowledgeBaseEditor::preview(const QString &text)
{
    return sent(m_relay->request(
        Command::KbPreview, {{Key::Text, text}}, this, [this](const RelayResult &r) {
            if (r.lost)
                return;
            if (!r.ok) {
                Q_EMIT failed(r.errorCode);
                return;
            }
            KbPreview preview;
            preview.text = r.data.value(Key::Text).toString();
            preview.confidence = r.data.value(Key::Confidence).toDouble();
            for (const QJsonValue &source : r.data.value(Key::Sources).toArray())
                preview.sourceTitles.append(source.toObject().value(Key::Title).toString());
            preview.abstained = r.data.value(Key::Abstained).toBool();
            preview.handoff = r.data.value(Key::Handoff).toBool();
            Q_EMIT previewReady(preview);
        }));
}

bool KnowledgeBaseEditor::loadGaps(int days)
{
    return sent(
        m_relay->request(Command::KbGaps, {{Key::Days, days}}, this, [this](const RelayResult &r) {
            if (r.lost)
                return;
            if (!r.ok) {
                Q_EMIT failed(r.errorCode);
                return;
            }
            KbGaps gaps;
            gaps.days = r.data.value(Key::Days).toInt();
            for (const QJsonValue &value : r.data.value(Key::Unused).toArray())
                gaps.unused.append(KbArticleEntry::fromJson(value.toObject()));
            for (const QJsonValue &value : r.data.value(Key::Unanswered).toArray()) {
                const QJsonObject json = value.toObject();
                gaps.unanswered.append({json.value(Key::Text).toString(),
                                        json.value(Key::Count).toInt(),
                                        json.value(Key::LastAt).toInteger()});
            }
            Q_EMIT gapsLoaded(gaps);
        }));
}

bool KnowledgeBaseEditor::importFiles(const QString &path, bool apply)
{
    namespace Limits = Protocol::ArgumentLimits;
    const QFileInfo info(path);
    QStringList names;
    if (info.isDir()) {
        QDirIterator it(path, {QStringLiteral("*.md"), QStringLiteral("*.csv")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            names.append(it.next());
        names.sort();
    } else if (info.isFile()) {
        names.append(path);
    }
    if (names.isEmpty()) {
        Q_EMIT failed(Protocol::errorCodeName(Protocol::ErrorCode::NotFound));
        return false;
    }
    const QDir base = info.isDir() ? QDir(path) : info.dir();
    QJsonArray files;
    qint64 total = 0;
    for (const QString &name : std::as_const(names)) {
        QFile file(name);
        const QString content =
            file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        total += content.toUtf8().size();
        if (content.size() > Limits::ImportFile || files.size() >= Limits::ImportFiles ||
            total > Protocol::MaxFrameBytes / 2) {
            Q_EMIT failed(Protocol::errorCodeName(Protocol::ErrorCode::FrameTooLarge));
            return false;
        }
        files.append(
            QJsonObject{{Key::Name, base.relativeFilePath(name)}, {Key::Content, content}});
    }
    return sent(m_relay->request(
        Command::ImportArticles, {{Key::Files, files}, {Key::Apply, apply}}, this,
        [this](const RelayResult &r) {
            if (r.lost)
                return;
            if (!r.ok) {
                Q_EMIT failed(r.errorCode);
                return;
            }
            auto titles = [](const QJsonValue &list) {
                QStringList out;
                for (const QJsonValue &value : list.toArray()) {
                    const QJsonObject article = value.toObject();
                    out.append(QStringLiteral("%1 (%2)").arg(article.value(Key::Title).toString(),
                                                             article.value(Key::Id).toString()));
                }
                return out;
            };
            KbImportResult result;
            result.added = titles(r.data.value(Key::Added));
            result.changed = titles(r.data.value(Key::Changed));
            result.unchanged = r.data.value(Key::Unchanged).toInt();
            for (const QJsonValue &value : r.data.value(Key::Problems).toArray()) {
                const QJsonObject problem = value.toObject();
                result.problems.append(QStringLiteral("%1:%2: %3")
                                           .arg(problem.value(Key::File).toString())
                                           .arg(problem.value(Key::Line).toInt())
                                           .arg(problem.value(Key::Message).toString()));
            }
            result.applied = r.data.value(Key::Apply).toBool();
            if (result.applied)
                loadArticles();
            Q_EMIT importChecked(result);
        }));
}

bool KnowledgeBaseEditor::dismiss(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return sent(m_relay->request(Command::DismissKbSuggestions, {{Key::Ids, array}}, this,
                                 [this](const RelayResult &r) {
                                     if (r.lost)
                                         return;
                                     if (!r.ok) {
                                         Q_EMIT failed(r.errorCode);
                                         return;
                                     }
                                     loadSuggestions();
                                 }));
}

void KnowledgeBaseEditor::handleEvent(qint64, const QString &kind, qint64, const QJsonObject &)
{
    if (m_loaded && Protocol::eventKindFromName(kind) == Protocol::EventKind::KbUpdated)
        refresh();
}

bool KnowledgeBaseEditor::sent(bool ok)
{
    if (!ok)
        Q_EMIT failed(Unreachable);
    return ok;
}

} // namespace Serambi::App
