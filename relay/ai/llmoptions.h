#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Serambi::Relay {

// Where and how the LLM drafter asks an OpenAI-compatible chat completions endpoint
// (docs/configuration.md, SERAMBI_LLM_*). apiKey is a secret: it only goes into the
// Authorization header.
struct LlmOptions
{
    QUrl baseUrl = QUrl(QStringLiteral("https://openrouter.ai/api/v1"));
    QString model = QStringLiteral("openai/gpt-4o-mini");
    QByteArray apiKey;
    QList<QPair<QByteArray, QByteArray>> headers;
    // The whole answer must have arrived within this time, counted from when the request goes
    // out (not from when it was queued), else the offline draft is used.
    int timeoutMs = 20000;
    // Requests in flight at once; more wait in the drafter's queue, their timeout not running
    // (a draft that waits timeoutMs there falls back). At most 6: Qt opens no more connections
    // to one host and would queue the rest unseen.
    int maxConcurrent = 4;
    // Wait before the one retry after a 429 or 5xx.
    int retryDelayMs = 1000;
    // At most one streaming draft.updated per conversation this often.
    int streamIntervalMs = 150;
    // Earlier turns of the conversation sent along with the new message.
    int historyTurns = 6;
};

} // namespace Serambi::Relay
