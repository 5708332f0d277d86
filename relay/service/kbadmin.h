#pragma once

#include <QString>
#include <QTextStream>

namespace Serambi::Relay {

struct RelayConfig;

// `serambi-relay kb import PATH`: replaces the relay's knowledge base with the Markdown and CSV
// articles under PATH (a running relay picks it up at its next draft). Prints the counts and
// every problem as FILE:LINE: message. Exit code 0 when at least one article was read.
int importKnowledgeBase(const RelayConfig &config, const QString &path, QTextStream &out,
                        QTextStream &err);

// `serambi-relay kb export DIR`: writes every article of the relay's knowledge base (with the
// console's edits) to DIR/ID.md, Markdown with front matter that `kb import` reads back
// identically. Exit code 0 when every file was written.
int exportKnowledgeBase(const RelayConfig &config, const QString &dir, QTextStream &out,
                        QTextStream &err);

// `serambi-relay kb query [--kb PATH] [--json] MESSAGE`: what the offline drafter would do
// with MESSAGE: ranked articles with scores, confidence, handoff decision and the draft. With
// kbPath the articles under it are used instead of the relay's (nothing is stored).
int queryKnowledgeBase(const RelayConfig &config, const QString &kbPath, bool json,
                       const QString &message, QTextStream &out, QTextStream &err);

// `serambi-relay kb tokens`: the LLM tokens each conversation used (conversation id, the
// customer's WhatsApp id, tokens; most first) and the total.
int listLlmTokens(const RelayConfig &config, QTextStream &out, QTextStream &err);

} // namespace Serambi::Relay
