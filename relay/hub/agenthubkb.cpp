// The knowledge-base editor's commands that touch kb.sqlite: they run on the hub's thread,
// where the knowledge base's connection is; their versions and kb.updated go through the writer.
#include "agenthub.h"

#include "ai/knowledgebase.h"
#include "auth/visibility.h"
#include "consolesession.h"
#include "kbcommands.h"
#include "kbgaps.h"
#include "kbimport.h"
#include "logging/relaylogging.h"
#include "protocol/frame.h"
#include "protocol/keys.h"
#include "store/storereader.h"
#include "store/storewriter.h"

namespace Serambi::Relay {

namespace Key = Protocol::Key;

using Protocol::Command;
using Protocol::ErrorCode;

void AgentHub::runKbCommand(ConsoleSession *session, const QString &id, Command command,
                            const QJsonObject &args)
{
    const auto user = UserRepo::byId(m_reader->db(), session->user().id);
    if (!user || user->disabled || !isSupervisor(*user)) {
        session->send(Protocol::resultError(id, ErrorCode::Forbidden));
        return;
    }
    if (!m_knowledgeBase || !m_kbDrafter) {
        session->send(Protocol::resultError(id, ErrorCode::Internal));
        return;
    }
    CommandReply reply;
    if (command == Command::ListArticles) {
        reply = listArticlesCommand(m_reader->db(), *m_knowledgeBase);
    } else if (command == Command::KbPreview) {
        reply = kbPreviewCommand(*m_kbDrafter, args);
    } else if (command == Command::KbGaps) {
        reply = kbGapsCommand(m_reader->db(), *m_knowledgeBase, *m_kbDrafter, args, now());
    } else if (command == Command::SaveArticle) {
        const auto article = articleFromArgs(args, &reply);
        QString error;
        if (article && !m_knowledgeBase->save(*article, now(), &error)) {
            qCWarning(lcAi) << "cannot save an article:" << error;
            reply = CommandReply::refusal(ErrorCode::Internal);
        } else if (article) {
            recordArticleChanges(session, id, {*article}, false, *user,
                                 {{Key::Id, article->id}, {Key::Deleted, false}});
            return;
        }
    } else if (command == Command::ImportArticles) {
        importArticles(session, id, args, *user);
        return;
    } else {
        KbArticle article;
        article.id = args.value(Key::Id).toString();
        const QList<KbArticle> articles = m_knowledgeBase->articles();
        const auto found = std::find_if(articles.cbegin(), articles.cend(),
                                        [&](const KbArticle &a) { return a.id == article.id; });
        QString error;
        if (found == articles.cend()) {
            reply = CommandReply::refusal(ErrorCode::NotFound, QStringLiteral("no such article"));
        } else if (!m_knowledgeBase->remove(article.id, &error).value_or(false)) {
            qCWarning(lcAi) << "cannot delete an article:" << error;
            reply = CommandReply::refusal(ErrorCode::Internal);
        } else {
            recordArticleChanges(session, id, {*found}, true, *user,
                                 {{Key::Id, found->id}, {Key::Deleted, true}});
            return;
        }
    }
    session->send(reply.ok ? Protocol::resultOk(id, reply.data)
                           : Protocol::resultError(id, reply.code, reply.message));
}

void AgentHub::importArticles(ConsoleSession *session, const QString &id, const QJsonObject &args,
                              const User &user)
{
    const KbImportPlan plan =
        planKbImport(args.value(Key::Files).toArray(), m_knowledgeBase->articles());
    if (!args.value(Key::Apply).toBool()) {
        session->send(Protocol::resultOk(id, plan.toJson(false)));
        return;
    }
    QList<KbArticle> saved;
    bool failed = false;
    for (const KbArticle &article : plan.added + plan.changed) {
        QString error;
        if (!m_knowledgeBase->save(article, now(), &error)) {
            qCWarning(lcAi) << "cannot save an imported article:" << error;
            failed = true;
            break;
        }
        saved.append(article);
    }
    recordArticleChanges(session, id, saved, false, user, plan.toJson(true), failed);
}

void AgentHub::recordArticleChanges(ConsoleSession *session, const QString &id,
                                    const QList<KbArticle> &articles, bool deleted,
                                    const User &user, const QJsonObject &reply, bool failed)
{
    const quint64 sessionId = session->id();
    m_writer->submit(
        [articles, deleted, user, at = now()](WriteTxn &txn) {
            for (const KbArticle &article : articles) {
                if (!recordArticleVersion(txn, article, deleted, user, at)) {
                    txn.markFailed();
                    return WriteResult::failure(
                        QStringLiteral("cannot record the article version"));
                }
            }
            return WriteResult::success();
        },
        this,
        [this, sessionId, id, reply, failed](const WriteResult &result) {
            ConsoleSession *target = findSession(sessionId);
            if (!target)
                return;
            if (!result.ok || failed) {
                target->send(Protocol::resultError(id, ErrorCode::Internal));
                return;
            }
            target->send(Protocol::resultOk(id, reply));
        });
}

} // namespace Serambi::Relay
