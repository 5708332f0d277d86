#include "kbimport.h"

#include "ai/kbreader.h"
#include "protocol/commandargs.h"
#include "protocol/keys.h"

#include <QHash>

namespace Serambi::Relay {

namespace Key = Protocol::Key;
namespace Limits = Protocol::ArgumentLimits;

namespace {

QJsonArray listed(const QList<KbArticle> &articles)
{
    QJsonArray out;
    for (const KbArticle &article : articles)
        out.append(QJsonObject{{Key::Id, article.id}, {Key::Title, article.title}});
    return out;
}

bool sameContent(const KbArticle &a, const KbArticle &b)
{
    return a.title == b.title && a.tags == b.tags && a.questions == b.questions && a.body == b.body;
}

} // namespace

QJsonObject KbImportPlan::toJson(bool applied) const
{
    QJsonArray problemList;
    for (const KbProblem &problem : problems)
        problemList.append(QJsonObject{
            {Key::File, problem.file}, {Key::Line, problem.line}, {Key::Message, problem.message}});
    return {{Key::Added, listed(added)},
            {Key::Changed, listed(changed)},
            {Key::Unchanged, unchanged},
            {Key::Problems, problemList},
            {Key::Apply, applied}};
}

KbImportPlan planKbImport(const QJsonArray &files, const QList<KbArticle> &current)
{
    QList<KbReader::KbFile> texts;
    for (const QJsonValue &file : files) {
        const QJsonObject object = file.toObject();
        texts.append({object.value(Key::Name).toString(), object.value(Key::Content).toString()});
    }
    KbImportPlan plan;
    QHash<QString, KbArticle> now;
    for (const KbArticle &article : current)
        now.insert(article.id, article);
    for (const KbArticle &article : KbReader::readTexts(texts, &plan.problems)) {
        if (article.title.size() > Limits::ArticleTitle ||
            article.body.size() > Limits::ArticleBody) {
            plan.problems.append({article.source, article.line,
                                  QStringLiteral("article %1: the title may have %2 characters "
                                                 "and the text %3")
                                      .arg(article.id)
                                      .arg(Limits::ArticleTitle)
                                      .arg(Limits::ArticleBody)});
            continue;
        }
        const auto existing = now.constFind(article.id);
        if (existing == now.constEnd())
            plan.added.append(article);
        else if (!sameContent(*existing, article))
            plan.changed.append(article);
        else
            ++plan.unchanged;
    }
    return plan;
}

} // namespace Serambi::Relay
