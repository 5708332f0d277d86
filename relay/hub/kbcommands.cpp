#include "kbcommands.h"

#include "ai/kbdrafter.h"
#include "ai/kbreader.h"
#include "ai/knowledgebase.h"
#include "auth/visibility.h"
#include "protocol/commandargs.h"
#include "protocol/keys.h"
#include "store/statementcache.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::ErrorCode;

namespace {

// Where console edits say they came from (kb_articles.source).
const QString ConsoleSource = QStringLiteral("console");
constexpr int VersionsListed = 100;

CommandReply invalid(const QString &message)
{
    return CommandReply::refusal(ErrorCode::InvalidArgument, message);
}

// The non-empty, trimmed one-line strings of a list argument; nullopt when one has a line
// break.
std::optional<QStringList> lines(const QJsonObject &args, QLatin1String key)
{
    QStringList out;
    for (const QJsonValue &value : args.value(key).toArray()) {
        const QString item = value.toString().trimmed();
        if (item.contains(QLatin1Char('\n')) || item.contains(QLatin1Char('\r')))
            return std::nullopt;
        if (!item.isEmpty() && !out.contains(item))
            out.append(item);
    }
    return out;
}

QString jsonList(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QJsonArray arrayFromJson(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

} // namespace

std::optional<KbArticle> articleFromArgs(const QJsonObject &args, CommandReply *refusal)
{
    KbArticle article;
    article.id = args.value(Key::Id).toString();
    if (!KbReader::validId(article.id)) {
        *refusal = invalid(QStringLiteral("id must have 1 to 64 of a-z, 0-9, '.', '_' and '-', "
                                          "starting with a letter or digit"));
        return std::nullopt;
    }
    article.title = args.value(Key::Title).toString().trimmed();
    if (article.title.isEmpty() || article.title.contains(QLatin1Char('\n'))) {
        *refusal = invalid(QStringLiteral("title must be one line of 1 to %1 characters")
                               .arg(Protocol::ArgumentLimits::ArticleTitle));
        return std::nullopt;
    }
    article.body = args.value(Key::Body).toString().trimmed();
    if (article.body.isEmpty()) {
        *refusal = invalid(QStringLiteral("body must have 1 to %1 characters")
                               .arg(Protocol::ArgumentLimits::ArticleBody));
        return std::nullopt;
    }
    const auto tags = lines(args, Key::Tags);
    const auto questions = lines(args, Key::Questions);
    if (!tags || !questions) {
        *refusal = invalid(QStringLiteral("a tag or question must be one line"));
        return std::nullopt;
    }
    article.tags = *tags;
    article.questions = *questions;
    article.source = ConsoleSource;
    return article;
}

CommandReply listArticlesCommand(QSqlDatabase &db, KnowledgeBase &knowledgeBase)
{
    QHash<QString, int> cited;
    PreparedQuery citations(db, QStringLiteral("SELECT source.value, COUNT(*) FROM drafts, "
                                               "json_each(drafts.sources) AS source GROUP BY 1"));
    if (!citations.exec())
        return CommandReply::refusal(ErrorCode::Internal);
    while (citations.next())
        cited.insert(citations.value(0).toString(), citations.value(1).toInt());
    QJsonArray articles;
    for (const KbArticle &article : knowledgeBase.articles()) {
        articles.append(QJsonObject{{Key::Id, article.id},
                                    {Key::Title, article.title},
                                    {Key::Tags, QJsonArray::fromStringList(article.tags)},
                                    {Key::Questions, QJsonArray::fromStringList(article.questions)},
                                    {Key::Body, article.body},
                                    {Key::Source, article.source},
                                    {Key::Cited, cited.value(article.id)}});
    }
    return CommandReply::success({{Key::Articles, articles}});
}

CommandReply listArticleVersionsCommand(QSqlDatabase &db, const QJsonObject &args)
{
    const QString id = args.value(Key::Id).toString();
    if (!KbReader::validId(id))
        return invalid(QStringLiteral("id must be an article id"));
    PreparedQuery query(db, QStringLiteral("SELECT v.id, v.title, v.tags, v.questions, v.body, "
                                           "v.deleted, v.author_id, u.display_name, v.created_at "
                                           "FROM kb_article_versions v LEFT JOIN users u ON u.id "
                                           "= v.author_id WHERE v.article_id = ? ORDER BY v.id "
                                           "DESC LIMIT ?"));
    query.addBindValue(id);
    query.addBindValue(VersionsListed);
    if (!query.exec())
        return CommandReply::refusal(ErrorCode::Internal);
    QJsonArray versions;
    while (query.next()) {
        versions.append(QJsonObject{{Key::Version, query.value(0).toLongLong()},
                                    {Key::Id, id},
                                    {Key::Title, query.value(1).toString()},
                                    {Key::Tags, arrayFromJson(query.value(2).toString())},
                                    {Key::Questions, arrayFromJson(query.value(3).toString())},
                                    {Key::Body, query.value(4).toString()},
                                    {Key::Deleted, query.value(5).toBool()},
                                    {Key::AuthorId, query.value(6).toLongLong()},
                                    {Key::AuthorName, query.value(7).toString()},
                                    {Key::CreatedAt, query.value(8).toLongLong()}});
    }
    return CommandReply::success({{Key::Versions, versions}});
}

CommandReply kbPreviewCommand(const KbDrafter &drafter, const QJsonObject &args)
{
    const QString text = args.value(Key::Text).toString().trimmed();
    if (text.isEmpty())
        return invalid(QStringLiteral("text must be a customer message"));
    const KbDecision decision = drafter.decide(text);
    QJsonArray sources;
    for (const KbHit &hit : decision.hits) {
        if (decision.draft.sources.contains(hit.article.id))
            sources.append(QJsonObject{{Key::Id, hit.article.id}, {Key::Title, hit.article.title}});
    }
    return CommandReply::success({{Key::Text, decision.draft.text},
                                  {Key::Confidence, decision.draft.confidence},
                                  {Key::Sources, sources},
                                  {Key::Abstained, decision.abstained},
                                  {Key::Handoff, decision.draft.handoff}});
}

bool recordArticleVersion(WriteTxn &txn, const KbArticle &article, bool deleted, const User &user,
                          qint64 nowMs)
{
    PreparedQuery insert = txn.prepare(
        QStringLiteral("INSERT INTO kb_article_versions (article_id, title, tags, questions, "
                       "body, deleted, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(article.id);
    insert.addBindValue(article.title);
    insert.addBindValue(jsonList(article.tags));
    insert.addBindValue(jsonList(article.questions));
    insert.addBindValue(article.body);
    insert.addBindValue(deleted ? 1 : 0);
    insert.addBindValue(user.id);
    insert.addBindValue(nowMs);
    if (!insert.exec())
        return false;
    txn.appendEvent(EventKind::KbUpdated, 0, 0, QStringLiteral(""),
                    {{Key::Id, article.id}, {Key::Deleted, deleted}});
    return true;
}

CommandReply dismissKbSuggestions(CommandContext &context)
{
    if (!isSupervisor(context.user))
        return CommandReply::refusal(ErrorCode::Forbidden);
    const QJsonArray ids = context.args.value(Key::Ids).toArray();
    if (ids.isEmpty())
        return invalid(QStringLiteral("ids must list suggestion ids"));
    int dismissed = 0;
    for (const QJsonValue &value : ids) {
        const auto id = positiveInteger(value);
        if (!id)
            return invalid(QStringLiteral("ids must be suggestion ids"));
        PreparedQuery update = context.txn.prepare(QStringLiteral(
            "UPDATE kb_suggestions SET handled_at = ? WHERE id = ? AND handled_at IS NULL"));
        update.addBindValue(context.txn.now());
        update.addBindValue(*id);
        if (!update.exec())
            return CommandReply::refusal(ErrorCode::Internal);
        dismissed += update.numRowsAffected();
    }
    context.txn.appendEvent(EventKind::KbUpdated, 0, 0, QStringLiteral(""),
                            {{Key::Dismissed, dismissed}});
    return CommandReply::success({{Key::Dismissed, dismissed}});
}

} // namespace Serambi::Relay
