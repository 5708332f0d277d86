#pragma once

#include "ai/kbarticle.h"
#include "commandrunner.h"

#include <QSqlDatabase>

#include <optional>

namespace Serambi::Relay {

class KbDrafter;
class KnowledgeBase;

// The knowledge-base editor's commands (docs/protocol.md, "Knowledge base"), supervisors and
// admins only. The articles live in kb.sqlite (read and written on the hub's thread); their
// versions and the handled suggestions in relay.sqlite.

// save_article's arguments as an article, or nullopt with an invalid_argument *refusal.
std::optional<KbArticle> articleFromArgs(const QJsonObject &args, CommandReply *refusal);

// list_articles: {"articles": [{id, title, tags, questions, body, source, cited}...]}, cited
// counting the drafts (relay.sqlite) that cited the article.
CommandReply listArticlesCommand(QSqlDatabase &db, KnowledgeBase &knowledgeBase);
// list_article_versions {id}: {"versions": [...]}, newest first.
CommandReply listArticleVersionsCommand(QSqlDatabase &db, const QJsonObject &args);
// kb_preview {text}: what the offline drafter would answer now.
CommandReply kbPreviewCommand(const KbDrafter &drafter, const QJsonObject &args);

// Records a saved (or deleted) article as a version by user at nowMs (the hub's clock), with the
// kb.updated event.
bool recordArticleVersion(WriteTxn &txn, const KbArticle &article, bool deleted, const User &user,
                          qint64 nowMs);
// dismiss_kb_suggestions {ids}: marks suggestions handled (kb.updated).
CommandReply dismissKbSuggestions(CommandContext &context);

} // namespace Serambi::Relay
